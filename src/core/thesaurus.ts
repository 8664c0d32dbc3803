import { existsSync, readFileSync } from "node:fs";
import { lookupLine } from "./sorted-lines.js";

/**
 * How much each kind of relation is worth, by the capital letter that marks it in thesaurus.generated.ts (written by
 * scripts/build-thesaurus.ts from WordNet 3.1): the core weighs a related word by it, below an exact match (1).
 */
export const QUALITY = {
  /** A derivation or pertainym of the word's main sense: "founder" → "found", "economically" → "economic". */
  A: 0.8,
  /** Another word of the word's main sense: "purchase" → "buy", "cafe" → "coffeehouse". */
  B: 0.75,
  /** The plain word an informal term stands for: "mom" → "mother". */
  C: 0.7,
  /** A derivation or pertainym of a lesser sense. */
  D: 0.65,
  /** Another word of a lesser sense (a second or third sense, or the main sense of a rarer part of speech). */
  E: 0.6,
  /** A synonym of a pertainym of the main sense: "globally" → "worldwide". */
  F: 0.55,
} as const;
export type Kind = keyof typeof QUALITY;

/** A word of the thesaurus related to the one looked up, with how much the relation is worth (0.55..0.8). */
export type RelatedWord = { readonly word: string; readonly quality: number };

const NONE: readonly RelatedWord[] = Object.freeze([]);
let thesaurus: string | undefined;

/**
 * The generated text, read out of its module's file on the first lookup rather than imported: start-up does not pay
 * for it, and reading a string costs a fraction of compiling a module that holds it. The module is
 * thesaurus.generated.ts beside this file, or the .js tsc makes of it in dist/; the text is its one template literal.
 */
function text(): string {
  if (thesaurus === undefined) {
    const js = new URL("./thesaurus.generated.js", import.meta.url);
    const source = readFileSync(existsSync(js) ? js : new URL("./thesaurus.generated.ts", import.meta.url), "utf8");
    const opening = "export const THESAURUS = `";
    const start = source.indexOf(opening);
    const end = source.indexOf("`", start + opening.length);
    if (start < 0 || end < 0) throw new Error("thesaurus.generated: no THESAURUS text found");
    thesaurus = source.slice(start + opening.length, end);
  }
  return thesaurus;
}

/** Lookups already answered: a question's words repeat across questions, and a Map hit is faster than the search. */
const cache = new Map<string, readonly RelatedWord[]>();

/**
 * Words an article may use for a question's word, from WordNet: the synonyms of its most used senses, its
 * derivations and pertainyms ("beautician" → cosmetician, "telecom" → telecommunication, "globally" → global and
 * worldwide, "founder" → found), best first. Words the core's stemmer already joins are not listed ("isolated" and
 * "isolation"). Takes a folded word (lower case, as normalise.ts words() gives it); an inflected word the thesaurus
 * lacks is looked up by its base forms ("founded" → "found", "hardliners" → "hardliner"). Searched in place in the
 * generated text and cached: nothing is built at start-up.
 */
export function relatedWords(word: string): readonly RelatedWord[] {
  let related = cache.get(word);
  if (related === undefined) {
    related = NONE;
    if (/^[a-z]+$/.test(word)) {
      const line = lookupLine(text(), word);
      if (line !== undefined) related = parse(line);
      else {
        const best = new Map<string, number>();
        for (const base of baseForms(word)) {
          const l = lookupLine(text(), base);
          if (l === undefined) continue;
          for (const r of parse(l))
            if (r.word !== word && (best.get(r.word) ?? 0) < r.quality) best.set(r.word, r.quality);
        }
        if (best.size > 0)
          related = Object.freeze(
            [...best].map(([w, quality]) => ({ word: w, quality })).sort((a, b) => b.quality - a.quality),
          );
      }
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(word, related);
  }
  return related;
}

/**
 * Whether WordNet (the thesaurus extract) has this folded word, or it is a plural of one ("planets"): a real word,
 * not a typo. Only plurals: "twiter" is no form of "twit".
 */
export function inThesaurus(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const has = (w: string) => lookupLine(text(), w) !== undefined;
  if (has(word)) return true;
  if (word.endsWith("ies") && has(`${word.slice(0, -3)}y`)) return true;
  if (word.endsWith("es") && has(word.slice(0, -2))) return true;
  return word.endsWith("s") && !word.endsWith("ss") && has(word.slice(0, -1));
}

/** A generated line's value: "Bcoffeehouse,coffee shop,Aword" → each word with its kind's quality. */
function parse(line: string): readonly RelatedWord[] {
  let quality = 0;
  const out: RelatedWord[] = [];
  for (const item of line.split(",")) {
    const c = item.charCodeAt(0);
    if (c >= 65 && c <= 90) {
      quality = QUALITY[item[0] as Kind];
      out.push({ word: item.slice(1), quality });
    } else out.push({ word: item, quality });
  }
  return Object.freeze(out);
}

/** WordNet's detachment rules (morphy): "-ies" → "-y", "-es", "-s", "-ed", "-ing", "-er", "-est", "-men". */
const DETACH: readonly [string, string][] = [
  ["ies", "y"],
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["es", "e"],
  ["es", ""],
  ["s", ""],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
  ["er", "e"],
  ["er", ""],
  ["est", "e"],
  ["est", ""],
];

/** The base forms an inflected word may have: each rule's result, and with a doubled last consonant undone ("planned"). */
function baseForms(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, ending] of DETACH) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const base = word.slice(0, word.length - suffix.length) + ending;
    if (!out.includes(base)) out.push(base);
    const n = base.length;
    if (ending === "" && n > 3 && base[n - 1] === base[n - 2] && !/[aeiousl]/.test(base[n - 1]!))
      out.push(base.slice(0, -1));
  }
  return out;
}
