import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pino from "pino";
import type { Runtime } from "../src/runtime.js";
import { BotMetrics } from "../src/ops/bot-metrics.js";
import { KnowledgeHolder } from "../src/ops/knowledge.js";
import { createTelemetry } from "../src/ops/telemetry.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/paths.js";

/** The eval questions (answerable and out of scope alike): what people ask, in a repeatable order. */
export function evalQuestions(): string[] {
  const file = new URL("../eval/questions.jsonl", import.meta.url);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}

/** The runtime main.ts builds (shipped knowledge, metrics telemetry), with a silent logger unless `level` is given. */
export function opsRuntime(level = "silent"): { runtime: Runtime; metrics: BotMetrics; knowledge: KnowledgeHolder } {
  const log = pino({ level, base: undefined });
  const metrics = new BotMetrics();
  const knowledge = new KnowledgeHolder(DEFAULT_KNOWLEDGE_DIR, log);
  metrics.attach({ entries: () => knowledge.core().size, adapters: () => [] });
  return {
    runtime: { core: () => knowledge.core(), log, telemetry: createTelemetry(metrics, undefined, log) },
    metrics,
    knowledge,
  };
}

let gcFn: (() => void) | undefined;
/** Heap in use after a full collection, in MB (the collector is exposed on first use). */
export function settledHeapMB(): number {
  if (!gcFn) {
    setFlagsFromString("--expose-gc");
    gcFn = runInNewContext("gc") as () => void;
  }
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed / 1048576;
}

/** Runs `task(i)` for i in 0..n-1 with at most `concurrency` at once; resolves when all have finished. */
export async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** Collects unhandled rejections while `run` runs. */
export async function watchRejections<T>(run: () => Promise<T>): Promise<{ result: T; rejections: unknown[] }> {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    const result = await run();
    await new Promise((r) => setTimeout(r, 50));
    return { result, rejections };
  } finally {
    process.off("unhandledRejection", onRejection);
  }
}

/**
 * A light HTTP poster for load (node:http with keep-alive: much less client CPU than fetch, so the bot under test
 * gets the machine). Resolves to the status once the response has been read.
 */
export function jsonPoster(
  url: string,
  headers: Record<string, string>,
  sockets = 64,
): (body: unknown) => Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port, pathname } = new URL(url);
  return (body) =>
    new Promise((resolve, reject) => {
      const data = JSON.stringify(body);
      // Object.assign, not object spread: on Node 20 spread copies go straight to the old generation (GC pauses).
      const all = Object.assign({}, headers, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(data),
      });
      const req = request({ agent, hostname, port, path: pathname, method: "POST", headers: all }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(data);
    });
}
