import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { eventually } from "./fixtures.js";

const require = createRequire(import.meta.url);
const TSX = pathToFileURL(require.resolve("tsx")).href;
export const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

/** A spawned `src/main.ts` (through tsx, as `npm start` runs it) with its output collected. */
export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts briefbot's main in an empty working folder (so no developer's `.env` is read), with exactly `env` on top of
 * PATH and HOME.
 */
export function spawnMain(env: Record<string, string>): Spawned {
  const cwd = mkdtempSync(join(tmpdir(), "briefbot-main-"));
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, ...env },
    stdio: "pipe",
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** The JSON log lines in a process's output (pino writes one object per line), skipping everything else. */
export const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Waits (up to `timeoutMs`) for a JSON log line of the process that `match` accepts; false when none came. */
export const logged = (
  s: Spawned,
  match: (line: Record<string, unknown>) => boolean,
  timeoutMs = 10_000,
): Promise<boolean> => eventually(() => jsonLines(s.stderr()).some(match), timeoutMs);
