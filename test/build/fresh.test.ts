/** bin/fresh.js: when the `briefbot` bin and `npm start` may run dist/ as it is, and when it must be rebuilt. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript without types (it runs before anything is compiled)
import { distState } from "../../bin/fresh.js";

const state = distState as (root: string) => "missing" | "stale" | "fresh";
const root = mkdtempSync(join(tmpdir(), "briefbot-fresh-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe("dist freshness", () => {
  it("is missing until a build has stamped dist/, fresh after, stale once a source changes, fresh again after a build", () => {
    mkdirSync(join(root, "src", "core"), { recursive: true });
    writeFileSync(join(root, "src", "core", "a.ts"), "");
    writeFileSync(join(root, "tsconfig.json"), "{}");
    for (const p of ["src/core/a.ts", "src/core", "src", "tsconfig.json"]) at(join(root, p), 1_000);
    expect(state(root)).toBe("missing");
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", ".built"), "");
    at(join(root, "dist", ".built"), 2_000);
    expect(state(root)).toBe("fresh");
    at(join(root, "src", "core", "a.ts"), 3_000); // an edit deep in src/
    expect(state(root)).toBe("stale");
    at(join(root, "dist", ".built"), 4_000); // rebuilt
    expect(state(root)).toBe("fresh");
    at(join(root, "src", "core"), 5_000); // a file deleted or renamed: only its folder's time changes
    expect(state(root)).toBe("stale");
    at(join(root, "dist", ".built"), 6_000);
    at(join(root, "tsconfig.json"), 7_000); // the compiler settings count too
    expect(state(root)).toBe("stale");
  });

  it("is fresh for an install that ships no sources (the Docker image), once stamped", () => {
    rmSync(join(root, "src"), { recursive: true });
    expect(state(root)).toBe("fresh");
    rmSync(join(root, "dist", ".built"));
    expect(state(root)).toBe("missing");
  });
});
