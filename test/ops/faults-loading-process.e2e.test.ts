import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeError, loadKnowledgeDir } from "../../src/core/loader.js";
import { KnowledgeHolder, reloadWorkerEntry } from "../../src/ops/knowledge.js";
import { memoryLogger, skyYaml } from "./fixtures.js";

/**
 * The fault suite's loading rows (docs/faults-loading.md): files that are not what a knowledge folder should hold are
 * refused at once and by name, and a reload never stalls answering. Cases that would hang a process that regressed
 * (a FIFO) run `briefbot check` as a child process, so a hang fails the test instead of freezing the runner.
 */
const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/briefbot.js");
const dirs: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((f) => f());
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A knowledge folder named "knowledge" holding the sky file, plus `extra`. */
function folder(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "briefbot-faults-"));
  dirs.push(root);
  const dir = join(root, "knowledge");
  mkdirSync(dir);
  writeFileSync(join(dir, "sky.yaml"), skyYaml("green"));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A valid file whose source text is `textName` (its one quote must be in that text). */
const quoting = (textName: string) => `source:
  id: other
  title: Another article
  publisher: Test News
  reporters: [Ann Reporter]
  text: ${textName}
speakers:
  - id: mayor
    name: The Mayor
    role: mayor of the test city
quotes:
  - id: cafe-quote
    text: "The café opens at nine."
    speaker: mayor
`;

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledgeDir(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeError);
    return e as KnowledgeError;
  }
  throw new Error("expected the folder to be refused");
}

/** `briefbot check dir` as a child process; killed after 20 s, which no passing case comes near. */
function check(dir: string): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "check", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, 20_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

describe("files a knowledge folder should not hold", () => {
  it("check refuses a FIFO named as a knowledge file, naming it, instead of waiting for a writer", async () => {
    const dir = folder();
    expect(spawnSync("mkfifo", [join(dir, "evil.yaml")]).status).toBe(0);
    const r = await check(dir);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join("knowledge", "evil.yaml"));
    expect(r.stderr).toMatch(/FIFO/);
  });

  it("check refuses a FIFO named by `text:`, at the file and line that name it", async () => {
    const dir = folder({ "other.yaml": quoting("evil.txt") });
    expect(spawnSync("mkfifo", [join(dir, "evil.txt")]).status).toBe(0);
    const r = await check(dir);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/knowledge\/other\.yaml:6: source\.text: is a FIFO/);
  });

  it("check refuses a symlink to /dev/zero, naming the device", async () => {
    const dir = folder();
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    const r = await check(dir);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zero\.yaml: is a character device \(a symlink to \/dev\/zero\)/);
  });

  it("names a directory called x.yaml and says how to fix it", () => {
    const dir = folder();
    mkdirSync(join(dir, "x.yaml"));
    const e = loadError(dir);
    expect(e.file).toBe(join("knowledge", "x.yaml"));
    expect(e.reason).toMatch(/is a directory.*rename it/);
  });

  it("names `text:` that points at a directory, at its line", () => {
    const dir = folder({ "other.yaml": quoting("notes.txt") });
    mkdirSync(join(dir, "notes.txt"));
    const e = loadError(dir);
    expect(e.file).toBe(join("knowledge", "other.yaml"));
    expect(e.field).toBe("source.text");
    expect(e.line).toBe(6);
    expect(e.reason).toMatch(/is a directory/);
  });

  it("names a Latin-1 source text as not UTF-8, with the line, instead of a quote mismatch", () => {
    const dir = folder({ "other.yaml": quoting("other.txt") });
    writeFileSync(join(dir, "other.txt"), Buffer.from("First line.\nThe caf\xe9 opens at nine.\n", "latin1"));
    const e = loadError(dir);
    expect(e.field).toBe("source.text");
    expect(e.reason).toMatch(/not UTF-8 text \(byte 0xE9 on line 2\): save it as UTF-8/);
    expect(e.reason).not.toMatch(/word for word/);
  });

  it("names a UTF-16 YAML file", () => {
    const dir = folder();
    writeFileSync(
      join(dir, "wide.yaml"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(skyYaml("red"), "utf16le")]),
    );
    const e = loadError(dir);
    expect(e.file).toBe(join("knowledge", "wide.yaml"));
    expect(e.reason).toMatch(/UTF-16/);
  });

  it("accepts the same text in UTF-8, and a symlink to a regular file", () => {
    const dir = folder({ "other.yaml": quoting("other.txt") });
    const target = join(dir, "..", "article.txt");
    writeFileSync(target, "First line.\nThe café opens at nine.\n");
    symlinkSync(target, join(dir, "other.txt"));
    expect(loadKnowledgeDir(dir).entries.map((e) => e.id)).toContain("cafe-quote");
  });

  it("names a symlink whose target is missing", () => {
    const dir = folder({ "other.yaml": quoting("gone.txt") });
    symlinkSync(join(dir, "nowhere.txt"), join(dir, "gone.txt"));
    expect(loadError(dir).reason).toMatch(/symlink to a file that does not exist/);
  });

  it("refuses a file over the size cap, naming the cap and the fix", () => {
    const dir = folder({ "big.yaml": `${skyYaml("blue")}# ${"x".repeat(10_000)}\n` });
    try {
      loadKnowledgeDir(dir, { maxFileBytes: 4096 });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(KnowledgeError);
      expect((e as KnowledgeError).file).toBe(join("knowledge", "big.yaml"));
      expect((e as KnowledgeError).reason).toMatch(/too large.*limit is 0\.0 MiB per file\): split/);
    }
  });

  it("refuses a knowledge folder that is a file", () => {
    const dir = folder();
    expect(() => loadKnowledgeDir(join(dir, "sky.yaml"))).toThrow(/not a folder: KNOWLEDGE_DIR/);
  });
});

function holder(dir: string, options: ConstructorParameters<typeof KnowledgeHolder>[2] = {}) {
  const { log, lines } = memoryLogger();
  const h = new KnowledgeHolder(dir, log, options);
  cleanups.push(() => h.close());
  return { h, lines };
}

describe("reloads while serving", () => {
  const answer = (h: KnowledgeHolder) => h.core().ask("What colour is the sky over the test city?").answer?.text ?? "";

  it("a FIFO named by a file added while serving: the reload fails by name, the last good knowledge serves", async () => {
    const dir = folder();
    const { h, lines } = holder(dir);
    expect(spawnSync("mkfifo", [join(dir, "evil.txt")]).status).toBe(0);
    writeFileSync(join(dir, "other.yaml"), quoting("evil.txt"));
    // Answering goes on while the reload runs: the event loop turns (a timer fires) before it settles.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const ok = await h.reload("test");
    clearInterval(timer);
    expect(ok).toBe(false);
    expect(ticks).toBeGreaterThan(0);
    const failure = lines.find((l) => l.msg === "knowledge reload failed; still serving the last good knowledge")!;
    expect(failure.file).toBe(join("knowledge", "other.yaml"));
    expect(failure.reason).toMatch(/FIFO/);
    expect(answer(h)).toContain("green");
  });

  it("swaps in an edit built in the reload worker process, and the same through a worker thread", async () => {
    const dir = folder();
    const { h } = holder(dir);
    writeFileSync(join(dir, "sky.yaml"), skyYaml("purple"));
    expect(await h.reload("test")).toBe(true);
    expect(answer(h)).toContain("purple");
    const { h: t } = holder(dir, { reloadIn: "thread" });
    writeFileSync(join(dir, "sky.yaml"), skyYaml("amber"));
    expect(await t.reload("test")).toBe(true);
    expect(answer(t)).toContain("amber");
  });

  it("coalesces reload requests made while one runs into one more reload", async () => {
    const dir = folder();
    const { h, lines } = holder(dir);
    writeFileSync(join(dir, "sky.yaml"), skyYaml("red"));
    const first = h.reload("a");
    writeFileSync(join(dir, "sky.yaml"), skyYaml("blue"));
    const second = h.reload("b");
    const third = h.reload("c");
    expect(await Promise.all([first, second, third])).toEqual([true, true, true]);
    expect(lines.filter((l) => l.msg === "knowledge reloaded")).toHaveLength(2);
    expect(answer(h)).toContain("blue");
  });

  it("close() abandons a reload in progress and keeps the knowledge served", async () => {
    const dir = folder();
    const { h } = holder(dir);
    writeFileSync(join(dir, "sky.yaml"), skyYaml("black"));
    const pending = h.reload("test");
    h.close();
    expect(await pending).toBe(false);
    expect(answer(h)).toContain("green");
  });
});

describe("the reload worker's entry", () => {
  it("is the compiled .js beside the holder when there is one, else the .ts through tsx", () => {
    const root = mkdtempSync(join(tmpdir(), "briefbot-entry-"));
    dirs.push(root);
    const here = new URL(`file://${root}/knowledge.js`).href;
    expect(reloadWorkerEntry(here)).toEqual({ url: new URL(`file://${root}/reload-worker.ts`), typescript: true });
    writeFileSync(join(root, "reload-worker.js"), "");
    expect(reloadWorkerEntry(here)).toEqual({ url: new URL(`file://${root}/reload-worker.js`), typescript: false });
  });
});
