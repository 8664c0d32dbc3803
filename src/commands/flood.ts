/**
 * The per-user flood limit every platform applies, platform-free: the settings, the polite notice, and a fixed-window
 * limiter for adapters that have none of their own (Telegram uses @grammyjs/ratelimiter with these same settings).
 */

/** How many updates one user may send in a time frame before the bot stops answering until the frame ends. */
export interface FloodOptions {
  limit: number;
  timeFrameMs: number;
}

/** Six questions per ten seconds per user: more than a person types, less than a script sends. */
export const DEFAULT_FLOOD: FloodOptions = { limit: 6, timeFrameMs: 10_000 };
/** As-you-type requests (Telegram inline queries, Discord autocomplete) come per keystroke: a looser limit, dropped silently. */
export const DEFAULT_INLINE_FLOOD: FloodOptions = { limit: 30, timeFrameMs: 10_000 };

export const FLOOD_NOTICE = "You're sending messages too fast. Please wait a few seconds, then ask again.";

/** What to do with one request: answer it, tell the user once that they are over the limit, or drop it. */
export type FloodVerdict = "answer" | "notify" | "drop";

/**
 * A per-key fixed-window counter (the key is a user id, held in memory for one time frame only, never stored or
 * logged). The first request over the limit in a frame gets "notify", the rest "drop". Expired keys are swept once a
 * frame, so memory follows the users active in the last frame.
 */
export class FloodLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep: number;

  constructor(
    private readonly options: FloodOptions = DEFAULT_FLOOD,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Counts one request from `key` and says what to do with it. */
  take(key: string): FloodVerdict {
    const now = this.now();
    if (now - this.lastSweep >= this.options.timeFrameMs) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.options.timeFrameMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.options.limit) return "answer";
    return w.count === this.options.limit + 1 ? "notify" : "drop";
  }

  /** Keys counted in the current frame (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.start >= this.options.timeFrameMs) this.windows.delete(key);
  }
}
