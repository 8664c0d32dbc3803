import type { Platform, Runtime } from "../runtime.js";
import type { CommandDef, Reply } from "./types.js";

/**
 * Runs a command for an adapter: times it, logs one line (platform, command, entry id, score, latency: never the
 * question or who asked), and tells telemetry. Every adapter goes through here so logs and metrics look alike.
 */
export function dispatch(runtime: Runtime, platform: Platform, def: CommandDef, arg: string): Reply {
  const started = performance.now();
  const reply = def.run(runtime.core(), arg);
  const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
  const answer = reply.type === "answer" ? reply.result : null;
  const event = {
    platform,
    command: def.name,
    id: answer?.answer?.id ?? null,
    score: answer?.answer?.confidence ?? answer?.alternatives[0]?.confidence ?? 0,
    answered: answer ? answer.answered : reply.type !== "prompt",
    latencyMs,
  };
  runtime.log.info(event, "answer");
  try {
    runtime.telemetry.answer(event, answer ? answer.question : null);
  } catch (err) {
    runtime.log.warn({ err }, "telemetry failed");
  }
  return reply;
}
