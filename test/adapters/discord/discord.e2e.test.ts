/**
 * End to end: the real discord.js start-up (startDiscord) logs in to the fake Discord on 127.0.0.1 and answers what
 * the fake's gateway dispatches; assertions read the REST requests the bot made.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayIntentBits, Partials } from "discord.js";
import { createDiscordClient } from "../../../src/adapters/discord/client.js";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { ERROR_TEXT } from "../../../src/adapters/discord/respond.js";
import type { RunningAdapter, Runtime } from "../../../src/runtime.js";
import { sharedCore, testRuntime } from "../../support/runtime.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../../fakes/discord.js";
import { customIds, expectWithinLimits } from "./limits.js";

const EPHEMERAL = 64;
const NO_FLOOD = { flood: { limit: 1e9, timeFrameMs: 1000 }, autocompleteFlood: { limit: 1e9, timeFrameMs: 1000 } };
const core = sharedCore();
const t = testRuntime(core);
/** Set to make the next core() call throw: a fault at our dependency boundary, to test the handlers' guard. */
let failCore = false;
const runtime: Runtime = {
  ...t.runtime,
  core: () => {
    if (failCore) {
      failCore = false;
      throw new Error("injected core failure");
    }
    return core;
  },
};

let fake: FakeDiscord;
let adapter: RunningAdapter;

beforeAll(async () => {
  fake = await startFakeDiscord();
  // deferAfterMs: only the interactions the defer tests make old on purpose (2 minutes) take the deferred path. One fake
  // user asks everything here, so no flood limit (test/adapters/discord/flood.test.ts tests it).
  adapter = await startDiscord(runtime, {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    restRetries: 0,
    deferAfterMs: 60_000,
    ...NO_FLOOD,
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

/** No request so far replies to message `id` (call after a later message was answered: events are handled in order). */
function repliesTo(id: string): RecordedRequest[] {
  return fake.requests.filter((r) => r.body?.message_reference?.message_id === id);
}

/** Sends a message that must be answered, and waits for the answer: everything dispatched before it was handled. */
async function sentinel(): Promise<void> {
  const id = fake.sendMessage({ content: "who reported the story?", mentionBot: true });
  await fake.replyTo(id);
}

describe("log-in", () => {
  it("identifies with Guilds, GuildMessages and DirectMessages, without the privileged MessageContent intent", () => {
    expect(adapter.state()).toBe("serving");
    const s = fake.sessions.find((x) => x.identified)!;
    expect(s.shard).toEqual([0, 1]);
    const intents = s.intents!;
    for (const bit of [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages])
      expect(intents & bit).toBe(bit);
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
  });

  it("creates its client with allowedMentions parse [] and the Channel partial (DMs), REST through the API root", async () => {
    const client = createDiscordClient({ apiUrl: fake.apiUrl, restRetries: 0 });
    expect(client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(client.options.partials).toContain(Partials.Channel);
    expect(client.options.rest?.api).toBe(fake.apiUrl);
    await client.destroy();
  });
});

describe("guild messages", () => {
  it("answers an @mention with an embed in a reply that pings no one", async () => {
    const question = "How many Iranians used Telegram?";
    const expected = core.ask(question).answer!;
    const id = fake.sendMessage({ content: question, mentionBot: true });
    const r = await fake.replyTo(id);
    expect(r.path).toBe(`/channels/${fake.channelId}/messages`);
    expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(r.body.embeds[0].description).toContain(expected.text.slice(0, 40));
    expect(JSON.stringify(r.body.embeds[0].fields)).toContain(expected.source.publisher);
    expectWithinLimits(r.body);
  });

  it("ignores chatter without a mention, other bots' messages and its own", async () => {
    const chatter = fake.sendMessage({ content: "How many Iranians used Telegram?" });
    const otherBot = fake.sendMessage({ content: "How many Iranians used Telegram?", mentionBot: true, author: "bot" });
    const itself = fake.sendMessage({ content: "How many Iranians used Telegram?", mentionBot: true, author: "self" });
    await sentinel();
    expect(repliesTo(chatter)).toEqual([]);
    expect(repliesTo(otherBot)).toEqual([]);
    expect(repliesTo(itself)).toEqual([]);
  });

  it("answers a reply to one of its messages (reply ping on), without a mention in the text", async () => {
    const id = fake.sendMessage({
      content: "when was telegram banned",
      replyToBot: true,
      mentionBot: true,
      mentionInContent: false,
    });
    const r = await fake.replyTo(id);
    expect(r.body.embeds[0].description).toContain(core.ask("when was telegram banned").answer!.text.slice(0, 30));
  });

  it("explains itself when a reply's text is hidden from it (reply ping off, no MessageContent intent)", async () => {
    const id = fake.sendMessage({ content: "", replyToBot: true });
    const r = await fake.replyTo(id);
    expect(r.body.content).toMatch(/mention me/i);
  });

  it("pings no one and escapes Markdown when it echoes @everyone and markup", async () => {
    const id = fake.sendMessage({ content: "@everyone **bananas** <@&123> ||x|| in `tehran`?", mentionBot: true });
    const r = await fake.replyTo(id);
    expect(r.body.allowed_mentions.parse).toEqual([]);
    const text = JSON.stringify(r.body.embeds);
    expect(text).not.toContain("**bananas**");
    expect(text).toContain("\\\\*\\\\*bananas\\\\*\\\\*");
    expect(text).not.toMatch(/@everyone/);
    expectWithinLimits(r.body);
  });

  it("runs typed commands: /quote after a mention", async () => {
    const id = fake.sendMessage({ content: "/quote rouhani", mentionBot: true });
    const r = await fake.replyTo(id);
    expect(r.body.embeds[0].title).toContain("Rouhani");
    expectWithinLimits(r.body);
  });
});

describe("direct messages", () => {
  it("answers any DM (channel_type 1, partial channel)", async () => {
    const question = "Is Instagram allowed in Iran?";
    const id = fake.sendMessage({ content: question, dm: true });
    const r = await fake.replyTo(id);
    expect(r.path).toBe(`/channels/${fake.dmChannelId}/messages`);
    expect(r.body.embeds[0].description).toContain(core.ask(question).answer!.text.slice(0, 30));
    expect(r.body.allowed_mentions.parse).toEqual([]);
  });
});

describe("bad input", () => {
  it("answers every kind of bad input within Discord's limits, pinging no one", async () => {
    const inputs = [
      "",
      "   ",
      "\u200b\u200d\ufeff",
      "\u0000\u0007\u001b[31m",
      "🙂".repeat(1000),
      "مرحبا، كيف حالك؟",
      "<b>x</b> **y** `z`",
      "@everyone @here",
      ".*+?^${}()|[]\\",
      "x".repeat(4000),
    ];
    for (const content of inputs) {
      const r = await fake.replyTo(fake.sendMessage({ content, dm: true }));
      expect(r.body.allowed_mentions.parse).toEqual([]);
      expectWithinLimits(r.body);
      const cb = await fake.sendCommand("ask", { question: content }).callback();
      expectWithinLimits(cb.body.data);
    }
  });
});

describe("slash commands", () => {
  it("/ask answers in the interaction callback, publicly, with an 'Other answers' button", async () => {
    const question = "telegram";
    const result = core.ask(question);
    const cb = await fake.sendCommand("ask", { question }).callback();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(cb.body.data.embeds[0].description).toContain(result.answer!.text.slice(0, 30));
    expect(customIds(cb.body.data)).toContain(`bb:alt:${result.alternatives.map((a) => a.id).join(",")}`);
    expectWithinLimits(cb.body.data);
  });

  it("'Other answers' shows the alternatives ephemerally, from the custom_id alone", async () => {
    const result = core.ask("telegram");
    const cb = await fake.sendCommand("ask", { question: "telegram" }).callback();
    const alt = customIds(cb.body.data).find((c) => c.startsWith("bb:alt:"))!;
    const press = await fake.pressButton(alt).callback();
    expect(press.body.type).toBe(4);
    expect(press.body.data.flags).toBe(EPHEMERAL);
    const shown = press.body.data.embeds.map((e: any) => e.description).join("\n");
    for (const a of result.alternatives) expect(shown).toContain(a.text.slice(0, 30));
    expectWithinLimits(press.body.data);
  });

  it("a question it cannot answer gets an ephemeral reply whose 'Did you mean' buttons answer", async () => {
    const question = "what about bananas in telegram";
    const result = core.ask(question);
    expect(result.answered).toBe(false);
    expect(result.suggestionIds?.length).toBeGreaterThan(0);
    const cb = await fake.sendCommand("ask", { question }).callback();
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    const ids = customIds(cb.body.data);
    expect(ids).toEqual(result.suggestionIds!.map((id) => `bb:dym:${id}`));
    const press = await fake.pressButton(ids[0]!).callback();
    expect(press.body.data.flags).toBe(EPHEMERAL);
    expect(press.body.data.embeds[0].description).toContain(
      core.answerById(result.suggestionIds![0]!)!.text.slice(0, 30),
    );
  });

  it("a button whose entry is gone, or that is not ours, gets an ephemeral note", async () => {
    const gone = await fake.pressButton("bb:dym:no-such-entry").callback();
    expect(gone.body.data.flags).toBe(EPHEMERAL);
    expect(gone.body.data.content).toMatch(/no longer have/);
    const foreign = await fake.pressButton("something-else").callback();
    expect(foreign.body.data.flags).toBe(EPHEMERAL);
  });

  it("/quote, /fact, /sources and /help reply within Discord's limits", async () => {
    for (const [name, opts] of [
      ["quote", { speaker: "jahromi" }],
      ["quote", {}],
      ["fact", { topic: "telegram" }],
      ["fact", { topic: "zzzz" }],
      ["sources", {}],
      ["help", {}],
    ] as const) {
      const cb = await fake.sendCommand(name, opts).callback();
      expect(cb.body.type, name).toBe(4);
      expectWithinLimits(cb.body.data);
    }
  });

  it("works in DMs too", async () => {
    const cb = await fake.sendCommand("ask", { question: "Who banned Telegram in Iran?" }, { dm: true }).callback();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds.length).toBe(1);
  });

  it("defers an interaction that is already old, then edits @original with the answer", async () => {
    const sent = fake.sendCommand("ask", { question: "telegram" }, { createdAt: Date.now() - 120_000 });
    const cb = await sent.callback();
    expect(cb.body.type).toBe(5);
    const edit = await fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path === `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    );
    expect(edit.body.embeds[0].description).toContain(core.ask("telegram").answer!.text.slice(0, 30));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("a deferred 'no answer' ends up ephemeral (the public placeholder is deleted)", async () => {
    const sent = fake.sendCommand(
      "ask",
      { question: "what about bananas in telegram" },
      { createdAt: Date.now() - 120_000 },
    );
    expect((await sent.callback()).body.type).toBe(5);
    await fake.waitForRequest(
      (r) => r.method === "DELETE" && r.path === `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    );
    const follow = await fake.waitForRequest(
      (r) => r.method === "POST" && r.path === `/webhooks/${fake.applicationId}/${sent.token}`,
    );
    expect(follow.body.flags).toBe(EPHEMERAL);
  });
});

describe("autocomplete", () => {
  it("suggests questions: at most 25 choices, names and values of 1 to 100 characters", async () => {
    for (const typed of ["tele", "", "x".repeat(300), "@everyone", "عربى"]) {
      const cb = await fake.sendAutocomplete("ask", "question", typed).callback();
      expect(cb.body.type).toBe(8);
      const choices: { name: string; value: string }[] = cb.body.data.choices;
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeGreaterThan(0);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      if (typed === "tele") expect(choices.some((c) => /telegram/i.test(c.name))).toBe(true);
    }
  });

  it("completes speakers and topics", async () => {
    const speakers = (await fake.sendAutocomplete("quote", "speaker", "rouh").callback()).body.data.choices;
    expect(speakers.map((c: any) => c.value)).toContain(core.quotesBySpeaker("rouhani")!.speaker.name);
    const typo = (await fake.sendAutocomplete("quote", "speaker", "jahromy").callback()).body.data.choices;
    expect(typo.length).toBe(1);
    const topics = (await fake.sendAutocomplete("fact", "topic", "sanc").callback()).body.data.choices;
    expect(topics.map((c: any) => c.value)).toContain("sanctions");
  });
});

describe("faults", () => {
  it("an error inside a slash handler answers ephemerally, is logged without user data, and the bot keeps serving", async () => {
    const errorsBefore = t.errors.length;
    failCore = true;
    const cb = await fake.sendCommand("ask", { question: "secret question text" }).callback();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe(ERROR_TEXT);
    expect(t.errors.slice(errorsBefore)).toEqual(["discord:interaction"]);
    const logged = t.lines.find((l) => l.msg === "discord handler failed");
    expect(logged).toBeDefined();
    expect(JSON.stringify(t.lines)).not.toContain("secret question text");
    // Still serving.
    const next = await fake.sendCommand("ask", { question: "telegram" }).callback();
    expect(next.body.data.embeds[0].description).toContain(core.ask("telegram").answer!.text.slice(0, 30));
  });

  it("an error inside a message handler answers 'something went wrong'", async () => {
    failCore = true;
    const id = fake.sendMessage({ content: "telegram", mentionBot: true });
    const r = await fake.replyTo(id);
    expect(r.body.content).toBe(ERROR_TEXT);
    await sentinel();
  });

  it("a failed reply (Discord answers 500) is retried as the error reply and the bot keeps serving", async () => {
    const sent = fake.sendCommand("ask", { question: "telegram" });
    fake.failNext((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`, 500);
    const first = await sent.callback();
    expect(first.body.data.embeds).toBeDefined();
    const second = await sent.callback();
    expect(second.body.data.content).toBe(ERROR_TEXT);
    await sentinel();
  });
});

describe("privacy", () => {
  it("never logs user ids, names, message text or the token", () => {
    const all = JSON.stringify(t.lines);
    expect(all).not.toContain(fake.user.id);
    expect(all).not.toContain(fake.user.username);
    expect(all).not.toContain(fake.token);
    expect(all).not.toContain("How many Iranians used Telegram?");
    expect(all).not.toContain("bananas");
    expect(t.lines.filter((l) => l.msg === "answer").length).toBeGreaterThan(5);
  });
});

describe("start-up", () => {
  it("answers events that arrive before the client is ready (discord.js queues them until it is)", async () => {
    const early = await startFakeDiscord({ holdGuilds: true });
    const starting = startDiscord(runtime, {
      token: early.token,
      applicationId: early.applicationId,
      apiUrl: early.apiUrl,
      restRetries: 0,
    });
    await early.waitForShards(1);
    const id = early.sendMessage({ content: "Who banned Telegram in Iran?", dm: true });
    early.releaseGuilds();
    const started = await starting;
    try {
      expect((await early.replyTo(id)).body.embeds.length).toBe(1);
    } finally {
      await started.stop();
      await early.close();
    }
  });

  it("rejects when Discord refuses the token", async () => {
    await expect(
      startDiscord(runtime, {
        token: "bad.token.value-that-is-wrong",
        applicationId: fake.applicationId,
        apiUrl: fake.apiUrl,
        restRetries: 0,
      }),
    ).rejects.toMatchObject({ code: "TokenInvalid" });
  });
});

describe("gateway", () => {
  it("resumes after the gateway connection drops, and answers again", async () => {
    const before = fake.sessions.length;
    fake.dropConnections(4000);
    await fake.waitForShards(1);
    const resumed = fake.sessions.slice(before);
    expect(resumed.some((x) => x.resumed)).toBe(true);
    await sentinel();
  });
});

describe("stop", () => {
  it("destroys the client: the gateway connection closes normally and the adapter reports stopped", async () => {
    const open = fake.sessions.filter((x) => x.socket.readyState === x.socket.OPEN);
    expect(open.length).toBe(1);
    const closed = new Promise<number>((resolve) => open[0]!.socket.once("close", (code: number) => resolve(code)));
    await adapter.stop();
    expect(await closed).toBe(1000);
    expect(adapter.state()).toBe("stopped");
    await adapter.stop(); // twice is fine
  });
});
