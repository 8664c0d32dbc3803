import { COMMON_WORD_COUNTS } from "./word-lists.generated.js";

/**
 * How specific a word is in everyday English, 0.25..1, from its frequency in SUBTLEX-US (51 million words of film and
 * TV subtitles). A small knowledge base makes everyday words look rare ("like", "want", "good" may occur in one
 * entry only); this discount keeps them from outweighing the words that carry a question's topic.
 */
let counts: Map<string, number> | undefined;

/** Words up to this many occurrences count in full; at RARE·100 and above, a quarter. */
const RARE = 1000;
const FLOOR = 0.25;

/**
 * The counts of the words that occur more than RARE times (case folded): the only ones that get a discount, and the
 * only ones scripts/build-wordlists.ts keeps from the 74,000-word list.
 */
function table(): Map<string, number> {
  if (!counts) {
    counts = new Map();
    for (const line of COMMON_WORD_COUNTS.split("\n")) {
      const space = line.lastIndexOf(" ");
      counts.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
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
