import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeKnowledge } from "../../bench/knowledge-files.js";
import { syntheticKnowledge, syntheticQueries } from "../../bench/synthetic.js";
import { createCore } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { KnowledgeHolder } from "../../src/ops/knowledge.js";
import { memoryLogger, skyYaml } from "./fixtures.js";

/**
 * The fault suite's loading rows that need processes or large knowledge (docs/faults-loading.md): a large core moved
 * from the reload worker answers as one built in place, it is released when replaced, and the worker runs from a
 * compiled build. The quick rows are in faults-loading.test.ts.
 */
const ROOT = join(import.meta.dirname, "../..");
const dirs: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((f) => f());
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), "briefbot-faults-"));
  dirs.push(root);
  const dir = join(root, "knowledge");
  mkdirSync(dir);
  writeFileSync(join(dir, "sky.yaml"), skyYaml("green"));
  return dir;
}

describe("a large reload handed over from the worker", () => {
  it("answers exactly as a core built on this thread (5,000 entries, split collections, framed IPC)", async () => {
    const k = syntheticKnowledge(5000, 3);
    const dir = folder();
    writeKnowledge(k, dir);
    const local = createCore(loadKnowledgeDir(dir));
    writeKnowledge(syntheticKnowledge(50, 4), dir);
    const { log, lines } = memoryLogger();
    const small = new KnowledgeHolder(dir, log);
    cleanups.push(() => small.close());
    writeKnowledge(k, dir);
    expect(await small.reload("test")).toBe(true);
    // Moved, not rebuilt here by the fallback.
    expect(lines.filter((l) => Number(l.level) >= 40)).toEqual([]);
    const moved = small.core();
    expect(moved.size).toBe(5000);
    for (const q of syntheticQueries(k, 300, 5)) {
      const a = local.ask(q.text);
      const b = moved.ask(q.text);
      expect([b.answer?.id, b.answer?.confidence, b.suggestions, b.alternatives.map((x) => x.id)]).toEqual([
        a.answer?.id,
        a.answer?.confidence,
        a.suggestions,
        a.alternatives.map((x) => x.id),
      ]);
      expect(moved.suggest(q.text.slice(0, 6), 5)).toEqual(local.suggest(q.text.slice(0, 6), 5));
    }
    expect(moved.sourceSummaries()).toEqual(local.sourceSummaries());
  }, 120_000);
});

describe("memory after a large reload", () => {
  it("releases the large core when a small one replaces it: the heap returns to within 20% of before", () => {
    const probe = join(import.meta.dirname, "reload-memory-probe.ts");
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", probe, "10000"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(r.stderr).toBe("");
    const m = JSON.parse(r.stdout) as {
      grew: boolean;
      shrank: boolean;
      entries: number;
      released: boolean;
      before: number;
      peak: number;
      after: number;
    };
    expect([m.grew, m.shrank, m.entries]).toEqual([true, true, 10_000]);
    expect(m.released).toBe(true);
    expect(m.peak - m.before).toBeGreaterThan(5_000_000); // the large core was really there (about 12 MB)
    expect(m.after).toBeLessThan(m.before * 1.2);
  }, 300_000);
});

describe("the reload worker from a build", () => {
  it("runs from a compiled build (plain node, no tsx): a reload from dist swaps in the edit", () => {
    // Compiled into node_modules/.cache so that the build finds the project's dependencies as dist/ would.
    mkdirSync(join(ROOT, "node_modules", ".cache"), { recursive: true });
    const out = mkdtempSync(join(ROOT, "node_modules", ".cache", "briefbot-dist-"));
    dirs.push(out);
    const tsc = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/typescript/bin/tsc"),
        "-p",
        join(ROOT, "tsconfig.build.json"),
        "--outDir",
        out,
        "--declaration",
        "false",
        "--sourceMap",
        "false",
      ],
      { encoding: "utf8" },
    );
    // Other work in progress may carry type errors; tsc still emits, and what matters is that these two files exist.
    // What scripts/build.js copies beside the modules: every file under src/ that is not TypeScript.
    cpSync(join(ROOT, "src"), out, { recursive: true, filter: (p) => !/\.(ts|tsx|mts|cts)$/.test(p) });
    expect(tsc.error).toBeUndefined();
    const dir = folder();
    const script = `
      import { writeFileSync } from "node:fs";
      import pino from "pino";
      const { KnowledgeHolder } = await import(${JSON.stringify(join(out, "ops/knowledge.js"))});
      const h = new KnowledgeHolder(${JSON.stringify(dir)}, pino({ level: "silent" }));
      writeFileSync(${JSON.stringify(join(dir, "sky.yaml"))}, ${JSON.stringify(skyYaml("violet"))});
      const ok = await h.reload("dist");
      console.log(JSON.stringify({ ok, text: h.core().ask("What colour is the sky over the test city?").answer?.text }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, text: "The sky over the test city is violet." });
  }, 180_000);
});
