/**
 * `npm run bench:memory`: what the conversation layer costs.
 *
 * 1. Memory: heap held by 100,000 remembered conversations (the default cap), each keyed like a Telegram group member
 *    ("tg:<chat>:<user>") and holding what a real conversation holds after a few turns (last entry, speaker, shown ids,
 *    frame and topic words). Measured after a full GC, before and after filling. Target: under 50 MB.
 * 2. Time: the median time a turn spends in the conversation layer itself (small-talk match, follow-up reading,
 *    memory, clarify), with the core's own ask() time taken out, for plain questions and for follow-ups, over the
 *    eval question sets and eval/conversations.jsonl. Target: a follow-up adds under 0.1 ms to the median answer.
 * Prints a summary, then, as its last line, one JSON object {"bench":"memory",...}.
 */
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { createCore } from "../src/core/core.js";
import { loadKnowledgeDir } from "../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/paths.js";
import { Conversation } from "../src/conversation/conversation.js";
import { ConversationMemory, NO_OPTIONS, type Recall } from "../src/conversation/memory.js";

const gc: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
const lines = (f: string) =>
  readFileSync(new URL(`../eval/${f}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const core = createCore(loadKnowledgeDir(process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR));
const CONVERSATIONS = 100_000;

// --- time in the layer -------------------------------------------------------------------------------------------
let inCore = 0;
const conv = new Conversation({
  core: () => core,
  run: (def, arg) => {
    const t = performance.now();
    const reply = def.run(core, arg);
    inCore += performance.now() - t;
    return reply;
  },
});
const questions = ["questions.jsonl", "holdout.jsonl", "holdout2.jsonl", "blind.jsonl"].flatMap((f) =>
  lines(f).map((c) => String(c.q)),
);
const talks = lines("conversations.jsonl").map((c) => (c.turns as { q: string }[]).map((t) => t.q));
const plain: number[] = [];
const follow: number[] = [];
const total: number[] = [];
for (let round = 0; round < 5; round++) {
  questions.forEach((q, i) => {
    inCore = 0;
    const t = performance.now();
    conv.handle(`q${round}-${i}`, q);
    const all = performance.now() - t;
    if (round > 0) plain.push(all - inCore);
  });
  talks.forEach((turns, n) => {
    turns.forEach((q, i) => {
      inCore = 0;
      const t = performance.now();
      const r = conv.handle(`c${round}-${n}`, q);
      const all = performance.now() - t;
      if (round > 0 && i > 0 && r.followUp !== null) {
        follow.push(all - inCore);
        total.push(all);
      }
    });
  });
}

// --- memory for 100,000 conversations ----------------------------------------------------------------------------
// Real recalls from the conversations above, copied per person (own arrays, the knowledge's own strings).
const samples: Recall[] = [];
talks.forEach((_, n) => {
  const r = conv.memory.peek(`c4-${n}`);
  if (r) samples.push(r);
});
const memory = new ConversationMemory({ max: CONVERSATIONS });
const before = heapMB();
for (let i = 0; i < CONVERSATIONS; i++) {
  const s = samples[i % samples.length]!;
  const key = `tg:-100${1_000_000_000 + (i % 5000)}:${5_000_000_000 + i}`;
  memory.save(key, {
    at: 0,
    entry: s.entry,
    speaker: s.speaker,
    name: s.name,
    shown: s.shown.slice(),
    frame: s.frame.slice(),
    topic: s.topic.slice(),
    declined: NO_OPTIONS,
    options: NO_OPTIONS,
  });
}
const after = heapMB();
const mb = Math.round((after - before) * 10) / 10;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  `conversations remembered   ${memory.size.toLocaleString("en")}  heap ${mb} MB  (${Math.round(((after - before) * 1024 * 1024) / memory.size)} bytes each; target < 50 MB)`,
);
console.log(
  `layer time, plain question median ${round3(median(plain))} ms  (${plain.length} turns, core's ask() taken out)`,
);
console.log(
  `layer time, follow-up      median ${round3(median(follow))} ms  (${follow.length} turns; whole turn median ${round3(median(total))} ms; target < 0.1 ms)`,
);
console.log(
  JSON.stringify({
    bench: "memory",
    conversations: memory.size,
    heapMB: mb,
    plainLayerMedianMs: round3(median(plain)),
    followUpLayerMedianMs: round3(median(follow)),
    followUpTurnMedianMs: round3(median(total)),
  }),
);
