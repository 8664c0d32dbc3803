import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  UnansweredLog,
  UnansweredLogError,
  groupQuestions,
  groupUnanswered,
  readUnanswered,
} from "../../src/ops/unanswered.js";
import { createTelemetry } from "../../src/ops/telemetry.js";
import { BotMetrics } from "../../src/ops/bot-metrics.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { findCommand } from "../../src/commands/definitions.js";
import { createCore } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { runUnanswered } from "../../src/cli/unanswered.js";
import { memoryLogger, tempKnowledge } from "./fixtures.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempFile(name = "unanswered.jsonl"): string {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-unanswered-"));
  dirs.push(dir);
  return join(dir, "sub", name);
}

describe("unanswered log", () => {
  it("records only declined questions, with time and platform and nothing else", async () => {
    const k = tempKnowledge();
    dirs.push(k.dir);
    const path = tempFile();
    const unanswered = new UnansweredLog(path);
    const { log } = memoryLogger();
    const core = createCore(loadKnowledgeDir(k.dir));
    const runtime = { core: () => core, log, telemetry: createTelemetry(new BotMetrics(), unanswered, log) };
    const ask = findCommand("ask")!;
    dispatch(runtime, "telegram", ask, "What colour is the sky over the test city?");
    dispatch(runtime, "telegram", ask, "Who won the 1998 World Cup?");
    dispatch(runtime, "discord", ask, "  who   won the 1998 world cup\u200b ");
    dispatch(runtime, "discord", ask, ""); // a prompt, not a question
    dispatch(runtime, "discord", findCommand("help")!, "");
    await unanswered.close();
    const lines = readFileSync(path, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(["platform", "question", "time"]);
      expect(new Date(String(l.time)).toISOString()).toBe(l.time);
    }
    expect(lines.map((l) => l.platform)).toEqual(["telegram", "discord"]);
    expect(lines[0]!.question).toBe("Who won the 1998 World Cup?");
    expect(lines[1]!.question).toBe("who won the 1998 world cup");
  });

  it("cuts a huge question and never throws on odd input", async () => {
    const path = tempFile();
    const log = new UnansweredLog(path);
    log.append("console", "x".repeat(100_000));
    log.append("console", "\u0000\u202e🙂 @everyone <b>hi</b>\n");
    log.append("console", "   ");
    await log.close();
    const lines = readFileSync(path, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { question: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.question.length).toBe(500);
    expect(lines[1]!.question).toBe("🙂 @everyone <b>hi</b>");
  });

  it("refuses a path it cannot write at once, naming it and why: folder, FIFO, missing or read-only place", () => {
    const dir = mkdtempSync(join(tmpdir(), "briefbot-unanswered-"));
    dirs.push(dir);
    const fifo = join(dir, "fifo.jsonl");
    execFileSync("mkfifo", [fifo]);
    writeFileSync(join(dir, "plain"), "x");
    const cases: [string, RegExp][] = [
      [dir, /it is a folder/],
      [fifo, /not a regular file/], // opening a FIFO for writing would wait for a reader: refused at once instead
      ["/proc/self/nope/x.jsonl", /cannot create the folder \/proc\/self\/nope \(ENOENT\)/], // Node's recursive mkdir spins here
      ["/sys/briefbot-test.jsonl", /EACCES|EROFS|EPERM/],
      [join(dir, "plain", "x.jsonl"), /plain is not a folder/],
    ];
    for (const [path, reason] of cases) {
      let err: unknown;
      try {
        new UnansweredLog(path);
      } catch (e) {
        err = e;
      }
      expect(err, path).toBeInstanceOf(UnansweredLogError);
      expect((err as Error).message, path).toContain(path);
      expect((err as Error).message, path).toMatch(reason);
    }
  });

  it("creates missing folders, and rotates to <file>.1 at the size cap, keeping at most two files", async () => {
    const path = tempFile();
    const u = new UnansweredLog(path, { maxBytes: 4096 });
    const questions = Array.from({ length: 120 }, (_, i) => `Question number ${i} about something not known at all?`);
    for (const q of questions) u.append("console", q);
    await u.close();
    const size = (p: string) => statSync(p).size;
    expect(size(path)).toBeLessThanOrEqual(4096);
    expect(size(`${path}.1`)).toBeLessThanOrEqual(4096);
    expect(size(`${path}.1`)).toBeGreaterThan(4096 - 200);
    expect(existsSync(`${path}.2`)).toBe(false);
    // What is left is the newest questions, oldest first, with nothing torn.
    const kept = readUnanswered(path);
    expect(kept.length).toBeGreaterThan(20);
    expect(kept).toEqual(questions.slice(-kept.length));
  });

  it("logs a failed rotation once and carries on without the log", async () => {
    const { log, lines } = memoryLogger();
    const path = tempFile();
    mkdirSync(`${path}.1`, { recursive: true });
    writeFileSync(join(`${path}.1`, "blocker"), "x"); // a non-empty folder cannot be replaced by a rename
    const u = new UnansweredLog(path, { log, maxBytes: 4096 });
    for (let i = 0; i < 200; i++) u.append("console", `question ${i} that nobody can answer here`);
    await u.close();
    const failures = lines.filter((l) => String(l.msg).includes("unanswered log cannot be written"));
    expect(failures).toHaveLength(1);
    expect(String(failures[0]!.reason)).toContain(".1");
    expect(statSync(path).size).toBeLessThanOrEqual(4096);
  });
});

describe("grouping unanswered questions", () => {
  it("groups by similarity, most asked first, named by the most asked phrasing", () => {
    const groups = groupQuestions([
      "What is the weather in Tehran?",
      "weather in tehran",
      "What's the weather in Tehran??",
      "Tehran weather?",
      "What is the wether in Tehran",
      "Who is the president of France?",
      "who is the president of france",
      "Where can I buy a VPN?",
      "What is the weather in Tehran?",
    ]);
    expect(groups).toEqual([
      { question: "What is the weather in Tehran?", count: 6 },
      { question: "Who is the president of France?", count: 2 },
      { question: "Where can I buy a VPN?", count: 1 },
    ]);
  });

  it("keeps different topics apart even when they share a word", () => {
    const groups = groupQuestions(["When was Telegram banned?", "How many people use Telegram in Iraq?"]);
    expect(groups).toHaveLength(2);
  });

  it("reads the log file, skipping torn lines", () => {
    const path = tempFile();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      [
        JSON.stringify({ time: "2024-01-01T00:00:00.000Z", platform: "telegram", question: "Is Instagram blocked?" }),
        "{torn",
        JSON.stringify({ time: "2024-01-01T00:00:01.000Z", platform: "discord", question: "is instagram blocked" }),
        JSON.stringify({ other: 1 }),
        "",
      ].join("\n"),
    );
    expect(groupUnanswered(path)).toEqual([{ question: "Is Instagram blocked?", count: 2 }]);
  });

  it("handles an empty log and questions made only of stop words", () => {
    expect(groupQuestions([])).toEqual([]);
    expect(groupQuestions(["what?", "What", "why"])).toEqual([
      { question: "what?", count: 2 },
      { question: "why", count: 1 },
    ]);
  });
});

// The command run as a process (the groups printed from the file given): test/cli/unanswered.e2e.test.ts.
describe("npx briefbot unanswered", () => {
  it("says what to set when there is no log", () => {
    const chunks: string[] = [];
    const sink = { write: (s: string) => chunks.push(s) };
    const saved = process.env.UNANSWERED_LOG;
    delete process.env.UNANSWERED_LOG;
    try {
      expect(runUnanswered(undefined, sink, sink)).toBe(2);
      expect(chunks.join("")).toContain("UNANSWERED_LOG");
      expect(runUnanswered(join(tmpdir(), "briefbot-no-such-log.jsonl"), sink, sink)).toBe(1);
    } finally {
      if (saved !== undefined) process.env.UNANSWERED_LOG = saved;
    }
  });
});
