import type { Answer, AskResult, Source } from "../core/index.js";

/**
 * The words every renderer shows around an answer, as plain strings (each renderer escapes them for its target).
 * Kept in one place so an answer reads the same on every platform.
 */

/** "Mohammad Javad Azari Jahromi, Iran's communications minister"; the name alone when the source gives no role. */
export function nameAndRole(speaker: { name: string; role?: string | undefined }): string {
  return speaker.role ? `${speaker.name}, ${speaker.role}` : speaker.name;
}

/** The speaker with role for a quote (see {@link nameAndRole}); null for a fact. */
export function speakerLine(answer: Answer): string | null {
  return answer.speaker ? nameAndRole(answer.speaker) : null;
}

/** "Ali Arouzi and Dan De Luce" / "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "NBC News, “Title”, by Ali Arouzi and Dan De Luce" (+ date when the source gives one); no "by" without reporters. */
export function sourceLine(source: Source): string {
  const by = source.reporters.length ? `, by ${joinNames(source.reporters)}` : "";
  const date = source.date ? ` (${source.date})` : "";
  return `${source.publisher}, “${source.title}”${by}${date}`;
}

/** The quote in quotation marks, or the fact as it is. */
export function answerBody(answer: Answer): string {
  return answer.kind === "quote" ? `“${answer.text}”` : answer.text;
}

/** Context or attribution of the answer ("asked by … if …", "according to a report by Datareportal"), if any. */
export function contextLine(answer: Answer): string | null {
  if (answer.context) return answer.context;
  if (answer.attribution) return `According to ${answer.attribution}`;
  return null;
}

/** Confidence under which renderers add a "not sure" note although the core answered. */
export const LOW_CONFIDENCE = 0.75;

/** "I'm not fully sure this answers it (confidence 62%)." when the confidence is low, else null. */
export function confidenceNote(answer: Answer): string | null {
  return answer.confidence < LOW_CONFIDENCE
    ? `I'm not fully sure this answers it (confidence ${Math.round(answer.confidence * 100)}%).`
    : null;
}

/** What renderers tell the asker when their question was cut ("question was cut to 500 characters"), or null. */
export function cutNote(result: AskResult): string | null {
  return result.cutTo === undefined ? null : `question was cut to ${result.cutTo} characters`;
}

export const DECLINE_TEXT = "I don't know that: the knowledge base has no answer to it.";
