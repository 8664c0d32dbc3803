import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "pino";
import type { Platform } from "../adapters/runtime.js";
import { cleanText, fold, stem, words } from "../core/normalise.js";
import { STOP_WORDS } from "../core/lexicon.js";
import { allowedEdits, editDistance } from "../core/fuzzy.js";

/** Longest question kept in the log: enough to see what was asked, bounded on disk. */
const MAX_LOGGED_CHARS = 500;

/** One line of the unanswered log. No user, chat or message id: the time, the platform and the question only. */
export interface UnansweredLine {
  time: string;
  platform: Platform;
  question: string;
}

/**
 * Appends each declined question to a JSON-lines file (`UNANSWERED_LOG`), so editors see what to add. Writes are
 * buffered and never block or throw: a failing disk is logged once and the bot carries on.
 */
export class UnansweredLog {
  private readonly stream: WriteStream;
  private failed = false;

  constructor(
    readonly path: string,
    private readonly log?: Logger,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path, { flags: "a", encoding: "utf8" });
    this.stream.on("error", (err) => {
      if (!this.failed) this.log?.error({ err: err.message, path }, "unanswered log cannot be written; no longer recording");
      this.failed = true;
    });
  }

  /** Records one declined question. Empty questions are not worth a line. */
  append(platform: Platform, question: string, at: Date = new Date()): void {
    if (this.failed) return;
    const q = cleanText(String(question)).slice(0, MAX_LOGGED_CHARS);
    if (q === "") return;
    const line: UnansweredLine = { time: at.toISOString(), platform, question: q };
    this.stream.write(`${JSON.stringify(line)}\n`);
  }

  /** Flushes what is buffered and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stream.closed || this.stream.destroyed) return resolve();
      this.stream.end(() => resolve());
    });
  }
}

/** A group of similar unanswered questions: the phrasing asked most, and how many times the group was asked. */
export interface UnansweredGroup {
  question: string;
  count: number;
}

/** Reads an unanswered log's questions, skipping lines that are not what {@link UnansweredLog} writes. */
export function readUnanswered(path: string): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    if (raw.trim() === "") continue;
    try {
      const q = (JSON.parse(raw) as Partial<UnansweredLine>).question;
      if (typeof q === "string" && q.trim() !== "") out.push(q);
    } catch {
      // a torn or foreign line: skip it
    }
  }
  return out;
}

/** The words that carry a question's topic, stemmed: "Why was Telegram banned?" → telegram, ban. */
function topicWords(question: string): string[] {
  return [...new Set(words(question).filter((w) => !STOP_WORDS.has(w)).map(stem))];
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const max = allowedEdits(Math.min(a.length, b.length));
  return max > 0 && editDistance(a, b, max) <= max;
}

/** Share of topic words two questions have in common (typos forgiven), 0..1. */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.some((v) => sameWord(w, v))) shared++;
  return shared / (a.length + b.length - shared);
}

/** Two questions whose topic words overlap this much are one group. */
const SAME_GROUP = 0.6;

interface Group {
  seed: string[];
  phrasings: Map<string, number>;
  count: number;
}

/**
 * Groups questions by similarity: the same topic words (stemmed, stop words dropped, typos forgiven) make one group,
 * whatever the case, punctuation or word order. Most asked first; each group is shown by its most asked phrasing.
 */
export function groupQuestions(questions: Iterable<string>): UnansweredGroup[] {
  // Identical phrasings (after folding) count together first; the first spelling seen is the one shown.
  const exact = new Map<string, { text: string; count: number }>();
  for (const q of questions) {
    const text = cleanText(String(q));
    if (text === "") continue;
    const key = fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim() || text;
    const e = exact.get(key);
    if (e) e.count++;
    else exact.set(key, { text, count: 1 });
  }
  const groups: Group[] = [];
  const byWord = new Map<string, Group[]>();
  const distinct = [...exact.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  for (const { text, count } of distinct) {
    const topic = topicWords(text);
    let best: Group | undefined;
    let bestSim = SAME_GROUP;
    const candidates = new Set(topic.flatMap((w) => byWord.get(w) ?? []));
    for (const g of candidates) {
      const s = similarity(topic, g.seed);
      if (s >= bestSim) [best, bestSim] = [g, s];
    }
    if (!best) {
      best = { seed: topic, phrasings: new Map(), count: 0 };
      groups.push(best);
      for (const w of topic) byWord.set(w, [...(byWord.get(w) ?? []), best]);
    }
    best.phrasings.set(text, (best.phrasings.get(text) ?? 0) + count);
    best.count += count;
  }
  return groups
    .map((g) => {
      // The most asked phrasing names the group (ties: the shorter one).
      const [question] = [...g.phrasings].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]!;
      return { question, count: g.count };
    })
    .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question));
}

/** Reads an unanswered log and groups its questions by similarity, most asked first (`npx briefbot unanswered`). */
export function groupUnanswered(path: string): UnansweredGroup[] {
  return groupQuestions(readUnanswered(path));
}
