/**
 * briefbot's main job (`npm start`): loads `.env`, validates the configuration, installs the signal handlers, loads
 * the knowledge, and starts the adapters the configuration names (Telegram, Discord, both, or the console when neither
 * is set), each on its own in the background. SIGINT/SIGTERM stop everything (a start under way included) and exit 0;
 * SIGHUP reloads the knowledge. Exit 1 when every adapter has failed for good, 2 for a bad setting.
 */
import dotenv from "dotenv";
import { ConfigError, loadConfig, settingValue, type Config } from "./config.js";
import { consoleNotices, createLogger, defaultDestination } from "./log.js";
import { KnowledgeError } from "./core/index.js";
import { planAdapters } from "./ops/adapters.js";
import { STOP_TIMEOUT_MS, startApp, type App } from "./ops/app.js";

/** How often main checks that some adapter can still serve. */
const WATCHDOG_MS = 2_000;
/** After a stop signal, exit 0 by this time even if an adapter or a connection has not let go. */
const STOP_BUDGET_MS = STOP_TIMEOUT_MS + 2_000;

function fail(message: string, code: number): number {
  process.stderr.write(`briefbot: ${message}\n`);
  return code;
}

/**
 * The logger: LOG_LEVEL when set. Otherwise info — except in the interactive console, whose chat shows no log lines,
 * only errors a person must see (a reload that failed), each as one tidy line under the prompt.
 */
function loggerFor(config: Config, env: NodeJS.ProcessEnv) {
  const consoleOnly = planAdapters(config).every((p) => p.name === "console");
  if (settingValue(env, "LOG_LEVEL") === undefined && consoleOnly && process.stdin.isTTY) {
    const notices = consoleNotices();
    return { log: createLogger("error", notices), notices };
  }
  return { log: createLogger(config.LOG_LEVEL, defaultDestination()), notices: undefined };
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
  const { log, notices } = loggerFor(config, process.env);
  process.on("unhandledRejection", (reason) => {
    log.error({ reason: reason instanceof Error ? reason.message : String(reason) }, "unhandled rejection");
  });

  // Signals before anything starts: SIGHUP never kills briefbot, SIGTERM always stops it, even mid-start.
  let app: App | undefined;
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  let stopping = false;
  const shutdown = (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, "stopping");
    setTimeout(() => {
      log.warn({ budgetMs: STOP_BUDGET_MS }, "stop budget spent; exiting now");
      exit(code);
    }, STOP_BUDGET_MS).unref();
    if (app) void app.stop().then(() => exit(code));
    // Without an app (start-up still loading), main exits once startApp returns, below.
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGHUP", () => {
    if (app) app.reload();
    else log.info("SIGHUP during start-up: the knowledge is being loaded now");
  });

  try {
    app = await startApp(config, { log });
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message, 2);
    if (err instanceof KnowledgeError) return fail(`cannot load the knowledge: ${err.message}`, 1);
    return fail(err instanceof Error ? err.message : String(err), 1);
  }
  const started = app;
  if (stopping) {
    await started.stop();
    return 0;
  }

  // Every configured adapter failed for good (a refused token at start, polling stopped by a revoked one): exit 1 so
  // the supervisor (systemd, Docker, Kubernetes) restarts briefbot rather than leave it up and deaf. Adapters that are
  // retrying an unreachable platform keep the process up. The timer also keeps the process alive until a signal.
  const check = () => {
    if (stopping || !started.failed()) return;
    log.fatal("every adapter has failed; stopping so the supervisor can restart briefbot");
    shutdown("every adapter failed", 1);
  };
  started.onChange(check);
  const watchdog = setInterval(check, WATCHDOG_MS);
  check();
  void started.finished.then(() => shutdown("input ended"));
  if (notices) {
    void started.started.then(() => {
      const consoleAdapter = started.running("console") as { notice?: (line: string) => void } | undefined;
      if (typeof consoleAdapter?.notice === "function") notices.attach((line) => consoleAdapter.notice!(line));
    });
  }
  const code = await exited;
  clearInterval(watchdog);
  return code;
}

main().then(
  (code) => process.stdout.write("", () => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`briefbot: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
