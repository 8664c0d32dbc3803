/**
 * Measures quote attribution (src/import/attribute.ts) against hand-labelled quotes: precision and recall of
 * quotes found with the right speaker, per article and overall, for the shared sample articles, the project's
 * hold-out sets (test/fixtures/attribution, written before the rules were tuned; eval/holdout-articles) and the
 * curated NBC article.
 *
 *   npx tsx eval/import-quotes.ts [--verbose] [--json]
 *
 * A predicted quote matches a labelled one when their texts agree after trimming surrounding punctuation and
 * space, ignoring case. The speaker is right when the predicted speaker's name or any alias equals or contains
 * the labelled name (as whole words), or the other way round.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { attributeQuotes, type Attribution } from "../src/import/attribute.js";

export interface Label {
  text: string;
  speaker: string;
}
export interface Article {
  slug: string;
  paragraphs: string[];
  reporters: string[];
  labels: Label[];
  /** The headline (names the interviewee of a Q&A). */
  title?: string;
}
export interface Score {
  slug: string;
  predicted: number;
  labelled: number;
  /** Predicted quotes whose text matches a label and whose speaker is right. */
  rightPredicted: number;
  /** Labels found with the right speaker. */
  rightLabelled: number;
  /** Labels found at all (any speaker). */
  foundLabelled: number;
  misses: string[];
}

const ROOT = new URL("..", import.meta.url).pathname;

/** Reads `<slug>.txt` (headline, byline or blank, paragraphs) and `<slug>.quotes.jsonl` from a folder. */
export function readArticles(dir: string): Article[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".quotes.jsonl"))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.quotes\.jsonl$/, "");
      const lines = readFileSync(join(dir, `${slug}.txt`), "utf8").split(/\r?\n/);
      const byline = /^By\s+(.+)$/.exec(lines[1] ?? "");
      const reporters = byline ? byline[1]!.split(/\s*(?:,|\band\b)\s*/).filter(Boolean) : [];
      const paragraphs = lines.slice(byline ? 2 : 1).filter((l) => l.trim() !== "");
      const labels = readFileSync(join(dir, f), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Label);
      return { slug, paragraphs, reporters, labels, title: lines[0] ?? "" };
    });
}

/** The curated NBC article: its text (web debris lines included) and the quotes of its YAML file. */
export function readNbc(): Article[] {
  const txt = join(ROOT, "knowledge/nbc-iran-social-media.txt");
  const yml = join(ROOT, "knowledge/nbc-iran-social-media.yaml");
  if (!existsSync(txt) || !existsSync(yml)) return [];
  const doc = parse(readFileSync(yml, "utf8")) as {
    speakers: Array<{ id: string; name: string }>;
    quotes: Array<{ text: string; speaker: string }>;
    source: { reporters?: string[] };
  };
  const names = new Map(doc.speakers.map((s) => [s.id, s.name]));
  const paragraphs = readFileSync(txt, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  return [
    {
      slug: "nbc-iran-social-media",
      paragraphs,
      reporters: doc.source.reporters ?? [],
      labels: doc.quotes.map((q) => ({ text: q.text, speaker: names.get(q.speaker) ?? q.speaker })),
    },
  ];
}

export function normText(s: string): string {
  return s
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

function containsWords(hay: string, needle: string): boolean {
  const h = ` ${hay
    .toLowerCase()
    .replace(/[^\p{L}\p{N}’'-]+/gu, " ")
    .trim()} `;
  const n = ` ${needle
    .toLowerCase()
    .replace(/[^\p{L}\p{N}’'-]+/gu, " ")
    .trim()} `;
  return n.trim() !== "" && h.includes(n);
}

export function speakerMatches(names: string[], label: string): boolean {
  return names.some((n) => containsWords(n, label) || containsWords(label, n));
}

export function score(article: Article, result: Attribution): Score {
  const byId = new Map(result.speakers.map((s) => [s.id, [s.name, ...s.aliases]]));
  const used = new Set<number>();
  let rightPredicted = 0;
  let foundLabelled = 0;
  const misses: string[] = [];
  const labelHit = new Array<boolean>(article.labels.length).fill(false);
  const labelFound = new Array<boolean>(article.labels.length).fill(false);
  for (const q of result.quotes) {
    const t = normText(q.text);
    const names = q.speakerId ? (byId.get(q.speakerId) ?? []) : [];
    const idx = article.labels.findIndex((l, i) => !used.has(i) && normText(l.text) === t);
    if (idx < 0) {
      misses.push(`  extra   "${q.text.slice(0, 70)}" → ${names[0] ?? "(none)"}`);
      continue;
    }
    used.add(idx);
    labelFound[idx] = true;
    const label = article.labels[idx]!;
    if (speakerMatches(names, label.speaker)) {
      rightPredicted++;
      labelHit[idx] = true;
    } else misses.push(`  speaker "${q.text.slice(0, 70)}" → ${names[0] ?? "(none)"}, labelled ${label.speaker}`);
  }
  article.labels.forEach((l, i) => {
    if (labelFound[i]) foundLabelled++;
    else misses.push(`  missed  "${l.text.slice(0, 70)}" (${l.speaker})`);
  });
  return {
    slug: article.slug,
    predicted: result.quotes.length,
    labelled: article.labels.length,
    rightPredicted,
    rightLabelled: labelHit.filter(Boolean).length,
    foundLabelled,
    misses,
  };
}

export function evaluate(articles: Article[]): { scores: Score[]; precision: number; recall: number } {
  const scores = articles.map((a) =>
    score(a, attributeQuotes(a.paragraphs, { reporters: a.reporters, title: a.title ?? "" })),
  );
  const pred = scores.reduce((n, s) => n + s.predicted, 0);
  const lab = scores.reduce((n, s) => n + s.labelled, 0);
  const rp = scores.reduce((n, s) => n + s.rightPredicted, 0);
  const rl = scores.reduce((n, s) => n + s.rightLabelled, 0);
  return { scores, precision: pred === 0 ? 1 : rp / pred, recall: lab === 0 ? 1 : rl / lab };
}

function pct(n: number): string {
  return n.toFixed(3);
}

function main(): void {
  const verbose = process.argv.includes("--verbose");
  const asJson = process.argv.includes("--json");
  const shared = existsSync(join(ROOT, "test/fixtures/articles"))
    ? join(ROOT, "test/fixtures/articles")
    : "/work/shared/articles";
  const sets: Array<[string, Article[]]> = [
    ["shared samples", readArticles(existsSync(shared) ? shared : "/work/shared/articles")],
    ["hold-out (test/fixtures/attribution)", readArticles(join(ROOT, "test/fixtures/attribution"))],
    ["hold-out articles (eval/holdout-articles)", readArticles(join(ROOT, "eval/holdout-articles"))],
    ["NBC (curated quotes)", readNbc()],
  ];
  const report: Record<string, unknown> = {};
  for (const [name, articles] of sets) {
    if (articles.length === 0) continue;
    const { scores, precision, recall } = evaluate(articles);
    report[name] = { precision, recall, articles: scores.map(({ misses: _m, ...s }) => s) };
    if (asJson) continue;
    console.log(`\n${name}`);
    for (const s of scores) {
      const p = s.predicted === 0 ? 1 : s.rightPredicted / s.predicted;
      const r = s.labelled === 0 ? 1 : s.rightLabelled / s.labelled;
      console.log(
        `  ${s.slug.padEnd(36)} P ${pct(p)}  R ${pct(r)}  (${s.rightLabelled}/${s.labelled} right, ${s.foundLabelled} found, ${s.predicted} predicted)`,
      );
      if (verbose) for (const m of s.misses) console.log(`  ${m}`);
    }
    console.log(`  ${"overall".padEnd(36)} P ${pct(precision)}  R ${pct(recall)}`);
  }
  if (asJson) console.log(JSON.stringify(report, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
