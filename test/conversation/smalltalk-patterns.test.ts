import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_SMALLTALK_FILE, expandPattern, parseSmallTalk } from "../../src/conversation/smalltalk.js";

// The trie is built from each pattern's parts without expanding it (start-up time); these hold it to the expansion.
describe("small-talk patterns", () => {
  it("recognises phrasings of every shipped pattern, exactly", () => {
    const text = readFileSync(DEFAULT_SMALLTALK_FILE, "utf8");
    const st = parseSmallTalk("smalltalk.yaml", text);
    const data = parse(text) as { intents: { patterns: string[]; anywhere?: boolean }[] };
    let checked = 0;
    for (const intent of data.intents)
      for (const pattern of intent.patterns)
        for (const phrasing of expandPattern(pattern)) {
          if (intent.anywhere || phrasing.includes("<laugh>") || checked++ % 7) continue;
          const m = st.match(phrasing);
          expect(m, phrasing).not.toBeNull();
          expect(m!.confidence, phrasing).toBe(1);
        }
    expect(checked).toBeGreaterThan(1000);
    expect(st.phrasings).toBeGreaterThan(10_000);
  });

  it("builds the same set from a pattern and from its phrasings written out", () => {
    const one = parseSmallTalk(
      "a.yaml",
      `intents:\n  - id: a\n    patterns: ["(hi|hello) (there|) (friend|pal|)"]\n    replies: [x]\n`,
    );
    const many = parseSmallTalk(
      "b.yaml",
      `intents:\n  - id: a\n    patterns: [${expandPattern("(hi|hello) (there|) (friend|pal|)")
        .map((p) => JSON.stringify(p))
        .join(", ")}]\n    replies: [x]\n`,
    );
    expect(one.phrasings).toBe(12);
    expect(many.phrasings).toBe(12);
    for (const q of ["hi", "hello there", "hi pal", "hello there friend", "hi friend"])
      expect(one.match(q)).not.toBeNull();
    for (const q of ["there", "friend hi", "pal"]) expect(one.match(q)).toBeNull();
  });

  it("rejects the same broken patterns as the expansion does", () => {
    for (const p of ["a ) (b|c)", "(a|b", "a (b (c) d)", "a(b)c)", `(${"a|".repeat(200)}b) (${"a|".repeat(200)}b)`]) {
      let expected = "";
      try {
        expandPattern(p);
      } catch (err) {
        expected = (err as Error).message;
      }
      expect(expected).not.toBe("");
      expect(() =>
        parseSmallTalk("c.yaml", `intents:\n  - id: a\n    patterns: [${JSON.stringify(p)}]\n    replies: [x]\n`),
      ).toThrow(expected);
    }
  });
});
