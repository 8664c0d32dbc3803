import { existsSync } from "node:fs";
import dotenv from "dotenv";
import { groupUnanswered } from "../ops/unanswered.js";

type Output = { write(text: string): unknown };

/**
 * `briefbot unanswered [file]`: groups the declined questions in the unanswered log (the file given, else
 * UNANSWERED_LOG from the environment or `.env`) by similarity and prints them most asked first, one per line:
 * the count, then the most asked phrasing. Returns the exit code.
 */
export function runUnanswered(
  file: string | undefined,
  out: Output = process.stdout,
  err: Output = process.stderr,
): number {
  dotenv.config({ quiet: true });
  const path = file ?? process.env.UNANSWERED_LOG;
  if (!path) {
    err.write("no unanswered log: set UNANSWERED_LOG (in the environment or .env) or pass the file\n");
    return 2;
  }
  if (!existsSync(path)) {
    err.write(`${path}: no such file (nothing declined yet, or UNANSWERED_LOG points elsewhere)\n`);
    return 1;
  }
  const groups = groupUnanswered(path);
  const width = String(groups[0]?.count ?? 0).length;
  for (const g of groups) out.write(`${String(g.count).padStart(width)}  ${g.question}\n`);
  if (groups.length === 0) out.write("no questions logged yet\n");
  return 0;
}
