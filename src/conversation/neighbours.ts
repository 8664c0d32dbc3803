/** Entries near the last answer that a follow-up asks for: an example, someone else, what followed, more words. */
import { STOP_WORDS, stem, type Answer, type AskResult } from "../core/index.js";
import { sameThing } from "./clarify.js";
import { plainWords } from "./followup.js";
import type { Recall } from "./memory.js";
import { namesSomeone } from "./names.js";
import type { KnowledgeView } from "./view.js";
import { ELSE, HOLDS_EXAMPLES, PRONOUNS, QUESTION_WORDS, RESULT, SAYING, VERB_SENSES } from "./wording.js";

/**
 * "what else did they ban?": of the entries related to the last one, the first that holds the verb (or a tag of
 * it) and is about something else than the last topic; null when none does or the message names no verb.
 */
export function relatedDoing(view: KnowledgeView, recall: Recall, message: string): string | null {
  const m = /^what else (?:have|has|did|do|does|can|could|will) (?:they|it) ([a-z]{3,})/.exec(plainWords(message));
  if (!m) return null;
  const verb = stem(m[1]!);
  const topic = recall.topic.map(stem);
  return (
    view
      .related(recall.entry!, new Set(recall.shown), 12)
      .find((id) => view.mentions(id, [verb]) && !(topic.length > 0 && view.mentions(id, topic))) ?? null
  );
}

/**
 * An example of what the last answer says in general: when its text names none (no "like", "such as", "including",
 * no "X and Y" of names), the entry related to it, not shown, sharing its first tag, that names something (a
 * capitalised word inside the sentence) the last answer does not ("Uber" for "homegrown versions of Western apps").
 */
export function example(view: KnowledgeView, recall: Recall, noun: string | null = null, like = false): string | null {
  const last = view.entries.get(recall.entry!)!;
  if (HOLDS_EXAMPLES.test(last.text)) return null;
  const first = last.tags.find((t) => !view.speakers.has(t));
  if (!first) return null;
  // The article's own subject ("Iran", "Iranians" in its headline) is no example of anything.
  const title = view.core.knowledge.sources.find((s) => s.id === last.sourceId)?.title ?? "";
  const subject = [...title.matchAll(/\b[A-Z][a-z]+/g)].map((m) => m[0].replace(/(?:ians?|s)$/, ""));
  // A sentence's first word is capitalised whatever it is ("Wary of …"): a name there only when a tag is its word.
  const names = (text: string, first = false) =>
    [...text.matchAll(/\b[A-Z][a-z]+/g)]
      .filter((m) => first || m.index! > 0 || view.tagWords.has(m[0].toLowerCase()))
      .map((m) => m[0])
      .filter(
        (w) =>
          !subject.some((t) => t.length >= 3 && w.startsWith(t)) &&
          !STOP_WORDS.has(w.toLowerCase()) &&
          // "Western", "European": a region's or a people's adjective names no example.
          !/^(?:Western|Eastern|Northern|Southern|Foreign|Local|National|Domestic)$|(?:ian|ean|ese|ish)$/.test(w),
      );
  const known = new Set(names(last.text, true));
  const fits = view.related(last.id, new Set(recall.shown), 12).filter(
    (id) =>
      // "like what apps?" names what the examples are of; "what apps?" and "like what?" lean on the last answer's
      // first tag.
      ((like && noun !== null) || view.entries.get(id)!.tags.includes(first)) &&
      names(view.entries.get(id)!.text).some((w) => !known.has(w)) &&
      // "which protests?": one that is about protests too (its text or the questions it answers).
      (noun === null || view.mentionsAsked(id, [noun])),
  );
  // The same person's first, shown or not ("which app?" after the make-up artist's customers: her Instagram).
  const person = view.personOf(last.id);
  const theirs =
    person === null
      ? undefined
      : view
          .related(last.id, new Set(), 12)
          .find(
            (id) =>
              view.personOf(id) === person &&
              names(view.entries.get(id)!.text).some((w) => !known.has(w)) &&
              (noun === null || view.mentionsAsked(id, [noun])),
          );
  return theirs ?? fits[0] ?? null;
}

/**
 * "who asked him?", "who was she talking to?": when the last entry's text and context name nobody it was said to,
 * the same speaker's entry whose context does ("Asked by …" for who asked, "Told …", "said to …" too otherwise).
 */
export function addressed(view: KnowledgeView, recall: Recall, asked: string): string | null {
  const m =
    /^who (asked|interviewed) (?:him|her)$|^who (?:was|is|were) (?:he|she) (?:talking|speaking|saying (?:it|that|this)) to$|^who did (?:he|she) (?:say|tell|said) (?:it|that|this) to$/.exec(
      asked,
    );
  if (!m || recall.entry === null) return null;
  const addressee = m[1]
    ? /\b(?:asked by|interviewed by|in an interview)\b/i
    : /\b(?:asked by|told|said to|spoke to|speaking to|interview)/i;
  const said = (id: string) => {
    const e = view.entries.get(id);
    return e ? `${e.kind === "quote" ? (e.context ?? "") : ""} ${e.text}` : "";
  };
  if (addressee.test(said(recall.entry))) return null;
  const who = view.personOf(recall.entry);
  if (who === null) return null;
  return view.wordsOf(who).find((id) => id !== recall.entry && addressee.test(said(id))) ?? null;
}

/**
 * "who else uses Instagram?", "who else does?": of the core's answers to the question (when given) and the entries
 * related to the last answer, the first not shown that is on the question's topic words (else the last topic) and
 * is by or about someone other than the last person: a named person first, then any that names someone.
 */
export function someoneElse(
  view: KnowledgeView,
  recall: Recall,
  question: string,
  result: AskResult | null,
): string | null {
  const own = plainWords(question)
    .split(" ")
    .filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
  const topic = (own.length ? own : recall.topic).map(stem);
  // Its other words ("uses", "criticized") must be there too, as written or in a sense of the verb ("relied").
  const verbs = plainWords(question)
    .split(" ")
    .filter(
      (w) =>
        w.length > 2 &&
        w !== "else" &&
        !own.includes(w) &&
        !STOP_WORDS.has(w) &&
        !QUESTION_WORDS.has(w) &&
        !PRONOUNS.has(w),
    )
    .map((w) => (VERB_SENSES[w] ?? VERB_SENSES[w.replace(/s$/, "")] ?? [w]).map(stem));
  const last = recall.entry !== null ? view.personOf(recall.entry) : null;
  const candidates = [
    ...(result?.answer ? [result.answer.id] : []),
    ...(result?.alternatives ?? []).map((a) => a.id),
    ...view.related(recall.entry!, new Set(recall.shown), 12),
  ].filter(
    (id) =>
      !recall.shown.includes(id) &&
      view.mentions(id, topic) &&
      verbs.every((senses) => senses.some((v) => view.mentions(id, [v]))),
  );
  const person = (id: string) => {
    const p = view.personOf(id);
    return p !== null ? p !== last && p !== recall.speaker : view.nameIn(id) !== null;
  };
  return (
    candidates.find(person) ?? candidates.find((id) => view.personOf(id) === null && namesSomeone(view, id)) ?? null
  );
}

/**
 * An entry related to the last one and naming its topic that tells what followed it, else the last one if it does
 * (unless `next`: the question asks what came next, which the last answer cannot be, nor a result of something
 * else that only shares tags with it).
 */
export function followed(view: KnowledgeView, recall: Recall, next = false): string | null {
  const topic = recall.topic.map(stem);
  const tags = view.entries.get(recall.entry!)?.tags ?? [];
  const near = view.related(recall.entry!, new Set(recall.shown), 12);
  const named = near.filter((id) => topic.length > 0 && topic.some((t) => view.mentions(id, [t])));
  // Then, when neither these nor the last answer tell it, a fact sharing two tags with the last answer (the network
  // built "in the wake of" the protests the regime feared; a quote is someone's view, not what followed).
  const close = near.filter(
    (id) =>
      !named.includes(id) &&
      view.entries.get(id)!.kind === "fact" &&
      view.entries.get(id)!.tags.filter((t) => tags.includes(t)).length >= 2,
  );
  // "After authorities banned Telegram, …" follows the topic; "After street protests, … Telegram" does not.
  const after = new RegExp(`\\bafter (?:[\\w'-]+ ){0,3}(?:${recall.topic.join("|") || "-"})`, "i");
  return (
    (next ? named : [...named, recall.entry!, ...close]).find((id) => {
      const t = view.entries.get(id)!.text;
      return RESULT.test(t) || after.test(t);
    }) ?? null
  );
}

/**
 * After a quote, the speaker's next words (quotes first) not shown yet that share a topic tag with it and do not
 * restate a shown answer; null when the last answer is no quote or they said nothing more on it.
 */
export function moreWords(view: KnowledgeView, recall: Recall): string | null {
  const last = view.entries.get(recall.entry ?? "");
  // A fact reporting someone's words ("X said the shield would …") is their words too.
  // After "what did he say about …?", "what else?" is what else he said, on it or not.
  const asked = recall.frame.some((w) => SAYING.has(w));
  const named = asked ? view.speakersNamed(recall.frame)[0] : undefined;
  const by = last ? (view.speakerOf(last.id) ?? (named !== undefined ? view.speakers.get(named) : null)) : null;
  if (!last || !by) return null;
  const topics = last.tags.filter((t) => !view.speakers.has(t));
  const core = view.core;
  const shown = recall.shown.map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
  const fresh = (id: string) =>
    id !== last.id && !recall.shown.includes(id) && !shown.some((a) => sameThing(a, core.answerById(id)!));
  const words = view.wordsOf(by.id).filter(fresh);
  return (
    words.find((id) => view.entries.get(id)!.tags.some((t) => topics.includes(t))) ??
    (asked ? words[0] : undefined) ??
    null
  );
}

/** The entry related to the last answer, not shown yet, sharing the most content words (at least two) with `question`. */
export function relatedMatching(view: KnowledgeView, recall: Recall, question: string): string | null {
  const asked = new Set(
    plainWords(question)
      .split(" ")
      .filter((w) => !STOP_WORDS.has(w) && !ELSE.test(w) && w.length > 2),
  );
  let best: string | null = null;
  let bestShared = 1;
  for (const id of view.related(recall.entry!, new Set(recall.shown), 12)) {
    const e = view.entries.get(id)!;
    let shared = 0;
    for (const w of new Set(plainWords(e.text).split(" "))) if (asked.has(w)) shared++;
    if (shared > bestShared) {
      best = id;
      bestShared = shared;
    }
  }
  return best;
}
