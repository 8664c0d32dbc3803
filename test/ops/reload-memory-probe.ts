/**
 * Run by test/ops/faults-loading-process.e2e.test.ts as `node --expose-gc --import tsx test/ops/reload-memory-probe.ts SIZE`:
 * reloads from a small knowledge base to SIZE entries and back, and prints what became of the large core and of the
 * heap, as JSON.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { writeKnowledge } from "../../bench/knowledge-files.js";
import { syntheticKnowledge } from "../../bench/synthetic.js";
import { KnowledgeHolder } from "../../src/ops/knowledge.js";

const gc = (globalThis as { gc?: () => void }).gc!;
const size = Number(process.argv[2] ?? 10_000);
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

const dir = mkdtempSync(join(tmpdir(), "briefbot-reload-memory-"));
try {
  const small = syntheticKnowledge(200, 7);
  const large = syntheticKnowledge(size, 8);
  writeKnowledge(small, dir);
  const holder = new KnowledgeHolder(dir, pino({ level: "silent" }));
  holder.core().ask("warm up");
  const before = await settledHeap();
  writeKnowledge(large, dir);
  const grew = await holder.reload("probe");
  const big = new WeakRef(holder.core());
  const entries = holder.core().size;
  const peak = await settledHeap();
  writeKnowledge(small, dir);
  const shrank = await holder.reload("probe");
  const after = await settledHeap();
  holder.close();
  process.stdout.write(
    `${JSON.stringify({ grew, shrank, entries, released: big.deref() === undefined, before, peak, after })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
