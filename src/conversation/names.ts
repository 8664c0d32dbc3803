/** People as texts name them: a name after a title, another name, a surname; whether an entry names someone. */
import { CONFIDENCE_THRESHOLD, STOP_WORDS, type AskResult } from "../core/index.js";
import { plainWords } from "./followup.js";
import type { KnowledgeView } from "./view.js";

/** The name written after a title in a text ("Foreign Minister Mohammad Javad Zarif" for "foreign minister"), or null. */
export function titledName(text: string, title: readonly string[]): string | null {
  const cap = title.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
  const m = new RegExp(`\\b${cap.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ((?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+)\\b`).exec(
    text,
  );
  return m ? m[1]! : null;
}

/** The first "Firstname Lastname" in a text with no word of the names `not`, or null. */
export function otherName(text: string, not: string): string | null {
  const own = new Set(plainWords(not).split(" "));
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g)) {
    const words = plainWords(m[0]).split(" ");
    if (m.index === 0 || /[.!?]\s*$/.test(text.slice(0, m.index))) continue;
    if (!words.some((w) => own.has(w) || STOP_WORDS.has(w))) return m[0];
  }
  return null;
}

/** "Mohammad Javad Azari Jahromi" → "Jahromi": the one word that names them, without outweighing the question. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** A word of the question that the text writes as a surname after a capitalised name ("Ali Khamenei"), as the knowledge's own string; else null. */
export function surnameIn(text: string, qWords: readonly string[], view: KnowledgeView): string | null {
  for (const w of qWords) {
    if (w.length < 3 || STOP_WORDS.has(w) || view.speakerWords.has(w) || !view.vocabulary.has(w)) continue;
    const cap = w[0]!.toUpperCase() + w.slice(1);
    if (new RegExp(`\\b[A-Z][a-z]+ ${cap}\\b`).test(text)) return view.vocabulary.get(w)!;
  }
  return null;
}

/** Whether an entry names someone: its speaker, the one person it is about, a person's name, or an authority. */
export function namesSomeone(view: KnowledgeView, id: string): boolean {
  return (
    view.personOf(id) !== null ||
    view.nameIn(id) !== null ||
    /\b(?:authorities|officials|government|regime|judiciary|president|minister|leaders?|groups?|entrepreneurs|company|firms)\b/i.test(
      view.entries.get(id)?.text ?? "",
    )
  );
}

/** Whether an entry names a person, or an agent more specific than "authorities", "officials", "the regime". */
export function specificAgent(view: KnowledgeView, id: string): boolean {
  if (view.personOf(id) !== null || view.nameIn(id) !== null) return true;
  return /\b(?:judiciary|president|minister|leaders?|groups?|entrepreneurs|company|firms)\b/i.test(
    view.entries.get(id)?.text ?? "",
  );
}

/** Whether an answer is one person's words, and no confident alternative is another person's words. */
export function onePerson(result: AskResult, view: KnowledgeView): boolean {
  const a = result.answer;
  const who = a && a.kind === "quote" && a.confidence >= CONFIDENCE_THRESHOLD ? view.personOf(a.id) : null;
  if (!who) return false;
  return result.alternatives.every(
    (x) => x.kind !== "quote" || x.confidence < CONFIDENCE_THRESHOLD || view.personOf(x.id) === who,
  );
}
