import { describe, expect, it } from "vitest";
import { emptyRecall } from "../../src/conversation/memory.js";
import {
  knowledgeWords,
  pushShown,
  remember,
  rememberDeclined,
  swapTopic,
  topicText,
} from "../../src/conversation/topic.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("topic: what a question and its answer leave behind, and the frame with a new topic", () => {
  const view = viewOf(sharedCore());

  it("remembers the answer, its speaker, the question's frame and topic words", () => {
    const recall = emptyRecall(0);
    remember(recall, view, "jahromi-twitter-not-limited", "what did jahromi say about twitter?");
    expect(recall.entry).toBe("jahromi-twitter-not-limited");
    expect(recall.speaker).toBe("jahromi");
    expect(recall.frame).toEqual(knowledgeWords(view, "what did jahromi say about twitter?"));
    expect(recall.topic).toContain("twitter");
    expect(topicText(recall)).toContain("twitter");
  });

  it("swaps the topic into the last frame: 'and pinterest?' after 'is instagram allowed?'", () => {
    expect(swapTopic(knowledgeWords(view, "is instagram allowed in iran?"), "pinterest", view)).toContain("pinterest");
    expect(swapTopic(knowledgeWords(view, "is instagram allowed in iran?"), "pinterest", view)).not.toContain(
      "instagram",
    );
  });

  it("a person qualifying the word swapped out goes with it: 'what did his campaign do?' → 'and Telegram?'", () => {
    // "his" filled in: the speaker's name right before the topic word it qualifies.
    const frame = knowledgeWords(view, "what did rouhani election do");
    expect(frame).toContain("rouhani");
    expect(swapTopic(frame, "telegram", view)).toBe("what did telegram do");
    // Not a word away from it: "is khamenei on twitter?" keeps the person asked about.
    expect(swapTopic(knowledgeWords(view, "did rouhani use twitter"), "instagram", view)).toContain("rouhani");
  });

  it("a declined question about a word the knowledge lacks leaves the topic as it was", () => {
    const recall = emptyRecall(0);
    recall.topic = ["telegram"];
    rememberDeclined(recall, view, "is whatsapp banned?");
    expect(recall.topic).toEqual(["telegram"]);
    expect(recall.declined.length).toBeGreaterThan(0);
  });

  it("keeps the shown entries most recent last, once each", () => {
    const recall = emptyRecall(0);
    for (const id of ["a", "b", "a"]) pushShown(recall, id);
    expect(recall.shown).toEqual(["b", "a"]);
  });
});
