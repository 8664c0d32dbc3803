/**
 * The build's bundled start paths (scripts/build.js: esbuild over dist/main.js and dist/cli.js), built into a
 * throw-away copy of the checkout: each start path reads a handful of files instead of every module, the files a
 * module finds beside itself are still found (package.json for --version, the shipped knowledge, the reload worker
 * that SIGHUP forks), and the knowledge cache serves an unchanged file and revalidates a changed one.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const base = mkdtempSync(join(tmpdir(), "briefbot-bundle-"));
const app = join(base, "app");
const cacheDir = join(base, "cache");
const QUESTION = "How many Iranians used Telegram?";

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, args, {
    cwd: app,
    input,
    encoding: "utf8",
    timeout: 120_000,
    env: { PATH: process.env.PATH ?? "", HOME: base, KNOWLEDGE_CACHE: cacheDir, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  for (const p of ["package.json", "tsconfig.json", "tsconfig.build.json", "bin", "scripts", "src", "knowledge"])
    cpSync(join(ROOT, p), join(app, p), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(app, "node_modules"), "dir");
  const built = run(["scripts/build.js"]);
  expect(built.code, `the build failed:\n${built.out}${built.err}`).toBe(0);
}, 300_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the bundled start paths", { timeout: 120_000 }, () => {
  it("`briefbot ask` answers from dist/cli.js, loading a few bundle files and no module of dist/'s tree", () => {
    const seen = join(base, "loaded.txt");
    writeFileSync(
      join(base, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function load(url, context, next) { appendFileSync(${JSON.stringify(seen)}, url + "\\n"); return next(url, context); }\n`,
    );
    writeFileSync(
      join(base, "register.mjs"),
      `import { register } from "node:module"; register("./hooks.mjs", import.meta.url);\n`,
    );
    const r = run(["--import", join(base, "register.mjs"), "bin/briefbot.js", "ask", QUESTION]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("40 million");
    const files = readFileSync(seen, "utf8")
      .split("\n")
      .filter((u) => u.startsWith("file:"))
      .map((u) => fileURLToPath(u).slice(app.length + 1));
    const fromDist = files.filter((f) => f.startsWith("dist/"));
    // The bundle and its chunks sit in dist/ itself; tsc's module tree (dist/core/…, dist/conversation/…) is unused.
    expect(fromDist.filter((f) => f.includes("/", "dist/".length))).toEqual([]);
    expect(fromDist.length).toBeGreaterThan(1);
    expect(fromDist.length).toBeLessThan(12);
    // zod and yaml are inside the bundle, not read from node_modules.
    expect(files.filter((f) => /node_modules\/(zod|yaml)\//.test(f))).toEqual([]);
  });

  it("ships the small-talk file's validated copy, made from the shipped text, beside the module that reads it", () => {
    const compiled = JSON.parse(readFileSync(join(app, "dist/conversation/smalltalk.compiled.json"), "utf8")) as {
      sha256: string;
      data: { intents: unknown[] };
    };
    const text = readFileSync(join(app, "knowledge/smalltalk/smalltalk.yaml"));
    expect(compiled.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(compiled.data.intents.length).toBeGreaterThan(10);
  });

  it("finds package.json from the bundle (--version)", () => {
    const r = run(["dist/cli.js", "--version"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(
      `${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}\n`,
    );
  });

  it("serves an unchanged knowledge file from the cache, and revalidates a changed one", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    expect(run(["dist/cli.js", "ask", QUESTION]).out).toContain("40 million");
    const [name] = readdirSync(cacheDir);
    expect(name).toMatch(/^knowledge-[0-9a-f]{16}\.cache$/);
    // Rewrite the cached answer (checksum fixed up): a start that serves the cache shows it.
    const file = join(cacheDir, name!);
    const text = readFileSync(file, "utf8");
    const body = text.slice(text.indexOf("\n") + 1).replaceAll("40 million Iranians", "40 million CACHED Iranians");
    const sum = createHash("sha256").update(body).digest("hex");
    writeFileSync(file, `${text.slice(0, text.indexOf("\n")).replace(/[0-9a-f]{64}$/, sum)}\n${body}`);
    expect(run(["dist/cli.js", "ask", QUESTION]).out).toContain("40 million CACHED Iranians");
    // `check` validates every file, cache or not.
    expect(run(["dist/cli.js", "check"]).code).toBe(0);
    // KNOWLEDGE_CACHE=off reads the files.
    expect(run(["dist/cli.js", "ask", QUESTION], { KNOWLEDGE_CACHE: "off" }).out).not.toContain("CACHED");
    // A changed byte in the knowledge file: read and validated again.
    const yaml = join(app, "knowledge", "nbc-iran-social-media.yaml");
    writeFileSync(yaml, `${readFileSync(yaml, "utf8")}\n# edited\n`);
    const after = run(["dist/cli.js", "ask", QUESTION]);
    expect(after.out).toContain("40 million Iranians");
    expect(after.out).not.toContain("CACHED");
  });

  it("`npm start`'s dist/main.js answers on the console and reloads on SIGHUP through the compiled reload worker", async () => {
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: app,
      env: { PATH: process.env.PATH ?? "", HOME: base, KNOWLEDGE_CACHE: cacheDir, LOG_LEVEL: "info" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    const until = async (check: () => boolean, what: string) => {
      for (const end = Date.now() + 60_000; Date.now() < end;) {
        if (check()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}:\n${out}\n${err}`);
    };
    child.stdin.write(`${QUESTION}\n`);
    await until(() => out.includes("40 million"), "the answer");
    child.kill("SIGHUP");
    await until(() => err.includes('"knowledge reloaded"'), "the reload");
    child.stdin.end();
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code, err).toBe(0);
    expect(err).not.toContain("reload failed");
  });
});
