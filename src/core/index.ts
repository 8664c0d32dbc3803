/**
 * The core's one public entry: everything outside `src/core` imports from here (lint holds it), so the core's inner
 * modules can change without touching adapters, ops or import. It holds the query core (createCore, Core), the
 * knowledge loader, the data types, and the few text helpers other layers share so they read words exactly as the
 * core does (a question's small talk, an unanswered question's grouping, a conversation's topic words).
 */
export {
  createCore,
  Core,
  CONFIDENCE_THRESHOLD,
  summariseSources,
  type AskOptions,
  type SourceSummary,
} from "./core.js";
export {
  KnowledgeError,
  MAX_KNOWLEDGE_FILE_BYTES,
  loadKnowledgeDir,
  loadKnowledgeFile,
  mergeKnowledge,
  parseKnowledgeFile,
  readKnowledgeFile,
  type LoadOptions,
} from "./loader.js";
export type { Answer, AskResult, Entry, FactEntry, Knowledge, QuoteEntry, Source, Speaker } from "./types.js";
export type { KnowledgeFile } from "./schema.js";
export { ID_PATTERN, isId } from "./ids.js";
export { readYaml, type YamlFile } from "./yaml-file.js";
export { MAX_QUESTION_CHARS, cleanText, fold, stem, withoutMarkup, words } from "./normalise.js";
export { STOP_WORDS } from "./lexicon.js";
export { allowedEdits, editDistance } from "./fuzzy.js";
export { isKnownEnglish, isNamingWord } from "./pos.js";

/**
 * The classes a built core is made of, for code that moves a finished core between threads or processes without
 * rebuilding it (ops/core-transfer.ts revives each object with its class's prototype). Not for querying.
 */
export { SearchIndex } from "./search-index.js";
export { TypoCorrector } from "./fuzzy.js";
