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
    const fuse = this.fuse(word[0]!);
    let best: { word: string; quality: number } | null = null;
    if (fuse) {
      for (const hit of fuse.search(word, { limit: 8 })) {
        const d = editDistance(word, hit.item, max);
        if (d > max) continue;
        const quality = 1 - d / (word.length + 1) - (hit.score ?? 0) * 0.1;
        if (!best || quality > best.quality) best = { word: hit.item, quality };
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }

  private fuse(key: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(key);
    if (!fuse) {
      const list = this.buckets.get(key);
      if (!list) return undefined;
      // Built on first use: most buckets are never needed by a given set of questions.
      fuse = new Fuse(list, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
      this.fuses.set(key, fuse);
    }
    return fuse;
  }
}
