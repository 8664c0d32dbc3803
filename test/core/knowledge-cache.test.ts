/**
 * The knowledge cache (core/knowledge-cache.ts through loadKnowledgeDir's `cache` option): a start whose files are
 * unchanged takes the validated knowledge from it; a changed file is read and validated in full; a cache that is
 * corrupt, foreign (another build's key, another folder) or malformed is ignored; a cache that cannot be written
 * never fails a load.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeError, loadKnowledgeDir, type KnowledgeCacheOptions } from "../../src/core/loader.js";

const root = mkdtempSync(join(tmpdir(), "briefbot-kcache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TEXT = "The minister said: \u201cWe have lost it.\u201d Officials banned the app.\n";
const yaml = (fact = "Officials banned the app.") => `source:
  id: demo
  title: A demo article
  publisher: Demo News
  reporters: [Ann Writer]
  text: demo.txt
speakers:
  - id: minister
    name: The Minister
quotes:
  - id: lost-it
    text: "We have lost it."
    speaker: minister
facts:
  - id: app-banned
    text: ${fact}
`;

let seq = 0;
/** A knowledge folder with one valid file and its source text, and a cache file beside it (not inside it). */
function setup() {
  const base = join(root, String(++seq));
  const dir = join(base, "knowledge");
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write("demo.yaml", yaml());
  write("demo.txt", TEXT);
  const cache: KnowledgeCacheOptions = { file: join(base, "cache", "knowledge.cache"), key: "build-1" };
  return { dir, write, cache };
}

/**
 * Tells a cache hit from a full validation: the cached knowledge is edited on disk (checksum fixed up), so a load
 * that serves the cache shows the edit and a load that validates the file does not.
 */
function markCache(file: string, marker: string): void {
  const text = readFileSync(file, "utf8");
  const body = text.slice(text.indexOf("\n") + 1).replace("Officials banned the app.", marker);
  writeFileSync(file, `${text.slice(0, text.indexOf("\n")).replace(/ [0-9a-f]{64}$/, "")} ${sha(body)}\n${body}`);
}
/** The checksum the cache writes in its first line: SHA-256 of the rest, in hex. */
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

const factText = (k: ReturnType<typeof loadKnowledgeDir>) => k.entries.find((e) => e.id === "app-banned")!.text;

describe("the knowledge cache", () => {
  it("gives the same knowledge as a full load, and serves it from the cache while the files are unchanged", () => {
    const { dir, cache } = setup();
    const full = loadKnowledgeDir(dir);
    expect(loadKnowledgeDir(dir, { cache })).toEqual(full); // a miss: validated, then written
    expect(loadKnowledgeDir(dir, { cache })).toEqual(full); // a hit
    markCache(cache.file, "FROM THE CACHE");
    expect(factText(loadKnowledgeDir(dir, { cache }))).toBe("FROM THE CACHE");
  });

  it("reads and validates a file again when its bytes change, or the source text it quotes does", () => {
    const { dir, write, cache } = setup();
    loadKnowledgeDir(dir, { cache });
    markCache(cache.file, "FROM THE CACHE");
    write("demo.yaml", yaml("Officials banned the app!"));
    expect(factText(loadKnowledgeDir(dir, { cache }))).toBe("Officials banned the app!");

    markCache(cache.file, "FROM THE CACHE"); // (the cache now holds the "!" version; mark it again)
    writeFileSync(join(dir, "demo.txt"), TEXT.replace("We have lost it.", "We have lost."));
    // The quote is no longer in the source text: the full validation must say so, not the cache hide it.
    expect(() => loadKnowledgeDir(dir, { cache })).toThrow(KnowledgeError);
    expect(() => loadKnowledgeDir(dir, { cache })).toThrow(/does not appear word for word/);
  });

  it("reports a broken file as a full load does, whatever the cache holds", () => {
    const { dir, write, cache } = setup();
    loadKnowledgeDir(dir, { cache });
    write("demo.yaml", yaml().replace("speaker: minister", "speaker: nobody"));
    let uncached: unknown;
    try {
      loadKnowledgeDir(dir);
    } catch (err) {
      uncached = err;
    }
    expect(uncached).toBeInstanceOf(KnowledgeError);
    expect(() => loadKnowledgeDir(dir, { cache })).toThrow((uncached as Error).message);
    rmSync(join(dir, "demo.txt"));
    write("demo.yaml", yaml());
    expect(() => loadKnowledgeDir(dir, { cache })).toThrow(/demo\.txt not found/);
  });

  it("ignores a cache written by another build, for another folder, corrupt, or malformed", () => {
    const { dir, cache } = setup();
    loadKnowledgeDir(dir, { cache });
    markCache(cache.file, "FROM THE CACHE");
    const marked = readFileSync(cache.file, "utf8");
    // Another build's key: its rules may differ.
    expect(factText(loadKnowledgeDir(dir, { cache: { ...cache, key: "build-2" } }))).toBe("Officials banned the app.");

    // Another folder's cache file.
    writeFileSync(cache.file, marked);
    const other = setup();
    expect(factText(loadKnowledgeDir(other.dir, { cache: { ...other.cache, file: cache.file } }))).toBe(
      "Officials banned the app.",
    );

    // A changed byte without the checksum fixed (a torn or damaged file), a truncation, garbage, valid JSON of the
    // wrong shape.
    const body = marked.slice(marked.indexOf("\n") + 1);
    const header = marked.slice(0, marked.indexOf("\n"));
    for (const bad of [
      marked.replace("FROM THE CACHE", "FROM THE CACHF"),
      marked.slice(0, marked.length - 40),
      "not a cache at all",
      "",
      `${header.replace(/[0-9a-f]{64}$/, sha("{}"))}\n{}`,
      `${header.replace(/[0-9a-f]{64}$/, sha(body.replace('"entries":[', '"entries":7,"x":[')))}\n${body.replace('"entries":[', '"entries":7,"x":[')}`,
    ]) {
      writeFileSync(cache.file, bad);
      expect(factText(loadKnowledgeDir(dir, { cache })), bad.slice(0, 80)).toBe("Officials banned the app.");
    }
  });

  it("drops a file that is gone from the cache, and never fails a load because the cache cannot be written", () => {
    const { dir, write, cache } = setup();
    write(
      "second.yaml",
      yaml()
        .replace("id: demo", "id: demo2")
        .replace(/id: (lost-it|app-banned)/g, "id: $1-2"),
    );
    loadKnowledgeDir(dir, { cache });
    expect(readFileSync(cache.file, "utf8")).toContain("second.yaml");
    rmSync(join(dir, "second.yaml"));
    expect(loadKnowledgeDir(dir, { cache }).sources.map((s) => s.id)).toEqual(["demo"]);
    expect(readFileSync(cache.file, "utf8")).not.toContain("second.yaml");

    // A cache path under a regular file: no folder can be made there.
    const blocked = { file: join(dir, "demo.txt", "knowledge.cache"), key: "build-1" };
    expect(loadKnowledgeDir(dir, { cache: blocked }).entries).toHaveLength(2);
  });
});
