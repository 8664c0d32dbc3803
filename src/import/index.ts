/**
 * `briefbot import`: an article (URL, saved page, text, stdin) in, a validated knowledge file out.
 * read → extract → who said what → draft (facts, tags, generated questions) → the loader's own validation → write.
 * Nothing is written unless the whole file validates against the folder it goes into.
 */
import { isId } from "../core/index.js";
import { attributeQuotes } from "./attribute.js";
import { extractArticle, readSource } from "./extract.js";
import type { FetchOptions } from "./fetch.js";
import { draftKnowledge, draftYaml, sourceIdFor, type Attribution, type Draft } from "./draft.js";
import { reviewText } from "./review.js";
import { wordCount } from "./quotes.js";
import { ImportError, readFolder, validateImport, writeImport } from "./write.js";
import type { ExtractedArticle } from "./types.js";

export { ImportError } from "./write.js";
export { SourceError } from "./types.js";

export type Attributor = (paragraphs: string[], options: { reporters?: string[]; title?: string }) => Attribution;

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

/** Runs the whole import. Throws a SourceError or an {@link ImportError} (one-line messages) and then writes nothing. */
export async function importArticle(source: string, options: ImportOptions): Promise<ImportResult> {
  if (options.id !== undefined && !isId(options.id)) {
    throw new ImportError(`--id "${options.id}" must be lower-case letters, digits and dashes, at most 63 characters`);
  }
  const input = await readSource(source, options.fetch);
  const attribute = options.attribute ?? attributeQuotes;
  const started = performance.now();
  const extractOptions = {
    file: input.file,
    ...(input.contentType !== undefined && { contentType: input.contentType }),
    ...(input.url !== undefined && { url: input.url }),
  };
  const article = extractArticle(input.bytes, extractOptions);
  const words = article.paragraphs.reduce((n, p) => n + wordCount(p), 0);
  if (words > MAX_ARTICLE_WORDS)
    throw new ImportError(
      `${words.toLocaleString("en")} words is more than one article (at most ${MAX_ARTICLE_WORDS.toLocaleString("en")}); import the articles one by one (${input.url ?? input.file})`,
    );
  const language = languageProblem(article.paragraphs);
  if (language) throw new ImportError(`${language}: briefbot answers in English only (${input.url ?? input.file})`);
  const attribution = attribute(article.paragraphs, { reporters: article.reporters, title: article.title });
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

const ENGLISH = new Set(
  "the and of to a in is that for on with was said it as by at he she from are be have has his her they an this were not but".split(
    " ",
  ),
);

/**
 * The longest text one import takes: ten times a long news feature. Import time grows faster than the text (a
 * 200 KB text took 25 s here), so a book or a whole site's dump is refused at once with a clear error instead of
 * holding the terminal for minutes.
 */
export const MAX_ARTICLE_WORDS = 20_000;

/** Function words of the languages most often met in Latin script (Portuguese, Spanish, French, Italian, German,
 * Dutch, Indonesian), none of them an English word. */
const FOREIGN = new Set(
  "de da das dos em na nas não uma para com que é são também pelo pela el los las del y una por est les des du et une pour dans sur pas avec il della che di più sono und der ist nicht mit von zu dem ein eine auf für sich het een niet yang dengan ini itu untuk tidak".split(
    " ",
  ),
);

/**
 * Why the article cannot be imported for an English-only bot, or null: mostly non-Latin letters ("another script"),
 * or Latin letters with too few English function words ("another language"; English prose runs at 25-35 %), or
 * more function words of another language than of English (a Portuguese page shares "a" and "do" with English).
 */
export function languageProblem(paragraphs: readonly string[]): string | null {
  const text = paragraphs.join(" ");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && latin / letters < 0.7) return "not an English article: the text is in another script";
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const common = words.filter((w) => ENGLISH.has(w)).length;
  const foreign = words.filter((w) => FOREIGN.has(w)).length;
  if (words.length > 0 && (common / words.length < 0.1 || foreign > common))
    return "not an English article: the text looks like another language";
  return null;
}
