import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SMALLTALK_FILE,
  loadSmallTalk,
  smallTalkHash,
  validateSmallTalk,
} from "../../src/conversation/smalltalk.js";

// The build's validated copy of the shipped small-talk file (scripts/build.js, compileSmallTalk) spares a start the
// YAML parse and the schema; it must never stand in for any other text.
const dir = mkdtempSync(join(tmpdir(), "briefbot-smalltalk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shipped = readFileSync(DEFAULT_SMALLTALK_FILE, "utf8");
/** A copy of the shipped data whose greeting replies are marked, to see which one was loaded. */
function markedCopy(sha: string): string {
  const data = validateSmallTalk(DEFAULT_SMALLTALK_FILE, shipped);
  for (const intent of data.intents) intent.replies = intent.replies.map((r) => `[compiled] ${r}`);
  const path = join(dir, `compiled-${sha.slice(0, 8)}.json`);
  writeFileSync(path, JSON.stringify({ sha256: sha, data }));
  return path;
}
const greeting = (file: string, compiled: string) => loadSmallTalk(file, compiled).match("hello")!.intent.replies[0]!;

describe("the compiled small talk", () => {
  it("is used when it was made from the very text of the file", () => {
    const file = join(dir, "a.yaml");
    copyFileSync(DEFAULT_SMALLTALK_FILE, file);
    expect(greeting(file, markedCopy(smallTalkHash(shipped)))).toMatch(/^\[compiled\] /);
  });

  it("is ignored for any other text (an edited file), which is parsed and validated as usual", () => {
    const file = join(dir, "b.yaml");
    writeFileSync(file, `${shipped}\n# edited\n`);
    expect(greeting(file, markedCopy(smallTalkHash(shipped)))).not.toMatch(/^\[compiled\] /);
  });

  it("is ignored when damaged or missing", () => {
    const file = join(dir, "c.yaml");
    copyFileSync(DEFAULT_SMALLTALK_FILE, file);
    const damaged = join(dir, "damaged.json");
    writeFileSync(damaged, '{"sha256": "');
    expect(greeting(file, damaged)).not.toMatch(/^\[compiled\] /);
    const file2 = join(dir, "d.yaml");
    copyFileSync(DEFAULT_SMALLTALK_FILE, file2);
    expect(greeting(file2, join(dir, "none.json"))).not.toMatch(/^\[compiled\] /);
  });
});
