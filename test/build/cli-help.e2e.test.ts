/** `briefbot --help` and `--version`, through the bin as `npx briefbot` runs it. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const bin = join(ROOT, "bin", "briefbot.js");
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 60_000 });
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

describe("briefbot --help and --version", () => {
  it("--version and -v print package.json's version and exit 0", () => {
    for (const flag of ["--version", "-v"]) {
      const r = run(flag);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it("--help lists every command and exits 0; no command prints it and exits 2", () => {
    const r = run("--help");
    expect(r.status, r.stderr).toBe(0);
    for (const command of ["start", "ask", "check", "register", "unanswered", "--version"])
      expect(r.stdout).toContain(command);
    const bare = run();
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe(r.stdout);
  });
});
