/**
 * Run by test/core/gc.test.ts in its own process (so V8 flags and heap state are its own): answers many questions and
 * prints, as one JSON line, how much the old generation grew and how many full collections ran meanwhile.
 */
import { PerformanceObserver, constants } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import { createCore } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";
import { evalQuestions } from "../ops/load-support.js";

const ROUNDS = Number(process.argv[2] ?? 30_000);
const core = createCore(loadKnowledgeDir(DEFAULT_KNOWLEDGE_DIR));
const questions = evalQuestions();
// Warm up: JIT, and the caches a question fills once (stems, typo corrections) reach their steady size.
for (let i = 0; i < 3000; i++) core.ask(questions[i % questions.length]!);

const oldGen = () =>
  getHeapSpaceStatistics()
    .filter((s) => s.space_name === "old_space" || s.space_name === "large_object_space")
    .reduce((a, s) => a + s.space_used_size, 0);
let majors = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if ((e.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
});
observer.observe({ entryTypes: ["gc"] });

const before = oldGen();
let answered = 0;
for (let i = 0; i < ROUNDS; i++) if (core.ask(questions[i % questions.length]!).answered) answered++;
const grownMB = (oldGen() - before) / 1048576;
// GC entries are delivered asynchronously: let the observer catch up before reporting.
setTimeout(() => {
  observer.disconnect();
  console.log(JSON.stringify({ rounds: ROUNDS, answered, grownMB, majors }));
}, 100);
