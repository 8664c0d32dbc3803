/**
 * What one conversation remembers between messages: ids and the knowledge's own words, never message text.
 * Every string here is an entry id, a speaker id, or a word taken from the loaded knowledge's vocabulary (the
 * knowledge's own string instance), so a remembered conversation costs a few hundred bytes.
 */
export interface Recall {
  /** When this conversation last spoke (ms, from the memory's clock). */
  at: number;
  /** The entry last shown as an answer. */
  entry: string | null;
  /** The speaker last referred to ("he", "she", "more from him"). */
  speaker: string | null;
  /** A person the last answer names who is not a speaker ("Lester Holt"), as the knowledge writes the name. */
  name: string | null;
  /** Entries already shown, newest last, at most {@link SHOWN_MAX}. */
  shown: string[];
  /** The last answered question's words that are question words or the knowledge's own words, in order. */
  frame: string[];
  /**
   * The last question's words as in {@link frame} when the knowledge declined it ("is YouTube banned in Iran?"), so
   * "what about Twitter?" next asks the same of Twitter; empty once anything is answered. Only swaps read it.
   */
  declined: string[];
  /** The last topic: the knowledge's own topic words ("telegram", "sanctions") the last question was about. */
  topic: string[];
  /** Entry ids offered by a "Did you mean …?" and not picked yet. */
  options: string[];
}

/** How many shown entry ids a conversation keeps (enough for "tell me more" not to repeat itself). */
export const SHOWN_MAX = 8;
/** How many words of the last question a conversation keeps. */
export const FRAME_MAX = 16;
/** The one empty options list every conversation without a pending "Did you mean" shares (never mutated). */
export const NO_OPTIONS: string[] = Object.freeze([]) as unknown as string[];

export interface MemoryOptions {
  /** Idle time after which a conversation is forgotten (default 15 minutes). */
  ttlMs?: number;
  /** Most conversations kept; the least recently used is dropped beyond it (default 100,000). */
  max?: number;
  /** The clock (default Date.now); tests inject one. */
  now?: () => number;
}

export const DEFAULT_TTL_MS = 15 * 60_000;
export const DEFAULT_MAX_CONVERSATIONS = 100_000;

/**
 * Conversations by key (person + chat, as the adapter builds it), in process memory only. A Map in least-recently-used
 * order: each use moves the key to the end, so the oldest use is always first, and expired or surplus conversations
 * are dropped from the front in O(1) each. Nothing is ever written anywhere.
 */
export class ConversationMemory {
  private readonly map = new Map<string, Recall>();
  readonly ttlMs: number;
  readonly max: number;
  readonly now: () => number;

  constructor(options: MemoryOptions = {}) {
    this.ttlMs = Math.max(1, options.ttlMs ?? DEFAULT_TTL_MS);
    this.max = Math.max(1, Math.floor(options.max ?? DEFAULT_MAX_CONVERSATIONS));
    this.now = options.now ?? Date.now;
  }

  /** Conversations held now (expired ones may still count until the next write). */
  get size(): number {
    return this.map.size;
  }

  /** The conversation under `key` if it spoke within the TTL; an expired one is dropped. Does not touch it. */
  peek(key: string): Recall | undefined {
    const r = this.map.get(key);
    if (r === undefined) return undefined;
    if (this.now() - r.at > this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    return r;
  }

  /** Stores a conversation as used now: moves it to the most recent end, then drops expired and surplus ones. */
  save(key: string, recall: Recall): void {
    const now = this.now();
    recall.at = now;
    this.map.delete(key);
    this.map.set(key, recall);
    for (const [k, r] of this.map) {
      if (this.map.size > this.max || now - r.at > this.ttlMs) this.map.delete(k);
      else break;
    }
  }

  /** Forgets one conversation (/forget). True when there was one. */
  forget(key: string): boolean {
    return this.map.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.map.clear();
  }
}

/** A conversation with nothing to refer back to. */
export function emptyRecall(now: number): Recall {
  return {
    at: now,
    entry: null,
    speaker: null,
    name: null,
    shown: [],
    frame: NO_OPTIONS,
    declined: NO_OPTIONS,
    topic: NO_OPTIONS,
    options: NO_OPTIONS,
  };
}
