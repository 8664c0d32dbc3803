import nlp from "compromise";
import { fold, words } from "./normalise.js";

type World = {
  model: { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> } };
};
const world = nlp.world() as World;
const lexicon = world.model.one.lexicon;
const tagSet = world.model.one.tagSet;
const NAMING_ROOTS = ["Noun", "Value", "Date", "Acronym"];

function isNamingTag(tag: string): boolean {
  if (tag === "Pronoun") return false;
  const family = [tag, ...(tagSet[tag]?.parents ?? [])];
  return family.some((t) => NAMING_ROOTS.includes(t)) && !family.includes("Pronoun");
}

function lexiconTags(word: string): string[] | undefined {
  const tags = Object.prototype.hasOwnProperty.call(lexicon, word) ? lexicon[word] : undefined;
  return tags === undefined ? undefined : Array.isArray(tags) ? tags : [tags];
}

const TIME_TAGS = ["Date", "WeekDay", "Month", "Duration"];

/** Whether compromise's lexicon knows the word as a date or time: "yesterday", "tomorrow", "monday", "june". */
export function isTimeWord(word: string): boolean {
  return lexiconTags(word)?.some((t) => TIME_TAGS.includes(t) || (tagSet[t]?.parents ?? []).includes("Date")) ?? false;
}

const namingCache = new Map<string, boolean>();

/**
 * Whether a word names a thing: a noun, a name, a number or a date, by compromise's English lexicon, or by its ending
 * when the lexicon lacks it ("avoiding" is a verb, "pancakes" a noun). A naming word the knowledge base has never seen
 * means the question is about something it does not cover ("WhatsApp", "pancakes", "yesterday"); an unseen verb or
 * adjective more likely rephrases what it does cover ("avoiding"). One lookup per word, cached: no sentence tagging on
 * the query path.
 */
export function isNamingWord(word: string): boolean {
  let naming = namingCache.get(word);
  if (naming === undefined) {
    const tags = lexiconTags(word) ?? (word.endsWith("s") ? lexiconTags(word.slice(0, -1)) : undefined);
    if (tags) naming = tags.some(isNamingTag) && !tags.some((t) => t === "Infinitive" || t === "PresentTense");
    else if (/\d/.test(word)) naming = true;
    else naming = !/(ing|ed|ly|ous|ful|able|ible|ive|ic|ish|less|est|er)$/.test(word);
    if (namingCache.size > 50_000) namingCache.clear();
    namingCache.set(word, naming);
  }
  return naming;
}


/** True for a word English knows as it is (a place, a name, a common word): such a word is not a typo to correct. */
export function isKnownEnglish(word: string): boolean {
  return lexiconTags(word) !== undefined;
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
