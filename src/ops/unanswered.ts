import {
  closeSync,
  constants,
  createWriteStream,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  type WriteStream,
} from "node:fs";
import { dirname, resolve } from "node:path";
import type { Logger } from "pino";
import type { Platform } from "../runtime.js";
import { cleanText, fold, stem, words, STOP_WORDS, allowedEdits, editDistance } from "../core/index.js";

/** Longest question kept in the log: enough to see what was asked, bounded on disk. */
const MAX_LOGGED_CHARS = 500;

/** Default size at which the log is rotated (UNANSWERED_LOG_MAX_BYTES). */
export const DEFAULT_MAX_BYTES = 10_000_000;

/** One line of the unanswered log. No user, chat or message id: the time, the platform and the question only. */
export interface UnansweredLine {
  time: string;
  platform: Platform;
  question: string;
}

/** The unanswered log's file cannot be used; the message names the path and why (a code such as EACCES). */
export class UnansweredLogError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.name = "UnansweredLogError";
  }
}

function reasonOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  return typeof e?.code === "string" ? e.code : String(e?.message ?? err);
}

/**
 * Creates the missing folders above `file` one level at a time. Not `mkdirSync(…, { recursive: true })`: on Node 20 that
 * loops forever at 100% CPU on a path such as /proc/self/nope, where mkdir says ENOENT although the parent exists.
 */
function ensureFolder(file: string): void {
  const missing: string[] = [];
  let dir = dirname(resolve(file));
  for (;;) {
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch (err) {
      if ((err as { code?: string }).code !== "ENOENT" || dirname(dir) === dir)
        throw new UnansweredLogError(file, `${dir}: ${reasonOf(err)}`);
      missing.push(dir);
      dir = dirname(dir);
      continue;
    }
    if (!isDir) throw new UnansweredLogError(file, `${dir} is not a folder`);
    break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      throw new UnansweredLogError(file, `cannot create the folder ${d} (${reasonOf(err)})`);
    }
  }
}

/**
 * Opens `path` for appending, creating it and its folder: a regular file only (a FIFO would block the opener, a
 * folder or device cannot be a log). Returns the descriptor and the file's size. Throws an {@link UnansweredLogError}.
 */
function openAppend(path: string): { fd: number; size: number } {
  ensureFolder(path);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no reader fails at once (ENXIO) instead of waiting for one.
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o600);
  } catch (err) {
    const code = reasonOf(err);
    throw new UnansweredLogError(
      path,
      code === "EISDIR" ? "it is a folder" : code === "ENXIO" ? "not a regular file" : code,
    );
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new UnansweredLogError(path, "not a regular file");
  }
  return { fd, size: st.size };
}

export interface UnansweredLogOptions {
  /** Told once when writing fails, with the reason. */
  log?: Logger;
  /** Rotate when the file would grow past this many bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/**
 * Appends each declined question to a JSON-lines file (`UNANSWERED_LOG`), so editors see what to add. The file is
 * opened at construction, so a path that cannot be used throws an {@link UnansweredLogError} at start-up (main exits 2,
 * naming UNANSWERED_LOG). When the file would grow past `maxBytes` it is renamed to `<path>.1` (replacing the one
 * before) and a new file is started: at most twice `maxBytes` on disk. Writes are buffered and never block or throw:
 * a failure while running (a full disk, a rotation that cannot rename) is logged once and the bot carries on without
 * the log.
 */
export class UnansweredLog {
  private stream: WriteStream;
  private size: number;
  private failed = false;
  private readonly maxBytes: number;
  private readonly log: Logger | undefined;

  constructor(
    readonly path: string,
    options: UnansweredLogOptions = {},
  ) {
    this.log = options.log;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const { fd, size } = openAppend(path);
    this.size = size;
    this.stream = this.streamFor(fd);
  }

  private streamFor(fd: number): WriteStream {
    const stream = createWriteStream("", { fd, encoding: "utf8" });
    stream.on("error", (err) => this.fail(reasonOf(err)));
    return stream;
  }

  private fail(reason: string): void {
    if (!this.failed)
      this.log?.error({ path: this.path, reason }, "unanswered log cannot be written; no longer recording");
    this.failed = true;
  }

  /** Moves the full file to `<path>.1` and starts a new one. What the old stream still buffers lands in `.1`. */
  private rotate(): void {
    const old = this.stream;
    old.end();
    try {
      renameSync(this.path, `${this.path}.1`);
      const { fd, size } = openAppend(this.path);
      this.size = size;
      this.stream = this.streamFor(fd);
    } catch (err) {
      this.fail(`rotating to ${this.path}.1: ${err instanceof UnansweredLogError ? err.reason : reasonOf(err)}`);
    }
  }

  /** Records one declined question. Empty questions are not worth a line. */
  append(platform: Platform, question: string, at: Date = new Date()): void {
    if (this.failed) return;
    const q = cleanText(String(question)).slice(0, MAX_LOGGED_CHARS);
    if (q === "") return;
    const line: UnansweredLine = { time: at.toISOString(), platform, question: q };
    const text = `${JSON.stringify(line)}\n`;
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxBytes) {
      this.rotate();
      if (this.failed) return;
    }
    this.size += bytes;
    this.stream.write(text);
  }

  /** Flushes what is buffered and closes the file. */
  close(): Promise<void> {
    const stream = this.stream;
    return new Promise((done) => {
      if (stream.closed || stream.destroyed) return done();
      stream.end(() => done());
    });
  }
}

/** A group of similar unanswered questions: the phrasing asked most, and how many times the group was asked. */
export interface UnansweredGroup {
  question: string;
  count: number;
}

/**
 * Reads an unanswered log's questions, the rotated `<path>.1` first when there is one, skipping lines that are not
 * what {@link UnansweredLog} writes.
 */
export function readUnanswered(path: string): string[] {
  const out: string[] = [];
  const text = (existsSync(`${path}.1`) ? readFileSync(`${path}.1`, "utf8") : "") + readFileSync(path, "utf8");
  for (const raw of text.split("\n")) {
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
  return [
    ...new Set(
      words(question)
        .filter((w) => !STOP_WORDS.has(w))
        .map(stem),
    ),
  ];
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
    const key =
      fold(text)
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim() || text;
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
