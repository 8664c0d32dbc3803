import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AdapterState, RunningAdapter, Runtime } from "../../runtime.js";
import { buildBot, type BotOptions } from "./bot.js";
import { describeError } from "./errors.js";
import type { FloodOptions } from "./flood.js";
import { registerMenu } from "./menu.js";
import { startPolling } from "./polling.js";
import { startWebhook } from "./webhook.js";

/** How the Telegram adapter runs. Only `token` is required; the rest come from the TELEGRAM_* settings. */
export interface TelegramOptions {
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server; default https://api.telegram.org. */
  apiRoot?: string;
  /** TELEGRAM_WEBHOOK_URL: serve a webhook instead of long polling. */
  webhookUrl?: string;
  /** TELEGRAM_WEBHOOK_PORT (default 8080). */
  webhookPort?: number;
  /** TELEGRAM_WEBHOOK_SECRET; a random one per start when not set. */
  webhookSecret?: string;
  /** Interface the webhook server listens on (default all; tests use 127.0.0.1). */
  webhookHost?: string;
  /** Skip getMe (in-process tests). */
  botInfo?: UserFromGetMe;
  /** Aborts the start (getMe, deleteWebhook, setWebhook) when briefbot stops before it has finished. */
  signal?: AbortSignal;
  /** Test knobs: retry caps, flood limits, the pending-question store. */
  retry?: BotOptions["retry"];
  flood?: FloodOptions;
  inlineFlood?: FloodOptions;
  pendingTtlMs?: number;
  pendingMax?: number;
}

/** A started Telegram adapter, with the bot for inspection and, in webhook mode, the port served. */
export interface TelegramAdapter extends RunningAdapter {
  readonly bot: Bot;
  readonly webhookPort: number | null;
}

/** The grammY bot with all middleware, not started: for in-process tests (`bot.handleUpdate`). */
export function createTelegramBot(runtime: Runtime, options: TelegramOptions): Bot {
  return buildBot(runtime, options).bot;
}

/**
 * Starts briefbot on Telegram: checks the token (one getMe: a refused token or an unreachable API rejects, and the
 * caller decides whether to try again — grammY's own `init` would retry an unreachable API forever, silently), then
 * serves updates by long polling with @grammyjs/runner, or by webhook when `webhookUrl` is set, and registers the
 * command menu in the background (a failure there is logged, nothing more). While polling, a Bot API that cannot be
 * reached shows as `retrying` (getUpdates retried with capped waits) until it answers again. `stop()` stops taking
 * updates, lets the answers in flight finish, and resolves; it never rejects and is safe to call twice.
 */
export async function startTelegram(runtime: Runtime, options: TelegramOptions): Promise<TelegramAdapter> {
  const { bot, idle } = buildBot(runtime, options);
  let state: AdapterState = "starting";
  const { signal } = options;
  if (!options.botInfo) bot.botInfo = await bot.api.getMe(signal as Parameters<Bot["api"]["getMe"]>[0]);
  signal?.throwIfAborted();
  const background = new AbortController();
  let close: () => Promise<void>;
  let webhookPort: number | null = null;
  if (options.webhookUrl) {
    const server = await startWebhook(bot, runtime, {
      url: options.webhookUrl,
      port: options.webhookPort ?? 8080,
      ...(options.webhookHost !== undefined && { host: options.webhookHost }),
      ...(options.webhookSecret !== undefined && { secret: options.webhookSecret }),
    });
    webhookPort = server.port;
    close = server.close;
  } else {
    const where = options.apiRoot
      ? `TELEGRAM_API_ROOT (now ${options.apiRoot.replace(/\/\/[^/@]*@/, "//")})`
      : "the network to api.telegram.org";
    const runner = await startPolling(bot, runtime, {
      signal,
      onCrash: () => {
        if (state === "serving" || state === "retrying") state = "failed";
      },
      onUnreachable: (why, retryInMs) => {
        if (state === "serving")
          runtime.log.warn(
            { platform: "telegram", why, retryInMs },
            `Telegram cannot be reached while polling: check ${where}; retrying`,
          );
        if (state === "serving") state = "retrying";
      },
      onReachable: () => {
        if (state !== "retrying") return;
        state = "serving";
        runtime.log.info({ platform: "telegram" }, "Telegram reachable again; polling");
      },
    });
    close = async () => {
      if (runner.isRunning()) await runner.stop();
    };
  }
  const menu = registerMenu(bot.api, runtime.log, background.signal);
  state = "serving";
  runtime.log.info(
    { platform: "telegram", bot: bot.botInfo.username, mode: options.webhookUrl ? "webhook" : "polling" },
    "telegram started",
  );

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      background.abort();
      try {
        await close();
      } catch (err) {
        runtime.log.warn({ platform: "telegram", err: describeError(err) }, "telegram stop: closing updates failed");
      }
      await idle();
      await menu;
      if (state !== "failed") state = "stopped";
      runtime.log.info({ platform: "telegram" }, "telegram stopped");
    })());
  return { name: "telegram", bot, webhookPort, state: () => state, stop };
}
