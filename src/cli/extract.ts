import { extractArticle, readSource } from "../import/extract.js";
import type { FetchOptions } from "../import/fetch.js";
import type { ExtractedArticle } from "../import/types.js";

interface Writable {
  write(s: string): unknown;
}

/**
 * `briefbot extract FILE_OR_URL... [--json]`: what `import` would read from each source, writing nothing.
 * With --json, one line per input `{file, title, byline, published, publisher, text}` (text = paragraphs joined
 * by a blank line); without, a short readable form. A failing input prints one line on stderr and the others
 * still run. Returns the exit code: 0 when all succeeded, 1 when any failed, 2 with no input.
 */
export async function runExtract(
  sources: string[],
  json: boolean,
  out: Writable = process.stdout,
  err: Writable = process.stderr,
  fetchOptions?: FetchOptions,
): Promise<number> {
  if (sources.length === 0) {
    err.write('usage: briefbot extract FILE_OR_URL... [--json]   ("-" reads stdin)\n');
    return 2;
  }
  let failed = 0;
  for (const source of sources) {
    let article: ExtractedArticle;
    try {
      const src = await readSource(source, fetchOptions);
      const opts = {
        file: source,
        ...(src.contentType !== undefined && { contentType: src.contentType }),
        ...(src.url !== undefined && { url: src.url }),
      };
      article = extractArticle(src.bytes, opts);
    } catch (e) {
      failed++;
      const msg = oneLine(e);
      err.write(msg.includes(source) ? `${msg}\n` : `${source}: ${msg}\n`);
      continue;
    }
    out.write(json ? `${JSON.stringify(jsonLine(article))}\n` : human(article));
  }
  return failed ? 1 : 0;
}

function jsonLine(a: ExtractedArticle): Record<string, unknown> {
  return {
    file: a.file,
    title: a.title,
    byline: a.byline,
    published: a.published,
    publisher: a.publisher,
    text: a.paragraphs.join("\n\n"),
  };
}

function human(a: ExtractedArticle): string {
  const words = a.paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
  const lines = [
    `== ${a.file}${a.url && a.url !== a.file ? ` (${a.url})` : ""}`,
    `title:     ${a.title || "(none)"}`,
    `byline:    ${a.byline ?? "(none)"}`,
    `published: ${a.published ?? "(unknown)"}`,
    `publisher: ${a.publisher ?? "(unknown)"}`,
    `body:      ${a.paragraphs.length} paragraphs, ${words} words`,
    ...a.warnings.map((w) => `warning:   ${w}`),
    "",
    ...a.paragraphs.flatMap((p) => [p, ""]),
  ];
  return `${lines.join("\n")}\n`;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
}
