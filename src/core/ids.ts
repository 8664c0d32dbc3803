/**
 * The one pattern of every id in the knowledge base (sources, speakers, entries): lower-case letters, digits and
 * dashes, at most 63 characters. Button payloads carry ids, so a renderer checks a pressed id against this before
 * looking it up, and the schema rejects any other id in a knowledge file.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** True when `s` is shaped like a knowledge id (it may still name nothing). */
export function isId(s: string): boolean {
  return ID_PATTERN.test(s);
}
