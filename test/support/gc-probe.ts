/**
 * Run by test/core/gc.e2e.test.ts in its own process (so V8 flags and heap state are its own): answers many questions and
 * prints, as one JSON line, how much the old generation grew and how many full collections ran meanwhile.
 */
import { createCore } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";
import { evalQuestions } from "../../support/load.js";
import { countMajorGcs, oldGenBytes } from "./old-gen.js";

const ROUNDS = Number(process.argv[2] ?? 30_000);
const core = createCore(loadKnowledgeDir(DEFAULT_KNOWLEDGE_DIR));
const questions = evalQuestions();
// Warm up: JIT, and the caches a question fills once (stems, typo corrections) reach their steady size.
for (let i = 0; i < 3000; i++) core.ask(questions[i % questions.length]!);

const majors = countMajorGcs();
const before = oldGenBytes();
let answered = 0;
for (let i = 0; i < ROUNDS; i++) if (core.ask(questions[i % questions.length]!).answered) answered++;
const grownMB = (oldGenBytes() - before) / 1048576;
console.log(JSON.stringify({ rounds: ROUNDS, answered, grownMB, majors: await majors.stop() }));
