import { describe, expect, it } from "vitest";
import { readFollowUp } from "../../src/conversation/followup.js";
import { askKind } from "../../src/conversation/wording.js";
import { conversation } from "./helpers.js";

// Classes from the misses of eval/conversations-fresh-9.jsonl (group-chat style, written before the bot ran on it).
describe("round 8 follow-up classes", () => {
  it("words leading into a question ('so why …', 'ok when …') leave it the question it is", () => {
    expect(askKind("so why'd they ban it")).toBe("why");
    expect(askKind("ok when did that happen")).toBe("when");
    expect(askKind("and how many are there")).toBe("how many");
    expect(askKind("so what")).toBe(null);
  });

  it("'so why did they ban it?' after a figure of its users is asked of the ban, not the figure again", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "how many ppl used telegram in iran").answer?.id).toBe("telegram-40-million-users");
    const r = conv.handle("k", "so why'd they ban it");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).not.toBe("telegram-40-million-users");
    expect(r.answer?.text).toMatch(/national security|protests/);
  });

  it("'is that still the case?' is the last answer again (all the knowledge says), not declined", () => {
    expect(readFollowUp("is that still the case")).toEqual({ kind: "confirm" });
    expect(readFollowUp("is it still true?")).toEqual({ kind: "confirm" });
    const { conv } = conversation();
    const first = conv.handle("k", "do iranians use vpns");
    const r = conv.handle("k", "is that still the case");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe(first.answer?.id);
  });

  it("'what happened after that?' is something after the last answer, never that answer again", () => {
    const { conv } = conversation();
    const first = conv.handle("k", "what did apple do");
    expect(first.answer?.id).toBe("apple-app-store");
    const r = conv.handle("k", "what happened after that");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).not.toBe("apple-app-store");
    // Nor a result of something else that only shares tags with it (the sanctions' cut to oil revenues).
    expect(r.answer?.text).toMatch(/Apple/);
  });
});

describe("the topic after a question asked from a time", () => {
  it("'what happened after the 2009 protests?' leaves the answer's subject as 'that', not the protests", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "what happened after the 2009 protests").answer?.id).toBe("national-information-network");
    const r = conv.handle("k", "what's that for");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("national-information-network-aim");
    expect(conv.memory.peek("k")?.topic).toEqual(["national", "information", "network"]);
  });
});

describe("a short question leaning on 'it'", () => {
  it("is read as asked only when that answer is about the whole topic, not one broad word of it", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "is there an iranian amazon").answer?.id).toBe("local-version-of-amazon");
    const r = conv.handle("k", "who made it");
    expect(r.mode).toBe("answer");
    expect(r.answer?.text).toMatch(/entrepreneurs/);
  });
});

describe("fresh-10 classes", () => {
  it("'who's against him on that?' asks who disagrees with the last speaker", () => {
    expect(readFollowUp("who's against him on that")).toEqual({ kind: "disagree" });
    expect(readFollowUp("is anyone against her about it")).toEqual({ kind: "disagree" });
    const { conv } = conversation();
    conv.handle("k", "what does jahromi say about social media");
    const r = conv.handle("k", "who's against him on that");
    expect(r.mode).toBe("answer");
    expect(r.answer?.text).toMatch(/conservative/);
  });

  it("a name the answer joins to the one asked about ('Facebook and Twitter') does not join the topic", () => {
    const { conv } = conversation();
    conv.handle("k", "is snapchat blocked in iran");
    expect(conv.handle("k", "ok what about twitter").answer?.id).toBe("facebook-twitter-blocked");
    expect(conv.memory.peek("k")?.topic).toEqual(["twitter"]);
    const r = conv.handle("k", "but officials still use it right");
    expect(r.answer?.id).toBe("leaders-use-twitter");
  });

  it("a class the named thing is of ('apps' for the local Amazon) still joins the topic", () => {
    const { conv } = conversation();
    conv.handle("k", "is there a local amazon in iran");
    expect(conv.memory.peek("k")?.topic).toEqual(["apps", "amazon"]);
  });
});
