import { describe, expect, it } from "vitest";
import { ask as askCommand } from "../../src/commands/ask.js";
import { carryThese, carryTopic, saidOnTopic } from "../../src/conversation/carry.js";
import { emptyRecall } from "../../src/conversation/memory.js";
import type { ConversationReply, TurnTools } from "../../src/conversation/turn-types.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("carry: the last topic carried into a question that leans on it", () => {
  const core = sharedCore();
  const view = viewOf(core);
  const shown: string[] = [];
  const turn: TurnTools = {
    run: (def, arg) => def.run(core, arg),
    fromReply: () => ({}) as ConversationReply,
    showEntry: (_r, _v, id) => {
      shown.push(id);
      return { answer: core.answerById(id) } as ConversationReply;
    },
  };

  it("'who makes those apps?' is asked of the apps the last answer names", () => {
    const recall = emptyRecall(0);
    recall.entry = "officials-promote-domestic-apps";
    recall.shown = ["officials-promote-domestic-apps"];
    const q = "who makes those apps";
    const carried = carryThese(turn, turn.run(askCommand, q), q, recall, view);
    expect(carried?.[1]).toMatch(/domestic apps$/);
    const a = carried?.[0];
    expect(a?.type === "answer" && a.result.answer?.id).toBe("homegrown-versions-western-apps");
  });

  it("a question the knowledge cannot answer is not carried ('who won the world cup?' after Telegram)", () => {
    const recall = emptyRecall(0);
    recall.entry = "telegram-banned-april-2018";
    recall.topic = ["telegram"];
    const q = "who won the world cup?";
    expect(carryTopic(turn, turn.run(askCommand, q), q, recall, view)).toBeNull();
  });

  it("'and what does Jahromi say?' after an answer on sanctions: his words on them", () => {
    const recall = emptyRecall(0);
    recall.entry = "sanctions-slashed-oil-revenues";
    recall.topic = ["sanctions"];
    const r = saidOnTopic(turn, "and what does jahromi say?", recall, view);
    expect(r).not.toBeNull();
    expect(view.speakerOf(shown.at(-1)!)?.id).toBe("jahromi");
    expect(view.mentions(shown.at(-1)!, ["sanction"])).toBe(true);
  });
});
