/**
 * `npm run eval`: answer quality over eval/questions.jsonl (the shared sample) and three sets written independently
 * from the article alone by people who never saw the knowledge files or the code: holdout.jsonl and holdout2.jsonl
 * (used while developing) and blind.jsonl (only ever measured, never tuned on); or over the .jsonl files named. Each line: {"q": question, "expect": [phrases] | null}.
 * In scope (expect is a list): correct when the bot answers and its answer text (with attribution) contains one of the
 * phrases, case-insensitively. Out of scope (expect null): correct when the bot declines.
 * The same figures are printed for a plain fuse.js baseline over the article's sentences. `--verbose` lists misses.
 */
import { readFileSync } from "node:fs";
import Fuse from "fuse.js";
import { createCore } from "../src/core/core.js";
import { loadKnowledgeDir } from "../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/paths.js";
import { answerText } from "../src/render/text.js";
import { pct, scoreQuestions, type Case } from "./score.js";
import { scoreClarify, scoreConversations, scoreMidConversation, scoreSmallTalk } from "./conversation.js";

const named = process.argv.filter((a) => a.endsWith(".jsonl"));
const files = named.length
  ? named
  : ["questions.jsonl", "holdout.jsonl", "holdout2.jsonl", "blind.jsonl"].map(
      (f) => new URL(`./${f}`, import.meta.url).pathname,
    );
const verbose = process.argv.includes("--verbose");
let cases: Case[] = [];
/** A blind set is only ever measured: `--verbose` never prints its misses. */
let blind = false;

function score(name: string, answer: (q: string) => string | null) {
  const misses: string[] = [];
  const { inScope, inHit, outScope, outHit } = scoreQuestions(cases, answer, misses);
  console.log(
    `${name.padEnd(20)} in scope ${pct(inHit, inScope)}% (${inHit}/${inScope})   declined out of scope ${pct(outHit, outScope)}% (${outHit}/${outScope})`,
  );
  if (verbose && misses.length && !blind) console.log(misses.join("\n"));
  return { engine: name, inScope: pct(inHit, inScope), declined: pct(outHit, outScope) };
}

const core = createCore(loadKnowledgeDir(process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR));

// Baseline: plain fuse.js over the article's sentences (first line is web-page debris), top hit as the answer.
const article = readFileSync(new URL("../knowledge/nbc-iran-social-media.txt", import.meta.url), "utf8");
const sentences = article
  .split("\n")
  .slice(1)
  .join(" ")
  .split(/(?<=[.!?]["”]?)\s+/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const fuse = new Fuse(sentences, { includeScore: true });

const summary = files.map((file) => {
  blind = /blind/.test(file);
  cases = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Case);
  console.log(`\n${file.split("/").pop()} (${cases.length} questions)`);
  const bot = score("briefbot", (q) => {
    const r = core.ask(q);
    return r.answer ? answerText(r.answer) : null;
  });
  const base = score("fuse.js baseline", (q) => fuse.search(q, { limit: 1 })[0]?.item ?? null);
  const conversation = Object.assign(scoreClarify(core, cases), scoreMidConversation(core, cases));
  return { eval: file.split("/").pop(), cases: cases.length, results: [bot, base], conversation };
});

// Conversations and small talk (eval/conversation.ts), unless other files were named.
const talk = named.length
  ? undefined
  : (() => {
      const at = (f: string) => new URL(`./${f}`, import.meta.url).pathname;
      console.log(`\nconversations.jsonl`);
      const conversations = scoreConversations(core, at("conversations.jsonl"), verbose);
      console.log(`\nconversations-holdout.jsonl`);
      const holdout = scoreConversations(core, at("conversations-holdout.jsonl"), verbose);
      // Group-chat batches written before the bot ran on them (first runs in eval/conversation.ts), then tuned to.
      const fresh = ["", "-2", "-3", "-4", "-5", "-6", "-8", "-9", "-10", "-11"].map((n) => {
        console.log(`\nconversations-fresh${n}.jsonl`);
        return scoreConversations(core, at(`conversations-fresh${n}.jsonl`), verbose);
      });
      console.log(`\nsmalltalk.jsonl`);
      const smallTalk = scoreSmallTalk(core, at("smalltalk.jsonl"), verbose);
      return { conversations, holdout, fresh, smallTalk };
    })();
console.log(JSON.stringify(talk ? { eval: summary, conversation: talk } : { eval: summary }));
