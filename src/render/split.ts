/**
 * Splits a long message into chunks that fit a platform's limit (Telegram 4,096, Discord 2,000), cutting at the
 * most natural boundary available: a blank line, then a line break, then the end of a sentence, then a space, and
 * only as a last resort in the middle of a word. Lengths are counted in UTF-16 code units (JavaScript's
 * `length`), which is what Telegram counts and never less than what Discord counts, and a surrogate pair is never
 * cut in half.
 */

export interface SplitOptions {
  /**
   * Spans that must never be cut, e.g. `/<[^>]*>|&#?\w+;/g` for HTML tags and entities. Must have the `g` flag.
   * A span longer than the limit is cut anyway (there is no other way to make it fit).
   */
  protect?: RegExp;
}

/** Boundary finders, best first. Each returns the cut positions (chunk = text.slice(0, cut)) in `text`. */
const BOUNDARIES: ((text: string) => number[])[] = [
  (t) => positions(t, /\n[ \t]*\n/g, 0),
  (t) => positions(t, /\n/g, 0),
  // After the sentence's closing punctuation and any closing quotes or brackets, before the space.
  (t) => positions(t, /[.!?…]["'”’»)\]]*(?=\s)/g, "end"),
  (t) => positions(t, /\s/g, 0),
];

function positions(text: string, re: RegExp, at: 0 | "end"): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(re)) out.push(at === "end" ? m.index + m[0].length : m.index);
  return out;
}

function protectedSpans(text: string, re: RegExp | undefined): [number, number][] {
  if (!re) return [];
  const spans: [number, number][] = [];
  for (const m of text.matchAll(re)) if (m[0].length > 0) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function isSafe(text: string, cut: number, spans: readonly [number, number][]): boolean {
  if (cut <= 0 || cut >= text.length) return cut > 0;
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) return false; // would split a surrogate pair
  return !spans.some(([start, end]) => cut > start && cut < end);
}

/** Where to cut `text` (longer than `limit`) so that the first chunk is at most `limit` long. */
function findCut(text: string, limit: number, protect: RegExp | undefined): number {
  // Look a little past the limit so a boundary right at the limit is seen.
  const window = text.slice(0, limit + 1);
  const spans = protectedSpans(text.slice(0, limit + 4096), protect);
  const fits = (cut: number) => cut <= limit && isSafe(text, cut, spans);
  const candidates = BOUNDARIES.map((find) => find(window).filter(fits));
  // Prefer a good boundary that still fills at least half the chunk, then any boundary at all.
  for (const cuts of candidates) {
    const best = cuts.filter((c) => c >= limit / 2).pop();
    if (best !== undefined) return best;
  }
  for (const cuts of candidates) {
    const best = cuts.pop();
    if (best !== undefined && best > 0) return best;
  }
  // Mid-word: step back out of any protected span or surrogate pair.
  for (let cut = limit; cut > 0; cut--) if (isSafe(text, cut, spans)) return cut;
  return limit;
}

/**
 * Splits `text` into chunks of at most `limit` characters at natural boundaries (see the module comment). Leading
 * and trailing whitespace at each cut is dropped; empty or all-whitespace text gives no chunks. Never throws for a
 * positive `limit`.
 */
export function splitText(text: string, limit: number, options: SplitOptions = {}): string[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  const chunks: string[] = [];
  let rest = String(text ?? "").trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit, options.protect);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk !== "") chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") chunks.push(rest);
  return chunks;
}
