/**
 * briefbot's main job (`npm start`): loads `.env`, validates the configuration, loads the knowledge, and starts the
 * adapters the configuration names (Telegram, Discord, both, or the console when neither is set). SIGINT/SIGTERM stop
 * everything and exit 0; SIGHUP reloads the knowledge.
 */
import dotenv from "dotenv";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger } from "./log.js";
import { KnowledgeError } from "./core/loader.js";
import { planAdapters } from "./ops/adapters.js";
import { startApp } from "./ops/app.js";

/** How often main checks that some adapter is still up. */
const WATCHDOG_MS = 2_000;

function fail(message: string, code: number): number {
  process.stderr.write(`briefbot: ${message}\n`);
  return code;
}

/** Log level: LOG_LEVEL when set; otherwise info, or warn for the interactive console so logs do not cut into the chat. */
function levelFor(config: Config, env: NodeJS.ProcessEnv): string {
  const consoleOnly = planAdapters(config).every((p) => p.name === "console");
  if (!env.LOG_LEVEL && consoleOnly && process.stdin.isTTY) return "warn";
  return config.LOG_LEVEL;
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message, 2);
    throw err;
  }
  const log = createLogger(levelFor(config, process.env));
  process.on("unhandledRejection", (reason) => {
    log.error({ reason: reason instanceof Error ? reason.message : String(reason) }, "unhandled rejection");
  });

  let app;
  try {
    app = await startApp(config, { log });
  } catch (err) {
    if (err instanceof KnowledgeError) return fail(`cannot load the knowledge: ${err.message}`, 1);
    return fail(err instanceof Error ? err.message : String(err), 1);
  }
  if (!app.serving()) {
    log.fatal("no adapter is serving; stopping");
    await app.stop();
    return 1;
  }

  const started = app;
  return new Promise<number>((resolve) => {
    let watchdog: NodeJS.Timeout | undefined;
    const shutdown = (why: string) => {
      clearInterval(watchdog);
      log.info({ why }, "stopping");
      void started.stop().then(() => resolve(0));
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.on("SIGHUP", () => started.reload());
    void started.finished.then(() => shutdown("input ended"));
    // Every platform failed while running (a revoked token, polling stopped): exit non-zero so the supervisor
    // (systemd, Docker, Kubernetes) restarts the bot rather than leave it up and deaf. The timer also keeps the
    // process alive until a signal, whatever the adapters hold.
    watchdog = setInterval(() => {
      if (!started.adapters.every((a) => a.state() === "failed")) return;
      clearInterval(watchdog);
      log.fatal("every adapter has failed; stopping so the supervisor can restart briefbot");
      void started.stop().then(() => resolve(1));
    }, WATCHDOG_MS);
  });
}

main().then(
  (code) => process.stdout.write("", () => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`briefbot: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
