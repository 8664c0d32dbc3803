import { join } from "node:path";
import { loadKnowledgeFile } from "../../src/core/loader.js";
import type { Knowledge } from "../../src/core/types.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";

/**
 * The shipped NBC article as a test fixture: tests that check answers from it load this file explicitly, so a second
 * source added to knowledge/ (as the README says to) never changes what they see.
 */
export const NBC_YAML = join(DEFAULT_KNOWLEDGE_DIR, "nbc-iran-social-media.yaml");

/** The NBC article's knowledge alone, through the loader (schema, speakers, quotes word for word in its text). */
export function nbcKnowledge(): Knowledge {
  return loadKnowledgeFile(NBC_YAML);
}
