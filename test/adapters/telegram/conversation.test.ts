/**
 * The conversation layer on Telegram: the real grammY bot with all its middleware, fed updates in process (harness.ts),
 * over the shipped knowledge. Small talk, follow-ups, per-person memory in a group, a reply to an answer after a
 * restart, the buttons under answers, forged and stale button data, /forget.
 */
import { describe, expect, it } from "vitest";
import { answerLabel, escapeHtml, renderTelegramTurn } from "../../../src/render/telegram-html.js";
import { repliedEntry } from "../../../src/adapters/telegram/conversation.js";
import { DECLINE_TEXT } from "../../../src/render/attribution.js";
import { infoText, sharedCore } from "../../support/runtime.js";
import { BOT_INFO, harness, htmlProblem, type Call } from "../../fakes/telegram-harness.js";

const core = sharedCore();
const alice = { id: 918273645, first_name: "Alice" };
const bob = { id: 5550123, first_name: "Bob" };
const dm = { id: alice.id, type: "private" as const };
const group = { id: -1001234, type: "supergroup" as const };
const me = `@${BOT_INFO.username}`;
const ROOMY = { flood: { limit: 1000, timeFrameMs: 60_000 } };

const JAHROMI_Q = "what did the communications minister say about twitter?";
const ROUHANI_Q = "what did Rouhani say?";
/** What the core answers JAHROMI_Q with (his words on Twitter): what the adapters show first. */
const FIRST = core.ask(JAHROMI_Q).answer!.id;

type Button = { text: string; callback_data: string };
const buttonsOf = (c: Call | undefined): Button[] =>
  (c?.payload.reply_markup?.inline_keyboard ?? []).flat() as Button[];
const textOf = (c: Call | undefined): string => String(c?.payload.text ?? "");
/** The end of an entry's text as the renderer shows it (escaped): what tells it apart (its start may be a role other answers show too). */
const shown = (id: string) => escapeHtml(core.answerById(id)!.text).slice(-30);
const h = () => harness(ROOMY, core);

describe("telegram conversation", () => {
  it("answers small talk in a private chat as small talk: plain escaped text, no buttons, no knowledge", async () => {
    const t = h();
    await t.message(dm, alice, "hi");
    await t.message(dm, alice, "thanks!");
    await t.message(dm, alice, "good bot");
    const sent = t.sent();
    expect(sent).toHaveLength(3);
    for (const m of sent) {
      expect(htmlProblem(textOf(m))).toBeNull();
      expect(textOf(m)).not.toContain("Source:");
      expect(textOf(m)).not.toContain(escapeHtml(DECLINE_TEXT));
      expect(buttonsOf(m)).toEqual([]);
    }
    expect(textOf(sent[0])).toMatch(/hello|hi/i);
    expect(textOf(sent[1])).toMatch(/welcome/i);
  });

  it("'what can you do?' gets the guide with example questions from the knowledge", async () => {
    const t = h();
    await t.message(dm, alice, "what can you do?");
    const text = textOf(t.sent()[0]);
    const examples = core.exampleQuestions(6).map((q) => escapeHtml(q));
    expect(examples.some((q) => text.includes(q))).toBe(true);
  });

  it("follows up: 'what else did he say?' after an answer gives more from the same speaker", async () => {
    const t = h();
    await t.message(dm, alice, JAHROMI_Q);
    await t.message(dm, alice, "what else did he say?");
    const [first, second] = t.sent();
    expect(textOf(first)).toContain(shown(FIRST));
    expect(textOf(second)).toContain("Jahromi");
    expect(textOf(second)).not.toContain(shown(FIRST));
    expect(textOf(second)).toContain("Source:");
    // One log line and one telemetry event per message, whatever the conversation did for it.
    expect(t.rt.lines.filter((l) => l.msg === "answer")).toHaveLength(2);
    expect(t.rt.events.map((e) => [e.event.command, e.event.id])).toEqual([
      ["ask", FIRST],
      ["ask", expect.stringMatching(/^jahromi-/)],
    ]);
  });

  it("a follow-up with nothing before it asks what is meant instead of answering a random entry", async () => {
    const t = h();
    await t.message(dm, alice, "what else did he say?");
    expect(textOf(t.sent()[0])).toMatch(/no earlier answer/);
  });

  it("two people in one group interleave follow-ups: neither sees the other's context", async () => {
    const t = h();
    await t.message(group, alice, `${me} ${JAHROMI_Q}`);
    await t.message(group, bob, `${me} ${ROUHANI_Q}`);
    const aliceNext = await t.message(group, alice, `${me} what else did he say?`);
    const bobNext = await t.message(group, bob, `${me} what else did he say?`);
    const carol = { id: 777, first_name: "Carol" };
    await t.message(group, carol, `${me} who said that?`);
    const sent = t.sent();
    expect(sent).toHaveLength(5);
    expect(sent[2]!.payload.reply_parameters?.message_id).toBe(aliceNext);
    expect(textOf(sent[2])).toContain("Jahromi");
    expect(textOf(sent[2])).not.toContain("Rouhani");
    expect(sent[3]!.payload.reply_parameters?.message_id).toBe(bobNext);
    expect(textOf(sent[3])).toContain("Rouhani");
    expect(textOf(sent[3])).not.toContain("Jahromi");
    expect(textOf(sent[4])).toMatch(/no earlier answer/); // Carol asked nothing before
  });

  it("the same person in another chat has another memory", async () => {
    const t = h();
    await t.message(group, alice, `${me} ${JAHROMI_Q}`);
    await t.message(dm, alice, "what else did he say?");
    expect(textOf(t.sent()[1])).toMatch(/no earlier answer/);
  });

  it("a reply to one of its answers continues from that answer after a restart (a new bot, empty memory)", async () => {
    const before = h();
    await before.message(dm, alice, JAHROMI_Q);
    const answer = before.sent()[0]!;
    const keyboard = JSON.parse(JSON.stringify(answer.payload.reply_markup)) as { inline_keyboard: Button[][] };
    const repliedTo = {
      message_id: 9,
      date: 0,
      chat: dm,
      from: BOT_INFO,
      text: "an earlier answer",
      reply_markup: keyboard,
    };

    const after = h(); // restarted: nothing remembered
    await after.message(dm, alice, "what else did he say?");
    expect(textOf(after.sent()[0])).toMatch(/no earlier answer/);
    await after.message(dm, alice, "what else did he say?", { reply_to_message: repliedTo });
    expect(textOf(after.sent()[1])).toContain("Jahromi");
    // In a group, a reply to the bot is addressed to it without a mention, and continues the same way.
    const again = h();
    const groupReply = { ...repliedTo, chat: group };
    await again.message(group, bob, "who said that?", { reply_to_message: groupReply });
    expect(textOf(again.sent()[0])).toContain(shown(FIRST));
    expect(textOf(again.sent()[0])).toContain("Jahromi");
  });

  it("a reply to a bot message without answer buttons is a fresh question", async () => {
    const t = h();
    const plain = {
      message_id: 9,
      date: 0,
      chat: dm,
      from: BOT_INFO,
      text: "hello",
      reply_markup: {
        inline_keyboard: [[{ text: "x", callback_data: `#${FIRST}` }], [{ text: "y", callback_data: "nonsense" }]],
      },
    };
    await t.message(dm, alice, "who said that?", { reply_to_message: plain });
    expect(textOf(t.sent()[0])).toMatch(/no earlier answer/);
  });

  it("offers More from <speaker>, Related and Source under an answer, each under 64 bytes, and each answers when pressed", async () => {
    const t = h();
    await t.message(dm, alice, JAHROMI_Q);
    const buttons = buttonsOf(t.sent()[0]);
    expect(buttons.map((b) => b.text)).toEqual(["More from Mohammad Javad Azari Jahromi", "Related", "Source"]);
    expect(buttons.map((b) => b.callback_data)).toEqual([`*${FIRST}`, `~${FIRST}`, `^${FIRST}`]);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    // Pressed by someone with no memory at all (a restart, or another person): the button carries the entry.
    const other = h();
    await other.press(dm, alice, buttons[0]!.callback_data);
    await other.press(dm, alice, buttons[1]!.callback_data);
    await other.press(dm, alice, buttons[2]!.callback_data);
    const [more, related, source] = other.sent();
    expect(textOf(more)).toContain("Jahromi");
    expect(textOf(more)).not.toContain(shown(FIRST));
    expect(textOf(related)).not.toContain(shown(FIRST));
    expect(textOf(related)).not.toBe(textOf(more));
    expect(textOf(source)).toContain(shown(FIRST));
    expect(textOf(source)).toContain("Source:");
    const acks = other.calls.filter((c) => c.method === "answerCallbackQuery");
    expect(acks).toHaveLength(3);
    for (const a of acks) expect(a.payload.text).toBeUndefined();
    // A press is logged like an answer, through dispatch: once per press, without who pressed.
    const logged = other.rt.lines.filter((l) => l.msg === "answer");
    expect(logged).toHaveLength(3);
    expect(infoText(other.rt.lines).join("\n")).not.toContain(String(alice.id));
  });

  it("a press in a group answers threaded to the pressed message, and becomes the presser's context", async () => {
    const t = h();
    await t.press(group, bob, `*${FIRST}`, 321);
    expect(t.sent()[0]!.payload.reply_parameters?.message_id).toBe(321);
    await t.message(group, bob, `${me} who said that?`);
    expect(textOf(t.sent()[1])).toContain("Jahromi");
  });

  it("forged and stale button data get a polite toast and no message; nothing breaks", async () => {
    const t = h();
    const forged = ["", "#", "*", "x", "*../../etc", "*UPPER", `?${FIRST}`, "bb:dym:x", "*a b", "^\u0000"];
    for (const data of forged) await t.press(dm, alice, data);
    // Well-formed, but naming no entry: removed by a reload, or made up (80 characters are cut to Telegram's 64).
    const stale = ["*no-such-entry", "#removed-by-a-reload", "~" + "a".repeat(80)];
    for (const data of stale) await t.press(dm, alice, data);
    const acks = t.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload.text));
    expect(acks).toHaveLength(forged.length + stale.length);
    for (const a of acks.slice(0, forged.length)) expect(a).toMatch(/doesn't work any more/);
    for (const a of acks.slice(forged.length)) expect(a).toMatch(/no longer have/);
    for (const a of acks) expect(a.length).toBeLessThanOrEqual(200);
    expect(t.sent()).toHaveLength(0);
    expect(t.rt.errors).toEqual([]);
    // The bot still answers afterwards.
    await t.message(dm, alice, JAHROMI_Q);
    expect(textOf(t.sent()[0])).toContain(shown(FIRST));
  });

  it("/forget clears the person's memory in that chat only", async () => {
    const t = h();
    await t.message(group, alice, `${me} ${JAHROMI_Q}`);
    await t.message(group, bob, `${me} ${ROUHANI_Q}`);
    await t.message(group, alice, `/forget@${BOT_INFO.username}`);
    await t.message(group, alice, `${me} what else did he say?`);
    await t.message(group, bob, `${me} what else did he say?`);
    const sent = t.sent();
    expect(textOf(sent[2])).toMatch(/forgotten/);
    expect(textOf(sent[3])).toMatch(/no earlier answer/);
    expect(textOf(sent[4])).toContain("Rouhani");
  });

  it("a clarification's options are buttons (labelled with the answers) that answer the option picked", async () => {
    // Whether two answers tie is the core's call, which changes as it is tuned: the turn is made here, as the
    // conversation layer makes it, and the pick goes through the bot.
    const [a, b] = ["jahromi-avid-twitter-user", "leaders-use-twitter"].map((id) => core.answerById(id)!);
    const turn = {
      reply: { type: "prompt" as const, text: "Did you mean one of these? <both>" },
      actions: [
        { action: "pick" as const, entryId: a!.id },
        { action: "pick" as const, entryId: b!.id },
      ],
      speaker: null,
      alternatives: [a!, b!],
    };
    const rendered = renderTelegramTurn(turn);
    expect(rendered.chunks).toEqual(["Did you mean one of these? &lt;both&gt;"]);
    expect(rendered.rows).toBeUndefined();
    expect(rendered.buttons.map((x) => x.data)).toEqual([`#${a!.id}`, `#${b!.id}`]);
    expect(rendered.buttons[0]!.text).toBe(answerLabel(a!));
    const t = h();
    await t.press(dm, alice, rendered.buttons[1]!.data);
    expect(textOf(t.sent()[0])).toContain(shown(b!.id));
    // Under more than one answer (a /quote list) no follow-up buttons are offered: which answer would they be about?
    const list = renderTelegramTurn({
      reply: { type: "quotes", query: "x", speaker: null, answers: [a!, b!], suggestions: [] },
      actions: [{ action: "source", entryId: a!.id }],
      speaker: null,
      alternatives: [],
    });
    expect(list.rows).toBeUndefined();
  });
});

describe("repliedEntry", () => {
  const keyboard = (rows: unknown) =>
    ({
      reply_to_message: { message_id: 1, date: 0, chat: dm, from: BOT_INFO, reply_markup: { inline_keyboard: rows } },
    }) as never;
  it("reads the answer's entry from the replied-to message's buttons, only on the bot's own messages", () => {
    expect(
      repliedEntry(
        keyboard([[{ text: "a", callback_data: "#x" }], [{ text: "b", callback_data: "^jahromi-avid-twitter-user" }]]),
        BOT_INFO.id,
      ),
    ).toBe("jahromi-avid-twitter-user");
    expect(repliedEntry(keyboard([[{ text: "a", callback_data: "*q" }]]), 12345)).toBeNull();
    expect(repliedEntry({} as never, BOT_INFO.id)).toBeNull();
  });
  it("reads forged keyboards without throwing, and only a bounded part of them", () => {
    for (const rows of [null, 5, "x", [null], [[null, 3, { callback_data: 9 }]], [["*a"]], {}])
      expect(repliedEntry(keyboard(rows), BOT_INFO.id)).toBeNull();
    const many = Array.from({ length: 10_000 }, () => [{ text: "x", callback_data: "x" }]);
    many.push([{ text: "s", callback_data: "^jahromi-avid-twitter-user" }]);
    expect(repliedEntry(keyboard(many), BOT_INFO.id)).toBeNull();
  });
});
