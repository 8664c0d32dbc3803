/**
 * One shard process, started by discord.js's ShardingManager (see sharding.ts). The manager puts the token in
 * DISCORD_TOKEN and the shard id and count in SHARDS / SHARD_COUNT (discord.js's client reads them); the rest comes
 * as JSON in argv[2]. The shard loads the knowledge itself, answers like the unsharded bot, and exits 0 on
 * SIGTERM (or when the manager goes away) after destroying its client; SIGHUP reloads its knowledge.
 */
import { loadConfig } from "../../config.js";
import { createLogger } from "../../log.js";
import { KnowledgeHolder } from "../../ops/knowledge.js";
import { noTelemetry, type Runtime, type Telemetry } from "../../runtime.js";
import { startClient } from "./serve.js";
import type { ShardArgs, ShardTelemetry } from "./sharding.js";

/**
 * Answers and errors go to the manager over the IPC channel, so the main process's /metrics and unanswered log count
 * shard traffic too. Only a declined question's text travels, and only because the unanswered log may want it.
 */
const toManager: Telemetry = {
  answer(event, question) {
    const message: ShardTelemetry = { briefbot: "answer", event, question: event.answered ? null : question };
    process.send?.(message);
  },
  error(platform, where) {
    const message: ShardTelemetry = { briefbot: "error", platform, where };
    process.send?.(message);
  },
};

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as ShardArgs;
  Object.assign(process.env, args.env ?? {}, { DISCORD_APPLICATION_ID: args.applicationId });
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL).child({ shard: Number(process.env.SHARDS) });
  const knowledge = new KnowledgeHolder(config.KNOWLEDGE_DIR, log);
  if (config.KNOWLEDGE_WATCH) knowledge.watch();
  const runtime: Runtime = { core: () => knowledge.core(), log, telemetry: process.send ? toManager : noTelemetry };
  const adapter = await startClient(runtime, {
    token: process.env.DISCORD_TOKEN ?? "",
    applicationId: args.applicationId,
    ...(args.apiUrl && { apiUrl: args.apiUrl }),
    ...(args.restRetries !== undefined && { restRetries: args.restRetries }),
    ...(args.deferAfterMs !== undefined && { deferAfterMs: args.deferAfterMs }),
  });
  const stop = () => {
    knowledge.close();
    void adapter.stop().finally(() => process.exit(0));
  };
  // The manager stops shards with SIGTERM. Ctrl-C reaches the whole process group: the manager handles it (and then
  // stops the shards), so a shard ignores SIGINT rather than exit first and be respawned. Orphaned, a shard stops.
  process.once("SIGTERM", stop);
  process.on("SIGINT", () => undefined);
  process.once("disconnect", stop);
  process.on("SIGHUP", () => knowledge.reload("SIGHUP"));
}

main().catch((err: unknown) => {
  // ConfigError and KnowledgeError messages name the setting or file, never a secret.
  process.stderr.write(`briefbot shard: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
