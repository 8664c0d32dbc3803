import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegram, type TelegramAdapter } from "../../../src/adapters/telegram/index.js";
import { commands } from "../../../src/commands/definitions.js";
import { infoText, sharedCore, testRuntime } from "../../support/runtime.js";
import { Emulator, EMULATOR_BOT, until, type TestChat, type TestUser } from "../../fakes/telegram-test-api.js";
import { fixtureCore } from "./fixture.js";

/**
 * End to end: the real start-up (getMe, deleteWebhook, @grammyjs/runner long polling, setMyCommands) against the
 * telegram-test-api Bot API emulator on 127.0.0.1, through `apiRoot`.
 */
const TOKEN = "123456:briefbot-e2e-token-ABCDEFGHIJKLMNOP";
const alice: TestUser = { id: 5001, is_bot: false, first_name: "Alice", username: "alice_private_name" };
const bob: TestUser = { id: 5002, is_bot: false, first_name: "Bob" };
let nextChat = 100;
const privateChat = (): TestChat => ({ id: ++nextChat, type: "private", first_name: "Alice" });
const groupChat = (): TestChat => ({ id: -++nextChat, type: "supergroup", title: "Test group" });

let emu: Emulator;
let adapter: TelegramAdapter;
let rt: ReturnType<typeof testRuntime>;
let core = fixtureCore();

beforeAll(async () => {
  emu = new Emulator();
  const apiRoot = await emu.start();
  rt = testRuntime(fixtureCore());
  rt.runtime.core = () => core; // read per update, as on a knowledge reload
  adapter = await startTelegram(rt.runtime, { token: TOKEN, apiRoot, flood: { limit: 1000, timeFrameMs: 60_000 } });
});

afterAll(async () => {
  await adapter?.stop();
  await emu?.stop();
});

const sent = (chat: TestChat) => emu.botMessages(TOKEN, chat.id);

/** Waits for `n` more bot messages in `chat` than `before` and returns the new ones. */
async function replies(chat: TestChat, before: number, n = 1) {
  expect(await until(() => sent(chat).length >= before + n), `expected ${n} bot message(s) in chat ${chat.id}`).toBe(
    true,
  );
  return sent(chat).slice(before);
}

/**
 * Sends something the bot must ignore, then a /sources command as a sentinel in the same chat (handled after it:
 * updates are sequential per chat). The only new bot message must be the sentinel's answer.
 */
async function expectSilence(chat: TestChat, send: () => Promise<unknown>) {
  const before = sent(chat).length;
  await send();
  const sentinel = await emu.say(TOKEN, chat, bob, "/sources");
  const fresh = await replies(chat, before);
  expect(fresh.map((m) => m.message.reply_parameters?.message_id)).toEqual([sentinel]);
}

describe("telegram e2e (long polling against telegram-test-api)", () => {
  it("started: serving, and survives the emulator's HTTP 500 for setMyCommands", async () => {
    expect(adapter.state()).toBe("serving");
    expect(adapter.bot.botInfo.username).toBe(EMULATOR_BOT.username);
    expect(emu.calls).toContain("getMe");
    expect(emu.calls).toContain("deleteWebhook");
    expect(await until(() => emu.calls.filter((c) => c === "setMyCommands").length === 2)).toBe(true);
    expect(await until(() => rt.lines.some((l) => l.msg === "telegram command menu not registered"))).toBe(true);
  });

  it("answers a private question with the sourced answer in HTML", async () => {
    const chat = privateChat();
    await emu.say(TOKEN, chat, alice, "How many people used Telegram?");
    const [m] = await replies(chat, 0);
    expect(m!.message.parse_mode).toBe("HTML");
    expect(m!.message.text).toContain("Telegram had 40 million users in the country before the ban.");
    expect(m!.message.text).toContain("Source: Test &lt;News&gt; &amp; Co");
    expect(m!.message.reply_parameters).toBeUndefined(); // private chats are not threaded
  });

  it("/start says what the bot knows, with example questions", async () => {
    const chat = privateChat();
    await emu.say(TOKEN, chat, alice, "/start");
    const [m] = await replies(chat, 0);
    const text = m!.message.text;
    expect(text).toContain("Bots &amp; &lt;Borders&gt;");
    expect(text).toContain("For example:");
    for (const c of commands) expect(text).toContain(`/${c.name}`);
  });

  it("/ask without a question asks for it, and answers the next message", async () => {
    const chat = privateChat();
    await emu.say(TOKEN, chat, alice, "/ask");
    const [prompt] = await replies(chat, 0);
    expect(prompt!.message.text).toMatch(/what would you like to know/i);
    await emu.say(TOKEN, chat, alice, "/why was telegram banned"); // a command-like question, taken as the question
    const [answer] = await replies(chat, 1);
    expect(answer!.message.text).toContain("threatened &lt;national security&gt;");
  });

  it("in a group answers /ask@thisbot, threaded to the asker's message", async () => {
    const chat = groupChat();
    const asked = await emu.say(TOKEN, chat, alice, `/ask@${EMULATOR_BOT.username} Why was Telegram banned?`);
    const [m] = await replies(chat, 0);
    expect(m!.message.text).toContain(
      "— <b>Sam &quot;The Minister&quot; O&#39;Neil, communications &lt;minister&gt; &amp; spokesman</b>",
    );
    expect(m!.message.reply_parameters?.message_id).toBe(asked);
  });

  it("in a group answers plain /ask too", async () => {
    const chat = groupChat();
    const asked = await emu.say(TOKEN, chat, alice, "/ask how many people used telegram");
    const [m] = await replies(chat, 0);
    expect(m!.message.text).toContain("40 million");
    expect(m!.message.reply_parameters?.message_id).toBe(asked);
  });

  it("in a group ignores /ask@otherbot", async () => {
    const chat = groupChat();
    await expectSilence(chat, () => emu.say(TOKEN, chat, alice, "/ask@OtherBot Why was Telegram banned?"));
  });

  it("in a group ignores plain chatter, even about the topic", async () => {
    const chat = groupChat();
    await expectSilence(chat, () => emu.say(TOKEN, chat, alice, "Why was Telegram banned?"));
    await expectSilence(chat, () => emu.say(TOKEN, chat, alice, "ping @someone_else about telegram"));
  });

  it("in a group answers an @mention, without the mention in the question", async () => {
    const chat = groupChat();
    const asked = await emu.say(
      TOKEN,
      chat,
      alice,
      `@${EMULATOR_BOT.username.toLowerCase()} how many people used telegram?`,
    );
    const [m] = await replies(chat, 0);
    expect(m!.message.text).toContain("40 million");
    expect(m!.message.reply_parameters?.message_id).toBe(asked);
  });

  it("in a group answers a reply to the bot's own message, but not a reply to someone else", async () => {
    const chat = groupChat();
    await emu.say(TOKEN, chat, alice, "/sources");
    const [mine] = await replies(chat, 0);
    const botMsg = {
      message_id: mine!.messageId,
      date: 0,
      chat,
      from: { id: EMULATOR_BOT.id, is_bot: true, first_name: "Bot" },
      text: "x",
    };
    const asked = await emu.say(TOKEN, chat, bob, "Does the minister use Twitter?", { reply_to_message: botMsg });
    const [answer] = await replies(chat, 1);
    expect(answer!.message.text).toContain("I use Twitter every single day");
    expect(answer!.message.reply_parameters?.message_id).toBe(asked);
    const other = { ...botMsg, from: alice };
    await expectSilence(chat, () =>
      emu.say(TOKEN, chat, bob, "Does the minister use Twitter?", { reply_to_message: other }),
    );
  });

  it("a group /ask without a question opens a reply; the reply is answered", async () => {
    const chat = groupChat();
    await emu.say(TOKEN, chat, alice, "/ask");
    const [prompt] = await replies(chat, 0);
    expect(prompt!.message.reply_markup).toMatchObject({ force_reply: true, selective: true });
    const botMsg = {
      message_id: prompt!.messageId,
      date: 0,
      chat,
      from: { id: EMULATOR_BOT.id, is_bot: true, first_name: "Bot" },
      text: "x",
    };
    await emu.say(TOKEN, chat, alice, "how do people reach blocked sites", { reply_to_message: botMsg });
    const [answer] = await replies(chat, 1);
    expect(answer!.message.text).toContain("VPNs");
  });

  it("a low-confidence question offers Did-you-mean buttons that answer when pressed", async () => {
    const chat = privateChat();
    const question = "telegram weather";
    expect(core.ask(question).suggestionIds?.length, "the fixture declines this with suggestions").toBeGreaterThan(0);
    await emu.say(TOKEN, chat, alice, question);
    const [declined] = await replies(chat, 0);
    expect(declined!.message.text).toContain("I don&#39;t know that");
    expect(declined!.message.text).toContain("Did you mean");
    const markup = declined!.message.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const buttons = markup.inline_keyboard.flat();
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const pressed = buttons[0]!;
    const id = pressed.callback_data.slice(1);
    const expected = core.answerById(id);
    expect(expected).not.toBeNull();
    await emu.press(TOKEN, chat, alice, declined!, pressed.callback_data);
    const [answer] = await replies(chat, 1);
    expect(answer!.message.text).toContain(
      expected!.text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .slice(0, 40),
    );
    expect(emu.calls).toContain("answerCallbackQuery");
  });

  it("a long answer is split into messages under 4,096 characters, in order", async () => {
    const chat = privateChat();
    await emu.say(TOKEN, chat, alice, "/fact longread");
    const parts = await replies(chat, 0, 2);
    for (const p of parts) expect(p.message.text.length).toBeLessThanOrEqual(4096);
    expect(parts[0]!.message.text).toContain("<b>Facts on longread</b>");
  });

  it("reads the knowledge per update: after a reload it answers from the shipped knowledge base", async () => {
    const chat = privateChat();
    const before = core;
    core = sharedCore();
    try {
      await emu.say(TOKEN, chat, alice, "How many Iranians used Telegram?");
      const [m] = await replies(chat, 0);
      expect(m!.message.text).toContain("40 million");
      expect(m!.message.text).toContain("NBC News");
    } finally {
      core = before;
    }
  });

  it("bad input never crashes it: empty-ish, control characters, RTL, markup, @everyone, 4,000 characters", async () => {
    const chat = privateChat();
    const inputs = [
      "\u200b\u200b",
      "\u0000\u0007 telegram",
      "تلگرام چرا فیلتر شد؟",
      "<b>bold</b> & <script>",
      "@everyone @here",
      "😀".repeat(50),
      "x".repeat(4000),
    ];
    for (const text of inputs) await emu.say(TOKEN, chat, alice, text);
    const got = await replies(chat, 0, inputs.length);
    for (const m of got) {
      expect(m.message.text.length).toBeGreaterThan(0);
      expect(m.message.text).not.toContain("<script>");
    }
    expect(adapter.state()).toBe("serving");
  });

  it("logs no user id, name or message text at info level, and never the token", async () => {
    const info = infoText(rt.lines);
    const all = rt.lines.map((l) => JSON.stringify(l)).join("\n");
    expect(info.length).toBeGreaterThan(0);
    for (const secret of [
      String(alice.id),
      alice.username!,
      "Alice",
      "40 million",
      "Why was Telegram banned",
      "telegram weather",
    ]) {
      for (const line of info) expect(line).not.toContain(secret);
    }
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(":")[1]!);
  });
});
