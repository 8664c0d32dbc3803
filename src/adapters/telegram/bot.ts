import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Runtime } from "../../runtime.js";
import { reportError, logApiFailures } from "./errors.js";
import { DEFAULT_FLOOD, DEFAULT_INLINE_FLOOD, type FloodOptions } from "./flood.js";
import { buildHandlers } from "./handlers.js";

/** The update types the bot asks for (polling and webhook alike). */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

export interface BotOptions {
  token: string;
  /** Bot API server root, e.g. a self-hosted telegram-bot-api; default the official one. */
  apiRoot?: string;
  /** Skip getMe at start-up (in-process tests). */
  botInfo?: UserFromGetMe;
  /** 429/5xx retries (@grammyjs/auto-retry). Defaults: 3 attempts, retry_after up to 30 s. */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  flood?: FloodOptions;
  inlineFlood?: FloodOptions;
  pendingTtlMs?: number;
  pendingMax?: number;
}

/** A bot and the updates it is handling right now, so a stop can wait for them. */
export interface BuiltBot {
  bot: Bot;
  /** Resolves when every update being handled at the time of the call has finished. */
  idle(): Promise<void>;
}

/** An API call that hangs is abandoned after this long (long polling waits 30 s, so keep it above that). */
const API_TIMEOUT_SECONDS = 60;

/**
 * Builds the grammY bot with all its middleware: API transformers (auto-retry with caps, failure log), bot.catch,
 * per-chat sequentialisation, an error boundary and the handlers. Nothing is sent until the bot is started or fed
 * an update.
 */
export function buildBot(runtime: Runtime, options: BotOptions): BuiltBot {
  const bot = new Bot<Context>(options.token, {
    ...(options.botInfo && { botInfo: options.botInfo }),
    client: {
      ...(options.apiRoot && { apiRoot: options.apiRoot.replace(/\/+$/, "") }),
      timeoutSeconds: API_TIMEOUT_SECONDS,
    },
  });
  const retry = options.retry ?? { maxRetryAttempts: 3, maxDelaySeconds: 30 };
  // Network errors are not retried here (that would be unbounded): polling retries getUpdates itself.
  bot.api.config.use(autoRetry({ ...retry, rethrowHttpErrors: true }));
  bot.api.config.use(logApiFailures(runtime.log));
  bot.catch((err) => reportError(runtime, err, "update"));

  const inflight = new Set<Promise<void>>();
  bot.use(async (_ctx, next) => {
    const handling = next();
    inflight.add(handling);
    try {
      await handling;
    } finally {
      inflight.delete(handling);
    }
  });
  // One update at a time per chat (answers arrive in order); the chat id is an in-memory key only.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.errorBoundary(
    (err) => reportError(runtime, err, "handler"),
    buildHandlers(runtime, {
      flood: options.flood ?? DEFAULT_FLOOD,
      inlineFlood: options.inlineFlood ?? DEFAULT_INLINE_FLOOD,
      pendingTtlMs: options.pendingTtlMs ?? 5 * 60_000,
      pendingMax: options.pendingMax ?? 10_000,
    }),
  );
  const idle = async () => {
    while (inflight.size) await Promise.allSettled([...inflight]);
  };
  return { bot, idle };
}
