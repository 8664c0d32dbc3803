import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importArticle } from "../../src/import/index.js";
import { KnowledgeHolder } from "../../src/ops/knowledge.js";
import { eventually, memoryLogger, skyYaml } from "../ops/fixtures.js";
import { ARTICLE, noQuotes, tempDirs } from "./folders.js";

// End to end: a real reload (a low-priority child process) picks up what the import writes. Timing-sensitive on a
// busy machine, so it runs with the processes in the e2e project rather than in the unit edit loop.
const tempDir = tempDirs();

describe("importArticle beside a running bot", () => {
  it("a running bot's hot reload picks the imported file up, and keeps the last good knowledge on a bad one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sky.yaml"), skyYaml("green"));
    const { log, lines } = memoryLogger();
    const holder = new KnowledgeHolder(dir, log, { debounceMs: 50 });
    try {
      holder.watch();
      const before = holder.core().size;
      const r = await importArticle(ARTICLE, { dir, attribute: noQuotes });
      expect(await eventually(() => holder.core().size === before + r.draft.doc.facts.length)).toBe(true);
      expect(lines.some((l) => l.msg === "knowledge reloaded")).toBe(true);
      expect(lines.some((l) => String(l.msg).startsWith("knowledge reload failed"))).toBe(false);
      const size = holder.core().size;

      // A hand edit that breaks the imported file: the reload refuses it and the imported knowledge keeps serving.
      writeFileSync(r.written!.yaml, readFileSync(r.written!.yaml, "utf8").replace(/text: (.*)\n/, "text: \n"));
      expect(await eventually(() => lines.some((l) => String(l.msg).startsWith("knowledge reload failed")))).toBe(true);
      expect(holder.core().size).toBe(size);
    } finally {
      holder.close();
    }
  });
});
