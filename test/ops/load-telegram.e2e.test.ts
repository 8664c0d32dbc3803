import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegram, type TelegramAdapter } from "../../src/adapters/telegram/index.js";
import { startFakeTelegram, textUpdate, type FakeTelegram } from "../fakes/telegram-bot-api.js";
import { evalQuestions, jsonPoster, opsRuntime, pool, settledHeapMB, watchRejections } from "../../support/load.js";

const SECRET = "load-test-secret";
let fake: FakeTelegram;
let adapter: TelegramAdapter;
let ops: ReturnType<typeof opsRuntime>;
let hook: string;

beforeAll(async () => {
  fake = await startFakeTelegram();
  ops = opsRuntime();
  adapter = await startTelegram(ops.runtime, {
    token: fake.token,
    apiRoot: fake.apiRoot,
    webhookUrl: "https://bot.example.org/telegram-hook",
    webhookPort: 0,
    webhookHost: "127.0.0.1",
    webhookSecret: SECRET,
  });
  hook = `http://127.0.0.1:${adapter.webhookPort}/telegram-hook`;
  post = jsonPoster(hook, { "x-telegram-bot-api-secret-token": SECRET });
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  ops?.knowledge.close();
});

/** Posts one update to the webhook as Telegram does; resolves to the HTTP status. */
let post: (update: unknown) => Promise<number>;

/** Sends `n` questions from `n` distinct private chats starting at `firstUser`; returns the statuses seen. */
async function askMany(n: number, firstUser: number, concurrency = 32): Promise<Map<number, number>> {
  const questions = evalQuestions();
  const statuses = new Map<number, number>();
  await pool(n, concurrency, async (i) => {
    const status = await post(textUpdate(firstUser + i, firstUser + i, questions[i % questions.length]!));
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  return statuses;
}

/** How many answers each chat in [first, first + n) got. */
function answersPerChat(first: number, n: number): Map<number, number> {
  const per = new Map<number, number>();
  for (const m of fake.sent)
    if (m.chatId >= first && m.chatId < first + n) per.set(m.chatId, (per.get(m.chatId) ?? 0) + 1);
  return per;
}

describe("Telegram webhook under load", () => {
  it(
    "answers 10,000 questions exactly once each, with no unhandled rejection and bounded heap",
    { timeout: 120_000 },
    async () => {
      const N = 10_000;
      const first = 1_000_000;
      await askMany(200, 10_000_000); // warm up (JIT, sockets) before measuring the heap
      const heapBefore = settledHeapMB();
      const { result: statuses, rejections } = await watchRejections(() => askMany(N, first));
      const heapAfter = settledHeapMB();
      expect(statuses).toEqual(new Map([[200, N]]));
      const per = answersPerChat(first, N);
      expect(per.size).toBe(N);
      expect([...per.values()].every((c) => c === 1)).toBe(true);
      expect(rejections).toEqual([]);
      // Each message is one turn of the conversation, dispatched once as an ask (small talk too, which is not a question).
      expect(ops.metrics.requests.get({ platform: "telegram", command: "ask" })).toBe(N + 200);
      // Most are knowledge questions (answered or declined); the rest are small talk or asked back ("who do you mean?").
      const questions =
        ops.metrics.answered.get({ platform: "telegram" }) + ops.metrics.declined.get({ platform: "telegram" });
      expect(questions).toBe(ops.metrics.questions.get({ platform: "telegram" }));
      expect(questions).toBeGreaterThan(0.9 * (N + 200));
      expect(questions).toBeLessThanOrEqual(N + 200);
      expect(ops.metrics.errors.get({ platform: "telegram", where: "webhook" })).toBe(0);
      // Nothing per update is kept: the flood limiter's per-user keys are all that may remain (a few MB at most).
      expect(heapAfter - heapBefore).toBeLessThan(40);
      expect(adapter.state()).toBe("serving");
    },
  );

  it("loses nothing to 429 (retry_after) and 5xx answers from the Bot API", async () => {
    const N = 300;
    const first = 2_000_000;
    fake.failNext("sendMessage", { status: 429, retryAfter: 1 }, 5);
    fake.failNext("sendMessage", { status: 502 }, 2);
    fake.failNext("sendMessage", { status: 500 }, 1);
    const servedBefore = fake.faultsServed();
    const { result: statuses, rejections } = await watchRejections(() => askMany(N, first));
    expect(fake.faultsServed() - servedBefore).toBe(8);
    expect(statuses).toEqual(new Map([[200, N]]));
    const per = answersPerChat(first, N);
    expect(per.size).toBe(N);
    expect([...per.values()].every((c) => c === 1)).toBe(true);
    expect(rejections).toEqual([]);
  });

  it("answers 401 to updates without the secret, and they reach no handler", async () => {
    const before = fake.sent.length;
    const res = await fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(textUpdate(1, 3_000_000, "hi")),
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.sent.length).toBe(before);
  });
});
