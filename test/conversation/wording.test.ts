import { describe, expect, it } from "vitest";
import { ANSWER_KIND, CAUSE, askKind } from "../../src/conversation/wording.js";

describe("wording: what a question asks for and what a text must hold to give it", () => {
  it("reads the kind a question asks for", () => {
    expect(askKind("when was it banned?")).toBe("when");
    expect(askKind("why did they do that")).toBe("why");
    expect(askKind("what is it for?")).toBe("why");
    expect(askKind("how many people use it")).toBe("how many");
    expect(askKind("how long did it take?")).toBe("how long");
    expect(askKind("for how long was it down")).toBe("how long");
    expect(askKind("is it finished yet")).toBe("status");
    expect(askKind("who banned it")).toBeNull();
  });

  it("a duration is days, weeks, years or 'since' a year; a date alone is none", () => {
    const long = ANSWER_KIND["how long"]!;
    expect(long.test("it took them four days on average")).toBe(true);
    expect(long.test("a driver who has worked for them since 2022")).toBe(true);
    expect(long.test("for six hours")).toBe(true);
    expect(long.test("banned in April 2018")).toBe(false);
  });

  it("a cause is told by what prompted or forced something", () => {
    expect(CAUSE.test("The sanctions spooked investors and prompted firms to leave.")).toBe(true);
    expect(CAUSE.test("Apple has cut off Iranians from its apps store.")).toBe(false);
  });
});
