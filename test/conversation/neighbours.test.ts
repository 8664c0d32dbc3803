import { describe, expect, it } from "vitest";
import { emptyRecall } from "../../src/conversation/memory.js";
import { moreWords, someoneElse } from "../../src/conversation/neighbours.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("neighbours: entries near the last answer", () => {
  const view = viewOf(sharedCore());

  it("more words: the speaker's next words not shown, after a quote or a fact reporting them", () => {
    const recall = emptyRecall(0);
    recall.entry = "jahromi-twitter-not-limited";
    recall.shown = ["jahromi-twitter-not-limited"];
    const next = moreWords(view, recall);
    expect(next).not.toBeNull();
    expect(view.speakerOf(next!)?.id).toBe("jahromi");
    // A fact that reports no one's words, after a question that asked for none: nothing.
    const fact = emptyRecall(0);
    fact.entry = "apple-app-store";
    expect(moreWords(view, fact)).toBeNull();
  });

  it("someone else: by or about another person than the last one, on the question's topic", () => {
    const recall = emptyRecall(0);
    recall.entry = "hatami-instagram-business";
    recall.speaker = "hatami";
    recall.shown = ["hatami-instagram-business"];
    const other = someoneElse(view, recall, "who else uses instagram?", null);
    expect(other).not.toBeNull();
    expect(view.personOf(other!)).not.toBe("hatami");
  });
});
