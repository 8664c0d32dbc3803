import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { RunningAdapter, Runtime } from "../adapters/runtime.js";
import { BotMetrics } from "./bot-metrics.js";
import { KnowledgeHolder } from "./knowledge.js";
import { startHealthServer, type HealthServer } from "./health.js";
import { createTelemetry } from "./telemetry.js";
import { UnansweredLog } from "./unanswered.js";
import { failedAdapter, planAdapters, startFailure, type PlannedAdapter } from "./adapters.js";

/** How long `stop()` waits for adapters to finish in-flight answers before giving up on them. */
const STOP_TIMEOUT_MS = 10_000;

/** A running briefbot: the knowledge, the adapters, and the health server when one is configured. */
export interface App {
  readonly runtime: Runtime;
  readonly knowledge: KnowledgeHolder;
  readonly metrics: BotMetrics;
  readonly adapters: readonly RunningAdapter[];
  readonly health: HealthServer | undefined;
  /** True when at least one adapter is serving. */
  serving(): boolean;
  /** Settles when every adapter that can end by itself has ended (the console at end of input). Never for platforms. */
  readonly finished: Promise<void>;
  /** Reloads the knowledge now (SIGHUP). */
  reload(): boolean;
  /** Stops every adapter (in-flight answers finish), the watcher and the health server. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  /** Overrides the adapters the configuration would choose (tests, the benchmark). */
  plan?: PlannedAdapter[];
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Starts briefbot from a validated configuration. Throws a KnowledgeError when the knowledge cannot be loaded.
 * Adapters start side by side and each on its own: one that fails (a refused login) is logged with a clear,
 * secret-free message and shown as failed, and the others keep serving.
 */
export async function startApp(config: Config, { log, plan = planAdapters(config) }: StartOptions): Promise<App> {
  const metrics = new BotMetrics();
  const knowledge = new KnowledgeHolder(config.KNOWLEDGE_DIR, log, { onReload: (ok, at) => metrics.reloaded(ok, at) });
  log.info({ entries: knowledge.core().size, dir: config.KNOWLEDGE_DIR }, "knowledge loaded");
  const unanswered = config.UNANSWERED_LOG ? new UnansweredLog(config.UNANSWERED_LOG, log) : undefined;
  const runtime: Runtime = { core: () => knowledge.core(), log, telemetry: createTelemetry(metrics, unanswered, log) };

  const adapters: RunningAdapter[] = [];
  const states = () => adapters.map((a) => ({ name: a.name, state: a.state() }));
  metrics.attach({ entries: () => knowledge.core().size, adapters: states });

  // The health server first: a port already taken stops start-up before any platform connection is made.
  let health: HealthServer | undefined;
  if (config.HEALTH_PORT !== undefined) {
    const sources = {
      adapters: states,
      knowledge: () => ({ entries: knowledge.core().size, loadedAt: knowledge.loadedAt() }),
      metrics: () => metrics.expose(),
    };
    health = await startHealthServer(sources, config.HEALTH_PORT, config.HEALTH_HOST).catch(async (err: Error) => {
      await unanswered?.close();
      metrics.detach();
      throw new Error(`HEALTH_PORT: cannot listen on ${config.HEALTH_HOST}:${config.HEALTH_PORT} (${err.message})`);
    });
    log.info({ port: health.port }, "health and metrics listening (/healthz, /metrics)");
  }

  adapters.push(
    ...(await Promise.all(
      plan.map(async (p) => {
        try {
          const adapter = await p.start(runtime);
          log.info({ adapter: p.name, state: adapter.state() }, "adapter started");
          return adapter;
        } catch (err) {
          log.error({ adapter: p.name }, startFailure(p, err));
          runtime.telemetry.error(p.name, "start");
          return failedAdapter(p.name);
        }
      }),
    )),
  );
  if (config.KNOWLEDGE_WATCH) knowledge.watch();

  const endings = adapters.map((a) => (a as { finished?: unknown }).finished).filter((f): f is Promise<void> => f instanceof Promise);
  const finished = endings.length ? Promise.all(endings).then(() => undefined) : new Promise<void>(() => {});

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      knowledge.close();
      await Promise.all(
        adapters.map(async (a) => {
          try {
            if ((await withTimeout(a.stop(), STOP_TIMEOUT_MS)) === "timeout") log.warn({ adapter: a.name }, "adapter did not stop in time");
          } catch (err) {
            log.warn({ adapter: a.name, reason: err instanceof Error ? err.message : String(err) }, "adapter stop failed");
          }
        }),
      );
      await health?.close();
      await unanswered?.close();
      metrics.detach();
      log.info("stopped");
    })());

  return {
    runtime,
    knowledge,
    metrics,
    adapters,
    health,
    finished,
    serving: () => adapters.some((a) => a.state() === "serving"),
    reload: () => knowledge.reload("SIGHUP"),
    stop,
  };
}
