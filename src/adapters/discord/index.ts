/**
 * The Discord adapter: discord.js's gateway client on the shared commands and query core. Slash commands with
 * autocomplete, buttons, DMs and guild @mentions/replies; `registerCommands` for `npx briefbot register`; discord.js's
 * ShardingManager when DISCORD_SHARDS is set. See the Discord section of README.md.
 */
import type { RunningAdapter, Runtime } from "../../runtime.js";
import type { FloodOptions } from "../../commands/flood.js";
import { startClient } from "./serve.js";
import { startSharded } from "./sharding.js";

export { commandPayloads, registerCommands, type RegisterOptions, type RegisterResult } from "./commands.js";

export interface DiscordOptions {
  token: string;
  applicationId: string;
  /** Where `register` puts the commands during development; the running bot answers in every guild either way. */
  guildId?: string;
  /** REST root (DISCORD_API_URL) for another API root or a REST proxy; discord.js adds `/v10`. */
  apiUrl?: string;
  /** Start discord.js's ShardingManager with this many shards, or Discord's recommendation for `auto`. */
  shards?: number | "auto";
  /** Aborts the login when briefbot stops before it has finished (one process; not the ShardingManager). */
  signal?: AbortSignal;
  // Knobs for tests and operations.
  /** Retries of failed REST requests (default 3; tests use 0). */
  restRetries?: number;
  /** Defer a slash command whose interaction is already this old when handled (default 1500 ms). */
  deferAfterMs?: number;
  /** Per-user flood limits, the same settings as Telegram's (defaults 6 and, for autocomplete, 30 per 10 s). */
  flood?: FloodOptions;
  autocompleteFlood?: FloodOptions;
  /** Pause between spawning shards (default 5500 ms, discord.js's default, for the identify rate limit). */
  spawnDelayMs?: number;
  /** Extra environment for shard processes (e.g. KNOWLEDGE_DIR); shards read their settings from the environment. */
  shardEnv?: Record<string, string>;
}

/**
 * Logs in to Discord and serves until `stop()`. Resolves once the client is ready (every guild received); rejects
 * when the login fails. With `shards` it runs discord.js's ShardingManager instead, one process per shard.
 */
export async function startDiscord(runtime: Runtime, options: DiscordOptions): Promise<RunningAdapter> {
  return options.shards === undefined ? startClient(runtime, options) : startSharded(runtime, options);
}
