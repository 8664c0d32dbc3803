/**
 * The conversation layer on Discord: the real discord.js client (startDiscord) against the fake Discord on 127.0.0.1,
 * over the shipped knowledge. Small talk in a DM, follow-ups, per-person memory in a channel shared by messages and
 * slash /ask, a reply to an answer after a restart, the buttons under answers, forged and stale button data, /forget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordConversation, entryFromComponents } from "../../../src/adapters/discord/conversation.js";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { ERROR_TEXT } from "../../../src/adapters/discord/respond.js";
import type { RunningAdapter } from "../../../src/runtime.js";
import { DECLINE_TEXT } from "../../../src/render/attribution.js";
import { renderDiscordTurn } from "../../../src/render/discord-turn.js";
import { infoText, sharedCore, testRuntime } from "../../support/runtime.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../../fakes/discord.js";
import { customIds, expectWithinLimits } from "./limits.js";

const EPHEMERAL = 64;
const core = sharedCore();
const t = testRuntime(core);
const JAHROMI_Q = "what did the communications minister say about twitter?";
const ROUHANI_Q = "what did Rouhani say?";
/** What the core answers JAHROMI_Q with (his words on Twitter): what the adapters show first. */
const FIRST = core.ask(JAHROMI_Q).answer!.id;

let fake: FakeDiscord;
let adapter: RunningAdapter;
let nextUser = 4_000_000_000_000_000_00n;
/** A fresh person for each test, so no test sees another's memory (or flood budget). */
const person = () => String(nextUser++);

const start = () =>
  startDiscord(t.runtime, {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    restRetries: 0,
    deferAfterMs: 60_000,
    flood: { limit: 1000, timeFrameMs: 60_000 },
  } as Parameters<typeof startDiscord>[1]);

beforeAll(async () => {
  fake = await startFakeDiscord();
  adapter = await start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

/** Sends a message and waits for the bot's reply to it. */
async function say(
  content: string,
  o: { userId: string; dm?: boolean; mention?: boolean; repliedComponents?: unknown[] },
): Promise<any> {
  const id = fake.sendMessage({
    content,
    userId: o.userId,
    dm: o.dm ?? false,
    mentionBot: !o.dm && o.mention !== false,
    ...(o.repliedComponents && { replyToBot: true, repliedComponents: o.repliedComponents, mentionInContent: false }),
  } as Parameters<FakeDiscord["sendMessage"]>[0]);
  const r: RecordedRequest = await fake.replyTo(id);
  expectWithinLimits(r.body);
  return r.body;
}

/** Everything a reply shows, as one string. */
const shownIn = (body: any) =>
  [
    body.content ?? "",
    ...(body.embeds ?? []).map((e: any) => [e.title, e.description, JSON.stringify(e.fields ?? [])].join("\n")),
  ].join("\n");
/** The end of an entry's text: what tells it apart (its start may be a role that other answers show too). */
const text = (id: string) => core.answerById(id)!.text.slice(-30);

describe("discord conversation", () => {
  it("answers small talk in a DM as small talk: plain text, no embed, no buttons, no knowledge", async () => {
    const userId = person();
    const hi = await say("hi", { userId, dm: true });
    const thanks = await say("thanks!", { userId, dm: true });
    for (const b of [hi, thanks]) {
      expect(b.embeds ?? []).toEqual([]);
      expect(customIds(b)).toEqual([]);
      expect(b.content).not.toContain(DECLINE_TEXT);
    }
    expect(hi.content).toMatch(/hello|hi/i);
    expect(thanks.content).toMatch(/welcome/i);
  });

  it("small talk by slash /ask is public, plain and escaped", async () => {
    const cb = await fake.sendCommand("ask", { question: "hi" }, { userId: person() }).callback();
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.content).toMatch(/hello|hi/i);
    expectWithinLimits(cb.body.data);
  });

  it("follows up: 'what else did he say?' after an answer gives more from the same speaker", async () => {
    const userId = person();
    const first = await say(JAHROMI_Q, { userId });
    const next = await say("what else did he say?", { userId });
    expect(shownIn(first)).toContain(text(FIRST));
    expect(shownIn(next)).toContain("Jahromi");
    expect(shownIn(next)).not.toContain(text(FIRST));
  });

  it("two people in one channel interleave follow-ups: neither sees the other's context", async () => {
    const alice = person();
    const bob = person();
    await say(JAHROMI_Q, { userId: alice });
    await say(ROUHANI_Q, { userId: bob });
    const a = shownIn(await say("what else did he say?", { userId: alice }));
    const b = shownIn(await say("what else did he say?", { userId: bob }));
    expect(a).toContain("Jahromi");
    expect(a).not.toContain("Rouhani");
    expect(b).toContain("Rouhani");
    expect(b).not.toContain("Jahromi");
    expect((await say("who said that?", { userId: person() })).content).toMatch(/no earlier answer/);
  });

  it("a slash /ask uses the memory of the same person in that channel, not another's", async () => {
    const userId = person();
    await say(JAHROMI_Q, { userId });
    const mine = await fake.sendCommand("ask", { question: "what else did he say?" }, { userId }).callback();
    expect(shownIn(mine.body.data)).toContain("Jahromi");
    expect(shownIn(mine.body.data)).not.toContain(text(FIRST));
    const theirs = await fake
      .sendCommand("ask", { question: "what else did he say?" }, { userId: person() })
      .callback();
    expect(theirs.body.data.content).toMatch(/no earlier answer/);
    // The same person in a DM is another conversation.
    expect((await say("what else did he say?", { userId, dm: true })).content).toMatch(/no earlier answer/);
  });

  it("offers More from <speaker>, Related and Source (custom_id under 100); each press answers, ephemerally", async () => {
    const first = await say(JAHROMI_Q, { userId: person() });
    const ids = customIds(first);
    expect(ids.slice(0, 3)).toEqual([`*${FIRST}`, `~${FIRST}`, `^${FIRST}`]);
    const labels = first.components.flatMap((r: any) => r.components.map((b: any) => b.label));
    expect(labels.slice(0, 3)).toEqual(["More from Mohammad Javad Azari Jahromi", "Related", "Source"]);
    for (const id of ids) expect(id.length).toBeLessThan(100);

    const presser = person(); // pressed by someone else: the button carries the entry
    const more = (await fake.pressButton(ids[0]!, { userId: presser }).callback()).body.data;
    const related = (await fake.pressButton(ids[1]!, { userId: presser }).callback()).body.data;
    const source = (await fake.pressButton(ids[2]!, { userId: presser }).callback()).body.data;
    for (const d of [more, related, source]) {
      expect(d.flags).toBe(EPHEMERAL);
      expectWithinLimits(d);
    }
    expect(shownIn(more)).toContain("Jahromi");
    expect(shownIn(more)).not.toContain(text(FIRST));
    expect(shownIn(related)).not.toContain(text(FIRST));
    expect(shownIn(related)).not.toBe(shownIn(more));
    expect(shownIn(source)).toContain(text(FIRST));
    expect(shownIn(source)).toContain(core.answerById(FIRST)!.source.publisher);
    // The press became the presser's context in this channel.
    expect(shownIn(await say("who said that?", { userId: presser }))).toContain("Jahromi");
  });

  it("a button press is logged once, through dispatch, without who pressed", async () => {
    const presser = person();
    const before = t.lines.filter((l) => l.msg === "answer").length;
    await fake.pressButton(`~${FIRST}`, { userId: presser }).callback();
    const logged = t.lines.filter((l) => l.msg === "answer").slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ platform: "discord", command: "ask", answered: true });
    expect(infoText(t.lines).join("\n")).not.toContain(presser);
  });

  it("forged and stale button data get a polite ephemeral note, never an answer or an error", async () => {
    const presser = person();
    const forged = ["x", "*", "#", "*UPPER", "*../x", "?" + FIRST, "bb:alt:", "bb:dym:../x", "*" + "a".repeat(90)];
    for (const id of forged) {
      const d = (await fake.pressButton(id, { userId: presser }).callback()).body.data;
      expect(d.flags).toBe(EPHEMERAL);
      expect(d.content).toMatch(/no longer in use/);
      expect(d.embeds ?? []).toEqual([]);
    }
    for (const id of ["*no-such-entry", "~removed-by-a-reload", "^gone", "bb:dym:gone"]) {
      const d = (await fake.pressButton(id, { userId: presser }).callback()).body.data;
      expect(d.flags).toBe(EPHEMERAL);
      expect(d.content).toMatch(/no longer have/);
      expect(d.content).not.toBe(ERROR_TEXT);
    }
    expect(t.errors).toEqual([]);
  });

  it("/forget clears the person's memory in that channel; the other person's stays", async () => {
    const alice = person();
    const bob = person();
    await say(JAHROMI_Q, { userId: alice });
    await say(ROUHANI_Q, { userId: bob });
    const forgot = await fake.sendCommand("forget", {}, { userId: alice }).callback();
    expect(forgot.body.data.content).toMatch(/forgotten/);
    expect((await say("what else did he say?", { userId: alice })).content).toMatch(/no earlier answer/);
    expect(shownIn(await say("what else did he say?", { userId: bob }))).toContain("Rouhani");
    // Typed after a mention, too.
    await say(JAHROMI_Q, { userId: bob });
    expect((await say("/forget", { userId: bob })).content).toMatch(/forgotten/);
    expect((await say("who said that?", { userId: bob })).content).toMatch(/no earlier answer/);
  });

  it("a reply to one of its answers continues from that answer after a restart (a new client, empty memory)", async () => {
    const userId = person();
    const answer = await say(JAHROMI_Q, { userId });
    const components = answer.components;
    await adapter.stop();
    adapter = await start(); // restarted: nothing remembered
    expect((await say("what else did he say?", { userId })).content).toMatch(/no earlier answer/);
    const next = await say("what else did he say?", { userId, repliedComponents: components });
    expect(shownIn(next)).toContain("Jahromi");
    expect(shownIn(next)).not.toContain(text(FIRST));
    // A reply to a bot message whose buttons carry no answer is a question of its own.
    const plain = await say("who said that?", {
      userId: person(),
      repliedComponents: [{ type: 1, components: [{ type: 2, style: 2, label: "x", custom_id: `#${FIRST}` }] }],
    });
    expect(plain.content).toMatch(/no earlier answer/);
  });
});

describe("discord turn rendering", () => {
  it("a clarification is public plain text with its options as buttons; a press on one answers it", async () => {
    // Whether two answers tie is the core's call, which changes as it is tuned: the turn is made here as the
    // conversation layer makes it, and the pick goes through the bot.
    const [a, b] = ["jahromi-avid-twitter-user", "leaders-use-twitter"].map((id) => core.answerById(id)!);
    const [m] = renderDiscordTurn({
      mode: "clarify",
      reply: { type: "prompt", text: "Did you mean one of these? **both**" },
      actions: [
        { action: "pick", entryId: a!.id },
        { action: "pick", entryId: b!.id },
      ],
      speaker: null,
      alternatives: [a!, b!],
    });
    expect(m!.ephemeral).toBe(false);
    expect(m!.content).toBe("Did you mean one of these? \\*\\*both\\*\\*");
    expect(customIds(m)).toEqual([`#${a!.id}`, `#${b!.id}`]);
    expectWithinLimits(m);
    const d = (await fake.pressButton(`#${b!.id}`, { userId: person() }).callback()).body.data;
    expect(shownIn(d)).toContain(text(b!.id));
  });

  it("a decline stays ephemeral; a press renders everything ephemeral; no follow-up buttons under a list", () => {
    const [a, b] = ["jahromi-avid-twitter-user", "leaders-use-twitter"].map((id) => core.answerById(id)!);
    const declined = renderDiscordTurn({
      mode: "declined",
      reply: { type: "prompt", text: "Who do you mean?" },
      actions: [],
      speaker: null,
      alternatives: [],
    });
    expect(declined[0]!.ephemeral).toBe(true);
    const list = renderDiscordTurn(
      {
        mode: "answer",
        reply: { type: "quotes", query: "x", speaker: null, answers: [a!, b!], suggestions: [] },
        actions: [{ action: "source", entryId: a!.id }],
        speaker: null,
        alternatives: [],
      },
      true,
    );
    expect(list.every((x) => x.ephemeral)).toBe(true);
    expect(customIds(list[0])).toEqual([]);
  });
});

describe("replies noted from the gateway", () => {
  const botId = "999";
  const reply = (id: string, components: unknown, author = botId) => ({
    t: "MESSAGE_CREATE",
    d: { id, referenced_message: { author: { id: author }, components } },
  });
  const row = (...ids: string[]) => ({ type: 1, components: ids.map((custom_id) => ({ type: 2, custom_id })) });

  it("notes the answer's entry from its buttons, only for replies to the bot, once, and at most 1,000 at a time", () => {
    const c = new DiscordConversation(t.runtime);
    c.noteRaw(reply("1", [row("bb:alt:x", `#other`, `~${FIRST}`)]), botId);
    c.noteRaw(reply("2", [row(`*${FIRST}`)], "someone-else"), botId);
    c.noteRaw(reply("3", [row("#only-a-pick")]), botId);
    c.noteRaw({ t: "MESSAGE_UPDATE", d: reply("4", [row(`*${FIRST}`)]).d }, botId);
    expect(c.repliedEntry("1")).toBe(FIRST);
    expect(c.repliedEntry("1")).toBeNull(); // taken once
    for (const id of ["2", "3", "4"]) expect(c.repliedEntry(id)).toBeNull();
    for (let i = 0; i < 1500; i++) c.noteRaw(reply(`m${i}`, [row(`^${FIRST}`)]), botId);
    expect(c.repliedEntry("m0")).toBeNull();
    expect(c.repliedEntry("m1499")).toBe(FIRST);
  });

  it("reads forged components without throwing, and only a bounded part of them", () => {
    const forged: unknown[] = [
      null,
      7,
      "x",
      {},
      [null],
      [{ components: "no" }],
      [{ components: [null, 5, { custom_id: 42 }] }],
    ];
    for (const f of forged) expect(entryFromComponents(f)).toBeNull();
    const many = Array.from({ length: 10_000 }, () => row("x"));
    many.push(row(`*${FIRST}`));
    expect(entryFromComponents(many)).toBeNull(); // past the five rows Discord allows
    expect(entryFromComponents([row("a", "b", "c", "d", `*${FIRST}`)])).toBe(FIRST);
  });
});
