import { limit } from "@grammyjs/ratelimiter";
import type { Context, MiddlewareFn } from "grammy";
import { DEFAULT_FLOOD, DEFAULT_INLINE_FLOOD, FLOOD_NOTICE, type FloodOptions } from "../../commands/flood.js";

// The settings and the notice are every platform's (commands/flood.ts); re-exported for the adapter's modules.
export { DEFAULT_FLOOD, DEFAULT_INLINE_FLOOD, FLOOD_NOTICE, type FloodOptions };

/** The user id as the limiter's key: held in memory for one time frame only, never stored or logged. */
const byUser = (ctx: Context) => (ctx.from ? String(ctx.from.id) : undefined);

/**
 * A per-user flood limit (@grammyjs/ratelimiter, in memory). The first update over the limit in a time frame is
 * told so once (a threaded reply, or a toast for a button press); that one and the rest are dropped.
 */
export function floodLimit(options: FloodOptions = DEFAULT_FLOOD): MiddlewareFn<Context> {
  return limit<Context, never>({
    timeFrame: options.timeFrameMs,
    limit: options.limit,
    keyGenerator: byUser,
    // The limiter returns this promise from its middleware, so grammY awaits it and its errors reach bot.catch.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onLimitExceeded: async (ctx: Context) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: FLOOD_NOTICE });
      else if (ctx.msg && ctx.chat) {
        const threaded = ctx.chat.type !== "private";
        await ctx.reply(
          FLOOD_NOTICE,
          threaded ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {},
        );
      }
    },
  });
}

/** The same limit for inline queries, dropping the excess without a word (there is no chat to tell). */
export function inlineFloodLimit(options: FloodOptions = DEFAULT_INLINE_FLOOD): MiddlewareFn<Context> {
  return limit<Context, never>({ timeFrame: options.timeFrameMs, limit: options.limit, keyGenerator: byUser });
}
