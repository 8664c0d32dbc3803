import { describe, expect, it } from "vitest";
import { ageOf, personQuestions } from "../../src/import/facts.js";

describe("an age in apposition, read once for speakers and for named people", () => {
  it("gives a speaker's age from any of their names", () => {
    const s = { name: "Ada Trethewey", aliases: ["Trethewey", "Mr Trethewey"] };
    expect(ageOf(s, "Mr Trethewey, 58, runs the yard.")).toBe("58");
    expect(ageOf(s, "Trethewey, a 58-year-old, runs the yard.")).toBeNull();
    expect(ageOf(s, "Nobody else, 40, spoke.")).toBeNull();
  });

  it("asks how old a person named with the same apposition is", () => {
    expect(personQuestions("Ada Trethewey, 58, runs the yard.", null, new Map())).toContain(
      "How old is Ada Trethewey?",
    );
  });
});
