/**
 * Looks a key up in a text of "key<TAB>value" lines sorted by key in UTF-16 code unit order (as `<` compares
 * strings), by binary search over the text itself: nothing is built at start-up and a lookup allocates only the value
 * it returns. The generated word lists (word-lists.generated.ts) are searched this way, so loading them costs no more
 * than parsing one string each.
 */
export function lookupLine(text: string, key: string): string | undefined {
  let lo = 0; // always the start of a line
  let hi = text.length; // the end of the searched range: a line's start, or the text's end
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === lo ? lo : text.lastIndexOf("\n", mid - 1) + 1;
    const cmp = compareKey(text, start, key);
    if (cmp === 0) {
      const end = text.indexOf("\n", start);
      return text.slice(start + key.length + 1, end < 0 ? text.length : end);
    }
    if (cmp < 0) {
      const end = text.indexOf("\n", start);
      if (end < 0) return undefined;
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return undefined;
}

/** The line's key at `start` against `key`: negative when it sorts first, 0 when equal, positive after. */
function compareKey(text: string, start: number, key: string): number {
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(start + i); // NaN past the end, like a tab: the key ended
    const lineEnded = c === 9 || c !== c;
    if (i === key.length) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const d = c - key.charCodeAt(i);
    if (d !== 0) return d;
  }
}
