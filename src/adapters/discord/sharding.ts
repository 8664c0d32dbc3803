import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Routes, ShardingManager, type Shard } from "discord.js";
import type { AdapterState, AnswerEvent, Platform, RunningAdapter, Runtime } from "../../runtime.js";
import { botRest } from "./commands.js";
import type { DiscordOptions } from "./index.js";
import { describeError } from "./errors.js";

/** Whether this module runs compiled (dist/, `npm start`) or as TypeScript through tsx (tests, `npm run dev`). */
const COMPILED = import.meta.url.endsWith(".js");

/** The shard entry file each shard process runs: shard.js beside this file in a build, shard.ts from source. */
export const SHARD_FILE = fileURLToPath(new URL(COMPILED ? "./shard.js" : "./shard.ts", import.meta.url));

/** What a shard process is told on its command line (never the token: that goes in its environment). */
export interface ShardArgs {
  applicationId: string;
  apiUrl?: string;
  restRetries?: number;
  deferAfterMs?: number;
  env?: Record<string, string>;
}

/** A shard's answer or error, sent to the manager over IPC (see shard.ts) and passed to the main telemetry. */
export type ShardTelemetry =
  | { briefbot: "answer"; event: AnswerEvent; question: string | null }
  | { briefbot: "error"; platform: Platform; where: string };

function isShardTelemetry(m: unknown): m is ShardTelemetry {
  const b = (m as { briefbot?: unknown } | null)?.briefbot;
  return b === "answer" || b === "error";
}

/**
 * Node flags for a shard process: none for the compiled shard.js; from source, tsx's loader (a dev dependency), by
 * absolute URL so any working directory works.
 */
export function shardExecArgv(): string[] {
  if (COMPILED) return [];
  const loader = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(loader).href];
}

/**
 * How many shards to run: the number given, or for `auto` Discord's recommendation from GET /gateway/bot, asked
 * through the configured API root (discord.js's own `auto` always asks discord.com, ignoring DISCORD_API_URL).
 */
export async function shardCount(options: DiscordOptions): Promise<number> {
  if (options.shards !== "auto") return Math.max(1, Math.floor(Number(options.shards ?? 1)));
  const info = (await botRest(options).get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, Math.floor(Number(info.shards) || 1));
}

/** Environment variables discord.js's ShardingManager constructor writes into the manager's own process. */
const MANAGER_ENV = ["SHARDING_MANAGER", "SHARDING_MANAGER_MODE", "DISCORD_TOKEN"] as const;

/**
 * The ShardingManager for these options and shard count, built but not spawned. Its constructor sets
 * SHARDING_MANAGER, SHARDING_MANAGER_MODE and DISCORD_TOKEN in this process's environment (so that any later client
 * here would take itself for a shard, and the token would reach every child process); they are put back as they
 * were, and the shards get the mode through their arguments instead (the manager gives them the rest).
 */
export function createShardingManager(options: DiscordOptions, totalShards: number): ShardingManager {
  const args: ShardArgs = {
    applicationId: options.applicationId,
    ...(options.apiUrl && { apiUrl: options.apiUrl }),
    ...(options.restRetries !== undefined && { restRetries: options.restRetries }),
    ...(options.deferAfterMs !== undefined && { deferAfterMs: options.deferAfterMs }),
    env: { ...options.shardEnv, SHARDING_MANAGER_MODE: "process" },
  };
  const saved = MANAGER_ENV.map((name) => [name, process.env[name]] as const);
  try {
    return new ShardingManager(SHARD_FILE, {
      token: options.token,
      totalShards,
      mode: "process",
      respawn: true,
      execArgv: shardExecArgv(),
      shardArgs: [JSON.stringify(args)],
    });
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Stops one shard process and resolves with how it ended (exit code 0 when it stopped cleanly). */
async function stopShard(shard: Shard): Promise<{ code: number | null; signal: string | null }> {
  const proc = shard.process;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null)
    return { code: proc?.exitCode ?? null, signal: proc?.signalCode ?? null };
  const exited = once(proc, "exit") as Promise<[number | null, string | null]>;
  shard.kill(); // SIGTERM: the shard destroys its client and exits 0
  const [code, signal] = await exited;
  return { code, signal };
}

/**
 * Runs the bot as discord.js shards, one child process each (Discord requires sharding past 2,500 guilds). Each shard
 * loads the knowledge itself (see shard.ts). Resolves when every shard is ready; `stop()` stops them all.
 */
export async function startSharded(runtime: Runtime, options: DiscordOptions): Promise<RunningAdapter> {
  const { log } = runtime;
  const total = await shardCount(options);
  const manager = createShardingManager(options, total);
  let state: AdapterState = "starting";
  manager.on("shardCreate", (shard) => {
    log.info({ platform: "discord", shard: shard.id, of: total }, "discord shard spawned");
    shard.on("death", () => {
      if (state === "serving") log.warn({ platform: "discord", shard: shard.id }, "discord shard died; respawning");
    });
    shard.on("error", (err) =>
      log.error({ platform: "discord", shard: shard.id, err: describeError(err) }, "discord shard error"),
    );
    shard.on("message", (m: unknown) => {
      if (!isShardTelemetry(m)) return;
      try {
        if (m.briefbot === "answer") runtime.telemetry.answer(m.event, m.question);
        else runtime.telemetry.error(m.platform, m.where);
      } catch (err) {
        log.warn({ platform: "discord", shard: shard.id, err: describeError(err) }, "shard telemetry failed");
      }
    });
  });
  // main.ts reloads its own knowledge on SIGHUP; each shard holds its own, so pass the signal on.
  const forwardHup = () => {
    for (const shard of manager.shards.values()) shard.process?.kill("SIGHUP");
  };
  process.on("SIGHUP", forwardHup);
  const stopAll = async () => {
    if (state === "serving") state = "stopped";
    process.off("SIGHUP", forwardHup);
    manager.respawn = false;
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const { code, signal } = await stopShard(shard);
        log.info({ platform: "discord", shard: shard.id, code, signal }, "discord shard stopped");
      }),
    );
  };
  try {
    await manager.spawn({ amount: total, delay: options.spawnDelayMs ?? 5500, timeout: 60_000 });
  } catch (err) {
    state = "failed";
    await stopAll();
    throw err;
  }
  state = "serving";
  log.info({ platform: "discord", shards: total }, "discord shards ready");
  let stopping: Promise<void> | undefined;
  return {
    name: "discord",
    state: () => state,
    stop: () =>
      (stopping ??= (async () => {
        await stopAll();
        state = "stopped";
      })()),
  };
}
