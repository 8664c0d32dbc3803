import { Writable } from "node:stream";
import pino from "pino";
import { createCore, type Core } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";
import type { AnswerEvent, Runtime } from "../../src/adapters/runtime.js";

let shared: Core | undefined;
/** The shipped knowledge base, indexed once per test file. */
export function sharedCore(): Core {
  return (shared ??= createCore(loadKnowledgeDir(DEFAULT_KNOWLEDGE_DIR)));
}

/** A Runtime over the shipped knowledge that records log lines and telemetry for assertions. */
export function testRuntime(core: Core = sharedCore()) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const events: { event: AnswerEvent; question: string | null }[] = [];
  const errors: string[] = [];
  const runtime: Runtime = {
    core: () => core,
    log: pino({ level: "debug", base: undefined }, sink),
    telemetry: {
      answer: (event, question) => events.push({ event, question }),
      error: (platform, where) => errors.push(`${platform}:${where}`),
    },
  };
  return { runtime, lines, events, errors };
}
