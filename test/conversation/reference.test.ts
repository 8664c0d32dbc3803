import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";
import { emptyRecall } from "../../src/conversation/memory.js";
import { pronounSpeaker, whichOf } from "../../src/conversation/reference.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("reference: who 'he'/'she' is, what an echo points at", () => {
  it("'she' after his answer is the woman shown earlier; 'him' after hers the other person shown", () => {
    const view = viewOf(sharedCore());
    const recall = emptyRecall(0);
    recall.shown = ["hatami-instagram-business", "rouhani-opposite-to-democracy"];
    recall.speaker = "rouhani";
    expect(pronounSpeaker("what did she say?", recall, view)?.id).toBe("hatami");
    expect(recall.speaker).toBe("hatami");
    // Someone the knowledge writes of with neither pronoun is still not "her": "him" after her is the other one.
    const k: Knowledge = {
      sources: [{ id: "s", title: "T", publisher: "P", reporters: [] }],
      speakers: [
        { id: "ana", name: "Ana Rell", aliases: ["Rell"] },
        { id: "bo", name: "Bo Tamm", aliases: ["Tamm"] },
      ],
      entries: [
        {
          id: "bo-1",
          kind: "quote",
          speakerId: "bo",
          text: "The pier is shut.",
          tags: ["pier"],
          questions: [],
          sourceId: "s",
        },
        {
          id: "ana-1",
          kind: "quote",
          speakerId: "ana",
          text: "We will open it again.",
          tags: ["pier"],
          questions: [],
          sourceId: "s",
          context: "she said",
        },
      ],
    };
    const v2 = viewOf(createCore(k));
    const r2 = emptyRecall(0);
    r2.shown = ["bo-1", "ana-1"];
    r2.speaker = "ana";
    expect(pronounSpeaker("and him?", r2, v2)?.id).toBe("bo");
  });

  it("'which apps?' right after an answer holding the word is about that answer", () => {
    const view = viewOf(sharedCore());
    const recall = emptyRecall(0);
    recall.entry = "officials-promote-domestic-apps";
    expect(whichOf("which apps?", recall, view)).toEqual({ kind: "detail" });
    expect(whichOf("which protests?", { ...recall, entry: "apple-app-store" }, view)).toBeNull();
  });
});
