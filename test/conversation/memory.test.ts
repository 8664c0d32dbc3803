import { describe, expect, it } from "vitest";
import { ConversationMemory, emptyRecall } from "../../src/conversation/memory.js";
import { viewOf } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";
import { conversation } from "./helpers.js";

describe("conversation memory", () => {
  it("forgets a conversation after 15 minutes idle (injected clock)", () => {
    const { conv, clock } = conversation();
    conv.handle("k", "what did jahromi say about start-ups?");
    clock.now += 14 * 60_000;
    expect(conv.handle("k", "who said that?").mode).toBe("answer");
    // Each turn restarts the 15 minutes; one more minute than that and the memory is gone.
    clock.now += 15 * 60_000 + 1;
    const r = conv.handle("k", "who said that?");
    expect(r.mode).toBe("declined");
    expect(r.answer).toBeNull();
  });

  it("keeps at most `max` conversations, dropping the least recently used", () => {
    let now = 0;
    const m = new ConversationMemory({ max: 3, now: () => now });
    for (const k of ["a", "b", "c"]) m.save(k, emptyRecall(now++));
    expect(m.peek("a")).toBeDefined();
    m.save("a", emptyRecall(now++)); // a is now the most recent
    m.save("d", emptyRecall(now++)); // b, the least recently used, goes
    expect(m.size).toBe(3);
    expect(m.peek("b")).toBeUndefined();
    expect(m.peek("a")).toBeDefined();
    expect(m.peek("c")).toBeDefined();
    expect(m.peek("d")).toBeDefined();
  });

  it("drops expired conversations as new ones arrive, so idle memory does not pile up", () => {
    let now = 0;
    const m = new ConversationMemory({ ttlMs: 1000, now: () => now });
    for (let i = 0; i < 100; i++) m.save(`k${i}`, emptyRecall(now));
    now = 5000;
    m.save("late", emptyRecall(now));
    expect(m.size).toBe(1);
  });

  it("the conversation layer's cap holds under 4,000 distinct people", () => {
    const { conv } = conversation({ memory: new ConversationMemory({ max: 500 }) });
    for (let i = 0; i < 4_000; i++) conv.handle(`person-${i}`, i % 2 ? "thanks!" : "how many iranians used telegram?");
    expect(conv.memory.size).toBe(500);
  });

  it("two people in one group: neither sees the other's context", () => {
    const { conv } = conversation();
    const alice = "tg:-1001:alice";
    const bob = "tg:-1001:bob";
    expect(conv.handle(alice, "what did rouhani say about the telegram ban?").speaker?.id).toBe("rouhani");
    expect(conv.handle(bob, "what did the make-up artist say about instagram?").speaker?.id).toBe("hatami");
    // Interleaved follow-ups: each continues their own answer.
    const a = conv.handle(alice, "who said that?");
    const b = conv.handle(bob, "who said that?");
    expect(a.answer!.text).toContain("democracy");
    expect(b.answer!.text).toContain("Instagram");
    expect(conv.handle(bob, "what else did she say?").speaker?.id ?? "hatami").toBe("hatami");
    const he = conv.handle(alice, "who is he?");
    expect(`${he.answer!.text} ${he.answer!.speaker?.name ?? ""}`).toMatch(/Rouhani/);
    // Carol in the same group has asked nothing yet.
    expect(conv.handle("tg:-1001:carol", "who said that?").mode).toBe("declined");
    // /forget clears only the one who asked.
    expect(conv.forget(alice)).toBe(true);
    expect(conv.handle(alice, "who said that?").mode).toBe("declined");
    expect(conv.handle(bob, "who said that?").mode).toBe("answer");
  });

  it("holds ids and the knowledge's own words, never the message text", () => {
    const { conv } = conversation();
    conv.handle("k", "my friend Bobbington asked: when was telegram banned in iran?");
    const recall = conv.memory.peek("k")!;
    const view = viewOf(sharedCore());
    const flat = JSON.stringify(recall);
    expect(flat).not.toContain("bobbington");
    expect(flat).not.toContain("friend");
    expect(recall.entry).not.toBeNull();
    expect(view.entries.has(recall.entry!)).toBe(true);
    for (const id of recall.shown) expect(view.entries.has(id)).toBe(true);
    for (const w of [...recall.frame, ...recall.topic])
      expect(
        view.vocabulary.has(w) || /^(what|when|who|how|why|where|which|is|are|was|were|do|does|did)$/.test(w),
        w,
      ).toBe(true);
  });

  it("/forget through the command path clears the memory", async () => {
    const { findCommand } = await import("../../src/commands/definitions.js");
    const { conv } = conversation();
    conv.handle("k", "what did jahromi say about start-ups?");
    const r = conv.command("k", findCommand("forget")!, "");
    expect(r.reply.type === "prompt" && r.reply.text).toMatch(/forgotten/);
    expect(conv.memory.peek("k")).toBeUndefined();
    // A /quote answer is remembered like any other.
    conv.command("k", findCommand("quote")!, "rouhani");
    expect(conv.handle("k", "who said that?").answer!.text).toContain("democracy");
  });
});
