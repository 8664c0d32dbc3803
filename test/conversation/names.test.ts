import { describe, expect, it } from "vitest";
import { namesSomeone, otherName, shortName, specificAgent, titledName } from "../../src/conversation/names.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("names: people as texts name them", () => {
  it("finds the name after a title, the other name, the short name", () => {
    expect(titledName("Foreign Minister Mohammad Javad Zarif often tweets.", ["foreign", "minister"])).toBe(
      "Mohammad Javad Zarif",
    );
    const text = "The story was reported by Ali Arouzi from Tehran and Dan De Luce from Washington.";
    expect(otherName(text, "de luce")).toBe("Ali Arouzi");
    expect(otherName(text, "Ali Arouzi")).toBe("Dan De Luce");
    expect(shortName("Mohammad Javad Azari Jahromi")).toBe("Jahromi");
  });

  it("tells an entry naming someone (a person, an authority) from one naming no one", () => {
    const view = viewOf(sharedCore());
    expect(namesSomeone(view, "judiciary-banned-telegram")).toBe(true);
    expect(specificAgent(view, "judiciary-banned-telegram")).toBe(true);
    expect(namesSomeone(view, "internet-access-increased")).toBe(false);
  });
});
