import { describe, expect, it } from "vitest";
import { defines } from "../../src/conversation/defines.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("defines: whether an answer says what the X of 'what is X?' is", () => {
  const view = viewOf(sharedCore());

  it("an entry that says what X is does; one that only mentions X does not", () => {
    expect(defines(view, "snappfood-food-delivery", "what is snappfood?")).toBe(true);
    expect(defines(view, "jahromi-office-photo", "what is AP?")).toBe(false);
  });

  it("other questions, and 'what is X for?' or someone's name, are not asked of a definition", () => {
    expect(defines(view, "jahromi-office-photo", "who took the photo?")).toBe(true);
    expect(defines(view, "jahromi-office-photo", "what is it for?")).toBe(true);
    expect(defines(view, "jahromi-office-photo", "what's the minister's name?")).toBe(true);
  });
});
