import { fold, stem, words } from "./normalise.js";
import { properNames } from "./pos.js";
import type { Entry } from "./types.js";

/** What kind of answer a question's own wording asks for. */
export type Intent = "number" | "time" | "future" | "person" | "reason" | "name" | null;

/** Reads the question word: "how many" wants a number, "when" a time, "who" a person, "why" a reason. */
export function intentOf(question: string): Intent {
  const q = fold(question);
  if (/\bhow (many|much|big|large|old)\b|\bnumber of\b|\bpercent(age)?\b|\b(what|which) (fraction|proportion|share|portion|part|amount)\b/.test(q))
    return "number";
  if (/\bnames? of\b|\b(what|which|whats)\b.*\bnames?\b|\bnames? (pls|please)\b|\bwhat(s| is| was| are)\b.*\bcalled\b|\bcalled what\b/.test(q))
    return "name";
  // "When will…" asks about the future: only an entry that speaks of what will happen can answer it.
  if (/\bwhen (will|shall|is .* going to|are .* going to)\b/.test(q)) return "future";
  // "When…" as the question word, not "what did he say when asked…".
  if (/^(?:\W*(?:so|and|but|hey|hi|ok|okay|please|tell me|do you know|i wonder)\b)*\W*when\b|\b(what|which) (year|month|date|day)\b|\bsince when\b/.test(q))
    return "time";
  if (/^\s*(who|whom|whose|whos)\b|\bwho (is|was|said|says|wrote|reported)\b/.test(q)) return "person";
  if (/^\s*why\b|\bfor what reason\b|\bwhat for\b|\bon what grounds\b/.test(q)) return "reason";
  return null;
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
const NUMBER = /\d|\b(million|billion|thousand|hundred|half|percent|dozen)\b/i;
const TIME = /\b(1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|last year|years? ago|this week)\b/i;
const FUTURE = /\b(will|shall|going to|expected|plans?|next (year|month|week))\b/i;
const REASON = /\b(because|due to|grounds|fearing|in order to|with the aim|as a result|so that|aim)\b/i;

/**
 * Whether an entry's text offers the kind of answer an intent asks for. `asked` holds the question's folded words:
 * a name only answers "what is the name of…" when the question does not already hold it.
 */
export function satisfies(entry: Entry, intent: Intent, asked: ReadonlySet<string>, speakerName?: string): boolean {
  switch (intent) {
    case "name": {
      const names = properNames(entry.text);
      if (speakerName) names.push(words(speakerName));
      return names.some((name) => name.every((w) => !asked.has(w) && !asked.has(stem(w))));
    }
    case "number":
      // A year is a time, not a quantity: "2009" does not answer "how many were arrested".
      return NUMBER.test(entry.text.replace(YEAR, ""));
    case "time":
      return TIME.test(entry.text);
    case "future":
      return FUTURE.test(entry.text);
    case "reason":
      return REASON.test(entry.text);
    case "person":
      return entry.kind === "quote" || speakerName !== undefined || /\b[A-Z][a-z]+ [A-Z][a-z]+\b/.test(entry.text);
    default:
      return false;
  }
}
