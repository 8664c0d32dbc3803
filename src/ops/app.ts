import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { ConfigError } from "../config.js";
import type { AdapterState, Platform, RunningAdapter, Runtime } from "../runtime.js";
import { BotMetrics } from "./bot-metrics.js";
import { KnowledgeHolder } from "./knowledge.js";
import { knowledgeCache } from "./knowledge-cache.js";
import type { HealthServer } from "./health.js";
import { createTelemetry } from "./telemetry.js";
import { UnansweredLog, UnansweredLogError } from "./unanswered.js";
import { isTransient, planAdapters, startFailure, unreachable, type PlannedAdapter } from "./adapters.js";

/** How long `stop()` waits for adapters to finish in-flight answers before giving up on them. */
export const STOP_TIMEOUT_MS = 10_000;

/** Waits between start attempts of an unreachable platform: doubling from `firstMs`, never over `maxMs`. */
export interface RetryOptions {
  firstMs: number;
  maxMs: number;
}

/** Default start retries: 1 s, 2 s, 4 s … then every 30 s. */
export const DEFAULT_RETRY: RetryOptions = { firstMs: 1_000, maxMs: 30_000 };

/** A running briefbot: the knowledge, the adapters, and the health server when one is configured. */
export interface App {
  readonly runtime: Runtime;
  readonly knowledge: KnowledgeHolder;
  readonly metrics: BotMetrics;
  /** One per configured adapter from the moment startApp returns, its state live (`starting` first). */
  readonly adapters: readonly RunningAdapter[];
  readonly health: HealthServer | undefined;
  /** True when at least one adapter is serving. */
  serving(): boolean;
  /** True when every adapter has failed for good (a refused token, polling stopped): nothing will recover by itself. */
  failed(): boolean;
  /** Settles when every adapter's first start attempt has settled: serving, failed, or waiting to retry. */
  readonly started: Promise<void>;
  /** Calls `listener` whenever an adapter's start-up state changes (serving, retrying, failed). */
  onChange(listener: () => void): void;
  /** The adapter object `name` started, once started (the console's, for its notices). */
  running(name: Platform): RunningAdapter | undefined;
  /** Settles when every adapter that can end by itself has ended (the console at end of input). Never for platforms. */
  readonly finished: Promise<void>;
  /** Reloads the knowledge now (SIGHUP). */
  reload(): unknown;
  /** Stops every adapter (a start under way is aborted; in-flight answers finish), the watcher and the health server. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  /** Overrides the adapters the configuration would choose (tests, the benchmark). */
  plan?: PlannedAdapter[];
  /** Overrides the waits between start attempts of an unreachable platform (tests). */
  retry?: RetryOptions;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * One configured adapter, supervised: its state is `starting` from the first moment; a start that fails for a reason
 * that may pass (the platform unreachable) is retried with capped, doubling waits while the state says `retrying`; a
 * refused login is `failed` for good. Once started, the state is the adapter's own.
 */
class SupervisedAdapter implements RunningAdapter {
  private status: AdapterState = "starting";
  private adapter: RunningAdapter | undefined;
  private readonly abort = new AbortController();
  /** Settles when the first attempt has: started, failed, or a retry is scheduled. */
  readonly firstAttempt: Promise<void>;
  /** The started adapter, or undefined when it failed for good or was stopped before it started. */
  readonly done: Promise<RunningAdapter | undefined>;

  constructor(
    private readonly plan: PlannedAdapter,
    private readonly runtime: Runtime,
    private readonly retry: RetryOptions,
    private readonly changed: () => void,
  ) {
    let settle!: () => void;
    this.firstAttempt = new Promise((r) => (settle = r));
    this.done = this.run(settle).finally(settle);
  }

  get name(): Platform {
    return this.plan.name;
  }

  state(): AdapterState {
    return this.adapter ? this.adapter.state() : this.status;
  }

  started(): RunningAdapter | undefined {
    return this.adapter;
  }

  private async run(settle: () => void): Promise<RunningAdapter | undefined> {
    const { log, telemetry } = this.runtime;
    const { signal } = this.abort;
    const name = this.plan.name;
    for (let attempt = 1; ; attempt++) {
      try {
        const adapter = await this.plan.start(this.runtime, { signal });
        if (signal.aborted) {
          await adapter.stop().catch(() => undefined);
          this.status = "stopped";
          return undefined;
        }
        this.adapter = adapter;
        log.info({ adapter: name, state: adapter.state(), attempts: attempt }, "adapter started");
        this.changed();
        return adapter;
      } catch (err) {
        if (signal.aborted) {
          this.status = "stopped";
          return undefined;
        }
        telemetry.error(name, "start");
        if (!isTransient(err)) {
          this.status = "failed";
          log.error({ adapter: name }, startFailure(this.plan, err));
          this.changed();
          return undefined;
        }
        const wait = Math.min(this.retry.maxMs, this.retry.firstMs * 2 ** Math.min(attempt - 1, 20));
        this.status = "retrying";
        log.warn({ adapter: name, attempt, retryInMs: wait }, unreachable(this.plan, err, wait));
        this.changed();
        settle();
        try {
          await sleep(wait, undefined, { signal });
        } catch {
          this.status = "stopped";
          return undefined;
        }
      }
    }
  }

  /** Aborts a start under way, or stops the started adapter. */
  async stop(): Promise<void> {
    this.abort.abort();
    const adapter = await this.done;
    if (adapter) await adapter.stop();
    else if (this.status !== "failed") this.status = "stopped";
  }
}

/**
 * Starts briefbot from a validated configuration and returns as soon as the health server listens and the knowledge
 * watch is on: the adapters start in the background, side by side and each on its own, and their states show in
 * `/healthz` and the metrics from the first moment. Throws a KnowledgeError when the knowledge cannot be loaded, and a
 * ConfigError naming UNANSWERED_LOG when that file cannot be written.
 */
export async function startApp(
  config: Config,
  { log, plan = planAdapters(config), retry = DEFAULT_RETRY }: StartOptions,
): Promise<App> {
  // The unanswered log first: a path that cannot be written is a bad setting, told before anything else starts.
  let unanswered: UnansweredLog | undefined;
  if (config.UNANSWERED_LOG) {
    try {
      unanswered = new UnansweredLog(config.UNANSWERED_LOG, { log, maxBytes: config.UNANSWERED_LOG_MAX_BYTES });
    } catch (err) {
      if (err instanceof UnansweredLogError) throw new ConfigError([`UNANSWERED_LOG: ${err.message}`]);
      throw err;
    }
  }
  const metrics = new BotMetrics();
  let knowledge: KnowledgeHolder;
  try {
    knowledge = new KnowledgeHolder(config.KNOWLEDGE_DIR, log, {
      onReload: (ok, at) => metrics.reloaded(ok, at),
      cache: knowledgeCache(config.KNOWLEDGE_DIR, config.KNOWLEDGE_CACHE),
    });
  } catch (err) {
    await unanswered?.close();
    throw err;
  }
  log.info({ entries: knowledge.core().size, dir: config.KNOWLEDGE_DIR }, "knowledge loaded");
  const runtime: Runtime = { core: () => knowledge.core(), log, telemetry: createTelemetry(metrics, unanswered, log) };

  const adapters: SupervisedAdapter[] = [];
  const states = () => adapters.map((a) => ({ name: a.name, state: a.state() }));
  metrics.attach({ entries: () => knowledge.core().size, adapters: states });

  // The health server before any platform connection: a port already taken stops start-up at once.
  let health: HealthServer | undefined;
  if (config.HEALTH_PORT !== undefined) {
    const sources = {
      adapters: states,
      knowledge: () => ({ entries: knowledge.core().size, loadedAt: knowledge.loadedAt() }),
      metrics: () => metrics.expose(),
    };
    // Imported only when configured: node:http is a start-up cost the console alone does not need.
    const { startHealthServer } = await import("./health.js");
    health = await startHealthServer(sources, config.HEALTH_PORT, config.HEALTH_HOST).catch(async (err: Error) => {
      await unanswered?.close();
      metrics.detach();
      throw new Error(`HEALTH_PORT: cannot listen on ${config.HEALTH_HOST}:${config.HEALTH_PORT} (${err.message})`);
    });
    log.info({ port: health.port }, "health and metrics listening (/healthz, /metrics)");
  }
  // The watch before the adapters, so an edit is picked up even while a platform is still being reached.
  if (config.KNOWLEDGE_WATCH) knowledge.watch();

  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const l of listeners) l();
  };
  for (const p of plan) adapters.push(new SupervisedAdapter(p, runtime, retry, changed));
  const started = Promise.all(adapters.map((a) => a.firstAttempt)).then(() => undefined);

  const finished = Promise.all(adapters.map((a) => a.done)).then((running) => {
    const endings = running
      .map((a) => (a as { finished?: unknown } | undefined)?.finished)
      .filter((f): f is Promise<void> => f instanceof Promise);
    return endings.length ? Promise.all(endings).then(() => undefined) : new Promise<void>(() => {});
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      knowledge.close();
      await Promise.all(
        adapters.map(async (a) => {
          try {
            if ((await withTimeout(a.stop(), STOP_TIMEOUT_MS)) === "timeout")
              log.warn({ adapter: a.name }, "adapter did not stop in time");
          } catch (err) {
            log.warn(
              { adapter: a.name, reason: err instanceof Error ? err.message : String(err) },
              "adapter stop failed",
            );
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
    started,
    finished,
    serving: () => adapters.some((a) => a.state() === "serving"),
    failed: () => adapters.length > 0 && adapters.every((a) => a.state() === "failed"),
    onChange: (listener) => void listeners.push(listener),
    running: (name) => adapters.find((a) => a.name === name)?.started(),
    reload: () => knowledge.reload("SIGHUP"),
    stop,
  };
}
