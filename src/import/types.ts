/** What the first stage of `briefbot import` / `briefbot extract` hands on: one article's body and metadata. */
export interface ExtractedArticle {
  /** The source as given: a file path, a URL, or "-" for stdin. */
  file: string;
  /** The final URL after redirects, when the source was fetched. */
  url?: string;
  /** The headline, without the site suffix ("Headline | Site" → "Headline"). */
  title: string;
  /** People credited with the article; empty when the byline is missing or an organisation. */
  reporters: string[];
  /** The reporters as one line ("A and B", "A, B and C"), or null when there are none. */
  byline: string | null;
  /** Publication date as YYYY-MM-DD, or null when the page does not say. */
  published: string | null;
  /** The outlet's name, or null when unknown. */
  publisher: string | null;
  /** The body, one entry per paragraph, debris removed; never empty. */
  paragraphs: string[];
  /** Things a person should check (no date, no byline, title guessed from the page title…). */
  warnings: string[];
}

/** Raw input for extraction, as read by readSource. */
export interface SourceBytes {
  bytes: Buffer;
  /** The HTTP Content-Type header, when fetched. */
  contentType?: string;
  /** The final URL, when fetched. */
  url?: string;
  /** The source as given. */
  file: string;
}

/**
 * A source could not be read or is not an article. The message is one line meant for the user as is
 * ("not an article: …", "HTTP 404 Not Found for https://…"); import and extract print it and write nothing.
 */
export class SourceError extends Error {
  override name = "SourceError";
}
