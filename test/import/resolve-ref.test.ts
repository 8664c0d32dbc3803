import { describe, expect, it } from "vitest";
import { expand } from "../../src/import/resolve-ref.js";

describe("a surname to its full name", () => {
  it("finds the full form named before, with its role", () => {
    const t = "The council leader, Maria Lopez, opened the meeting. Later Lopez spoke.";
    expect(expand("Lopez", t, t.indexOf("Later"), false)).toEqual({
      name: "Maria Lopez",
      roles: ["The council leader"],
    });
    expect(expand("Nobody", t, t.length, false)).toBeNull();
  });
});
