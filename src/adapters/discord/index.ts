/**
 * The Discord adapter: discord.js's gateway client on the shared commands and query core. Slash commands with
 * autocomplete, buttons, DMs and guild @mentions/replies; `registerCommands` for `npx briefbot register`; discord.js's
 * ShardingManager when DISCORD_SHARDS is set. See docs/discord.md.
 */
import { once } from "node:events";
import { Events, type Client } from "discord.js";
import type { AdapterState, RunningAdapter, Runtime } from "../runtime.js";
import { createDiscordClient } from "./client.js";
import { handleInteraction } from "./interactions.js";
import { handleMessage } from "./messages.js";
import { errorInfo, sendError } from "./respond.js";
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
  // Knobs for tests and operations.
  /** Retries of failed REST requests (default 3; tests use 0). */
  restRetries?: number;
  /** Defer a slash command whose interaction is already this old when handled (default 1500 ms). */
  deferAfterMs?: number;
  /** Pause between spawning shards (default 5500 ms, discord.js's default, for the identify rate limit). */
  spawnDelayMs?: number;
  /** Extra environment for shard processes (e.g. KNOWLEDGE_DIR); shards read their settings from the environment. */
  shardEnv?: Record<string, string>;
}

const DEFAULT_DEFER_AFTER_MS = 1500;

/**
 * Logs in to Discord and serves until `stop()`. Resolves once the client is ready (every guild received); rejects
 * when the login fails. With `shards` (and not already inside a shard) it runs discord.js's ShardingManager instead,
 * one process per shard.
 */
export async function startDiscord(runtime: Runtime, options: DiscordOptions): Promise<RunningAdapter> {
  if (options.shards !== undefined && !process.env.SHARDING_MANAGER) return startSharded(runtime, options);
  const { log } = runtime;
  const client = createDiscordClient(options);
  const ctx = { runtime, deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS };
  let state: AdapterState = "starting";
  const inflight = new Set<Promise<void>>();

  /** Runs a handler so that no error escapes: it is logged (no user data), counted, and answered "went wrong". */
  const serve = (where: string, target: Parameters<typeof sendError>[0], handler: () => Promise<void>) => {
    if (state !== "serving") return;
    const job = handler()
      .catch(async (err: unknown) => {
        log.error({ platform: "discord", where, err: errorInfo(err) }, "discord handler failed");
        try {
          runtime.telemetry.error("discord", where);
        } catch {
          // Telemetry never stops an answer.
        }
        await sendError(target);
      })
      .finally(() => inflight.delete(job));
    inflight.add(job);
  };

  client.on(Events.InteractionCreate, (i) => serve("interaction", i, () => handleInteraction(ctx, i)));
  client.on(Events.MessageCreate, (m) => serve("message", m, () => handleMessage(runtime, m)));
  client.on(Events.Error, (err) => log.error({ platform: "discord", err: errorInfo(err) }, "discord client error"));
  // Gateway trouble (discord.js reconnects and resumes by itself), logged while serving, not while stopping.
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (state === "serving") log.warn({ platform: "discord", shard, code: event.code }, "discord gateway disconnected");
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (state === "serving") log.info({ platform: "discord", shard }, "discord gateway reconnecting");
  });
  client.on(Events.ShardResume, (shard) => log.info({ platform: "discord", shard }, "discord gateway resumed"));

  try {
    const ready = once(client, Events.ClientReady);
    await client.login(options.token);
    await ready;
  } catch (err) {
    state = "failed";
    await client.destroy().catch(() => undefined);
    throw err;
  }
  state = "serving";
  log.info({ platform: "discord", guilds: client.guilds.cache.size, shards: client.ws.shards.size }, "discord ready");
  return adapterFor(client, () => state, (s) => (state = s), inflight);
}

function adapterFor(client: Client, get: () => AdapterState, set: (s: AdapterState) => void, inflight: Set<Promise<void>>): RunningAdapter {
  let stopping: Promise<void> | undefined;
  return {
    name: "discord",
    state: get,
    stop: () =>
      (stopping ??= (async () => {
        if (get() === "serving") set("stopped"); // no new events from here on
        await Promise.allSettled([...inflight]);
        await client.destroy();
        set("stopped");
      })()),
  };
}
