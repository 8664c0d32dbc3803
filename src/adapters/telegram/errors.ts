import { BotError, GrammyError, HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";
import type { Runtime } from "../../runtime.js";

/**
 * A privacy-safe description of an error for the log: its name, the API method and Telegram's error code and
 * description where there is one. Never the request payload (it holds message text), never a URL (it holds the
 * token), never the update.
 */
export function describeError(err: unknown): Record<string, string | number> {
  const e = err instanceof BotError ? err.error : err;
  if (e instanceof GrammyError)
    return { name: e.name, method: e.method, code: e.error_code, description: e.description };
  if (e instanceof HttpError) {
    const cause = (e.error as { code?: unknown; name?: unknown } | null) ?? {};
    // The HttpError's own message names only the method; the wrapped error's message would carry the URL.
    return { name: e.name, message: e.message, cause: String(cause.code ?? cause.name ?? "unknown") };
  }
  if (e instanceof Error) return { name: e.name, message: e.message.split("\n")[0]!.slice(0, 200) };
  return { name: typeof e, message: "non-error thrown" };
}

/** Logs an error from handling an update and tells telemetry; never throws. */
export function reportError(runtime: Runtime, err: unknown, where: string): void {
  try {
    const updateId = err instanceof BotError ? err.ctx.update.update_id : undefined;
    runtime.log.error({ platform: "telegram", where, updateId, err: describeError(err) }, "telegram error");
    runtime.telemetry.error("telegram", where);
  } catch {
    // Logging must never take the bot down.
  }
}

/**
 * An API transformer that logs every Bot API call that finally failed (after auto-retry): method and error code at
 * warn level, nothing from the payload. Aborted calls (polling being stopped) are not failures.
 */
export function logApiFailures(log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok)
        log.warn(
          { platform: "telegram", method, code: res.error_code, description: res.description },
          "telegram api call failed",
        );
      return res;
    } catch (err) {
      if (!signal?.aborted)
        log.warn({ platform: "telegram", method, err: describeError(err) }, "telegram api call failed");
      throw err;
    }
  };
}
