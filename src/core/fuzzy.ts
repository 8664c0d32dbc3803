import Fuse from "fuse.js";

/** Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

const FUSE_THRESHOLD = 0.4;
const FUSE_OPTIONS = { includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true, isCaseSensitive: true };

/** Per UTF-16 code unit: 1 + its slot among the pattern's distinct code units, 0 when not in the pattern. */
const slotOf = new Uint8Array(65536);

/** The words of `list` (in order) lacking at most {@link FUSE_THRESHOLD} of `pattern`'s letters (as a multiset). */
function possibleMatches(pattern: string, list: readonly string[]): string[] {
  const need: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (slotOf[c] === 0) {
      codes.push(c);
      need.push(0);
      slotOf[c] = codes.length;
    }
    need[slotOf[c]! - 1]!++;
  }
  const have = new Int32Array(need.length);
  const out: string[] = [];
  for (const w of list) {
    for (let k = 0; k < need.length; k++) have[k] = need[k]!;
    let found = 0;
    for (let i = 0; i < w.length; i++) {
      const slot = slotOf[w.charCodeAt(i)]!;
      if (slot !== 0 && have[slot - 1]! > 0) {
        have[slot - 1]!--;
        found++;
      }
    }
    if ((pattern.length - found) / pattern.length <= FUSE_THRESHOLD) out.push(w);
  }
  for (const c of codes) slotOf[c] = 0;
  return out;
}

/**
 * How many of fuse.js's proposals an edit-distance check confirms. fuse.js (Bitap) counts two swapped letters as two
 * errors, so the right word can rank well down its list: "lagtos" → "latgos".
 */
const CANDIDATES = 64;
const FALLBACK_CANDIDATES = 400;

/** How many edits a word of this length may carry and still count as a typo of a known word. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

/**
 * Typo correction over a vocabulary of words, with fuse.js doing what it is good at: fuzzy matching of short strings.
 * Words are bucketed by first letter (people rarely mistype the first letter), which keeps each search to a small list
 * even when the vocabulary is large; fuse.js proposes candidates and an edit-distance check confirms them.
 */
export class TypoCorrector {
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, { word: string; quality: number } | null>();

  constructor(vocabulary: Iterable<string>) {
    for (const w of vocabulary) {
      if (w.length < 4 || /\d/.test(w)) continue;
      const key = w[0]!;
      let list = this.buckets.get(key);
      if (!list) this.buckets.set(key, (list = []));
      list.push(w);
    }
  }

  /** The known word `word` most likely is a typo of, with a quality in (0, 1); null when none is close enough. */
  correct(word: string): { word: string; quality: number } | null {
    const max = allowedEdits(word.length);
    if (max === 0) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const fuse = this.fuseFor(word);
    let best: { word: string; quality: number } | null = null;
    if (fuse) {
      for (const hit of fuse.search(word, { limit: CANDIDATES })) {
        const d = editDistance(word, hit.item, max);
        if (d > max) continue;
        const quality = 1 - d / (word.length + 1) - (hit.score ?? 0) * 0.1;
        if (!best || quality > best.quality) best = { word: hit.item, quality };
      }
    }
    // Bitap counts a swap of two letters as two errors, too many for a short word ("veiw" → "view"): when fuse.js
    // proposes nothing, the same prefiltered list is checked by edit distance alone (at most this many words).
    if (!best) {
      const list = this.buckets.get(word[0]!);
      const near = list ? possibleMatches(word, list) : [];
      for (let i = 0; i < near.length && i < FALLBACK_CANDIDATES; i++) {
        const d = editDistance(word, near[i]!, max);
        if (d > max) continue;
        const quality = 1 - d / (word.length + 1) - 0.05;
        if (!best || quality > best.quality) best = { word: near[i]!, quality };
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }

  /**
   * fuse.js over the words of `word`'s bucket that it could match at all. Its Bitap score is the number of edits it
   * needs to find `word` in a vocabulary word, over `word`'s length; each of `word`'s letters that the vocabulary word
   * lacks costs at least one edit, so a word lacking more than {@link FUSE_THRESHOLD} of them can never match. Scores
   * do not depend on the other words in the list, and ties keep list order, so the search finds exactly what it would
   * over the whole bucket, at a fraction of the cost. Patterns over 32 characters (split into chunks by fuse.js)
   * search the whole bucket.
   */
  private fuseFor(word: string): Fuse<string> | undefined {
    const key = word[0]!;
    const list = this.buckets.get(key);
    if (!list) return undefined;
    if (word.length <= 32) return new Fuse(possibleMatches(word, list), FUSE_OPTIONS);
    let fuse = this.fuses.get(key);
    if (!fuse) this.fuses.set(key, (fuse = new Fuse(list, FUSE_OPTIONS)));
    return fuse;
  }
}
