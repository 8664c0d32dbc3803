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
