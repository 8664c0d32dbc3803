import { describe, expect, it } from "vitest";
import {
  collectAppositives,
  givenName,
  isBareRole,
  isRoleLike,
  isTitleWord,
  leadingNP,
} from "../../src/import/noun-phrases.js";

describe("noun phrases at a clause part's edge", () => {
  it("takes the leading noun phrase of a part", () => {
    expect(leadingNP("Maria Lopez, the mayor")).toBe("Maria Lopez");
    expect(leadingNP("the mayor of Tollan")).toBe("the mayor of Tollan");
  });

  it("reads a name given only in part", () => {
    expect(givenName("who gave only her first name, Mila")).toBe("Mila");
    expect(givenName("who identified herself only as Dana")).toBe("Dana");
    expect(givenName("a retired teacher called Ruth Okonjo")).toBe("Ruth Okonjo");
    expect(givenName("the mayor")).toBeNull();
  });

  it("tells role phrases from names", () => {
    expect(isRoleLike("the mayor of Tollan")).toBe(true);
    expect(isRoleLike("Maria Lopez")).toBe(false);
    expect(isBareRole("mayor")).toBe(true);
    expect(isTitleWord("Mayor")).toBe(true);
    expect(isTitleWord("Maria")).toBe(false);
  });

  it("keeps role appositives and skips ages and relative clauses", () => {
    const roles: string[] = [];
    collectAppositives(["54", "the mayor of Tollan", "who lives nearby"], roles);
    expect(roles).toEqual(["the mayor of Tollan"]);
  });
});
