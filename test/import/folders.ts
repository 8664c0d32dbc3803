import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Attribution } from "../../src/import/draft.js";

/** A sample article of the project's fixtures, imported by the write tests. */
export const ARTICLE = new URL("../fixtures/articles/velora-karsovia-sanctions.txt", import.meta.url).pathname;

/** An attribution step that finds nothing: the write tests are about files, not quotes. */
export const noQuotes = (): Attribution => ({ speakers: [], quotes: [], warnings: [] });

/** Temporary folders for one test file, removed after each test. Call once at the top of the file. */
export function tempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = mkdtempSync(join(tmpdir(), "briefbot-import-"));
    dirs.push(d);
    return d;
  };
}
