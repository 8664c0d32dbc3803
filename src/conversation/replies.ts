/** Turn replies as data: a text, a declined or re-pointed core result, the buttons, "Did you mean …?". */
import { CONFIDENCE_THRESHOLD, type Answer, type AskResult, type Core } from "../core/index.js";
import type { Reply } from "../commands/types.js";
import { encodeAction, type ButtonAction } from "./actions.js";
import type { FollowUp } from "./followup.js";
import type { Recall } from "./memory.js";
import type { ConversationReply, Mode } from "./turn-types.js";
import type { KnowledgeView } from "./view.js";

/** The confidence of an answer reply (0 when declined or not an answer). */
export function confidence(reply: Reply): number {
  return reply.type === "answer" && reply.result.answered ? (reply.result.answer?.confidence ?? 0) : 0;
}

/** What the memory cannot answer without: who is meant, or what. */
export type Missing = "person" | "thing";

/** A reply that is only a short text (small talk, a decline in words, "Did you mean …?" is {@link clarify}). */
export function textReply(mode: Mode, text: string, kind: FollowUp["kind"] | null): ConversationReply {
  return plainReply(mode, { type: "prompt", text }, kind, 0);
}

/** A reply that shows no entry: a prompt, the help, the sources list. */
export function plainReply(mode: Mode, reply: Reply, kind: FollowUp["kind"] | null, score: number): ConversationReply {
  return {
    mode,
    reply,
    answer: null,
    speaker: null,
    alternatives: [],
    actions: [],
    smalltalk: null,
    followUp: kind,
    score,
  };
}

/** The reply as declined (its answer dropped, the near misses kept as suggestions). */
export function declined(reply: Reply): Reply {
  if (reply.type !== "answer" || !reply.result.answered) return reply;
  return { type: "answer", result: declinedResult(reply.result) };
}

/** The core result as declined: no answer, no alternatives, its suggestions and notes kept. */
export function declinedResult(r: AskResult): AskResult {
  return {
    question: r.question,
    answered: false,
    answer: null,
    alternatives: [],
    suggestions: r.suggestions,
    notes: r.notes,
    cutTo: r.cutTo,
  };
}

/** The core result with another of its answers as the answer (the others stay as alternatives). */
export function withAnswer(result: AskResult, answer: Answer): AskResult {
  return {
    question: result.question,
    answered: true,
    answer,
    alternatives: result.alternatives.filter((a) => a.id !== answer.id),
    suggestions: result.suggestions,
    notes: result.notes,
    cutTo: result.cutTo,
  };
}

/** The reply with its best answer (or a near alternative above the threshold) that names every stem; else null. */
export function naming(
  reply: Reply,
  stems: string[],
  view: KnowledgeView,
  about: (id: string) => boolean = () => true,
  asked = false,
): Reply | null {
  if (reply.type !== "answer") return null;
  const r = reply.result;
  if (!r.answered || !r.answer) return null;
  const fits = (id: string) => (asked ? view.mentionsAsked(id, stems) : view.mentions(id, stems)) && about(id);
  if (fits(r.answer.id)) return reply;
  const alt = r.alternatives.find((a) => a.confidence >= CONFIDENCE_THRESHOLD && fits(a.id));
  return alt ? { type: "answer", result: withAnswer(r, alt) } : null;
}

/** Who said an entry, or for a fact the one person it is about ("More from <speaker>" applies to both). */
export function speakerOf(view: KnowledgeView, id: string | undefined): ConversationReply["speaker"] {
  if (id === undefined) return null;
  const person = view.personOf(id);
  const s = view.speakerOf(id) ?? (person !== null ? (view.speakers.get(person) ?? null) : null);
  return s ? { id: s.id, name: s.name, role: s.role ?? null } : null;
}

/** The buttons under an answer: more from its speaker, related, source (those that apply). */
export function actions(view: KnowledgeView, recall: Recall, id: string): ButtonAction[] {
  const out: ButtonAction[] = [];
  const who = speakerOf(view, id);
  if (who && view.wordsOf(who.id).some((x) => x !== id && !recall.shown.includes(x)))
    out.push({ action: "more", entryId: id });
  if (view.related(id, new Set(recall.shown), 1).length) out.push({ action: "related", entryId: id });
  out.push({ action: "source", entryId: id });
  return out.filter((a) => encodeAction(a) !== null);
}

/** "Did you mean one of these?" with the two options as buttons. */
export function clarify(options: [Answer, Answer], view: KnowledgeView, score: number): ConversationReply {
  const label = (a: Answer) => {
    const e = view.entries.get(a.id);
    const text = e?.questions[0] ?? a.text;
    return text.length > 100 ? `${text.slice(0, 99)}…` : text;
  };
  const text = `Did you mean one of these?\n${options.map((a) => `  • ${label(a)}`).join("\n")}`;
  return {
    mode: "clarify",
    reply: { type: "prompt", text },
    answer: null,
    speaker: null,
    alternatives: options,
    actions: options.map((a) => ({ action: "pick" as const, entryId: a.id })),
    smalltalk: null,
    followUp: null,
    score,
  };
}

/** The reply when a follow-up has nothing to refer back to (or the answer it meant was removed by a reload). */
export function missing(what: Missing, core: Core, stale: boolean, kind: FollowUp["kind"]): ConversationReply {
  const example = core.exampleQuestions(1)[0];
  const lead = stale
    ? "I no longer have the answer you mean (the knowledge was updated)."
    : what === "person"
      ? "Who do you mean? There is no earlier answer in this conversation to go on."
      : "What do you mean? There is no earlier answer in this conversation to go on.";
  const ask = what === "person" ? "Ask about someone by name" : "Ask me a question first";
  return textReply("declined", `${lead} ${ask}${example ? `, for example: “${example}”` : "."}`, kind);
}
