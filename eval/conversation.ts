/**
 * The conversation part of `npm run eval`: follow-up turns (eval/conversations.jsonl, and conversations-holdout.jsonl,
 * written later: its first run's misses led to one round of general fixes, none to a rule for one line; and
 * conversations-fresh.jsonl and -2 to -5, group-chat style, written before the bot ran on them: first runs 83.5%,
 * 87.5%, 66.7%, 78.3% and 95.2% of follow-ups, each on the code of its day; then read and tuned to; -6 and -8 over
 * the curated knowledge, first runs 89.4% and 74.1%; -9 and -10 over it too, first runs 79.1% and 82.8% (-10
 * written after -9's fixes); -11 over it, first run 93.0% (98.6% after round 9); -7 and -12 over the four imported
 * sample articles, first runs 51.9% and 65.0% (71.2% and 75.0% after round 9), run with KNOWLEDGE_DIR set to a
 * folder they were imported into, so not part of `npm run eval`), small talk (eval/smalltalk.jsonl)
 * and how often "Did you mean …?" is asked on the question sets. Each conversation runs under its own key, in order.
 *
 * A turn is right when:
 * - `expect: [phrases]`: answered from the knowledge (mode "answer") and the answer text holds one of the phrases;
 * - `expect: null`: not answered from the knowledge (declined or asked back);
 * - `chitchat: true`: answered as small talk (mode "chitchat", or "help" from small talk), never from the knowledge;
 * - `sameSpeaker: true`: another entry by the speaker of the last answer, not one already shown.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Core } from "../src/core/core.js";
import { Conversation, type ConversationReply } from "../src/conversation/conversation.js";
import { answerText, renderText } from "../src/render/text.js";

interface Turn {
  q: string;
  expect?: string[] | null;
  chitchat?: boolean;
  sameSpeaker?: boolean;
}

const lines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const pct = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);

/** The text a person sees for a turn. */
export function turnText(r: ConversationReply): string {
  return r.answer ? answerText(r.answer) : renderText(r.reply);
}

const fromKnowledge = (r: ConversationReply) => r.mode === "answer" || r.mode === "clarify";
const asSmallTalk = (r: ConversationReply) => (r.mode === "chitchat" || r.mode === "help") && r.smalltalk !== null;

/** Scores the conversations file; prints the figures and, with `verbose`, every wrong turn. */
export function scoreConversations(core: Core, file: string, verbose: boolean) {
  const conv = new Conversation({ core: () => core });
  let turns = 0,
    right = 0,
    follow = 0,
    followRight = 0;
  const misses: string[] = [];
  lines(file).forEach((line, n) => {
    const key = `eval-${n}`;
    let lastSpeaker: string | null = null;
    const shown = new Set<string>();
    (line.turns as Turn[]).forEach((t, i) => {
      const r = conv.handle(key, t.q);
      const text = turnText(r);
      let ok: boolean;
      if (t.chitchat) ok = asSmallTalk(r);
      else if (t.sameSpeaker)
        ok = r.mode === "answer" && r.speaker !== null && r.speaker.id === lastSpeaker && !shown.has(r.answer!.id);
      else if (t.expect === null) ok = !fromKnowledge(r);
      else ok = r.mode === "answer" && (t.expect ?? []).some((p) => text.toLowerCase().includes(p.toLowerCase()));
      turns++;
      if (ok) right++;
      if (i > 0) {
        follow++;
        if (ok) followRight++;
      }
      if (!ok)
        misses.push(
          `  [${n + 1}.${i + 1}] ${t.q}  (${r.mode}${r.followUp ? `, ${r.followUp}` : ""})\n    -> ${text.split("\n")[0]!.slice(0, 120)}`,
        );
      if (r.answer) {
        shown.add(r.answer.id);
        lastSpeaker = r.speaker?.id ?? lastSpeaker;
      }
    });
  });
  console.log(
    `briefbot             follow-up turns right ${pct(followRight, follow)}% (${followRight}/${follow})   all turns ${pct(right, turns)}% (${right}/${turns})`,
  );
  if (verbose && misses.length) console.log(misses.join("\n"));
  return { followUps: pct(followRight, follow), turns: pct(right, turns) };
}

/** Scores the small-talk file: answered as small talk, answered from the knowledge (must be 0), intent as labelled. */
export function scoreSmallTalk(core: Core, file: string, verbose: boolean) {
  const conv = new Conversation({ core: () => core });
  // Lines with "expect" are questions dressed as chat (eval/blind-conversation), scored by the --set run below.
  const cases = lines(file).filter((l) => !("expect" in l)) as { q: string; intent?: string }[];
  let small = 0,
    knowledge = 0,
    intent = 0;
  const labelled = cases.filter((c) => c.intent).length;
  const misses: string[] = [];
  cases.forEach((c, n) => {
    const r = conv.handle(`st-${n}`, c.q);
    if (asSmallTalk(r)) small++;
    else misses.push(`  not small talk: ${c.q}  (${r.mode})`);
    if (fromKnowledge(r)) knowledge++;
    if (c.intent && r.smalltalk && intentMatches(c.intent, r.smalltalk.intent)) intent++;
    else if (c.intent && r.smalltalk) misses.push(`  intent ${r.smalltalk.intent}, labelled ${c.intent}: ${c.q}`);
  });
  console.log(
    `briefbot             answered as small talk ${pct(small, cases.length)}% (${small}/${cases.length})   answered from the knowledge ${knowledge}   intent as labelled ${pct(intent, labelled)}% (${intent}/${labelled})`,
  );
  if (verbose && misses.length) console.log(misses.join("\n"));
  return { smallTalk: pct(small, cases.length), fromKnowledge: knowledge, intent: pct(intent, labelled) };
}

// The eval file's labels group a few of the data file's intents.
function intentMatches(label: string, id: string): boolean {
  if (label === "identity") return ["what-are-you", "bot-or-human", "who-made-you"].includes(id);
  return label === id;
}

/**
 * The question sets through the conversation layer, each question its own conversation: how often it asks "Did you
 * mean …?" (target under 5%), and the in-scope and declined figures as a person would see them (small talk included).
 */
export function scoreClarify(core: Core, cases: { q: string; expect: string[] | null }[]) {
  const conv = new Conversation({ core: () => core });
  let clarify = 0,
    inScope = 0,
    inHit = 0,
    out = 0,
    outHit = 0;
  cases.forEach((c, n) => {
    const r = conv.handle(`q-${n}`, c.q);
    if (r.mode === "clarify") clarify++;
    const text = turnText(r);
    if (c.expect === null) {
      out++;
      if (!fromKnowledge(r)) outHit++;
    } else {
      inScope++;
      if (r.mode === "answer" && c.expect.some((p) => text.toLowerCase().includes(p.toLowerCase()))) inHit++;
    }
  });
  console.log(
    `through conversation in scope ${pct(inHit, inScope)}% (${inHit}/${inScope})   declined out of scope ${pct(outHit, out)}% (${outHit}/${out})   clarify asked ${pct(clarify, cases.length)}% (${clarify}/${cases.length})`,
  );
  return { inScope: pct(inHit, inScope), declined: pct(outHit, out), clarify: pct(clarify, cases.length) };
}

/** Questions that open the conversations of {@link scoreMidConversation}, each leaving a topic and a speaker behind. */
const OPENERS = [
  "what did jahromi say about twitter?",
  "when was telegram banned?",
  "what did rouhani say about the telegram ban?",
  "how do iranians get around the blocks?",
  "what did the make-up artist say?",
];

/**
 * The question sets' out-of-scope questions asked as the second turn of a conversation (after one of a few openers):
 * the share still not answered from the knowledge, beside the share when asked first. Follow-up reading (filling in
 * "it" or "he", a topic carried over) must not turn a question the knowledge cannot answer into an answer.
 */
export function scoreMidConversation(core: Core, cases: { q: string; expect: string[] | null }[]) {
  const conv = new Conversation({ core: () => core });
  const out = cases.filter((c) => c.expect === null);
  let cold = 0;
  let mid = 0;
  out.forEach((c, n) => {
    if (!fromKnowledge(conv.handle(`cold-${n}`, c.q))) cold++;
    conv.handle(`mid-${n}`, OPENERS[n % OPENERS.length]!);
    if (!fromKnowledge(conv.handle(`mid-${n}`, c.q))) mid++;
  });
  console.log(
    `out of scope asked second in a conversation: declined ${pct(mid, out.length)}% (${mid}/${out.length}), asked first ${pct(cold, out.length)}%`,
  );
  return { declinedMid: pct(mid, out.length), declinedFirst: pct(cold, out.length) };
}

/**
 * `npx tsx eval/conversation.ts --set FILE [--set FILE …] [--verbose]`: scores sets other than `npm run eval`'s (e.g. the
 * judge-written eval/blind-conversation/) over KNOWLEDGE_DIR. A file whose lines hold `turns` is conversations; any
 * other is small talk, and its lines with `expect` are questions that must be answered, not small-talked.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createCore } = await import("../src/core/core.js");
  const { loadKnowledgeDir } = await import("../src/core/loader.js");
  const { DEFAULT_KNOWLEDGE_DIR } = await import("../src/paths.js");
  const core = createCore(loadKnowledgeDir(process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR));
  const verbose = process.argv.includes("--verbose");
  process.argv.forEach((arg, i) => {
    const file = arg === "--set" ? process.argv[i + 1] : undefined;
    if (!file) return;
    console.log(`\n${file}`);
    const all = lines(file);
    if (all.some((l) => "turns" in l)) scoreConversations(core, file, verbose);
    else {
      scoreSmallTalk(core, file, verbose);
      const questions = all.filter((l) => "expect" in l) as { q: string; expect: string[] | null }[];
      if (questions.length) scoreClarify(core, questions);
    }
  });
}
