import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { importArticle } from "../../src/import/index.js";
import { ImportError, readFolder, validateImport, writeImport } from "../../src/import/write.js";
import { ARTICLE, noQuotes, tempDirs } from "./folders.js";

const tempDir = tempDirs();

const YAML = (id: string, quote = "The sky is green today") => `source:
  id: ${id}
  title: A test
  publisher: Test News
  text: ${id}.txt
speakers:
  - id: ann
    name: Ann Example
    aliases: []
quotes:
  - id: ${id}-q
    text: ${quote}
    speaker: ann
facts:
  - id: ${id}-f
    text: The sky was green on Monday.
`;
const TEXT = 'A test\n\n"The sky is green today," said Ann Example.\n';

describe("writeImport", () => {
  it("writes the text and the YAML, leaves no temporary file, and the folder loads", () => {
    const dir = tempDir();
    const paths = writeImport(dir, "a", YAML("a"), TEXT, false);
    expect(readFileSync(paths.text, "utf8")).toBe(TEXT);
    expect(readFileSync(paths.yaml, "utf8")).toBe(YAML("a"));
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "a.yaml"]);
    expect(loadKnowledgeDir(dir).entries).toHaveLength(2);
  });

  it("never replaces an existing file without force, and replaces it with force", () => {
    const dir = tempDir();
    writeImport(dir, "a", YAML("a"), TEXT, false);
    expect(() => writeImport(dir, "a", YAML("a", "changed"), TEXT, false)).toThrow(/already exists; use --force/);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(YAML("a"));
    // A text file alone is protected too.
    writeFileSync(join(dir, "b.txt"), "someone's notes");
    expect(() => writeImport(dir, "b", YAML("b"), TEXT, false)).toThrow(ImportError);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("someone's notes");
    writeImport(dir, "a", YAML("a", "The sky is green"), TEXT, true);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toContain("text: The sky is green\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("creates a missing folder", () => {
    const dir = join(tempDir(), "new", "knowledge");
    writeImport(dir, "a", YAML("a"), TEXT, false);
    expect(existsSync(join(dir, "a.yaml"))).toBe(true);
  });
});

describe("validateImport", () => {
  it("refuses a quote that is not word for word in the text, before anything is written", () => {
    const dir = tempDir();
    expect(() => validateImport(dir, "a", YAML("a", "The sky is blue today"), TEXT, readFolder(dir, "a"))).toThrow(
      /word for word/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses ids another file in the folder already uses", () => {
    const dir = tempDir();
    writeImport(dir, "a", YAML("a"), TEXT, false);
    const clash = YAML("b").replace("id: b-f", "id: a-f");
    expect(() => validateImport(dir, "b", clash, TEXT, readFolder(dir, "b"))).toThrow(/a-f.*also used in/);
  });

  it("refuses to add to a folder that does not load now", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.yaml"), "source: [unclosed\n");
    expect(() => readFolder(dir, "a")).toThrow(/does not load now.*broken\.yaml/);
  });

  it("refuses a --dir that is a file", () => {
    const file = join(tempDir(), "notes.txt");
    writeFileSync(file, "x");
    expect(() => readFolder(file, "a")).toThrow(/is not a folder/);
  });

  it("refuses at once a folder holding a FIFO named like a knowledge file (never blocks reading it)", () => {
    const dir = tempDir();
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    expect(() => readFolder(dir, "a")).toThrow(/does not load now.*FIFO/);
  });

  it("reports the folder's ids so the draft can avoid them; a forced re-import does not count its own file", () => {
    const dir = tempDir();
    writeImport(dir, "a", YAML("a"), TEXT, false);
    const f = readFolder(dir, "b");
    expect([...f.taken.sources]).toEqual(["a"]);
    expect([...f.taken.entries].sort()).toEqual(["a-f", "a-q"]);
    expect(f.taken.speakers.get("ann")).toEqual({ name: "Ann Example" });
    expect(readFolder(dir, "a").taken.sources.size).toBe(0);
  });
});

describe("importArticle into a folder", () => {
  it("imports a text article, and a second import of it gets its own ids", async () => {
    const dir = tempDir();
    const first = await importArticle(ARTICLE, { dir, attribute: noQuotes });
    expect(first.written).not.toBeNull();
    const second = await importArticle(ARTICLE, { dir, id: "velora-again", attribute: noQuotes });
    const k = loadKnowledgeDir(dir);
    expect(k.sources.map((s) => s.id).sort()).toEqual([first.draft.id, "velora-again"].sort());
    const a = new Set(first.draft.doc.facts.map((f) => f.id));
    expect(second.draft.doc.facts.some((f) => a.has(f.id))).toBe(false);
  });

  it("refuses a source id that another file uses, and an invalid --id", async () => {
    const dir = tempDir();
    await importArticle(ARTICLE, { dir, id: "velora", attribute: noQuotes });
    writeFileSync(join(dir, "other.yaml"), readFileSync(join(dir, "velora.yaml"), "utf8"));
    await expect(importArticle(ARTICLE, { dir, id: "velora", force: true, attribute: noQuotes })).rejects.toThrow(
      /does not validate|also used/,
    );
    await expect(importArticle(ARTICLE, { dir, id: "Bad Id", attribute: noQuotes })).rejects.toThrow(/--id/);
  });

  it("refuses a text longer than one article at once, with its word count, and writes nothing", async () => {
    const dir = tempDir();
    const para = "The harbour board met on Monday to discuss the new mooring fees for small boats. ".repeat(40);
    const file = join(dir, "book.txt");
    writeFileSync(file, `A very long text\n\n${Array.from({ length: 80 }, () => para).join("\n\n")}\n`);
    await expect(importArticle(file, { dir, attribute: noQuotes })).rejects.toThrow(
      /^48,\d{3} words is more than one article \(at most 20,000\)/,
    );
    expect(readdirSync(dir)).toEqual(["book.txt"]);
  });
});
