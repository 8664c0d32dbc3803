import { describe, expect, it } from "vitest";
import { FLOOD_NOTICE } from "../../../src/adapters/telegram/flood.js";
import { BOT_INFO, harness, htmlProblem } from "../../fakes/telegram-harness.js";
import { infoText } from "../../support/runtime.js";

const alice = { id: 918273645, first_name: "Alice" };
const bob = { id: 12, first_name: "Bob" };
const dm = { id: 918273645, type: "private" as const };
const group = { id: -500, type: "supergroup" as const };
const me = `@${BOT_INFO.username}`;

describe("telegram messages (in process)", () => {
  it("renders a quote as escaped HTML: answer, speaker and role, context and source on their own lines", async () => {
    const h = harness();
    await h.message(dm, alice, "Why was Telegram banned?");
    const [m] = h.sent();
    expect(m!.payload.parse_mode).toBe("HTML");
    expect(m!.payload.link_preview_options).toEqual({ is_disabled: true });
    expect((m!.payload.text as string).split("\n")).toEqual([
      "“Telegram was banned because it threatened &lt;national security&gt; &amp; &quot;public order&quot;.”",
      "— <b>Sam &quot;The Minister&quot; O&#39;Neil, communications &lt;minister&gt; &amp; spokesman</b>",
      "<i>told &lt;i&gt;reporters&lt;/i&gt; at a press conference</i>",
      '<i>Source: Test &lt;News&gt; &amp; Co, <a href="https://example.com/article?x=1&amp;y=&quot;2&quot;">“Bots &amp; &lt;Borders&gt;: &quot;a test&quot;”</a>, by Ann O&#39;Writer and Bob &lt;b&gt;Bold&lt;/b&gt;</i>',
    ]);
  });

  it("every command reply is valid HTML under 4,096 characters", async () => {
    const h = harness({ flood: { limit: 100, timeFrameMs: 60_000 } });
    for (const text of [
      "/start",
      "/help",
      "/sources",
      "/quote",
      "/quote sam",
      "/quote nobody at all",
      "/fact",
      "/fact vpn",
      "/fact longread",
      "/fact qqq",
      "/ask <b>hi</b>",
      "/ask",
    ]) {
      await h.message(dm, alice, text);
    }
    expect(h.sent().length).toBeGreaterThanOrEqual(12);
    for (const c of h.sent()) {
      expect(c.payload.text.length).toBeLessThanOrEqual(4096);
      expect(htmlProblem(c.payload.text), c.payload.text.slice(0, 80)).toBeNull();
    }
    expect(h.rt.errors).toEqual([]);
  });

  it("splits a long reply into ordered messages, buttons only on the last", async () => {
    const h = harness();
    await h.message(dm, alice, "/fact longread");
    const parts = h.sent();
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts[0]!.payload.text).toMatch(/^<b>Facts on longread<\/b>/);
    expect(parts.at(-1)!.payload.text).toContain("Source:");
    for (const p of parts) expect(p.payload.reply_markup).toBeUndefined();
  });

  it("a declined question gets Did-you-mean buttons carrying entry ids; pressing one answers it", async () => {
    const h = harness();
    await h.message(dm, alice, "telegram weather");
    const [declined] = h.sent();
    const buttons = declined!.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.callback_data).sort()).toEqual(["#f-telegram-users", "#q-telegram-ban"]);
    expect(buttons.find((b) => b.callback_data === "#q-telegram-ban")!.text).toBe("Why was Telegram banned?");
    await h.press(dm, alice, "#f-telegram-users");
    expect(h.calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);
    expect(h.sent()[1]!.payload.text).toContain("40 million users");
  });

  it("a button for an entry that no longer exists says so, and so does a foreign one, in the toast only", async () => {
    const h = harness();
    await h.press(dm, alice, "#gone-entry");
    await h.press(dm, alice, "something-else");
    const acks = h.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
    expect(acks).toEqual([expect.stringMatching(/no longer have/), expect.stringMatching(/doesn't work any more/)]);
    expect(h.sent()).toHaveLength(0);
  });

  it("in groups: commands for this bot, mentions and replies to the bot; silent otherwise", async () => {
    const h = harness();
    const asked = await h.message(
      group,
      alice,
      `/ask@${BOT_INFO.username.toUpperCase()} how many people used telegram`,
    );
    await h.message(group, alice, "/ask@other_bot how many people used telegram");
    await h.message(group, alice, "how many people used telegram");
    await h.message(group, alice, "/unknown");
    await h.message(group, alice, `/unknown@${BOT_INFO.username}`);
    const mention = await h.message(group, bob, `hey ${me} how do people reach blocked sites?`);
    const reply = await h.message(group, bob, "does the minister use twitter", {
      reply_to_message: { message_id: 1, date: 0, chat: group, from: BOT_INFO, text: "x" },
    });
    await h.message(group, bob, "does the minister use twitter", {
      reply_to_message: { message_id: 1, date: 0, chat: group, from: { ...alice, is_bot: false }, text: "x" },
    });
    await h.message(group, alice, `/start@${BOT_INFO.username}`);
    const sent = h.sent();
    expect(sent.map((c) => c.payload.reply_parameters?.message_id)).toEqual([
      asked,
      mention,
      reply,
      expect.any(Number),
    ]);
    expect(sent[0]!.payload.text).toContain("40 million");
    expect(sent[1]!.payload.text).toContain("VPNs");
    expect(sent[2]!.payload.text).toContain("Twitter every single day");
    expect(sent[3]!.payload.text).toContain("I answer questions about");
  });

  it("in private chats: any text is a question; an unknown command and a sticker get a hint", async () => {
    const h = harness();
    await h.message(dm, alice, "how many people used telegram");
    await h.message(dm, alice, "/nonsense");
    await h.send({
      message: {
        message_id: 5,
        date: 0,
        chat: { ...dm, first_name: "A" },
        from: { ...alice, is_bot: false },
        sticker: { file_id: "s" },
      },
    } as never);
    const texts = h.sent().map((c) => c.payload.text as string);
    expect(texts[0]).toContain("40 million");
    expect(texts[1]).toMatch(/don't know that command/);
    expect(texts[2]).toMatch(/sent as text/);
  });

  it("flood limit: tells a user once, drops the rest, and leaves other users alone", async () => {
    const h = harness({ flood: { limit: 3, timeFrameMs: 60_000 } });
    for (let i = 0; i < 6; i++) await h.message(dm, alice, "how many people used telegram");
    await h.message({ id: 12, type: "private" }, bob, "how many people used telegram");
    const texts = h.sent().map((c) => c.payload.text as string);
    expect(texts.filter((t) => t.includes("40 million"))).toHaveLength(4); // 3 for Alice, 1 for Bob
    expect(texts.filter((t) => t === FLOOD_NOTICE)).toHaveLength(1);
    await h.press(dm, alice, "#f-vpn");
    expect(h.calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(0); // already told: dropped
  });

  it("flood limit: group chatter not meant for the bot does not count", async () => {
    const h = harness({ flood: { limit: 2, timeFrameMs: 60_000 } });
    for (let i = 0; i < 10; i++) await h.message(group, alice, "just chatting about telegram");
    await h.message(group, alice, `${me} how many people used telegram`);
    await h.message(group, alice, `${me} how many people used telegram`);
    await h.message(group, alice, `${me} how many people used telegram`);
    const texts = h.sent().map((c) => c.payload.text as string);
    expect(texts.filter((t) => t.includes("40 million"))).toHaveLength(2);
    expect(texts.filter((t) => t === FLOOD_NOTICE)).toHaveLength(1);
    expect(h.sent().at(-1)!.payload.reply_parameters).toBeDefined(); // the notice is threaded in groups
  });

  it("a failing handler is caught (error boundary), logged without the message, and the next update is served", async () => {
    const h = harness();
    h.fail("sendMessage", 400, "Bad Request: can't parse entities");
    await expect(h.message(dm, alice, "how many people used telegram")).resolves.toBeDefined();
    const logged = h.rt.lines.find((l) => l.msg === "telegram error");
    expect(logged).toMatchObject({ where: "handler", err: { name: "GrammyError", method: "sendMessage", code: 400 } });
    expect(JSON.stringify(h.rt.lines)).not.toContain("40 million");
    expect(h.rt.errors).toEqual(["telegram:handler"]);
  });

  it("logs one privacy-safe line per answer through dispatch", async () => {
    const h = harness();
    await h.message(dm, alice, "how many people used telegram");
    const answers = h.rt.lines.filter((l) => l.msg === "answer");
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ platform: "telegram", command: "ask", id: "f-telegram-users", answered: true });
    const info = infoText(h.rt.lines).join("\n");
    expect(info).not.toContain("how many people");
    expect(info).not.toContain("Alice");
    expect(info).not.toContain("918273645");
  });
});
