/**
 * `npm run bench:extract`: article-body extraction measured on the public article-extraction benchmark
 * (github.com/scrapinghub/article-extraction-benchmark: 181 news pages with hand-made reference bodies, MIT).
 * ARTICLE_BENCH_DIR points at a local copy holding `html/*.html.gz` and `ground-truth.json`; the data never
 * enters this repository. The metric is the benchmark's own (evaluate.py): 4-word shingles with tokens from
 * Python's `\w+`, true/false positives normalised per page, precision and recall averaged over pages, F1 from
 * the two averages. Readability.js alone (over linkedom, its textContent, as the benchmark runs it over jsdom)
 * is measured in the same run, so the two figures are comparable.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractArticle } from "../src/import/extract.js";

type Counts = [tp: number, fp: number, fn: number];

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** evaluate.py's string_shingle_matching. */
export function shingleCounts(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function precisionOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

export function score(all: Counts[]): { precision: number; recall: number; f1: number } {
  const precision = mean(all.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function readabilityAlone(html: string): string {
  const { document } = parseHTML(html);
  try {
    return new Readability(document as unknown as Document).parse()?.textContent ?? "";
  } catch {
    return "";
  }
}

function ours(html: string, id: string): string {
  try {
    return extractArticle(html, { file: `${id}.html` }).paragraphs.join("\n\n");
  } catch {
    return "";
  }
}

function main(): void {
  const dir = process.env.ARTICLE_BENCH_DIR;
  if (!dir) {
    console.log(
      "bench:extract skipped: set ARTICLE_BENCH_DIR to a local copy of github.com/scrapinghub/article-extraction-benchmark\n" +
        "(the folder with html/*.html.gz and ground-truth.json), e.g. ARTICLE_BENCH_DIR=/tmp/aeb npm run bench:extract",
    );
    return;
  }
  const truthPath = join(dir, "ground-truth.json");
  if (!existsSync(truthPath) || !existsSync(join(dir, "html"))) {
    console.error(`bench:extract: ${dir} has no ground-truth.json and html/ folder`);
    process.exitCode = 1;
    return;
  }
  const truth = JSON.parse(readFileSync(truthPath, "utf8")) as Record<string, { articleBody?: string }>;
  const only = process.env.ARTICLE_BENCH_ONLY;
  const files = readdirSync(join(dir, "html"))
    .filter((f) => f.endsWith(".html.gz"))
    .sort();
  const oursCounts: Counts[] = [];
  const baseCounts: Counts[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  const baseTimes: number[] = [];
  const perPage: { id: string; f1: number; base: number }[] = [];
  let failed = 0;
  for (const f of files) {
    const id = f.split(".")[0]!;
    if (only && !id.startsWith(only)) continue;
    const expected = truth[id]?.articleBody ?? "";
    const html = gunzipSync(readFileSync(join(dir, "html", f))).toString("utf8");
    let t0 = performance.now();
    const c0 = process.cpuUsage();
    const pred = ours(html, id);
    const used = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((used.user + used.system) / 1000);
    if (pred === "") failed++;
    t0 = performance.now();
    const base = readabilityAlone(html);
    baseTimes.push(performance.now() - t0);
    const c = shingleCounts(expected, pred);
    const b = shingleCounts(expected, base);
    oursCounts.push(c);
    baseCounts.push(b);
    perPage.push({ id, f1: score([c]).f1 || 0, base: score([b]).f1 || 0 });
    if (only) console.log(`--- ours\n${pred}\n--- truth\n${expected}`);
  }
  const fmt = (s: { precision: number; recall: number; f1: number }): string =>
    `F1 ${s.f1.toFixed(3)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}`;
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`pages: ${oursCounts.length}${failed ? ` (${failed} with no text extracted)` : ""}`);
  console.log(`briefbot extract:          ${fmt(score(oursCounts))}`);
  console.log(`Readability.js alone:      ${fmt(score(baseCounts))}   (same run, over linkedom)`);
  const published = join(dir, "output", "readability_js.json");
  if (existsSync(published)) {
    const data = JSON.parse(readFileSync(published, "utf8")) as { output?: Record<string, { articleBody?: string }> };
    const out = data.output ?? (data as Record<string, { articleBody?: string }>);
    const counts = Object.keys(truth).map((id) =>
      shingleCounts(truth[id]?.articleBody ?? "", out[id]?.articleBody ?? ""),
    );
    console.log(`published readability_js:  ${fmt(score(counts))}   (the benchmark's own output file, rescored here)`);
  }
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  console.log(
    `CPU per page (ours): median ${cpuSorted[Math.floor(cpuSorted.length / 2)]!.toFixed(1)} ms, p90 ${cpuSorted[Math.floor(cpuSorted.length * 0.9)]!.toFixed(1)} ms, max ${cpuSorted[cpuSorted.length - 1]!.toFixed(1)} ms (wall time below includes other load on the machine)`,
  );
  console.log(
    `time per page (ours): median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms` +
      `; Readability alone median ${[...baseTimes].sort((a, b) => a - b)[Math.floor(baseTimes.length / 2)]!.toFixed(1)} ms`,
  );
  if (process.env.ARTICLE_BENCH_WORST) {
    const worst = perPage.sort((a, b) => a.f1 - b.f1).slice(0, Number(process.env.ARTICLE_BENCH_WORST));
    for (const w of worst)
      console.log(`  ${w.id.slice(0, 12)}  ours ${w.f1.toFixed(3)}  readability ${w.base.toFixed(3)}`);
  }
}

main();
