import { setTimeout as sleep } from "node:timers/promises";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { HttpError, type Bot, type Transformer } from "grammy";
import type { Runtime } from "../../runtime.js";
import { ALLOWED_UPDATES } from "./bot.js";
import { describeError } from "./errors.js";

/** Long-poll timeout passed to getUpdates, in seconds. */
const POLL_TIMEOUT_SECONDS = 30;
/** Waits between getUpdates attempts while the Bot API cannot be reached: 1 s, doubling, at most 30 s. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export interface PollingHooks {
  /** Aborts deleteWebhook when briefbot stops during start-up. */
  signal?: AbortSignal | undefined;
  /** Polling stopped without being asked to (e.g. the token is revoked). */
  onCrash(): void;
  /** getUpdates failed for a reason that may pass (network, 5xx); it is retried after `retryInMs`. */
  onUnreachable?(why: string, retryInMs: number): void;
  /** getUpdates answered again. */
  onReachable?(): void;
}

/**
 * Retries getUpdates itself while the Bot API cannot be reached (network error or 5xx), with capped doubling waits,
 * and tells the hooks. @grammyjs/runner's own retry doubles without a cap (100 ms … hours) and says nothing; with
 * this in front it only sees answers, 401/409 (which stop polling) or an abort.
 */
function retryUnreachable(hooks: PollingHooks): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    for (let attempt = 1; ; attempt++) {
      let why: string;
      try {
        const res = await prev(method, payload, signal);
        if (res.ok || !(res.error_code >= 500)) {
          hooks.onReachable?.();
          return res;
        }
        why = `HTTP ${res.error_code}`;
      } catch (err) {
        if (signal?.aborted || !(err instanceof HttpError)) throw err;
        why = String(describeError(err).cause ?? "network");
      }
      const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt - 1, 10));
      hooks.onUnreachable?.(why, wait);
      await sleep(wait, undefined, { signal: signal as AbortSignal | undefined });
    }
  };
}

/**
 * Starts long polling with @grammyjs/runner (updates handled concurrently, one at a time per chat thanks to the
 * bot's sequentialize middleware). A webhook left over from an earlier deployment is removed first, or getUpdates
 * would be refused. `hooks.onCrash` is called if polling stops without being asked to (e.g. the token is revoked).
 */
export async function startPolling(bot: Bot, runtime: Runtime, hooks: PollingHooks): Promise<RunnerHandle> {
  try {
    await bot.api.deleteWebhook(undefined, hooks.signal as Parameters<Bot["api"]["deleteWebhook"]>[1]);
  } catch (err) {
    if (hooks.signal?.aborted) throw err;
    runtime.log.warn(
      { platform: "telegram", err: describeError(err) },
      "telegram deleteWebhook failed; polling may be refused",
    );
  }
  bot.api.config.use(retryUnreachable(hooks));
  const runner = run(bot, {
    runner: {
      fetch: { timeout: POLL_TIMEOUT_SECONDS, allowed_updates: [...ALLOWED_UPDATES] },
      silent: true, // failures are logged by the API transformer, without the URL that holds the token
      retryInterval: "exponential",
    },
  });
  runner.task()?.catch((err: unknown) => {
    runtime.log.error({ platform: "telegram", err: describeError(err) }, "telegram polling stopped");
    runtime.telemetry.error("telegram", "polling");
    hooks.onCrash();
  });
  return runner;
}
