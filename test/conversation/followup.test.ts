import { describe, expect, it } from "vitest";
import { plainWords, rememberedTexts, withinTurn } from "../../src/conversation/followup.js";

describe("withinTurn", () => {
  it("remembers a message only while its turn lasts", () => {
    expect(withinTurn(() => (plainWords("is it blocked?"), rememberedTexts()))).toBe(1);
    expect(rememberedTexts()).toBe(0);
  });

  it("reads words the same inside a turn as outside, and gives back the turn's value", () => {
    const outside = plainWords("Who's the minister's boss?");
    expect(
      withinTurn(() => [plainWords("Who's the minister's boss?"), plainWords("Who's the minister's boss?")]),
    ).toEqual([outside, outside]);
  });

  it("ends the turn when it throws, so the next turn starts clean", () => {
    expect(() =>
      withinTurn(() => {
        plainWords("a");
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(rememberedTexts()).toBe(0);
    expect(withinTurn(() => plainWords("Hello, World"))).toBe("hello world");
  });
});
