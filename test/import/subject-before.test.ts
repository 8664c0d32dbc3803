import { describe, expect, it } from "vitest";
import { sentenceSubject, subjectBefore } from "../../src/import/subject-before.js";

describe("the subject of a verb of saying", () => {
  it("reads a name with its appositive role before the verb", () => {
    const s = subjectBefore("Maria Lopez, the mayor of Tollan, ");
    expect(s?.ref).toMatchObject({ t: "name", name: "Maria Lopez" });
    expect(s?.roles).toEqual(["the mayor of Tollan"]);
  });

  it("reads a definite role as the subject", () => {
    expect(subjectBefore("The mayor ")?.ref).toEqual({ t: "def", np: "The mayor" });
  });

  it("finds a sentence's own subject", () => {
    expect(sentenceSubject("Maria Lopez was not impressed")?.ref).toMatchObject({ t: "name", name: "Maria Lopez" });
  });
});
