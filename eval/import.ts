/**
 * `npm run eval:import`: how good is knowledge that `briefbot import` writes, untouched?
 *
 * Imports every sample article (test/fixtures/articles, else ../shared/articles) — the saved web pages through a
 * local HTTP server on 127.0.0.1, so the URL path is exercised — plus the NBC text (knowledge/nbc-iran-social-media.txt)
 * into ONE fresh temp folder, runs the loader's check on it, and prints:
 * - per article: quotes with the right speaker, precision and recall against <slug>.quotes.jsonl (texts equal after
 *   trimming surrounding punctuation, spaces and case; the speaker is right when the imported name or an alias and
 *   the labelled name contain one another), title / byline / date against <slug>.meta.json, and the import time;
 * - in scope / declined on each article's <slug>.questions.jsonl, answered by one core over the whole imported
 *   folder (scored like eval/run.ts: the answer text contains an expected phrase, case-insensitively; expect null
 *   must be declined);
 * - for NBC: the imported figures on eval/questions.jsonl, holdout.jsonl, holdout2.jsonl and blind.jsonl beside the
 *   curated knowledge's, alone and with the imported articles beside it (the curated figures must not drop);
 * - the hold-out articles (eval/holdout-articles) imported beside them, and any later question sets for them
 *   (<slug>.questions-<name>.jsonl) as one figure per set name;
 * - the time to import a 2,000-word article (two samples joined; target under a second, network excluded).
 * Nothing is written into the repository. `--verbose` lists the misses; the last line is the figures as JSON.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCore, type Core } from "../src/core/core.js";
import { loadKnowledgeDir } from "../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/paths.js";
import { answerText } from "../src/render/text.js";
import { importArticle, type ImportResult } from "../src/import/index.js";
import { pct, scoreQuestions, type Case, type GoldQuote, type Meta } from "./score.js";

const verbose = process.argv.includes("--verbose");
const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = join(root, "test/fixtures/articles");
const articlesDir = existsSync(fixtures) ? fixtures : join(root, "../shared/articles");
const nbcText = join(root, "knowledge/nbc-iran-social-media.txt");
const slugs = readdirSync(articlesDir)
  .filter((f) => f.endsWith(".meta.json"))
  .map((f) => f.slice(0, -".meta.json".length))
  .sort();

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);

const trimText = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[‘’]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, " ")
    .toLowerCase()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "/").slice(1));
    const path = join(dir, name);
    if (!/^[\w.-]+\.html$/.test(name) || !existsSync(path)) {
      res.writeHead(404).end("not found");
      return;
    }
    // No charset in the header: the page's own <meta charset> must be read (one sample is windows-1252).
    res.writeHead(200, { "content-type": "text/html" }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      resolve({ server, base: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}` });
    }),
  );
}

/** Quote precision / recall with the right speaker, one-to-one in order of appearance. */
function scoreQuotes(result: ImportResult, gold: GoldQuote[], misses: string[]) {
  const speakers = new Map(result.draft.doc.speakers.map((s) => [s.id, s]));
  const got = result.draft.doc.quotes.map((q) => {
    const s = speakers.get(q.speaker);
    return {
      text: trimText(q.text),
      raw: q.text,
      names: s ? [s.name, ...s.aliases].map(fold).filter(Boolean) : [],
      name: s?.name ?? "?",
    };
  });
  const used = new Set<number>();
  let right = 0;
  for (const g of gold) {
    const t = trimText(g.text);
    const who = fold(g.speaker);
    const speakerRight = (names: string[]) => names.some((n) => n.includes(who) || who.includes(n));
    const i = got.findIndex((q, k) => !used.has(k) && q.text === t && speakerRight(q.names));
    if (i >= 0) {
      used.add(i);
      right++;
    } else {
      const sameText = got.find((q) => q.text === t);
      misses.push(
        sameText
          ? `  wrong speaker: “${g.text.slice(0, 60)}” → ${sameText.name} (labelled ${g.speaker})`
          : `  missed quote: “${g.text.slice(0, 60)}” (${g.speaker})`,
      );
    }
  }
  got.forEach((q, k) => {
    if (!used.has(k) && !gold.some((g) => trimText(g.text) === q.text))
      misses.push(`  extra quote: “${q.raw.slice(0, 60)}” → ${q.name}`);
  });
  return { right, got: got.length, gold: gold.length };
}

function answerOf(core: Core, q: string): string | null {
  const r = core.ask(q);
  return r.answer ? answerText(r.answer) : null;
}

const fmtQ = (s: { inScope: number; inHit: number; outScope: number; outHit: number }) =>
  `in scope ${pct(s.inHit, s.inScope)}% (${s.inHit}/${s.inScope})   declined out of scope ${pct(s.outHit, s.outScope)}% (${s.outHit}/${s.outScope})`;

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), "briefbot-eval-import-"));
  const dir = join(work, "knowledge");
  const { server, base } = await serve(articlesDir);
  const summary: Record<string, unknown> = { articles: articlesDir };
  try {
    console.log(`importing ${slugs.length} sample pages over http (${base}) and the NBC text into ${dir}\n`);
    const results = new Map<string, ImportResult>();
    for (const slug of slugs) results.set(slug, await importArticle(`${base}/${slug}.html`, { dir }));
    const nbc = await importArticle(nbcText, { dir });

    let check = "ok";
    let core: Core;
    try {
      const k = loadKnowledgeDir(dir);
      core = createCore(k);
      check = `ok: ${k.sources.length} sources, ${k.speakers.length} speakers, ${k.entries.length} entries`;
    } catch (e) {
      console.log(`check FAILED: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    console.log(`check: ${check}\n`);

    const totals = {
      right: 0,
      got: 0,
      gold: 0,
      title: 0,
      byline: 0,
      date: 0,
      inScope: 0,
      inHit: 0,
      outScope: 0,
      outHit: 0,
    };
    const perArticle: Record<string, unknown>[] = [];
    for (const slug of slugs) {
      const r = results.get(slug)!;
      const misses: string[] = [];
      const gold = readJsonl<GoldQuote>(join(articlesDir, `${slug}.quotes.jsonl`));
      const meta = JSON.parse(readFileSync(join(articlesDir, `${slug}.meta.json`), "utf8")) as Meta;
      const q = scoreQuotes(r, gold, misses);
      const src = r.draft.doc.source;
      const titleOk = src.title.trim() === meta.title.trim();
      const bylineOk = fold(src.reporters.join(" | ")) === fold(meta.reporters.join(" | "));
      const dateOk = (src.date ?? "") === meta.date;
      const qs = scoreQuestions(
        readJsonl<Case>(join(articlesDir, `${slug}.questions.jsonl`)),
        (q) => answerOf(core, q),
        misses,
      );
      totals.right += q.right;
      totals.got += q.got;
      totals.gold += q.gold;
      totals.title += Number(titleOk);
      totals.byline += Number(bylineOk);
      totals.date += Number(dateOk);
      totals.inScope += qs.inScope;
      totals.inHit += qs.inHit;
      totals.outScope += qs.outScope;
      totals.outHit += qs.outHit;
      console.log(`${slug}  (${src.id}, ${r.ms.toFixed(0)} ms)`);
      console.log(
        `  quotes with the right speaker: precision ${pct(q.right, q.got)}% (${q.right}/${q.got})   recall ${pct(q.right, q.gold)}% (${q.right}/${q.gold})`,
      );
      console.log(
        `  title ${titleOk ? "ok" : `WRONG: ${src.title}`}   byline ${bylineOk ? "ok" : `WRONG: [${src.reporters.join(", ")}]`}   date ${dateOk ? "ok" : `WRONG: ${src.date ?? "none"}`}`,
      );
      console.log(`  questions: ${fmtQ(qs)}`);
      if (!titleOk && verbose) misses.unshift(`  title expected: ${meta.title}`);
      if (verbose && misses.length) console.log(misses.join("\n"));
      perArticle.push({
        slug,
        ms: Math.round(r.ms),
        quotePrecision: pct(q.right, q.got),
        quoteRecall: pct(q.right, q.gold),
        title: titleOk,
        byline: bylineOk,
        date: dateOk,
        inScope: pct(qs.inHit, qs.inScope),
        declined: pct(qs.outHit, qs.outScope),
      });
    }
    const n = slugs.length;
    console.log(`\nall ${n} articles`);
    console.log(
      `  quotes with the right speaker: precision ${pct(totals.right, totals.got)}% (${totals.right}/${totals.got})   recall ${pct(totals.right, totals.gold)}% (${totals.right}/${totals.gold})`,
    );
    console.log(`  title ${totals.title}/${n}   byline ${totals.byline}/${n}   date ${totals.date}/${n}`);
    console.log(`  questions: ${fmtQ(totals)}`);
    summary.articles = perArticle;
    summary.total = {
      quotePrecision: pct(totals.right, totals.got),
      quoteRecall: pct(totals.right, totals.gold),
      title: totals.title,
      byline: totals.byline,
      date: totals.date,
      articles: n,
      inScope: pct(totals.inHit, totals.inScope),
      declined: pct(totals.outHit, totals.outScope),
    };

    // NBC: imported (in the shared folder) beside curated alone and curated with the imported articles beside it.
    const curatedDir = join(work, "curated-plus");
    const curatedKnowledge = loadKnowledgeDir(DEFAULT_KNOWLEDGE_DIR);
    const curated = createCore(curatedKnowledge);
    copyDir(DEFAULT_KNOWLEDGE_DIR, curatedDir);
    // The samples imported again beside the curated file (ids made unique against it, as a real import would).
    for (const slug of slugs) await importArticle(`${base}/${slug}.html`, { dir: curatedDir });
    const curatedPlus = createCore(loadKnowledgeDir(curatedDir));
    const nbcSource =
      curatedKnowledge.sources.find((x) => x.textFile === "nbc-iran-social-media.txt") ?? curatedKnowledge.sources[0]!;
    const nbcTitleOk = nbc.draft.doc.source.title === nbcSource.title;
    const nbcBylineOk = fold(nbc.draft.doc.source.reporters.join(" | ")) === fold(nbcSource.reporters.join(" | "));
    console.log(
      `\nNBC (imported as ${nbc.draft.id}: ${nbc.draft.doc.speakers.length} speakers, ${nbc.draft.doc.quotes.length} quotes, ${nbc.draft.doc.facts.length} facts, ${nbc.ms.toFixed(0)} ms)`,
    );
    console.log(
      `  title ${nbcTitleOk ? "ok" : `WRONG: ${nbc.draft.doc.source.title}`}   byline ${nbcBylineOk ? "ok" : `WRONG: [${nbc.draft.doc.source.reporters.join(", ")}] (curated: ${nbcSource.reporters.join(", ")})`}`,
    );
    const nbcRows: Record<string, unknown>[] = [];
    for (const f of ["questions.jsonl", "holdout.jsonl", "holdout2.jsonl", "blind.jsonl"]) {
      const path = join(root, "eval", f);
      if (!existsSync(path)) continue;
      const cases = readJsonl<Case>(path);
      console.log(`  ${f} (${cases.length} questions)`);
      const row: Record<string, unknown> = { eval: f };
      for (const [name, c] of [
        ["imported, all in one folder", core],
        ["curated knowledge/ alone", curated],
        ["curated + imported articles", curatedPlus],
      ] as const) {
        const misses: string[] = [];
        const s = scoreQuestions(cases, (q) => answerOf(c, q), misses);
        console.log(`    ${name.padEnd(28)} ${fmtQ(s)}`);
        // blind.jsonl is only ever measured: its misses are never printed.
        if (verbose && misses.length && name !== "curated knowledge/ alone" && f !== "blind.jsonl")
          console.log(misses.map((m) => `  ${m}`).join("\n"));
        row[name] = { inScope: pct(s.inHit, s.inScope), declined: pct(s.outHit, s.outScope) };
      }
      nbcRows.push(row);
    }
    summary.nbc = { title: nbcTitleOk, byline: nbcBylineOk, figures: nbcRows };

    // Hold-out articles nobody tuned to (eval/holdout-articles), imported as text into a copy of the folder above, so
    // they are answered with everything else in the knowledge base; the figures above stay comparable.
    const holdoutDir = join(root, "eval/holdout-articles");
    if (existsSync(holdoutDir)) {
      const hdir = join(work, "with-holdout");
      copyDir(dir, hdir);
      const hs = readdirSync(holdoutDir)
        .filter((f) => f.endsWith(".meta.json"))
        .map((f) => f.slice(0, -".meta.json".length))
        .sort();
      const imported = new Map<string, ImportResult>();
      for (const slug of hs) imported.set(slug, await importArticle(join(holdoutDir, `${slug}.txt`), { dir: hdir }));
      const hcore = createCore(loadKnowledgeDir(hdir));
      console.log(
        `\nhold-out articles (eval/holdout-articles, never tuned on; imported as text beside everything above)`,
      );
      const t = { right: 0, got: 0, gold: 0, inScope: 0, inHit: 0, outScope: 0, outHit: 0 };
      const rows: Record<string, unknown>[] = [];
      for (const slug of hs) {
        const r = imported.get(slug)!;
        const misses: string[] = [];
        const q = scoreQuotes(r, readJsonl<GoldQuote>(join(holdoutDir, `${slug}.quotes.jsonl`)), misses);
        const meta = JSON.parse(readFileSync(join(holdoutDir, `${slug}.meta.json`), "utf8")) as Meta;
        const src = r.draft.doc.source;
        const titleOk = src.title.trim() === meta.title.trim();
        const bylineOk = fold(src.reporters.join(" | ")) === fold(meta.reporters.join(" | "));
        const qs = scoreQuestions(
          readJsonl<Case>(join(holdoutDir, `${slug}.questions.jsonl`)),
          (q) => answerOf(hcore, q),
          misses,
        );
        for (const k of ["right", "got", "gold"] as const) t[k] += q[k];
        for (const k of ["inScope", "inHit", "outScope", "outHit"] as const) t[k] += qs[k];
        console.log(`${slug}  (${r.ms.toFixed(0)} ms)`);
        console.log(
          `  quotes with the right speaker: precision ${pct(q.right, q.got)}% (${q.right}/${q.got})   recall ${pct(q.right, q.gold)}% (${q.right}/${q.gold})`,
        );
        console.log(
          `  title ${titleOk ? "ok" : `WRONG: ${src.title}`}   byline ${bylineOk ? "ok" : `WRONG: [${src.reporters.join(", ")}]`}`,
        );
        console.log(`  questions: ${fmtQ(qs)}`);
        if (verbose && misses.length) console.log(misses.join("\n"));
        rows.push({
          slug,
          quotePrecision: pct(q.right, q.got),
          quoteRecall: pct(q.right, q.gold),
          title: titleOk,
          byline: bylineOk,
          inScope: pct(qs.inHit, qs.inScope),
          declined: pct(qs.outHit, qs.outScope),
        });
      }
      console.log(
        `  all hold-out: quotes P ${pct(t.right, t.got)}% R ${pct(t.right, t.gold)}%   questions: ${fmtQ(t)}`,
      );
      // Question sets written later for the same articles (<slug>.questions-<name>.jsonl): a figure per set name.
      const extra = new Map<string, { inScope: number; inHit: number; outScope: number; outHit: number }>();
      const extraMisses: string[] = [];
      for (const f of readdirSync(holdoutDir).sort()) {
        const m = /^(.+)\.questions-([\w-]+)\.jsonl$/.exec(f);
        if (!m) continue;
        const qs = scoreQuestions(readJsonl<Case>(join(holdoutDir, f)), (q) => answerOf(hcore, q), extraMisses);
        const e = extra.get(m[2]!) ?? { inScope: 0, inHit: 0, outScope: 0, outHit: 0 };
        for (const k of ["inScope", "inHit", "outScope", "outHit"] as const) e[k] += qs[k];
        extra.set(m[2]!, e);
      }
      for (const [name, e] of extra) console.log(`  set questions-${name}: ${fmtQ(e)}`);
      if (verbose && extraMisses.length) console.log(extraMisses.join("\n"));
      summary.holdoutArticles = {
        articles: rows,
        inScope: pct(t.inHit, t.inScope),
        declined: pct(t.outHit, t.outScope),
      };
    }

    // Held-out articles for attribution (written before its rules were tuned): quotes through the whole import.
    const heldOut = join(root, "test/fixtures/attribution");
    if (existsSync(heldOut)) {
      const hdir = join(work, "held-out");
      const t = { right: 0, got: 0, gold: 0 };
      const misses: string[] = [];
      for (const f of readdirSync(heldOut)
        .filter((x) => x.endsWith(".txt"))
        .sort()) {
        const r = await importArticle(join(heldOut, f), { dir: hdir });
        const q = scoreQuotes(r, readJsonl<GoldQuote>(join(heldOut, f.replace(/\.txt$/, ".quotes.jsonl"))), misses);
        t.right += q.right;
        t.got += q.got;
        t.gold += q.gold;
      }
      loadKnowledgeDir(hdir);
      console.log(`\nheld-out attribution articles (test/fixtures/attribution, imported as text, check ok)`);
      console.log(
        `  quotes with the right speaker: precision ${pct(t.right, t.got)}% (${t.right}/${t.got})   recall ${pct(t.right, t.gold)}% (${t.right}/${t.gold})`,
      );
      if (verbose && misses.length) console.log(misses.join("\n"));
      summary.heldOut = { quotePrecision: pct(t.right, t.got), quoteRecall: pct(t.right, t.gold) };
    }

    // Speed: a 2,000-word article (two samples' bodies joined), imported from a file with --dry-run.
    const long = join(work, "long-article.txt");
    const a = readFileSync(join(articlesDir, `${slugs[0]}.txt`), "utf8").split("\n\n");
    const b = readFileSync(join(articlesDir, `${slugs[slugs.length - 1]}.txt`), "utf8").split("\n\n");
    writeFileSync(
      long,
      `A long test article joined from two samples\nBy Test Writer\n\n${[...a.slice(1), ...b.slice(1)].join("\n\n")}`,
    );
    const words = (readFileSync(long, "utf8").match(/[\p{L}\p{N}]+/gu) ?? []).length;
    const first = await importArticle(long, { dir, dryRun: true, id: "long-article" });
    const again = await importArticle(long, { dir, dryRun: true, id: "long-article" });
    console.log(
      `\nspeed: a ${words}-word article imports in ${first.ms.toFixed(0)} ms (first run), ${again.ms.toFixed(0)} ms (warm); target under 1000 ms`,
    );
    summary.speed = { words, firstMs: Math.round(first.ms), warmMs: Math.round(again.ms) };
    console.log(JSON.stringify({ evalImport: summary }));
    return 0;
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (/\.(ya?ml|txt)$/.test(f)) copyFileSync(join(from, f), join(to, f));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`eval:import: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
