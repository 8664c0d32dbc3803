// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json) and copies the files tsc does not (anything
// under src/ that is not TypeScript), into a clean dist/ so no file of a moved or deleted module lingers.
//
//   node scripts/build.js              build (exit 1 on a type error)
//   node scripts/build.js --if-stale   build only when dist/ is missing or older than src/ (`npm start` runs this)
//   node scripts/build.js --prepare    what `npm ci` runs: build, or say why not when TypeScript is not installed
//                                      (an install with --omit=dev), without failing the install
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { ROOT, STAMP, distState } from "../bin/fresh.js";

const mode = process.argv[2];
const state = distState();
if (mode === "--if-stale" && state === "fresh") process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  const why = `briefbot: dist/ is ${state} and TypeScript is not installed (an install without dev dependencies)`;
  if (mode === "--prepare") {
    process.stderr.write(`${why}; skipping the build. Run \`npm ci\` with dev dependencies, then \`npm run build\`.\n`);
    process.exit(0);
  }
  if (state !== "missing") process.exit(0); // the build that is there is the one to run
  process.stderr.write(`${why}: run \`npm ci\` (with dev dependencies), then \`npm run build\`.\n`);
  process.exit(1);
}

const dist = join(ROOT, "dist");
rmSync(dist, { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
if (built.status !== 0) {
  process.stderr.write("briefbot: the build failed (type errors above)\n");
  process.exit(built.status ?? 1);
}

// Assets read at run time beside the modules that use them (tsc copies only imported JSON).
const src = join(ROOT, "src");
(function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (!/\.(ts|tsx|mts|cts)$/.test(name)) cpSync(path, join(dist, relative(src, path)));
  }
})(src);
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
