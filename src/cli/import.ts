import { parseArgs } from "node:util";
import { importArticle, type ImportOptions } from "../import/index.js";

export const IMPORT_USAGE =
  "usage: briefbot import SOURCE [--id ID] [--dir DIR] [--publisher NAME] [--dry-run] [--force]";

/**
 * `briefbot import SOURCE`: SOURCE is an http(s) URL, a saved .html page, a .txt/.md file or "-" for stdin. Writes
 * DIR/<id>.yaml and DIR/<id>.txt (DIR: --dir, else `defaultDir`), then prints the review; `--dry-run` prints the
 * review and the YAML and writes nothing. Every failure is one line on `err` and a non-zero exit code, with nothing
 * written. Returns the exit code.
 */
export async function runImport(
  argv: string[],
  defaultDir: string,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  extra: Partial<ImportOptions> = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: "string" },
        dir: { type: "string" },
        publisher: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    err.write(`briefbot import: ${firstLine(e)}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    err.write(
      `briefbot import: ${positionals.length === 0 ? "no SOURCE given" : "give one SOURCE at a time"}\n${IMPORT_USAGE}\n`,
    );
    return 2;
  }
  try {
    const result = await importArticle(positionals[0]!, {
      ...extra,
      dir: values.dir ?? defaultDir,
      dryRun: values["dry-run"],
      force: values.force,
      ...(values.id !== undefined && { id: values.id }),
      ...(values.publisher !== undefined && { publisher: values.publisher }),
    });
    if (result.written === null) out.write(`${result.yaml}\n---\n`);
    out.write(result.review);
    return 0;
  } catch (e) {
    err.write(`briefbot import: ${firstLine(e)}\n`);
    return 1;
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0]!.trim();
}
