import type { Attribution } from "../../src/import/attribute.js";
import type { ExtractedArticle } from "../../src/import/types.js";

/** An extracted plain-text article of the given paragraphs, as the draft step receives one. */
export function textArticle(
  paragraphs: string[],
  title = "A test article about the harbour",
  file = "t.txt",
): ExtractedArticle {
  return {
    file,
    title,
    reporters: [],
    byline: null,
    published: null,
    publisher: "Test Wire",
    paragraphs,
    warnings: [],
  };
}

/** The speaker's name for the quote whose text starts with `start`, "(none)" if unattributed, undefined if not found. */
export function who(r: Attribution, start: string): string | undefined {
  const q = r.quotes.find((x) => x.text.startsWith(start));
  if (!q) return undefined;
  if (q.speakerId === null) return "(none)";
  return r.speakers.find((s) => s.id === q.speakerId)?.name;
}

/** The speaker of that name, if the attribution found one. */
export function speaker(r: Attribution, name: string) {
  return r.speakers.find((s) => s.name === name);
}
