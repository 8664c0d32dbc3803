import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../src/adapters/discord/index.js";
import type { RunningAdapter } from "../../src/runtime.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { evalQuestions, opsRuntime, pool, settledHeapMB, watchRejections } from "../../support/load.js";

let fake: FakeDiscord;
let adapter: RunningAdapter;
let ops: ReturnType<typeof opsRuntime>;
/** Interaction callbacks seen per interaction id (failed attempts included), and those the fake failed on purpose. */
const callbacks = new Map<string, number>();
const failed = new Map<string, number>();
const waiting = new Map<string, () => void>();
const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 5_000 });
  // Count callbacks as they arrive instead of keeping every request: the heap check must see the bot, not the fake.
  fake.requests.push = (...reqs: RecordedRequest[]) => {
    for (const r of reqs) {
      const id = CALLBACK.exec(r.path)?.[1];
      if (!id || r.method !== "POST") continue;
      callbacks.set(id, (callbacks.get(id) ?? 0) + 1);
      queueMicrotask(() => {
        // Resolve only once the fake has decided whether this attempt fails (it records first, then fails).
        if ((callbacks.get(id) ?? 0) > (failed.get(id) ?? 0)) {
          waiting.get(id)?.();
          waiting.delete(id);
        }
      });
    }
    return 0;
  };
  ops = opsRuntime();
  // One fake user sends the whole load: no per-user flood limit here.
  adapter = await startDiscord(ops.runtime, {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    restRetries: 3,
    flood: { limit: 1e9, timeFrameMs: 1000 },
  });
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  ops?.knowledge.close();
});

/**
 * Sends /ask and resolves when its callback has been accepted. While the gateway is down, the event waits for the
 * session to come back, as Discord holds a session's events for its resume.
 */
async function ask(question: string): Promise<string> {
  for (;;) {
    try {
      const { id } = fake.sendCommand("ask", { question });
      await new Promise<void>((resolve) => waiting.set(id, resolve));
      return id;
    } catch (err) {
      if (!String(err).includes("no gateway session")) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function askMany(n: number, concurrency = 48): Promise<string[]> {
  const questions = evalQuestions();
  const ids: string[] = [];
  await pool(n, concurrency, async (i) => void ids.push(await ask(questions[i % questions.length]!)));
  return ids;
}

/** True when every id got exactly one accepted callback. */
function answeredOnce(ids: string[]): boolean {
  return ids.every((id) => (callbacks.get(id) ?? 0) - (failed.get(id) ?? 0) === 1);
}

describe("Discord gateway under load", () => {
  it(
    "answers 10,000 /ask interactions exactly once each, with no unhandled rejection and bounded heap",
    { timeout: 120_000 },
    async () => {
      const N = 10_000;
      await askMany(300); // warm up
      const heapBefore = settledHeapMB();
      const { result: ids, rejections } = await watchRejections(() => askMany(N));
      const heapAfter = settledHeapMB();
      expect(new Set(ids).size).toBe(N);
      expect(answeredOnce(ids)).toBe(true);
      expect(rejections).toEqual([]);
      // Each message is one turn of the conversation, dispatched once as an ask (small talk too, which is not a question).
      expect(ops.metrics.requests.get({ platform: "discord", command: "ask" })).toBe(N + 300);
      expect(ops.metrics.errors.get({ platform: "discord", where: "interaction" })).toBe(0);
      // The callback counts kept by this test are part of the growth; discord.js must not keep the interactions.
      expect(heapAfter - heapBefore).toBeLessThan(40);
      expect(adapter.state()).toBe("serving");
    },
  );

  it("loses nothing to 429 (Retry-After), 5xx, or a dropped gateway connection", async () => {
    const failFor = (status: number, retryAfter?: number) =>
      fake.failNext(
        (r) => {
          const id = CALLBACK.exec(r.path)?.[1];
          if (id) failed.set(id, (failed.get(id) ?? 0) + 1);
          return id !== undefined;
        },
        status,
        retryAfter,
      );
    for (let i = 0; i < 5; i++) failFor(429, 0.2);
    failFor(500);
    failFor(502);
    failFor(503);
    const sessionsBefore = fake.sessions.length;
    const questions = evalQuestions();
    const { result: ids, rejections } = await watchRejections(async () => {
      const ids: string[] = [];
      await pool(400, 24, async (i) => {
        if (i === 200) fake.dropConnections(4000); // resumable close mid-run
        ids.push(await ask(questions[i % questions.length]!));
      });
      return ids;
    });
    expect([...failed.values()].reduce((a, b) => a + b, 0)).toBe(8);
    expect(new Set(ids).size).toBe(400);
    expect(answeredOnce(ids)).toBe(true);
    expect(rejections).toEqual([]);
    expect(ops.metrics.errors.get({ platform: "discord", where: "interaction" })).toBe(0); // answers, not error replies
    // discord.js came back on a new connection and resumed its session.
    expect(fake.sessions.length).toBeGreaterThan(sessionsBefore);
    expect(fake.sessions.slice(sessionsBefore).some((s) => s.resumed)).toBe(true);
    expect(adapter.state()).toBe("serving");
  });
});
