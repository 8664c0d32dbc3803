/**
 * Hot reload of a large knowledge base while answering: how long answers wait (event-loop delay and ask latency,
 * sampled every 10 ms) during a reload from a small knowledge base to `--size` entries (default 100,000) and back,
 * and resident memory before, at the peak and after (the large files replaced by small ones, then full GCs).
 *
 *   node --expose-gc --max-semi-space-size=64 --no-allocation-site-pretenuring --heap-growing-percent=200 \
 *     --import tsx bench/reload.ts [--size 100000] [--in process|thread|inline]
 *
 * `--in thread` builds it in a worker thread, `--in inline` on the main thread (the old behaviour), for comparison.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pino from "pino";
import { KnowledgeHolder } from "../src/ops/knowledge.js";
import { writeKnowledge } from "./knowledge-files.js";
import { syntheticKnowledge } from "./synthetic.js";

const { values } = parseArgs({
  options: { size: { type: "string", default: "100000" }, in: { type: "string", default: "process" } },
});
const reloadIn = values.in as "process" | "thread" | "inline";
const size = Number(values.size);

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => Math.round(n / 1048576);
/** Full collections, then a few seconds for V8's memory reducer to give pages back. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Samples answering every 10 ms until `work` settles: the worst wait of a timer and of a question. */
async function whileAnswering<T>(
  holder: KnowledgeHolder,
  work: Promise<T>,
): Promise<{ result: T; maxLagMs: number; maxAskMs: number; asks: number; p99LagMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  let maxLagMs = 0;
  let maxAskMs = 0;
  let asks = 0;
  let expected = performance.now() + 10;
  const questions = ["who said the vote was lost", "how many people use the app", "what did the minister say"];
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - expected);
    holder.core().ask(questions[asks++ % questions.length]!);
    // An answer's latency: how late its turn came, plus the answering itself.
    maxAskMs = Math.max(maxAskMs, performance.now() - expected);
    expected = performance.now() + 10;
  }, 10);
  const result = await work;
  clearInterval(timer);
  h.disable();
  return { result, maxLagMs, maxAskMs, asks, p99LagMs: h.percentile(99) / 1e6 };
}

const dir = mkdtempSync(join(tmpdir(), "briefbot-reload-bench-"));
const log = pino({ level: "warn" }, pino.destination(2));
try {
  writeKnowledge(syntheticKnowledge(200, 7), dir);
  const holder = new KnowledgeHolder(dir, log, { reloadIn });
  holder.core().ask("warm up");
  await settle();
  const before = process.memoryUsage();
  const bytes = writeKnowledge(syntheticKnowledge(size), dir);
  await settle();
  const t0 = performance.now();
  const big = await whileAnswering(holder, holder.reload("bench"));
  const reloadMs = performance.now() - t0;
  const peak = process.memoryUsage();
  console.log(
    `reload to ${holder.core().size} entries (${mb(bytes)} MB of YAML, ${reloadIn}): ${Math.round(reloadMs)} ms; ` +
      `answering meanwhile: worst timer delay ${big.maxLagMs.toFixed(1)} ms, worst question ${big.maxAskMs.toFixed(1)} ms, p99 loop delay ${big.p99LagMs.toFixed(1)} ms, ${big.asks} questions`,
  );
  writeKnowledge(syntheticKnowledge(200, 7), dir);
  const small = await whileAnswering(holder, holder.reload("bench"));
  await settle();
  const after = process.memoryUsage();
  console.log(`back to ${holder.core().size} entries: worst question ${small.maxAskMs.toFixed(1)} ms`);
  console.log(
    `rss: before ${mb(before.rss)} MB, with ${size} entries ${mb(peak.rss)} MB, after ${mb(after.rss)} MB (${(((after.rss - before.rss) / before.rss) * 100).toFixed(0)}%); ` +
      `heap used: before ${mb(before.heapUsed)} MB, peak ${mb(peak.heapUsed)} MB, after ${mb(after.heapUsed)} MB; heap committed after ${mb(after.heapTotal)} MB, array buffers after ${mb(after.arrayBuffers)} MB`,
  );
  holder.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
