// Whether dist/ (the compiled JavaScript) is older than the TypeScript it was built from. Shared by bin/briefbot.js and
// scripts/build.js; plain JavaScript, so it runs before anything is compiled.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Written last by scripts/build.js: its time is when dist/ was complete. */
export const STAMP = join(ROOT, "dist", ".built");

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** "missing" without a complete build, "stale" when a source file changed after it, "fresh" otherwise. */
export function distState() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return "missing";
  const sources = ["src", "tsconfig.json", "tsconfig.build.json"].map((p) => join(ROOT, p));
  if (!existsSync(sources[0])) return "fresh"; // an install without the sources (the Docker image): nothing to compare
  return Math.max(...sources.map(newest)) > built.mtimeMs ? "stale" : "fresh";
}
