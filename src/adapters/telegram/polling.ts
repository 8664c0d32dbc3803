import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Runtime } from "../runtime.js";
import { ALLOWED_UPDATES } from "./bot.js";
import { describeError } from "./errors.js";

/** Long-poll timeout passed to getUpdates, in seconds. */
const POLL_TIMEOUT_SECONDS = 30;

/**
 * Starts long polling with @grammyjs/runner (updates handled concurrently, one at a time per chat thanks to the
 * bot's sequentialize middleware). A webhook left over from an earlier deployment is removed first, or getUpdates
 * would be refused. `onCrash` is called if polling stops without being asked to (e.g. the token is revoked).
 */
export async function startPolling(bot: Bot, runtime: Runtime, onCrash: () => void): Promise<RunnerHandle> {
  try {
    await bot.api.deleteWebhook();
  } catch (err) {
    runtime.log.warn({ platform: "telegram", err: describeError(err) }, "telegram deleteWebhook failed; polling may be refused");
  }
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
    onCrash();
  });
  return runner;
}
