import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KnowledgeError, parseKnowledgeFile } from "../../src/core/loader.js";
import { skyYaml } from "../ops/fixtures.js";

/** Parses and reports how: a knowledge base, or a KnowledgeError. Anything else thrown fails the property. */
function outcome(text: string): "ok" | "refused" {
  try {
    parseKnowledgeFile("fuzz.yaml", text, () => "The sky over the test city is green.");
    return "ok";
  } catch (err) {
    if (err instanceof KnowledgeError) {
      expect(err.file).toBe("fuzz.yaml");
      expect(err.line === null || (Number.isInteger(err.line) && err.line >= 1)).toBe(true);
      return "refused";
    }
    throw err;
  }
}

const VALID = skyYaml("green");
const yamlBits = fc.constantFrom(
  ":",
  "- ",
  "  ",
  "\n",
  "\t",
  "'",
  '"',
  "[",
  "]",
  "{",
  "}",
  "&a ",
  "*a",
  "!!str ",
  "!!binary ",
  "? ",
  "|",
  ">",
  "#",
  "---\n",
  "...\n",
  "%YAML 1.2\n",
  "<<: *a\n",
  "~",
  "null",
  "1e999",
  "0x1F",
  "\u0000",
  "\uFEFF",
  "🙂",
  "\u202e",
  "source:",
  "facts:",
  "quotes:",
  "speakers:",
  "id: x",
  "text: ",
  "questions: [",
  "tags: {",
  "- id: dup\n",
);

describe("the knowledge loader never crashes on malformed YAML", () => {
  it("refuses or accepts random text, only ever throwing KnowledgeError", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), (s) => void outcome(s)),
      { numRuns: 400 },
    );
  });

  it("survives random YAML-ish token soup", () => {
    fc.assert(
      fc.property(
        fc.array(yamlBits, { maxLength: 60 }).map((a) => a.join("")),
        (s) => void outcome(s),
      ),
      { numRuns: 400 },
    );
  });

  it("survives a valid file with random edits (insertions, deletions, cuts)", () => {
    const edit = fc.tuple(fc.nat(VALID.length), fc.nat(12), fc.oneof(yamlBits, fc.string({ maxLength: 8 })));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = VALID;
        for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
        outcome(text);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses alias bombs quickly instead of expanding them", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) => `${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(9).fill(`*${"abcdefghij"[i]}`).join(", ")}]`,
      ),
    ].join("\n");
    expect(outcome(bomb)).toBe("refused");
  });

  it("accepts the unedited file", () => {
    expect(outcome(VALID)).toBe("ok");
  });
});
