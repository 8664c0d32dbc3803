/** A follow-up's answer that gives what its question word asks for (a time, a reason, a figure, a means, a duration). */
import { CONFIDENCE_THRESHOLD, STOP_WORDS, stem, type Answer, type AskResult } from "../core/index.js";
import { plainWords, type FollowUp } from "./followup.js";
import type { Recall } from "./memory.js";
import { moveTopic } from "./topic.js";
import type { ConversationReply, TurnTools } from "./turn-types.js";
import type { KnowledgeView } from "./view.js";
import { AIM, ANSWER_KIND, CAUSE, MEANS, PURPOSE, REASON_OF_PERSON } from "./wording.js";

/**
 * When nothing answers a follow-up as filled in, the last answer, or an entry related to it, that gives what the
 * question word asks for ("by how much?" → the one with the figure, "why?" → the one with a reason) answers it.
 */
export function fitting(
  turn: TurnTools,
  out: ConversationReply,
  recall: Recall,
  view: KnowledgeView,
  ask: string,
  kind: FollowUp["kind"],
  prev: string | null = null,
  message = "",
): ConversationReply {
  const wants = countOf(ask, message) ?? ANSWER_KIND[ask] ?? (ask === "how" ? MEANS : undefined);
  if (recall.entry === null || !wants) return out;
  if (out.mode === "answer") {
    // "why did they do it?" answered with the entry just shown, which gives no reason: a neighbour of it in the
    // knowledge, not shown yet, on the same topic (naming it, or sharing two tags), that gives what is asked.
    // "why was he mad?" after Rouhani's criticism "for banning" Telegram (or his words on it): the new answer unsure,
    // the last one, or the same person's entry next to it, tells it.
    const theirs = ask === "why" && /\b(?:he|she|him|her)\b/.test(plainWords(message));
    const tells = (id: string) => {
      const t = view.entries.get(id)!.text;
      return wants.test(t) || (theirs && REASON_OF_PERSON.test(t));
    };
    // "since when?" after "… increased in recent years": the last answer tells it, the new one is unsure.
    // "how long has he driven for them?" after his quote, said "who has worked for Velora since 2022": a quote's
    // context is part of the answer shown.
    if (
      (ask === "when" || ask === "how long") &&
      prev !== null &&
      out.answer &&
      out.answer.id !== prev &&
      out.answer.confidence < 1
    ) {
      const p = view.entries.get(prev)!;
      const tells = wants.test(p.text) || (ask === "how long" && p.kind === "quote" && wants.test(p.context ?? ""));
      if (tells && (ask === "when" || !wants.test(out.answer.text)))
        return turn.showEntry(recall, view, prev, null, kind);
    }
    // (A purpose asked, "what is it meant to do?", is no reason: the aim found stays.)
    const aim = PURPOSE.test(plainWords(message)) && out.answer !== null && AIM.test(out.answer.text);
    if (ask === "why" && !aim && prev !== null && out.answer && out.answer.id !== prev && out.answer.confidence < 1) {
      const who = view.personOf(prev);
      const near =
        who === null ? [] : view.related(prev, new Set([prev]), 12).filter((id) => view.personOf(id) === who);
      const fit = [prev, ...near].find(tells);
      if (fit) return turn.showEntry(recall, view, fit, null, kind);
    }
    // A means asked for: a new answer that gives none ("how do they get on it?" → someone who uses Twitter) is
    // looked past the same way.
    const looksPast = wants === MEANS;
    if (prev === null || (out.answer?.id !== prev && !looksPast) || wants.test(out.answer!.text)) return out;
    const topic = recall.topic.map(stem);
    const tags = view.entries.get(prev)?.tags ?? [];
    // "why?" after what someone said or did asks their reason; "why did they do it?" may be someone else's.
    const who = /\b(?:they|them)\b/.test(plainWords(message)) ? null : view.personOf(prev);
    const fits = (id: string) => {
      const e = view.entries.get(id)!;
      const named = topic.some((t) => view.mentions(id, [t]));
      const close = e.tags.filter((t) => tags.includes(t)).length >= 2;
      // A means may be told beside the topic (VPNs for blocked Facebook); a reason or a time must be its own.
      const same = who === null || view.personOf(id) === who;
      return (wants === MEANS ? named || close : named && close) && same && wants.test(e.text);
    };
    // One not shown yet first; else one shown earlier in the conversation still answers ("on what grounds?" after
    // the ban's date and grounds, then who banned it).
    const causes = (id: string) => {
      const e = view.entries.get(id)!;
      return e.kind === "fact" && e.tags.filter((t) => tags.includes(t)).length >= 2 && CAUSE.test(e.text);
    };
    const near =
      view.related(prev, new Set(recall.shown), 12).find(fits) ??
      view.related(prev, new Set([prev]), 12).find((id) => recall.shown.includes(id) && fits(id)) ??
      // "why?" after Apple cut Iranians off: nothing says "because", but a fact close to it tells what prompted it.
      (ask === "why" ? view.related(prev, new Set(recall.shown), 12).find(causes) : undefined);
    if (!near) return out;
    const shown = turn.showEntry(recall, view, near, null, kind);
    moveTopic(recall, view, near, topic);
    return shown;
  }
  // A related entry must name the topic too: a year in any entry sharing a tag is not when this happened.
  const topic = recall.topic.map(stem);
  const related = view
    .related(recall.entry, new Set(recall.shown), 12)
    .filter((id) => topic.some((t) => view.mentions(id, [t])));
  const candidates = [recall.entry, ...related];
  const fit = candidates.find((id) => wants.test(view.entries.get(id)!.text));
  return fit ? turn.showEntry(recall, view, fit, null, kind) : out;
}

/**
 * "how many hours …?": a figure with that unit ("20 hours a week"), not any figure ("Deon, 15, …"); undefined when
 * the question names no unit after "how many".
 */
export function countOf(ask: string, message: string): RegExp | undefined {
  if (ask !== "how many") return undefined;
  const m = /\bhow many ([a-z]{3,})/.exec(plainWords(message));
  if (!m || STOP_WORDS.has(m[1]!)) return undefined;
  const unit = stem(m[1]!);
  return new RegExp(
    `(?:\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion))[\\d,.]*(?:%)? (?:[a-z-]+ ){0,2}${unit}`,
    "i",
  );
}

/** "what happened after X?", "what did the regime do after X?": X, the event asked after. */
const AFTER_ASKED =
  /^(?:(?:and|so|ok|but) )?(?:what (?:happened|came|followed|changed)|what did (?:they|the [a-z]+|[a-z]+) do) (?:right |just |soon )?(?:after|following|since) (.+)$/;

/**
 * Of a result's answer and its confident alternatives (within 0.25 of it), the first whose text says something came
 * after the event the question asks after ("In the wake of the mass protests of 2009, …" for "what happened after
 * the 2009 protests?"): "after", "following" or "in the wake of" with every content word of the event in the next
 * few words. Undefined when the question asks no such thing or none says so. `loose` (a question filled in from "after
 * them", whose event is the whole last topic): one word of the event in those next words is enough.
 */
export function cameAfter(result: AskResult, question: string, loose = false): Answer | undefined {
  const m = AFTER_ASKED.exec(plainWords(question));
  const top = result.answer;
  if (!m || !top) return undefined;
  const event = m[1]!
    .split(" ")
    .filter((w) => (w.length > 2 && !STOP_WORDS.has(w)) || /^\d{4}$/.test(w))
    .map(stem);
  if (event.length === 0) return undefined;
  const says = (a: Answer) => {
    for (const at of plainWords(a.text).matchAll(/\b(?:after|following|in the wake of)\b((?: [a-z0-9]+){1,8})/g)) {
      const next = new Set(at[1]!.trim().split(" ").map(stem));
      if (loose ? event.some((w) => next.has(w)) : event.every((w) => next.has(w))) return true;
    }
    return false;
  };
  return [top, ...result.alternatives].find(
    (a) => a.confidence >= CONFIDENCE_THRESHOLD && a.confidence >= top.confidence - 0.25 && says(a),
  );
}

/**
 * Of a result's answer and the alternatives tied with it (within `tie`), one that says what the question asks without
 * denying it, where the answer denies it: "what is she afraid of?" is "I am afraid of a letter …", not "I am not afraid
 * of the technology" (the word right after the "not", or after "been", "very", "really" …: "have not stopped Iran's
 * leaders" denies no "Iran"). Undefined when the question itself denies something, or the answer does not deny a word of it.
 */
export function unnegated(result: AskResult, question: string, tie: number): Answer | undefined {
  const top = result.answer;
  if (!top || !/\b(?:not|never|no)\b|n[’']t\b/i.test(top.text)) return undefined;
  const q = plainWords(keepNotOf(question));
  if (/\bnot\b|n't\b|\bnever\b/.test(q)) return undefined;
  const asked = q.split(" ").filter((w) => w.length > 3 && !STOP_WORDS.has(w));
  const denies = (text: string, w: string) =>
    new RegExp(
      `(?:\\bnot|\\bnever|\\bno|n't)\\s+(?:(?:be|been|very|really|so|too|that|all|at all|even|longer)\\s+)?${w}`,
      "i",
    ).test(text.replace(/[’]/g, "'"));
  const says = (text: string, w: string) => new RegExp(`\\b${w}\\b`, "i").test(text);
  const denied = asked.filter((w) => denies(top.text, w));
  if (denied.length === 0) return undefined;
  return result.alternatives.find(
    (a) => a.confidence >= top.confidence - tie && denied.every((w) => says(a.text, w) && !denies(a.text, w)),
  );
}

/** The question as typed, apostrophes kept, so "isn't" still denies. */
function keepNotOf(question: string): string {
  return question.replace(/n[’']t\b/gi, " not");
}
