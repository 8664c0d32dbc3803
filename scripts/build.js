// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json: every module, with its types, for the library
// entry, the reload worker and the Discord shards), then bundles the two start paths, dist/main.js (`npm start`) and
// dist/cli.js (the `briefbot` bin), with esbuild over tsc's copies of them: one file each plus shared chunks
// (dist/chunk-*.js), so a start reads a few files instead of some 250 modules (docs/speed.md, DESIGN.md "Start-up").
// Everything goes into a clean dist/ so no file of a moved or deleted module lingers.
//
//   node scripts/build.js              build (exit 1 on a type error)
//   node scripts/build.js --if-stale   build only when dist/ is missing or older than src/ (`npm start` runs this)
//   node scripts/build.js --prepare    what `npm ci` runs: build, or say why not when TypeScript is not installed
//                                      (an install with --omit=dev), without failing the install
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, STAMP, distState } from "../bin/fresh.js";

/**
 * Packages bundled into the start paths: what every start loads (the knowledge's YAML and schema, the query core, the
 * logger, .env). The rest stays in node_modules, loaded by Node as before: the platform libraries (loaded only when
 * their platform is configured; bundling them saved no memory, docs/speed.md) and what only `import` and the first
 * name question need.
 */
const BUNDLED = new Set(["zod", "yaml", "fuse.js", "stemmer", "pino", "dotenv"]);

const mode = process.argv[2];
const state = distState();
if (mode === "--if-stale" && state === "fresh") process.exit(0);

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
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
const src = join(ROOT, "src");
rmSync(dist, { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
if (built.status !== 0) {
  process.stderr.write("briefbot: the build failed (type errors above)\n");
  process.exit(built.status ?? 1);
}

// Assets read at run time beside the modules that use them (tsc copies only imported JSON).
(function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (!/\.(ts|tsx|mts|cts)$/.test(name)) cpSync(path, join(dist, relative(src, path)));
  }
})(src);

await bundleStartPaths();
compileSmallTalk();
// Written last: its time says when dist/ was complete (bin/fresh.js), its text names this build (the knowledge cache
// trusts only what this very build validated).
writeFileSync(STAMP, `${new Date().toISOString()} ${randomBytes(8).toString("hex")}\n`);

async function bundleStartPaths() {
  let esbuild;
  try {
    esbuild = await import(require.resolve("esbuild"));
  } catch {
    process.stderr.write("briefbot: esbuild is not installed; dist/ runs unbundled (a slower start)\n");
    return;
  }
  const packageOf = (spec) => spec.split("/", spec.startsWith("@") ? 2 : 1).join("/");
  const plugin = {
    name: "briefbot-start",
    setup(build) {
      // Our code imports a package: bundle it (and all it imports) when listed, else leave it to node_modules.
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (!args.importer.startsWith(src + "/") || args.path.startsWith("node:")) return undefined;
        return BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true };
      });
      // Each module's import.meta.url stays the URL of its own compiled file (dist/<path>.js), so the files it finds
      // beside itself (the reload worker, the Discord shard, package.json, the knowledge) are found from the bundle
      // too: every bundled file sits in dist/ itself.
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(src + "/")) return undefined;
        const own = `./${relative(src, args.path).replace(/\.ts$/, ".js")}`;
        const contents = readFileSync(args.path, "utf8").replace(
          /\bimport\.meta\.url\b/g,
          `new URL(${JSON.stringify(own)}, import.meta.url).href`,
        );
        return { contents, loader: "ts" };
      });
    },
  };
  const options = {
    absWorkingDir: ROOT,
    entryPoints: { main: join(src, "main.ts"), cli: join(src, "cli.ts") },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunk-[hash]",
    sourcemap: true,
    // The bundled CommonJS packages require Node's built-ins: give ES module output a require.
    banner: {
      js: 'import { createRequire as __bbRequire } from "node:module";\nconst require = __bbRequire(import.meta.url);',
    },
    plugins: [plugin],
    logLevel: "warning",
  };
  try {
    await esbuild.build(options);
  } catch (err) {
    // esbuild writes nothing when it fails: tsc's dist/main.js and dist/cli.js stay, and run as they are.
    process.stderr.write(`briefbot: bundling the start paths failed; dist/ runs unbundled (a slower start): ${err}\n`);
  }
}

/**
 * The shipped small-talk file's validated content, beside its module (src/conversation/smalltalk.ts,
 * COMPILED_SMALLTALK), under the SHA-256 of the file: a start skips its YAML parse and schema (most of
 * `briefbot ask`'s start-up). A failure here is only a slower start, never a failed build.
 */
function compileSmallTalk() {
  const module = pathToFileURL(join(dist, "conversation", "smalltalk.js")).href;
  const script = `
    import { readFileSync, writeFileSync } from "node:fs";
    const m = await import(${JSON.stringify(module)});
    const text = readFileSync(m.DEFAULT_SMALLTALK_FILE, "utf8");
    const data = m.validateSmallTalk(m.DEFAULT_SMALLTALK_FILE, text);
    writeFileSync(m.COMPILED_SMALLTALK, JSON.stringify({ sha256: m.smallTalkHash(text), data }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
  if (r.status !== 0) process.stderr.write("briefbot: small talk was not precompiled; it is parsed at start instead\n");
}
