import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitText } from "../../src/render/split.js";

const noSpace = (s: string) => s.replace(/\s+/g, "");

describe("splitText", () => {
  it("keeps short text whole and drops empty text", () => {
    expect(splitText("hello world", 20)).toEqual(["hello world"]);
    expect(splitText("  \n\t ", 20)).toEqual([]);
    expect(splitText("", 20)).toEqual([]);
  });

  it("cuts at a line break before a sentence end, and at a sentence end before a space", () => {
    const lines = ["a".repeat(30), "b".repeat(30), "c".repeat(30)].join("\n");
    expect(splitText(lines, 70)).toEqual(["a".repeat(30) + "\n" + "b".repeat(30), "c".repeat(30)]);
    const sentences = "One two three four. Five six seven eight. Nine ten eleven twelve.";
    expect(splitText(sentences, 45)).toEqual(["One two three four. Five six seven eight.", "Nine ten eleven twelve."]);
  });

  it("prefers a blank line over a later line break", () => {
    const text = `${"x".repeat(40)}\n\n${"y".repeat(20)}\n${"z".repeat(20)}`;
    expect(splitText(text, 70)[0]).toBe("x".repeat(40));
  });

  it("cuts a word only when there is no space", () => {
    expect(splitText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("never cuts inside a protected span", () => {
    const text = "word &amp; word &amp; word &amp; word";
    for (const chunk of splitText(text, 12, { protect: /&#?\w+;/g })) {
      expect(chunk.replace(/&amp;/g, "")).not.toMatch(/&|amp;/);
    }
    const html = `some words <a href="https://example.com/x">${"t".repeat(10)}</a> more`;
    const chunks = splitText(html, 40, { protect: /<[^>]*>/g });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => !/<[^>]*$/.test(c) && !/^[^<]*>/.test(c))).toBe(true);
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(10);
    const chunks = splitText(text, 5);
    expect(chunks.join("")).toBe(text);
    for (const c of chunks) expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it("rejects a limit below 1", () => {
    expect(() => splitText("x", 0)).toThrow(RangeError);
  });

  it("property: chunks fit, are non-empty and lose nothing but whitespace at cuts", () => {
    const piece = fc.constantFrom(
      "word",
      "sentence.",
      "\n",
      "\n\n",
      " ",
      "é",
      "😀",
      "&amp;",
      "<b>",
      "?",
      "”",
      "x".repeat(50),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), fc.integer({ min: 4, max: 300 }), (parts, limit) => {
        const text = parts.join("");
        const chunks = splitText(text, limit, { protect: /<[^>]*>|&#?\w+;/g });
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(limit);
          expect(c.trim()).toBe(c);
          expect(c).not.toBe("");
        }
        expect(noSpace(chunks.join(""))).toBe(noSpace(text));
      }),
      { numRuns: 300 },
    );
  });
});
