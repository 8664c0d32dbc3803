import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { KnowledgeError, loadKnowledgeDir } from "../../src/core/loader.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";
import { knowledgeFolderProblems } from "../support/knowledge-rules.js";
import { nbcKnowledge } from "../support/nbc.js";

/**
 * The loader on malformed knowledge files, written to temporary folders: each problem must come back as a
 * KnowledgeError naming the file, the line and the field, so a person editing YAML by hand can fix it.
 */
const SOURCE_TEXT = "The minister said: \u201cWe   have lost it.\u201d Officials banned the app.\n";

/** A valid file; the cases below change one thing in it. Line numbers in comments are 1-based. */
const VALID = `source:
  id: demo
  title: A demo article
  publisher: Demo News
  reporters: [Ann Writer]
  text: demo.txt
speakers:
  - id: minister
    name: The Minister
    role: a minister
quotes:
  - id: lost-it
    text: "We have lost it."
    speaker: minister
facts:
  - id: app-banned
    text: Officials banned the app.
    tags: [ban]
`;
// Lines of VALID:  1 source, 5 reporters, 8 speakers[0], 12 quotes[0], 13 quotes[0].text, 14 quotes[0].speaker,
// 16 facts[0], 17 facts[0].text, 18 facts[0].tags.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` into a fresh folder named "knowledge" inside a temp dir and returns its path. */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "briefbot-loader-"));
  dirs.push(root);
  const dir = join(root, "knowledge");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function loadError(files: Record<string, string>): KnowledgeError {
  const dir = folder(files);
  try {
    loadKnowledgeDir(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeError);
    return e as KnowledgeError;
  }
  throw new Error("expected the folder to be rejected");
}

function errorFor(yamlText: string): KnowledgeError {
  return loadError({ "demo.yaml": yamlText, "demo.txt": SOURCE_TEXT });
}

/** Replaces exactly one occurrence, so a case cannot silently stop changing the file. */
function change(from: string, to: string): string {
  expect(VALID.split(from)).toHaveLength(2);
  return VALID.replace(from, to);
}

describe("loadKnowledgeDir", () => {
  it("loads a valid file, matching a quote despite curly quotes and extra spaces in the source text", () => {
    const k = loadKnowledgeDir(folder({ "demo.yaml": VALID, "demo.txt": SOURCE_TEXT }));
    expect(k.sources.map((s) => s.id)).toEqual(["demo"]);
    expect(k.entries.map((e) => e.id)).toEqual(["lost-it", "app-banned"]);
    expect(k.speakers.map((s) => s.id)).toEqual(["minister"]);
  });

  it("reports bad YAML with the file and line", () => {
    const e = errorFor(change("  publisher: Demo News", "  publisher: [Demo News"));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.line).toBeGreaterThanOrEqual(4);
    expect(e.line).toBeLessThanOrEqual(5);
    expect(e.reason).toMatch(/invalid YAML/);
    expect(String(e)).toContain(`${join("knowledge", "demo.yaml")}:${e.line}`);
  });

  it("reports a key written twice as bad YAML at the second one", () => {
    const e = errorFor(change("  title: A demo article\n", "  title: A demo article\n  title: Again\n"));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/unique/i);
  });

  it("reports an unknown field at that field", () => {
    const e = errorFor(change("    speaker: minister\n", "    speaker: minister\n    speeker: minister\n"));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.field).toBe("quotes[0].speeker");
    expect(e.line).toBe(15);
    expect(e.reason).toMatch(/speeker/);
  });

  it("reports a missing field at the entry that lacks it", () => {
    const e = errorFor(change("    text: Officials banned the app.\n", ""));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.field).toBe("facts[0].text");
    expect(e.line).toBe(16);
  });

  it("reports a missing source block", () => {
    const e = errorFor(VALID.slice(VALID.indexOf("speakers:")));
    expect(e.field).toBe("source");
    expect(e.line).not.toBeNull();
  });

  it("reports a field of the wrong type at its line", () => {
    const e = errorFor(change("  reporters: [Ann Writer]", "  reporters: Ann Writer"));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.field).toBe("source.reporters");
    expect(e.line).toBe(5);
  });

  it("reports a tag list given as a number", () => {
    const e = errorFor(change("    tags: [ban]", "    tags: 42"));
    expect(e.field).toBe("facts[0].tags");
    expect(e.line).toBe(18);
  });

  it("reports an id that breaks the id rule", () => {
    const e = errorFor(change("  - id: app-banned", "  - id: App Banned"));
    expect(e.field).toBe("facts[0].id");
    expect(e.line).toBe(16);
  });

  it("reports a duplicate id at its second use", () => {
    const e = errorFor(`${VALID}  - id: app-banned\n    text: Officials banned the app again.\n`);
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.field).toBe("facts[1].id");
    expect(e.line).toBe(19);
    expect(e.reason).toMatch(/duplicate id "app-banned"/);
  });

  it("reports a fact that reuses a quote's id", () => {
    const e = errorFor(change("  - id: app-banned", "  - id: lost-it"));
    expect(e.field).toBe("facts[0].id");
    expect(e.line).toBe(16);
  });

  it("reports a duplicate speaker id", () => {
    const e = errorFor(
      change("    role: a minister\n", "    role: a minister\n  - id: minister\n    name: X\n    role: y\n"),
    );
    expect(e.field).toBe("speakers[1].id");
    expect(e.line).toBe(11);
  });

  it("reports a quote whose speaker is not listed", () => {
    const e = errorFor(change("    speaker: minister", "    speaker: rohani"));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.field).toBe("quotes[0].speaker");
    expect(e.line).toBe(14);
    expect(e.reason).toMatch(/unknown speaker "rohani"/);
  });

  it("reports a quote that is not word for word in the source text", () => {
    const e = errorFor(change('    text: "We have lost it."', '    text: "We have lost it all."'));
    expect(e.file).toBe(join("knowledge", "demo.yaml"));
    expect(e.field).toBe("quotes[0].text");
    expect(e.line).toBe(13);
    expect(e.reason).toMatch(/word for word/);
  });

  it("reports a source text file that does not exist", () => {
    const e = loadError({ "demo.yaml": VALID });
    expect(e.field).toBe("source.text");
    expect(e.line).toBe(6);
  });

  it("names the file at fault when two files share an id", () => {
    const other = VALID.replace("id: demo", "id: other").replace("id: lost-it", "id: lost-it-2");
    const e = loadError({ "a.yaml": VALID, "b.yaml": other, "demo.txt": SOURCE_TEXT });
    expect(e.file).toBe(join("knowledge", "b.yaml"));
    expect(e.reason).toMatch(/a\.yaml/);
  });

  it("rejects a missing folder and a folder without knowledge files", () => {
    expect(() => loadKnowledgeDir(join(tmpdir(), "briefbot-no-such-folder-x9"))).toThrow(KnowledgeError);
    expect(() => loadKnowledgeDir(folder({ "notes.txt": "hello" }))).toThrow(/no \.yaml/);
  });
});

/** A second source written for this test (fictional), added the way the README says: a YAML file and its text. */
const SECOND_TEXT = `Harbour Library reopens after flood repairs

The Harbour Library in Port Ellery reopened on Monday after eight months of repairs, the town council said.

"We saved the local history room, and that was what mattered most," said head librarian Mara Quill.
`;
const SECOND_YAML = `source:
  id: loader-test-extra-source
  title: Harbour Library reopens after flood repairs
  publisher: Port Ellery Gazette
  reporters: [Nell Tarrant]
  text: loader-test-extra-source.txt
speakers:
  - id: quill
    name: Mara Quill
    role: head librarian of the Harbour Library
quotes:
  - id: loader-test-extra-quote
    text: "We saved the local history room, and that was what mattered most"
    speaker: quill
facts:
  - id: loader-test-extra-fact
    text: The Harbour Library in Port Ellery reopened after eight months of repairs.
`;

describe("the knowledge rules hold for any valid knowledge", () => {
  it("over a copy of knowledge/ with one more valid source: it loads, keeps every rule, and check counts both", () => {
    const root = mkdtempSync(join(tmpdir(), "briefbot-any-"));
    dirs.push(root);
    const dir = join(root, "knowledge");
    mkdirSync(dir);
    for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR).filter((f) => /\.(ya?ml|txt)$/i.test(f)))
      cpSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(dir, name));
    const before = knowledgeFolderProblems(dir);
    expect(before.problems).toEqual([]);
    // Names no source of the folder uses, so the test holds whatever knowledge/ holds.
    writeFileSync(join(dir, "loader-test-extra-source.yaml"), SECOND_YAML);
    writeFileSync(join(dir, "loader-test-extra-source.txt"), SECOND_TEXT);
    const after = knowledgeFolderProblems(dir);
    expect(after.problems).toEqual([]);
    expect(after.knowledge.sources.map((s) => s.id)).toEqual(
      [...before.knowledge.sources.map((s) => s.id), "loader-test-extra-source"].sort(),
    );
    expect(after.knowledge.entries).toHaveLength(before.knowledge.entries.length + 2);
    let out = "";
    expect(runCheck(dir, { write: (t: string) => (out += t) } as never, { write: () => true } as never)).toBe(0);
    expect(out).toMatch(/^loader-test-extra-source: 1 quotes, 1 facts$/m);
    // The shipped article's fixture is the same whatever the folder holds.
    expect(nbcKnowledge().sources.map((s) => s.id)).toEqual(["nbc-iran-social-media"]);
  });
});
