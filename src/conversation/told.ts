/** The last answer already tells what a question asks of it ("when was it published?" after "A survey published in January …"). */
import { STOP_WORDS, stem } from "../core/index.js";
import { plainWords } from "./followup.js";
import type { Recall } from "./memory.js";
import type { KnowledgeView } from "./view.js";
import { ANSWER_KIND, PRONOUNS, QUESTION_WORDS, askKind } from "./wording.js";

/** Verbs that carry no subject of their own in a when/how long question ("how long does it take?"). */
const LIGHT = new Set(
  "take takes took taken last lasts lasted happen happens happened go goes went get got".split(" "),
);

/** "those protests", "these apps": a plural pointing back at what the last answer names. */
const THOSE = /\b(?:those|these) [a-z]{3,}/;

/**
 * The last answer's id when it already gives what the question asks for — a time, a duration, a figure, a status —
 * and holds every word the question asks it of ("when were those protests?" after "… the mass demonstrations that
 * erupted in 2009"; "how long do decisions take?" after "decisions promised within 30 working days"). When the core
 * answered with something else (`answeredElse`), only a question pointing back with "those" or "these" goes to the last
 * answer ("that ban" may mean the topic's other answers;
 * "those protests" are the ones just named). Null when the question asks no such kind, names nothing, or the last answer does not tell it.
 */
export function toldAlready(
  view: KnowledgeView,
  recall: Recall,
  question: string,
  answeredElse: boolean,
): { id: string; words: string[] } | null {
  if (recall.entry === null) return null;
  const last = view.entries.get(recall.entry);
  const kind = askKind(question);
  const wants = kind === null || kind === "why" ? undefined : ANSWER_KIND[kind];
  if (!last || !wants || !wants.test(last.text)) return null;
  const q = plainWords(question);
  if (answeredElse && !THOSE.test(q)) return null;
  const own = q
    .split(" ")
    .filter(
      (w) =>
        w.length > 2 &&
        !STOP_WORDS.has(w) &&
        !QUESTION_WORDS.has(w) &&
        !PRONOUNS.has(w) &&
        !LIGHT.has(w) &&
        !/^(?:long|those|these|year|ago|since|still|yet|now|then|exactly)$/.test(w),
    );
  if (own.length === 0) return null;
  return own.every((w) => view.mentions(last.id, [stem(w)])) ? { id: last.id, words: own } : null;
}
