import { describe, expect, it } from "vitest";
import { cameAfter, fitting } from "../../src/conversation/fitting.js";
import { emptyRecall } from "../../src/conversation/memory.js";
import type { ConversationReply, TurnTools } from "../../src/conversation/turn-types.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("fitting: the answer that gives what the question word asks for", () => {
  const core = sharedCore();
  const view = viewOf(core);
  const turn: TurnTools = {
    run: (def, arg) => def.run(core, arg),
    fromReply: () => ({}) as ConversationReply,
    showEntry: (_r, _v, id) => ({ mode: "answer", answer: core.answerById(id) }) as ConversationReply,
  };
  const declinedOut = { mode: "declined", answer: null } as ConversationReply;

  it("a declined 'when?' is answered by the last answer when it tells a time", () => {
    const recall = emptyRecall(0);
    recall.entry = "telegram-banned-april-2018";
    recall.topic = ["telegram"];
    expect(fitting(turn, declinedOut, recall, view, "when", "bare").answer?.id).toBe("telegram-banned-april-2018");
  });

  it("the answer stays when nothing near tells what is asked, or nothing was answered before", () => {
    const recall = emptyRecall(0);
    recall.entry = "apple-app-store";
    recall.topic = ["apple"];
    expect(fitting(turn, declinedOut, recall, view, "how long", "bare")).toBe(declinedOut);
    expect(fitting(turn, declinedOut, emptyRecall(0), view, "when", "bare")).toBe(declinedOut);
  });

  it("'what happened after X?': of close answers, the one saying what came after X (every word of X)", () => {
    const r = core.ask("what happened after the 2009 protests");
    expect(cameAfter(r, "what happened after the 2009 protests")?.id).toBe("national-information-network");
    // "After street protests last year" is not after the 2009 ones; a question asking no "after" picks nothing.
    expect(cameAfter(r, "what happened in 2009")).toBeUndefined();
    const b = core.ask("what happened after the protests last year");
    expect(cameAfter(b, "what happened after the protests last year")?.id).toBe("judiciary-banned-telegram");
  });
});
