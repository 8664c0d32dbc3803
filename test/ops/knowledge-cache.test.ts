/** Where a start keeps its knowledge cache (ops/knowledge-cache.ts), and when it keeps none. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheFolder, knowledgeCache } from "../../src/ops/knowledge-cache.js";

const root = mkdtempSync(join(tmpdir(), "briefbot-kcache-ops-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("knowledgeCache", () => {
  it("keeps none when running from source (no build key) or when KNOWLEDGE_CACHE is off", () => {
    // Under vitest the code runs from src/, where there is no dist/.built: no key, no cache.
    expect(knowledgeCache("/k", join(root, "a"))).toBeUndefined();
    for (const off of ["off", "OFF", "false", "0", "no"]) expect(knowledgeCache("/k", off, {}, "key")).toBeUndefined();
    expect(knowledgeCache("/k", join(root, "a"), {}, "key")).toMatchObject({ key: "key" });
  });

  it("names one file per knowledge folder, in KNOWLEDGE_CACHE, systemd's CACHE_DIRECTORY or the XDG cache", () => {
    const a = knowledgeCache("/srv/knowledge", join(root, "c"), {}, "k")!;
    const b = knowledgeCache("/srv/other", join(root, "c"), {}, "k")!;
    expect(dirname(a.file)).toBe(join(root, "c"));
    expect(a.file).not.toBe(b.file);
    expect(knowledgeCache("/srv/knowledge/", join(root, "c"), {}, "k")!.file).toBe(a.file);

    expect(cacheFolder("rel/dir", {})).toBe(join(process.cwd(), "rel/dir"));
    expect(cacheFolder(undefined, { CACHE_DIRECTORY: "/var/cache/briefbot:/other" })).toBe("/var/cache/briefbot");
    expect(cacheFolder(undefined, { XDG_CACHE_HOME: "/x" })).toBe("/x/briefbot");
    expect(cacheFolder(undefined, {})).toBe(join(homedir(), ".cache", "briefbot"));
  });

  it("keeps the 16 most recently written cache files and leaves other files alone", () => {
    const folder = join(root, "prune");
    mkdirSync(folder);
    for (let i = 0; i < 20; i++) {
      const file = join(folder, `knowledge-${String(i).padStart(16, "0")}.cache`);
      writeFileSync(file, "");
      utimesSync(file, 1_000 + i, 1_000 + i);
    }
    writeFileSync(join(folder, "notes.txt"), "");
    knowledgeCache("/k", folder, {}, "k");
    const left = readdirSync(folder).sort();
    expect(left).toHaveLength(17);
    expect(left).toContain("notes.txt");
    // The four oldest (0–3) went.
    expect(left).not.toContain(`knowledge-${"3".padStart(16, "0")}.cache`);
    expect(left).toContain(`knowledge-${"4".padStart(16, "0")}.cache`);
  });
});
