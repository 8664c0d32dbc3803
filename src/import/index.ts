/**
 * `briefbot import`: an article (URL, saved page, text, stdin) in, a validated knowledge file out.
 * read → extract → who said what → draft (facts, tags, generated questions) → the loader's own validation → write.
 * Nothing is written unless the whole file validates against the folder it goes into.
 */
import { extractArticle, readSource } from "./extract.js";
import type { FetchOptions } from "./fetch.js";
import { draftKnowledge, draftYaml, sourceIdFor, type Attribution, type Draft } from "./draft.js";
import { reviewText } from "./review.js";
import { ImportError, readFolder, validateImport, writeImport } from "./write.js";
import type { ExtractedArticle } from "./types.js";

export { ImportError } from "./write.js";
export { SourceError } from "./types.js";

export type Attributor = (paragraphs: string[], options: { reporters?: string[] }) => Attribution;

export interface ImportOptions {
  /** The knowledge folder written to. */
  dir: string;
  /** Source id and file name; default a slug of the headline. */
  id?: string;
  /** The outlet, when the article does not name it (a text file). */
  publisher?: string;
  /** Print, write nothing. */
  dryRun?: boolean;
  /** Replace an existing `<id>.yaml` / `<id>.txt`. */
  force?: boolean;
  fetch?: FetchOptions;
  /** Who said what; default the attribution stage (src/import/attribute.ts). Tests pass their own. */
  attribute?: Attributor;
}

export interface ImportResult {
  draft: Draft;
  article: ExtractedArticle;
  yaml: string;
  /** Paths written; null on a dry run. */
  written: { yaml: string; text: string } | null;
  review: string;
  /** Milliseconds spent after reading the source (extract to write): the import's own cost, network excluded. */
  ms: number;
}

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Runs the whole import. Throws a SourceError or an {@link ImportError} (one-line messages) and then writes nothing. */
export async function importArticle(source: string, options: ImportOptions): Promise<ImportResult> {
  if (options.id !== undefined && !ID.test(options.id)) {
    throw new ImportError(`--id "${options.id}" must be lower-case letters, digits and dashes, at most 63 characters`);
  }
  const input = await readSource(source, options.fetch);
  const started = performance.now();
  const extractOptions = { file: input.file, ...(input.contentType !== undefined && { contentType: input.contentType }), ...(input.url !== undefined && { url: input.url }) };
  const article = extractArticle(input.bytes, extractOptions);
  const attribute = options.attribute ?? (await defaultAttributor());
  const attribution = attribute(article.paragraphs, { reporters: article.reporters });
  const id = options.id ?? sourceIdFor(article.title);
  const folder = readFolder(options.dir, id);
  if (!options.force && folder.taken.sources.has(id)) {
    throw new ImportError(`source id "${id}" is already used in ${options.dir}; choose another with --id`);
  }
  const draft = draftKnowledge(article, attribution, {
    id,
    taken: folder.taken,
    ...(options.publisher !== undefined && { publisher: options.publisher }),
  });
  const yaml = draftYaml(draft, input.url ?? (source === "-" ? "stdin" : source));
  validateImport(options.dir, id, yaml, draft.text, folder);
  const written = options.dryRun ? null : writeImport(options.dir, id, yaml, draft.text, options.force ?? false);
  const ms = performance.now() - started;
  return { draft, article, yaml, written, review: reviewText(draft, written), ms };
}

let attributor: Attributor | undefined;
async function defaultAttributor(): Promise<Attributor> {
  if (!attributor) {
    const specifier = "./attribute.js"; // TEMP: static import once attribute.ts lands
    try {
      const mod = (await import(specifier)) as { attributeQuotes: Attributor };
      attributor = mod.attributeQuotes;
    } catch {
      attributor = () => ({ speakers: [], quotes: [], warnings: ["attribution stage not available: no quotes imported"] });
    }
  }
  return attributor;
}
