/**
 * briefbot as a library: `import { loadKnowledge, createCore } from "briefbot"`. Load a folder of knowledge files,
 * build a core, and ask it questions — no platform, no adapter, no network. The core answers synchronously, never
 * throws on a question, and holds nothing about who asked. Example and API tour: docs/library.md.
 *
 * This entry re-exports the platform-free core only; the bot's adapters, commands and operations are not part of
 * the library's API.
 */
import { loadKnowledgeDir, type Knowledge } from "./core/index.js";
import { DEFAULT_KNOWLEDGE_DIR } from "./paths.js";

export {
  createCore,
  Core,
  CONFIDENCE_THRESHOLD,
  KnowledgeError,
  loadKnowledgeDir,
  parseKnowledgeFile,
  type AskOptions,
  type SourceSummary,
} from "./core/index.js";
export type { Answer, AskResult, Entry, FactEntry, Knowledge, QuoteEntry, Source, Speaker } from "./core/index.js";
export { DEFAULT_KNOWLEDGE_DIR };

/**
 * Loads and validates every knowledge file (`*.yaml`) in a folder, with the source texts beside them; without a
 * folder, the knowledge shipped with briefbot. The same as {@link loadKnowledgeDir}, under the name a library user
 * looks for. Throws a {@link KnowledgeError} naming the file, the line and the field when a file is invalid (a quote
 * not found word for word in its source text, an unknown speaker, a duplicate id).
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  return loadKnowledgeDir(dir);
}
