import type { Logger } from "pino";
import type { Core } from "./core/index.js";

/** The platform a question came through. Used in logs and metrics only. */
export type Platform = "console" | "telegram" | "discord";

/** One handled command, as logs and metrics see it: never a user id, a name or the question's text. */
export interface AnswerEvent {
  platform: Platform;
  command: string;
  /** The matched entry id, or null when declined / not an answer. */
  id: string | null;
  score: number;
  answered: boolean;
  latencyMs: number;
}

/** Hooks the operations layer (metrics, unanswered log) attaches to. All optional and never throwing. */
export interface Telemetry {
  answer(event: AnswerEvent, question: string | null): void;
  error(platform: Platform, where: string): void;
}

export const noTelemetry: Telemetry = { answer() {}, error() {} };

/**
 * What every adapter is given. `core()` returns the knowledge currently served: it changes on hot reload, so read it
 * per update and never keep the result.
 */
export interface Runtime {
  core(): Core;
  log: Logger;
  telemetry: Telemetry;
}

/**
 * `starting` until the platform first answers; `retrying` while it cannot be reached (start-up or later, retried with
 * capped backoff); `failed` for good (a refused token); `stopped` after `stop()`.
 */
export type AdapterState = "starting" | "serving" | "retrying" | "stopped" | "failed";

/** A started adapter. `stop()` finishes in-flight answers, then releases the platform connection. */
export interface RunningAdapter {
  readonly name: Platform;
  state(): AdapterState;
  stop(): Promise<void>;
}
