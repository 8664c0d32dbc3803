import { lookupLine } from "./sorted-lines.js";
import { COMMON_WORD_COUNTS } from "./word-lists.generated.js";

/**
 * How specific a word is in everyday English, 0.25..1, from its frequency in SUBTLEX-US (51 million words of film and
 * TV subtitles). A small knowledge base makes everyday words look rare ("like", "want", "good" may occur in one
 * entry only); this discount keeps them from outweighing the words that carry a question's topic.
 *
 * Only the words that occur more than RARE times (case folded) get a discount, and only those are in the generated
 * list (scripts/build-wordlists.ts keeps 2,687 of the 74,000), searched in place.
 */

/** Words up to this many occurrences count in full; at RARE·100 and above, a quarter. */
const RARE = 1000;
const FLOOR = 0.25;

/** 1 for a specific word ("sanctions", "pancakes"), down to 0.25 for an everyday one ("like", "want", "good"). */
export function specificity(word: string): number {
  let s = cache.get(word);
  if (s === undefined) {
    const n = Number(lookupLine(COMMON_WORD_COUNTS, word) ?? 0);
    // 0 decades at RARE, 2 at RARE·100
    s = n <= RARE ? 1 : Math.max(FLOOR, 1 - ((1 - FLOOR) * Math.log10(n / RARE)) / 2);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** Answers already looked up: a question's words repeat across questions, and a Map hit is faster than the search. */
const cache = new Map<string, number>();
