import nlp from "compromise";
import { fold, words } from "./normalise.js";

/**
 * The words of a question that name things: nouns, names and numbers (compromise's part-of-speech tags, read in the
 * sentence's context). A naming word the knowledge base has never seen means the question is about something it does
 * not cover ("WhatsApp", "pancakes"); an unseen verb or adjective more likely rephrases what it does cover
 * ("avoiding"). Only called for questions that contain unseen words, so the tagger stays off the fast path.
 */
export function namingWords(question: string): Set<string> {
  const out = new Set<string>();
  const terms = nlp(question).terms().json() as { terms: { text: string; tags: string[] }[] }[];
  for (const t of terms) {
    const term = t.terms[0];
    if (!term) continue;
    const tags = new Set(term.tags);
    // Dates count as naming: "yesterday", "today" ask about a time the knowledge base does not cover.
    const naming =
      (tags.has("Noun") || tags.has("Value") || tags.has("Acronym") || tags.has("Date")) && !tags.has("Pronoun");
    if (naming) for (const w of words(fold(term.text))) out.add(w);
  }
  return out;
}

const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string> } } }).model.one.lexicon;

/** True for a word English knows as it is (a place, a name, a common word): such a word is not a typo to correct. */
export function isKnownEnglish(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(lexicon, word);
}

const nameCache = new Map<string, string[][]>();

/**
 * The proper names in a text, each as its folded words ("Lester Holt" → ["lester", "holt"]), without demonyms
 * ("Iranian"). Tagged on first use and cached: only "what is the name of…" questions need it.
 */
export function properNames(text: string): string[][] {
  let names = nameCache.get(text);
  if (!names) {
    const found = nlp(text).match("#ProperNoun+").not("#Demonym").out("array") as string[];
    names = found.map((n) => words(n)).filter((ws) => ws.length > 0);
    if (nameCache.size > 5000) nameCache.clear();
    nameCache.set(text, names);
  }
  return names.map((n) => [...n]);
}
