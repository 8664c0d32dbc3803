/**
 * The per-user flood limit on Discord, through the real discord.js client against the fake Discord on 127.0.0.1, with
 * the default settings (the same as Telegram's): DMs, @mentions, slash commands and buttons share one budget per
 * user; autocomplete has its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import {
  DEFAULT_FLOOD as TELEGRAM_FLOOD,
  FLOOD_NOTICE as TELEGRAM_NOTICE,
} from "../../../src/adapters/telegram/flood.js";
import { DEFAULT_FLOOD, DEFAULT_INLINE_FLOOD, FLOOD_NOTICE, FloodLimiter } from "../../../src/commands/flood.js";
import type { RunningAdapter } from "../../../src/runtime.js";
import { sharedCore, testRuntime } from "../../support/runtime.js";
import { snowflake, startFakeDiscord, type FakeDiscord } from "../../fakes/discord.js";

const EPHEMERAL = 64;
let fake: FakeDiscord;
let adapter: RunningAdapter;

beforeAll(async () => {
  fake = await startFakeDiscord();
  adapter = await startDiscord(testRuntime(sharedCore()).runtime, {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    restRetries: 0,
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

const repliesTo = (id: string) => fake.requests.filter((r) => r.body?.message_reference?.message_id === id);
const callbacksOf = (id: string) =>
  fake.requests.filter((r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`));
/** Everything dispatched before has been handled once another user's question is answered (plus a moment). */
async function settled(): Promise<void> {
  await fake.replyTo(fake.sendMessage({ content: "who reported the story?", dm: true, userId: snowflake() }));
  await new Promise((r) => setTimeout(r, 300));
}

describe("discord flood limit", () => {
  it("uses Telegram's settings and polite notice", () => {
    expect(DEFAULT_FLOOD).toEqual(TELEGRAM_FLOOD);
    expect(FLOOD_NOTICE).toBe(TELEGRAM_NOTICE);
  });

  it("answers six DMs from one user in a burst, tells the seventh it is too fast, and drops the rest", async () => {
    const user = snowflake();
    const ids = Array.from({ length: DEFAULT_FLOOD.limit + 3 }, () =>
      fake.sendMessage({ content: "when was telegram banned?", dm: true, userId: user }),
    );
    const answers = await Promise.all(ids.slice(0, DEFAULT_FLOOD.limit + 1).map((id) => fake.replyTo(id)));
    for (const r of answers.slice(0, DEFAULT_FLOOD.limit)) expect(r.body.embeds?.length).toBeGreaterThan(0);
    expect(answers[DEFAULT_FLOOD.limit]!.body.content).toBe(FLOOD_NOTICE);
    expect(answers[DEFAULT_FLOOD.limit]!.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    await settled();
    for (const id of ids.slice(DEFAULT_FLOOD.limit + 1)) expect(repliesTo(id)).toEqual([]);
  });

  it("counts @mentions and slash commands against the same budget; the notice to a command is ephemeral", async () => {
    const user = snowflake();
    const mentions = Array.from({ length: 3 }, () =>
      fake.sendMessage({ content: "who reported the story?", mentionBot: true, userId: user }),
    );
    await Promise.all(mentions.map((id) => fake.replyTo(id)));
    const commands = Array.from({ length: 5 }, () =>
      fake.sendCommand("ask", { question: "telegram" }, { userId: user }),
    );
    const callbacks = await Promise.all(commands.slice(0, 4).map((c) => c.callback()));
    for (const cb of callbacks.slice(0, 3)) expect(cb.body.data.embeds?.length).toBeGreaterThan(0);
    expect(callbacks[3]!.body.data.content).toBe(FLOOD_NOTICE);
    expect(callbacks[3]!.body.data.flags).toBe(EPHEMERAL);
    await settled();
    expect(callbacksOf(commands[4]!.id)).toEqual([]);
  });

  it("limits each user on their own: another user is answered while one is over the limit", async () => {
    const noisy = snowflake();
    for (let i = 0; i < DEFAULT_FLOOD.limit + 2; i++)
      fake.sendMessage({ content: "telegram", dm: true, userId: noisy });
    const calm = fake.sendMessage({ content: "when was telegram banned?", dm: true, userId: snowflake() });
    expect((await fake.replyTo(calm)).body.embeds?.length).toBeGreaterThan(0);
  });

  it("limits autocomplete separately and more loosely, dropping the excess without a word", async () => {
    const user = snowflake();
    // The answers budget is spent...
    const spent = Array.from({ length: DEFAULT_FLOOD.limit + 1 }, () =>
      fake.sendCommand("ask", { question: "telegram" }, { userId: user }),
    );
    await Promise.all(spent.map((c) => c.callback()));
    // ...and autocomplete still answers, up to its own limit.
    const typed = Array.from({ length: DEFAULT_INLINE_FLOOD.limit + 2 }, () =>
      fake.sendAutocomplete("ask", "question", "tele", { userId: user }),
    );
    const answered = await Promise.all(typed.slice(0, DEFAULT_INLINE_FLOOD.limit).map((c) => c.callback()));
    for (const cb of answered) expect(cb.body.type).toBe(8);
    await settled();
    for (const c of typed.slice(DEFAULT_INLINE_FLOOD.limit)) expect(callbacksOf(c.id)).toEqual([]);
  });
});

describe("FloodLimiter", () => {
  it("opens a new frame after the time frame, and forgets users whose frame has ended", () => {
    let now = 0;
    const limiter = new FloodLimiter({ limit: 2, timeFrameMs: 1000 }, () => now);
    expect(["a", "a", "a", "a"].map((k) => limiter.take(k))).toEqual(["answer", "answer", "notify", "drop"]);
    now = 1000;
    expect(limiter.take("a")).toBe("answer");
    limiter.take("b");
    now = 2500;
    limiter.take("c");
    expect(limiter.size).toBe(1);
  });
});
