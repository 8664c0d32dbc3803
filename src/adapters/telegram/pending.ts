/**
 * Chats where /ask was sent without a question, so the next message is the question. Keyed by chat id only (never a
 * user), in memory only, each entry expiring after `ttlMs`, and never more than `max` entries: the oldest go first.
 * Nothing here is ever logged.
 */
export class PendingAsks {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks `chat` as waiting for its question. */
  set(chat: string): void {
    this.until.delete(chat); // re-inserting moves it to the newest end
    this.until.set(chat, this.now() + this.ttlMs);
    this.prune();
  }

  /** True (and forgets it) when `chat` was waiting for its question and the wait has not expired. */
  take(chat: string): boolean {
    const t = this.until.get(chat);
    if (t === undefined) return false;
    this.until.delete(chat);
    return t > this.now();
  }

  /** Chats currently remembered (expired ones included until pruned). */
  get size(): number {
    return this.until.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [chat, t] of this.until) {
      if (this.until.size <= this.max && t > now) break; // Map order is insertion order: oldest first
      this.until.delete(chat);
    }
  }
}
