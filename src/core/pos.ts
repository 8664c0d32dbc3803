import { createRequire } from "node:module";
import { words } from "./normalise.js";
import { LEXICON } from "./word-lists.generated.js";
import { lookupLine } from "./sorted-lines.js";

/** Class bits of a lexicon word (see scripts/build-wordlists.ts): names a thing; is a date or time. */
const NAMING = 1;
const TIME = 2;

/**
 * A word's class bits in compromise's English lexicon, or undefined when the lexicon lacks it. The generated list
 * holds only what the core asks of the lexicon, so start-up does not load compromise's tagger (DESIGN.md, "Build and
 * start-up"); it is searched in place, nothing built.
 */
function lexicon(word: string): number | undefined {
  let bits = lexiconCache.get(word);
  if (bits === undefined) {
    const line = lookupLine(LEXICON, word);
    bits = line === undefined ? ABSENT : Number(line);
    if (lexiconCache.size > 50_000) lexiconCache.clear();
    lexiconCache.set(word, bits);
  }
  return bits === ABSENT ? undefined : bits;
}

/** Words already looked up (a Map hit is faster than the search), ABSENT for those the lexicon lacks. */
const lexiconCache = new Map<string, number>();
const ABSENT = -1;

/** Whether compromise's lexicon knows the word as a date or time: "yesterday", "tomorrow", "monday", "june". */
export function isTimeWord(word: string): boolean {
  return ((lexicon(word) ?? 0) & TIME) !== 0;
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
    const bits = lexicon(word) ?? (word.endsWith("s") ? lexicon(word.slice(0, -1)) : undefined);
    if (bits !== undefined) naming = (bits & NAMING) !== 0;
    else if (/\d/.test(word)) naming = true;
    else naming = !/(ing|ed|ly|ous|ful|able|ible|ive|ic|ish|less|est|er)$/.test(word);
    if (namingCache.size > 50_000) namingCache.clear();
    namingCache.set(word, naming);
  }
  return naming;
}

/** True for a word English knows as it is (a place, a name, a common word): such a word is not a typo to correct. */
export function isKnownEnglish(word: string): boolean {
  return lexicon(word) !== undefined;
}

type Nlp = (text: string) => { match(m: string): { not(m: string): { out(f: "array"): string[] } } };
let nlp: Nlp | undefined;

const nameCache = new Map<string, string[][]>();

/**
 * The proper names in a text, each as its folded words ("Lester Holt" → ["lester", "holt"]), without demonyms
 * ("Iranian"). Tagged with compromise, which is loaded on the first call (its CommonJS build, so the call stays
 * synchronous) and cached: only "what is the name of…" questions need it, and most processes never ask one.
 */
export function properNames(text: string): string[][] {
  let names = nameCache.get(text);
  if (!names) {
    nlp ??= createRequire(import.meta.url)("compromise") as Nlp;
    const found = nlp(text).match("#ProperNoun+").not("#Demonym").out("array");
    names = found.map((n) => words(n)).filter((ws) => ws.length > 0);
    if (nameCache.size > 5000) nameCache.clear();
    nameCache.set(text, names);
  }
  return names.map((n) => [...n]);
}
