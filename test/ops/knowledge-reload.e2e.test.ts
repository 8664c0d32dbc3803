import { writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeHolder } from "../../src/ops/knowledge.js";
import { KnowledgeError } from "../../src/core/loader.js";
import { eventually, memoryLogger, skyYaml, tempKnowledge } from "./fixtures.js";

const QUESTION = "What colour is the sky over the test city?";
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function setup() {
  const k = tempKnowledge("green");
  const { log, lines } = memoryLogger();
  const reloads: boolean[] = [];
  const holder = new KnowledgeHolder(k.dir, log, { debounceMs: 50, onReload: (ok) => reloads.push(ok) });
  cleanups.push(() => holder.close(), k.cleanup);
  const answer = () => holder.core().ask(QUESTION).answer?.text ?? "";
  return { ...k, holder, lines, reloads, answer };
}

describe("knowledge hot reload", () => {
  it("serves an edit made under the watched folder", async () => {
    const s = setup();
    s.holder.watch();
    expect(s.answer()).toContain("green");
    writeFileSync(s.file, skyYaml("purple"));
    expect(await eventually(() => s.answer().includes("purple"), 20_000)).toBe(true);
    expect(s.lines.some((l) => l.msg === "knowledge reloaded")).toBe(true);
    expect(s.reloads).toEqual([true, true]);
  });

  it("serves a file saved the way editors do (write a temp file, rename over)", async () => {
    const s = setup();
    s.holder.watch();
    const tmp = join(s.dir, ".test.yaml.swp");
    writeFileSync(tmp, skyYaml("orange"));
    renameSync(tmp, s.file);
    expect(await eventually(() => s.answer().includes("orange"), 20_000)).toBe(true);
  });

  it("debounces a burst of writes into one reload", async () => {
    const s = setup();
    s.holder.watch();
    for (const c of ["red", "blue", "grey", "black", "white"]) writeFileSync(s.file, skyYaml(c));
    expect(await eventually(() => s.answer().includes("white"), 20_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(s.reloads.length).toBeLessThanOrEqual(3); // start-up + 1 (+1 if the burst straddled the quiet time)
  });

  it("keeps the last good knowledge and logs file and line when an edit is invalid", async () => {
    const s = setup();
    s.holder.watch();
    // Line 9 loses its text: the schema refuses an empty fact.
    writeFileSync(s.file, skyYaml("blue").replace("text: The sky over the test city is blue.", 'text: ""'));
    expect(
      await eventually(() => s.lines.some((l) => String(l.msg).startsWith("knowledge reload failed")), 20_000),
    ).toBe(true);
    const failure = s.lines.find((l) => String(l.msg).startsWith("knowledge reload failed"))!;
    expect(failure.file).toBe(join(s.dir.split("/").pop()!, "test.yaml"));
    expect(failure.line).toBe(9);
    expect(String(failure.where)).toMatch(/test\.yaml:9: facts\[0\]\.text/);
    expect(s.answer()).toContain("green");
    expect(s.reloads.at(-1)).toBe(false);

    // Broken YAML (an unclosed quote) is refused the same way, still with its line.
    writeFileSync(s.file, `${skyYaml("blue")}  - id: "broken\n`);
    const yamlFailure = () => s.lines.find((l) => String(l.reason).startsWith("invalid YAML"));
    expect(await eventually(() => yamlFailure() !== undefined, 20_000)).toBe(true);
    expect(yamlFailure()!.line).toBe(17);
    expect(s.answer()).toContain("green");

    // Fixing the file brings the edit in.
    writeFileSync(s.file, skyYaml("teal"));
    expect(await eventually(() => s.answer().includes("teal"), 20_000)).toBe(true);
  });

  it("reloads on demand (what SIGHUP calls) and swaps the core whole", async () => {
    const s = setup();
    const before = s.holder.core();
    writeFileSync(s.file, skyYaml("silver"));
    expect(await s.holder.reload("SIGHUP")).toBe(true);
    expect(s.answer()).toContain("silver");
    expect(before.ask(QUESTION).answer?.text).toContain("green"); // a core in use is never changed under a reader
    expect(s.holder.core()).not.toBe(before);
  });

  it("ignores files that are not knowledge", async () => {
    const s = setup();
    s.holder.watch();
    writeFileSync(join(s.dir, "notes.md"), "# scratch");
    await new Promise((r) => setTimeout(r, 200));
    expect(s.reloads).toEqual([true]);
  });

  it("refuses to start on invalid knowledge", () => {
    const k = tempKnowledge();
    cleanups.push(k.cleanup);
    writeFileSync(k.file, "source: [");
    const { log } = memoryLogger();
    expect(() => new KnowledgeHolder(k.dir, log)).toThrow(KnowledgeError);
  });
});
