import { describe, expect, it } from "vitest";
import { groupQuestion } from "../../../src/adapters/telegram/addressing.js";
import { PendingAsks } from "../../../src/adapters/telegram/pending.js";
import { BOT_INFO } from "../../fakes/telegram-harness.js";

describe("PendingAsks", () => {
  it("remembers a chat once, until its time runs out", () => {
    let now = 0;
    const p = new PendingAsks(1000, 10, () => now);
    p.set("a");
    expect(p.take("a")).toBe(true);
    expect(p.take("a")).toBe(false);
    p.set("b");
    now = 1001;
    expect(p.take("b")).toBe(false);
  });

  it("never holds more than its bound: the oldest go first", () => {
    const p = new PendingAsks(60_000, 3, () => 0);
    for (const c of ["1", "2", "3", "4", "5"]) p.set(c);
    expect(p.size).toBe(3);
    expect(p.take("1")).toBe(false);
    expect(p.take("5")).toBe(true);
  });
});

describe("groupQuestion", () => {
  const mention = (text: string, at: string) => ({
    type: "mention" as const,
    offset: text.indexOf(at),
    length: at.length,
  });
  it("takes an @mention of this bot, case-insensitive, and drops it from the question", () => {
    const text = "hey @Brief_Test_Bot who banned telegram?";
    expect(groupQuestion({ text, entities: [mention(text, "@Brief_Test_Bot")] }, BOT_INFO)).toBe(
      "hey who banned telegram?",
    );
  });
  it("ignores mentions of others, commands, and plain chatter", () => {
    const text = "@someone who banned telegram?";
    expect(groupQuestion({ text, entities: [mention(text, "@someone")] }, BOT_INFO)).toBeNull();
    expect(
      groupQuestion({ text: "/ask@other x", entities: [{ type: "bot_command", offset: 0, length: 10 }] }, BOT_INFO),
    ).toBeNull();
    expect(groupQuestion({ text: "who banned telegram?" }, BOT_INFO)).toBeNull();
  });
  it("takes a reply to the bot's own message, and a text mention of the bot", () => {
    expect(groupQuestion({ text: "and why?", reply_to_message: { from: BOT_INFO } as never }, BOT_INFO)).toBe(
      "and why?",
    );
    expect(
      groupQuestion(
        { text: "and why?", reply_to_message: { from: { id: 1, is_bot: false, first_name: "x" } } as never },
        BOT_INFO,
      ),
    ).toBeNull();
    const tm = { type: "text_mention" as const, offset: 0, length: 3, user: BOT_INFO };
    expect(groupQuestion({ text: "Bot, why?", entities: [tm] }, BOT_INFO)).toBe("why?");
  });
  it("an empty mention gives an empty question (the bot then asks for one)", () => {
    const text = "@brief_test_bot";
    expect(groupQuestion({ text, entities: [mention(text, text)] }, BOT_INFO)).toBe("");
  });
});
