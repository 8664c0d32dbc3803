import { describe, expect, it } from "vitest";
import { conversation } from "./helpers.js";

describe("swap follow-ups ('and X?') carry the rest of the last question", () => {
  it("a person asked about stays: 'and Instagram?' after 'is Khamenei on Twitter?' is about Khamenei, so declined", () => {
    const { conv } = conversation();
    conv.handle("k", "who's khamenei?");
    conv.handle("k", "is he on twitter?");
    const r = conv.handle("k", "and instagram?");
    expect(r.mode).toBe("declined");
  });

  it("a topic word tagged together with the new one stays as context, the other gives way", () => {
    const { conv } = conversation();
    conv.handle("k", "did trump's sanctions affect iran's oil?");
    const r = conv.handle("k", "what about investors?");
    expect(r.answer?.id).toBe("sanctions-spooked-investors");
    // The question asked (and the frame of the next swap) keeps "sanctions" and "trump"; "oil" gave way.
    const frame = conv.memory.peek("k")!.frame;
    expect(frame).toEqual(expect.arrayContaining(["sanctions", "trump", "investors"]));
    expect(frame).not.toContain("oil");
  });

  it("'and the other reporter?' after the answer naming both reporters is that answer", () => {
    const { conv } = conversation();
    conv.handle("k", "who reported the nbc story from washington?");
    const r = conv.handle("k", "and the other reporter?");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("reporters-arouzi-de-luce");
  });
});
