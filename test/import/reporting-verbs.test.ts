import { describe, expect, it } from "vitest";
import { PART_SPLIT, SPEECH_TEST, VERB_RE } from "../../src/import/reporting-verbs.js";

describe("verbs of saying", () => {
  it("finds every verb of saying and leaves asking out of the speech test", () => {
    expect("she said and added".match(VERB_RE)).toEqual(["said", "added"]);
    expect(SPEECH_TEST.test("she said")).toBe(true);
    expect(SPEECH_TEST.test("she asked")).toBe(false);
  });

  it("splits a clause at commas, semicolons, brackets and dashes, not inside numbers", () => {
    expect("a, b; c (d) e — f".split(PART_SPLIT)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect("1,000 people".split(PART_SPLIT)).toEqual(["1,000 people"]);
  });
});
