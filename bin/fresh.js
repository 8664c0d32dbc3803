// Whether dist/ (the compiled JavaScript) is older than the TypeScript it was built from. Shared by bin/briefbot.js and
// scripts/build.js; plain JavaScript, so it runs before anything is compiled.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Written last by scripts/build.js: its time is when dist/ was complete. */
export const stampOf = (root = ROOT) => join(root, "dist", ".built");
export const STAMP = stampOf();

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/**
 * "missing" without a complete build, "stale" when a source file (or a tsconfig) changed after it, "fresh"
 * otherwise, and "fresh" for an install without sources (the Docker image), where there is nothing to compare.
 */
export function distState(root = ROOT) {
  const built = statSync(stampOf(root), { throwIfNoEntry: false });
  if (!built) return "missing";
  const sources = ["src", "tsconfig.json", "tsconfig.build.json"].map((p) => join(root, p));
  if (!existsSync(sources[0])) return "fresh";
  return Math.max(...sources.map(newest)) > built.mtimeMs ? "stale" : "fresh";
}
