/**
 * `npm run bench`: query speed and first-hit accuracy of briefbot's core against plain fuse.js and MiniSearch, on
 * seeded synthetic knowledge bases of 1,000, 10,000 and 100,000 entries (bench/synthetic.ts).
 *
 * For each size and engine: median and p99 query latency, index build time, heap held by the index (MB, measured
 * after a full GC), and hit@1, the share of queries whose intended entry comes first (for briefbot: is the answer,
 * so a declined question is a miss). Prints a table, then, as its last line, one JSON object:
 * {"bench":"query","results":[{"engine","entries","medianMs","p99Ms","buildMs","heapMB","hit1"}]}.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,100000), --queries N (default 1000), --fuse N,N,N (fuse.js
 * queries per size, default 50,10,3: it scans every entry on every query), --clock cpu (time each query and build
 * by this process's CPU time instead of the wall clock: steadier on a machine busy with other work).
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { createCore } from "../src/core/core.js";
import type { Knowledge } from "../src/core/types.js";
import { syntheticKnowledge, syntheticQueries, type SyntheticQuery } from "./synthetic.js";

/** A full garbage collection: --expose-gc when given, otherwise switched on here (tsx runs us without flags). */
const gc: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

interface Engine {
  name: "briefbot" | "fuse.js" | "minisearch";
  /** Builds the index; returns a function giving the id of the first-ranked entry for a query (null for none). */
  build(k: Knowledge): (q: string) => string | null;
}

/** A typical English stop-word list, as MiniSearch's documentation suggests supplying. */
const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but
by can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves`.split(/\s+/),
);

const ENGINES: Engine[] = [
  {
    name: "briefbot",
    build(k) {
      const core = createCore(k);
      return (q) => core.ask(q).answer?.id ?? null;
    },
  },
  {
    name: "minisearch",
    build(k) {
      const ms = new MiniSearch<{ id: string; text: string; questions: string; tags: string }>({
        fields: ["text", "questions", "tags"],
        storeFields: [],
        processTerm: (term) => {
          const t = term.toLowerCase();
          return STOP.has(t) ? null : t;
        },
        searchOptions: { fuzzy: 0.2, prefix: true },
      });
      ms.addAll(
        k.entries.map((e) => ({ id: e.id, text: e.text, questions: e.questions.join(" "), tags: e.tags.join(" ") })),
      );
      return (q) => (ms.search(q)[0]?.id as string | undefined) ?? null;
    },
  },
  {
    name: "fuse.js",
    build(k) {
      const fuse = new Fuse(k.entries, {
        keys: ["text", "questions", "tags"],
        includeScore: true,
        ignoreLocation: true,
      });
      return (q) => fuse.search(q, { limit: 1 })[0]?.item.id ?? null;
    },
  },
];

interface Row {
  engine: Engine["name"];
  entries: number;
  queries: number;
  medianMs: number;
  p99Ms: number;
  buildMs: number;
  heapMB: number;
  hit1: number;
  hit1Typo: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function heapUsed(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  // Typed arrays keep their data outside the JS heap: count it too.
  return m.heapUsed + m.arrayBuffers;
}

/** Milliseconds on the chosen clock: wall time, or this process's CPU time (user + system, all its threads). */
const now: () => number =
  arg("clock") === "cpu"
    ? () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      }
    : () => performance.now();

function measure(engine: Engine, k: Knowledge, queries: SyntheticQuery[], warmup: SyntheticQuery[]): Row {
  const before = heapUsed();
  const t0 = now();
  const top = engine.build(k);
  const buildMs = now() - t0;
  const heapMB = (heapUsed() - before) / 2 ** 20;
  for (const q of warmup) top(q.text);
  const times: number[] = [];
  let hits = 0;
  let typos = 0;
  let typoHits = 0;
  for (const q of queries) {
    const t = now();
    const id = top(q.text);
    times.push(now() - t);
    if (id === q.id) hits++;
    if (q.typo) {
      typos++;
      if (id === q.id) typoHits++;
    }
  }
  times.sort((a, b) => a - b);
  return {
    engine: engine.name,
    entries: k.entries.length,
    queries: queries.length,
    medianMs: round(percentile(times, 0.5), 3),
    p99Ms: round(percentile(times, 0.99), 3),
    buildMs: round(buildMs, 0),
    heapMB: round(heapMB, 1),
    hit1: round(hits / queries.length, 3),
    hit1Typo: typos ? round(typoHits / typos, 3) : NaN,
  };
}

function table(rows: Row[]): string {
  const head = ["engine", "entries", "queries", "median ms", "p99 ms", "build ms", "heap MB", "hit@1", "hit@1 typo"];
  const body = rows.map((r) =>
    [r.engine, r.entries, r.queries, r.medianMs, r.p99Ms, r.buildMs, r.heapMB, r.hit1, r.hit1Typo].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

function main(): void {
  const sizes = (arg("sizes") ?? "1000,10000,100000").split(",").map(Number);
  const perSize = Number(arg("queries") ?? 1000);
  const fuseCounts = (arg("fuse") ?? "50,10,3").split(",").map(Number);
  const rows: Row[] = [];
  // Each engine once on a small knowledge base first, so tables loaded once per process (word lists, compiled code)
  // are not counted against the first size measured.
  const small = syntheticKnowledge(200, 99);
  for (const engine of ENGINES) {
    const top = engine.build(small);
    for (const q of syntheticQueries(small, 20, 98)) top(q.text);
  }
  sizes.forEach((n, si) => {
    const k = syntheticKnowledge(n, 1);
    const queries = syntheticQueries(k, perSize, 2);
    const warmup = syntheticQueries(k, 50, 3);
    for (const engine of ENGINES) {
      const isFuse = engine.name === "fuse.js";
      const count = isFuse ? (fuseCounts[si] ?? fuseCounts[fuseCounts.length - 1] ?? 3) : perSize;
      if (count <= 0) continue;
      const row = measure(engine, k, queries.slice(0, count), warmup.slice(0, isFuse ? 1 : warmup.length));
      rows.push(row);
      console.error(`${row.engine} @ ${n}: median ${row.medianMs} ms, p99 ${row.p99Ms} ms, hit@1 ${row.hit1}`);
    }
  });
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`Query benchmark: seeded synthetic knowledge bases; Node ${process.version}, ${machine()}`);
  console.log(`clock: ${arg("clock") === "cpu" ? "process CPU time" : "wall"}; load average at the end: ${load}\n`);
  console.log(table(rows));
  console.log("\nhit@1: share of queries whose intended entry ranks first (briefbot: is the answer given).");
  console.log(
    "heap: MB held by the built index (JS heap + array buffers), after a full GC. fuse.js runs a small sample of the queries.\n",
  );
  const results = rows.map(({ engine, entries, medianMs, p99Ms, buildMs, heapMB, hit1 }) => ({
    engine,
    entries,
    medianMs,
    p99Ms,
    buildMs,
    heapMB,
    hit1,
  }));
  console.log(JSON.stringify({ bench: "query", results }));
}

function machine(): string {
  return `${process.platform}/${process.arch}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})`;
}

main();
