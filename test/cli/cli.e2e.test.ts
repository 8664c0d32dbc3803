import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(import.meta.dirname, "../../bin/briefbot.js");
const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

describe("briefbot CLI", () => {
  it("ask --json prints one JSON object with the answer and its source", () => {
    const r = run(["ask", "--json", "How many Iranians used Telegram?"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(["question", "answered", "text", "id", "kind", "score", "source", "alternatives"]),
    );
    expect(j.answered).toBe(true);
    expect(j.text).toContain("40 million");
    expect(j.text).toContain("NBC News");
  });
  it("ask without a question answers a thousand stdin lines in order, one JSON line each", () => {
    const qs = Array.from({ length: 1000 }, (_, i) => (i % 2 ? "What is photosynthesis?" : `telegram ban ${i}`));
    const r = run(["ask"], `${qs.join("\n")}\n\n`);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(1000);
    expect(out[0].question).toBe("telegram ban 0");
    expect(out[999].question).toBe("What is photosynthesis?");
    expect(out[1].answered).toBe(false);
    expect(out[1].text).toBeNull();
  });
  it("check prints counts per source and kind", () => {
    const r = run(["check"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/nbc-iran-social-media: \d+ quotes, \d+ facts/);
  });
  it("check on a malformed file names the file and line and exits non-zero", () => {
    const dir = mkdtempSync(join(tmpdir(), "bb-cli-"));
    cpSync(join(import.meta.dirname, "../../knowledge/nbc-iran-social-media.txt"), join(dir, "a.txt"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "source:\n  id: x\n  title: T\n  publisher: P\n  reporters: [R]\nfacts:\n  - id: f1\n    text: 12\n    colour: red\n",
    );
    const r = run(["check", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+: facts\[0\]/);
  });
  it("explains usage for an unknown command", () => {
    const r = run(["frobnicate"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: briefbot");
  });
});
