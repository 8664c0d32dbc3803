import { once } from "node:events";
import { Events, type Client } from "discord.js";
import type { AdapterState, RunningAdapter, Runtime } from "../../runtime.js";
import { createDiscordClient } from "./client.js";
import { conversationOf } from "./conversation.js";
import { handleInteraction } from "./interactions.js";
import { discordFlood } from "./flood.js";
import { handleMessage } from "./messages.js";
import { describeError } from "./errors.js";
import { sendError } from "./respond.js";
import type { DiscordOptions } from "./index.js";

const DEFAULT_DEFER_AFTER_MS = 1500;

/** Settles like `p`, or rejects with the abort reason as soon as `signal` aborts. */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([p, aborted]).finally(() => signal.removeEventListener("abort", onAbort));
}

/**
 * One discord.js client (all shards in this process, or the shard a ShardingManager gave it through SHARDS /
 * SHARD_COUNT): logs in, resolves once ready (every guild received), serves until `stop()`. Rejects when the login
 * fails (an unreachable API included: the caller decides whether to try again) or `options.signal` aborts it. While
 * serving, the state is `retrying` while a gateway connection is being re-established (discord.js resumes by
 * itself), and `failed` when every shard was closed for good (say the token was reset: close code 4004).
 */
export async function startClient(runtime: Runtime, options: Omit<DiscordOptions, "shards">): Promise<RunningAdapter> {
  const { log } = runtime;
  const client = createDiscordClient(options);
  // The conversation layer, made now so it reads replies to the bot's answers from the first gateway event on.
  conversationOf(client, runtime);
  const ctx = { runtime, deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS, flood: discordFlood(options) };
  let state: AdapterState = "starting";
  const inflight = new Set<Promise<void>>();
  const reconnecting = new Set<number>();
  const closed = new Set<number>();
  const current = (): AdapterState => {
    if (state !== "serving") return state;
    if (closed.size > 0 && closed.size >= client.ws.shards.size) return "failed";
    return reconnecting.size > 0 ? "retrying" : "serving";
  };

  /** Runs a handler so that no error escapes: it is logged (no user data), counted, and answered "went wrong". */
  const serve = (where: string, target: Parameters<typeof sendError>[0], handler: () => Promise<void>) => {
    if (state !== "serving") return;
    const job = handler()
      .catch(async (err: unknown) => {
        log.error({ platform: "discord", where, err: describeError(err) }, "discord handler failed");
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
  client.on(Events.MessageCreate, (m) => serve("message", m, () => handleMessage(runtime, m, ctx.flood)));
  client.on(Events.Error, (err) => log.error({ platform: "discord", err: describeError(err) }, "discord client error"));
  // Gateway trouble (discord.js reconnects and resumes by itself), logged while serving, not while stopping.
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (state !== "serving") return;
    closed.add(shard);
    reconnecting.delete(shard);
    log.error(
      { platform: "discord", shard, code: event.code },
      "discord gateway closed for good (check DISCORD_TOKEN)",
    );
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (state !== "serving") return;
    reconnecting.add(shard);
    log.info({ platform: "discord", shard }, "discord gateway reconnecting");
  });
  client.on(Events.ShardResume, (shard) => {
    reconnecting.delete(shard);
    log.info({ platform: "discord", shard }, "discord gateway resumed");
  });
  client.on(Events.ShardReady, (shard) => {
    reconnecting.delete(shard);
    closed.delete(shard);
  });

  // Serving from the ready event itself: discord.js handles the events it queued during start-up right after it.
  const ready = once(client, Events.ClientReady);
  client.once(Events.ClientReady, () => {
    if (state === "starting") state = "serving";
  });
  try {
    await abortable(client.login(options.token), options.signal);
    await abortable(ready, options.signal);
  } catch (err) {
    state = "failed";
    await client.destroy().catch(() => undefined);
    throw err;
  }
  log.info({ platform: "discord", guilds: client.guilds.cache.size, shards: client.ws.shards.size }, "discord ready");
  return adapterFor(client, current, (s) => (state = s), inflight);
}

function adapterFor(
  client: Client,
  get: () => AdapterState,
  set: (s: AdapterState) => void,
  inflight: Set<Promise<void>>,
): RunningAdapter {
  let stopping: Promise<void> | undefined;
  return {
    name: "discord",
    state: get,
    stop: () =>
      (stopping ??= (async () => {
        set("stopped"); // no new events from here on
        await Promise.allSettled([...inflight]);
        await client.destroy();
        set("stopped");
      })()),
  };
}
