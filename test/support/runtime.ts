import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { createCore, type Core } from "../../src/core/core.js";
import { nbcKnowledge } from "./nbc.js";
import type { AnswerEvent, Runtime } from "../../src/runtime.js";

let shared: Core | undefined;
/**
 * The shipped NBC article (the fixture, whatever else knowledge/ holds), indexed once per worker: the unit project
 * does not isolate files, so the files a worker runs share it (a Core is never changed once built).
 */
export function sharedCore(): Core {
  return (shared ??= createCore(nbcKnowledge()));
}

/** A pino logger that keeps its lines in memory, parsed. */
export function memoryLogger(level = "debug"): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { log: pino({ level, base: undefined }, sink), lines };
}

/**
 * The log lines at info level and above, each as JSON text without its `time`: pino's clock is 13 digits in which a
 * short user id can turn up by chance (the time 1795960685001 holds the id 5001), while every other field is checked.
 */
export function infoText(lines: readonly Record<string, unknown>[]): string[] {
  return lines.filter((l) => Number(l.level) >= 30).map(({ time: _time, ...rest }) => JSON.stringify(rest));
}

/** A Runtime over the shipped knowledge that records log lines and telemetry for assertions. */
export function testRuntime(core: Core = sharedCore()) {
  const { log, lines } = memoryLogger();
  const events: { event: AnswerEvent; question: string | null }[] = [];
  const errors: string[] = [];
  const runtime: Runtime = {
    core: () => core,
    log,
    telemetry: {
      answer: (event, question) => events.push({ event, question }),
      error: (platform, where) => errors.push(`${platform}:${where}`),
    },
  };
  return { runtime, lines, events, errors };
}
