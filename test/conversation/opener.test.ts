import { describe, expect, it } from "vitest";
import { stripOpener } from "../../src/conversation/opener.js";
import { shippedSmallTalk } from "./helpers.js";

describe("opener: chat in front of a question", () => {
  const st = shippedSmallTalk();

  it("cuts a greeting, thanks or 'ok so' before a question", () => {
    expect(stripOpener("hi so who banned telegram", st)).toBe("who banned telegram");
    expect(stripOpener("thanks! and who is rouhani?", st)).toBe("who is rouhani?");
    expect(stripOpener("ok so who said that?", st)).toBe("who said that?");
  });

  it("leaves a message that is all small talk, or a question with none, as it is", () => {
    expect(stripOpener("thanks!", st)).toBe("thanks!");
    expect(stripOpener("what did rouhani say?", st)).toBe("what did rouhani say?");
  });
});
