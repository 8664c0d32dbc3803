import { describe, expect, it } from "vitest";
import { unnamedRole } from "../../src/import/unnamed-sources.js";

describe("sources the article does not name", () => {
  it("reads a role sent without a person", () => {
    expect(unnamedRole("Pivvo sent its head of creator partnerships to the hearing.")).toBe(
      "head of creator partnerships",
    );
    expect(unnamedRole("Maria said so.")).toBeNull();
  });
});
