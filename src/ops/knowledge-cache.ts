import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { LoadOptions } from "../core/index.js";

/** Where the loader keeps what it validated, and for which build (core/knowledge-cache.ts). */
export type KnowledgeCacheOptions = NonNullable<LoadOptions["cache"]>;

/** Cache files kept in the folder: one per knowledge folder used lately (a test run makes many). */
const KEEP = 16;

/** This build's name (dist/.built, written by scripts/build.js), or undefined when running from source. */
function buildKey(): string | undefined {
  try {
    return readFileSync(new URL("../.built", import.meta.url), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folder for cache files: KNOWLEDGE_CACHE when set, else systemd's CACHE_DIRECTORY (`CacheDirectory=` in the
 * unit), else $XDG_CACHE_HOME/briefbot or ~/.cache/briefbot.
 */
export function cacheFolder(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (setting) return resolve(setting);
  const systemd = env.CACHE_DIRECTORY?.split(":")[0];
  if (systemd) return systemd;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "briefbot");
}

/**
 * The knowledge cache for a start that loads `dir` (docs/speed.md): a file in {@link cacheFolder} named for the
 * folder, trusted only by this build. Undefined, so every start validates in full, when KNOWLEDGE_CACHE is `off` and
 * when running from source (tsx): there the code may change without a build, so no key can say which rules validated.
 */
export function knowledgeCache(
  dir: string,
  setting: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  key: string | undefined = buildKey(),
): KnowledgeCacheOptions | undefined {
  if (key === undefined || /^(off|false|0|no)$/i.test(setting ?? "")) return undefined;
  const folder = cacheFolder(setting, env);
  prune(folder);
  return {
    file: join(folder, `knowledge-${createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16)}.cache`),
    key,
  };
}

/** Keeps the {@link KEEP} most recently written cache files in `folder`; never throws. */
function prune(folder: string): void {
  try {
    const names = readdirSync(folder).filter((n) => /^knowledge-[0-9a-f]{16}\.cache$/.test(n));
    if (names.length <= KEEP) return;
    const byAge = names
      .map((n) => ({ path: join(folder, n), at: statSync(join(folder, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.at - a.at);
    for (const { path } of byAge.slice(KEEP)) rmSync(path, { force: true });
  } catch {
    // No folder yet, or not ours to tidy: nothing to do.
  }
}
