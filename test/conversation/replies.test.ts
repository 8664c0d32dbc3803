import { describe, expect, it } from "vitest";
import type { Answer, AskResult } from "../../src/core/index.js";
import { emptyRecall } from "../../src/conversation/memory.js";
import { actions, confidence, declined, missing, naming, withAnswer } from "../../src/conversation/replies.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("replies: turn replies as data", () => {
  const core = sharedCore();
  const view = viewOf(core);
  const answer = (id: string, confidence = 1): Answer => ({ ...core.answerById(id)!, confidence });
  const result = (a: Answer, alternatives: Answer[] = []): AskResult => ({
    question: "q",
    answered: true,
    answer: a,
    alternatives,
    suggestions: [],
    notes: [],
  });

  it("a declined reply has no confidence; another answer of the result can be put first", () => {
    const r = result(answer("apple-app-store", 0.8), [answer("sanctions-spooked-investors", 0.7)]);
    expect(confidence({ type: "answer", result: r })).toBe(0.8);
    expect(confidence(declined({ type: "answer", result: r }))).toBe(0);
    const swapped = withAnswer(r, r.alternatives[0]!);
    expect(swapped.answer?.id).toBe("sanctions-spooked-investors");
    expect(swapped.alternatives.map((a) => a.id)).toEqual([]);
  });

  it("naming keeps the answer, or a confident alternative, that names every stem", () => {
    const r = result(answer("apple-app-store"), [answer("sanctions-spooked-investors")]);
    const named = naming({ type: "answer", result: r }, ["investor"], view);
    expect(named?.type === "answer" && named.result.answer?.id).toBe("sanctions-spooked-investors");
    expect(naming({ type: "answer", result: r }, ["whatsapp"], view)).toBeNull();
  });

  it("buttons: 'more' only when the speaker has words not shown; a follow-up with nothing before asks back", () => {
    const recall = emptyRecall(0);
    expect(actions(view, recall, "jahromi-lost-propaganda-war").map((a) => a.action)).toContain("more");
    expect(actions(view, recall, "apple-app-store").map((a) => a.action)).not.toContain("more");
    const r = missing("person", core, false, "person");
    expect(r.mode).toBe("declined");
    expect(r.reply.type === "prompt" && r.reply.text).toMatch(/^Who do you mean\?/);
  });
});
