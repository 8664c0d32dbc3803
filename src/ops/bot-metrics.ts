import type { AdapterState, AnswerEvent, Platform } from "../runtime.js";
import { observeGc } from "./gc-metrics.js";
import { Counter, Gauge, Histogram, Registry } from "./metrics.js";

/** Latency buckets in seconds: the core answers in well under a millisecond, a slow path in tens of milliseconds. */
const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
/** GC pause buckets in seconds: a young-generation pause takes a few milliseconds, a full one can take tens. */
const GC_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 1];

const ADAPTER_STATES: readonly AdapterState[] = ["starting", "serving", "retrying", "stopped", "failed"];

/** Where the metrics read what is live now: the knowledge served and each adapter's state. */
export interface MetricsSources {
  entries(): number;
  adapters(): { name: string; state: AdapterState }[];
}

/**
 * briefbot's own metrics (all prefixed `briefbot_`), fed by telemetry and read at scrape time. Labels are the
 * platform, the command and fixed error sites only: never anything a user typed.
 */
export class BotMetrics {
  readonly registry = new Registry();
  readonly requests = this.registry.register(
    new Counter("briefbot_requests_total", "Commands handled, by platform and command."),
  );
  readonly questions = this.registry.register(
    new Counter("briefbot_questions_total", "Questions asked (ask and free text), by platform."),
  );
  readonly answered = this.registry.register(
    new Counter("briefbot_answered_total", "Questions answered from the knowledge base, by platform."),
  );
  readonly declined = this.registry.register(
    new Counter("briefbot_declined_total", "Questions declined as not known, by platform."),
  );
  readonly latency = this.registry.register(
    new Histogram(
      "briefbot_answer_latency_seconds",
      "Time to produce an answer (command and core), by platform.",
      LATENCY_BUCKETS,
    ),
  );
  readonly errors = this.registry.register(
    new Counter("briefbot_errors_total", "Errors caught while handling updates, by platform and site."),
  );
  readonly reloads = this.registry.register(
    new Counter("briefbot_knowledge_reloads_total", "Knowledge reloads, by result (ok or failed)."),
  );
  readonly lastReload = this.registry.register(
    new Gauge("briefbot_knowledge_last_reload_timestamp_seconds", "Unix time the knowledge now served was loaded."),
  );
  readonly gc = this.registry.register(
    new Histogram(
      "nodejs_gc_duration_seconds",
      "Garbage-collection pauses of the process, by kind (minor, major, incremental, weakcb).",
      GC_BUCKETS,
    ),
  );
  private stopGc?: () => void;

  /**
   * Adds the series read live at scrape time (entry count, adapter states, process figures) and starts observing GC
   * pauses. Call once; `detach` stops the GC observer.
   */
  attach(sources: MetricsSources): void {
    this.stopGc = observeGc(this.gc);
    this.registry.register(
      new Gauge("briefbot_knowledge_entries", "Quotes and facts in the knowledge served now.", (set) =>
        set({}, sources.entries()),
      ),
    );
    this.registry.register(
      new Gauge(
        "process_cpu_seconds_total",
        "User and system CPU time of the process, in seconds.",
        (set) => {
          const { user, system } = process.cpuUsage();
          set({}, (user + system) / 1e6);
        },
        "counter",
      ),
    );
    this.registry.register(
      new Gauge("process_resident_memory_bytes", "Resident memory of the process, in bytes.", (set) =>
        set({}, process.memoryUsage.rss()),
      ),
    );
    this.registry.register(
      new Gauge("nodejs_heap_used_bytes", "V8 heap in use, in bytes.", (set) =>
        set({}, process.memoryUsage().heapUsed),
      ),
    );
    this.registry.register(
      new Gauge("briefbot_adapter_up", "1 when the adapter is serving, else 0, by adapter.", (set) => {
        for (const a of sources.adapters()) set({ adapter: a.name }, a.state === "serving" ? 1 : 0);
      }),
    );
    this.registry.register(
      new Gauge(
        "briefbot_adapter_state",
        "1 for the state each adapter is in now (starting, serving, retrying, stopped, failed), 0 for the others.",
        (set) => {
          for (const a of sources.adapters())
            for (const state of ADAPTER_STATES) set({ adapter: a.name, state }, a.state === state ? 1 : 0);
        },
      ),
    );
  }

  /** Stops observing GC pauses (the series keep their counts). */
  detach(): void {
    this.stopGc?.();
    this.stopGc = undefined;
  }

  /** Counts one handled command; `isQuestion` when it asked the core a question. */
  record(event: AnswerEvent, isQuestion: boolean): void {
    const platform = event.platform;
    this.requests.inc({ platform, command: event.command });
    this.latency.observe({ platform }, event.latencyMs / 1000);
    if (!isQuestion) return;
    this.questions.inc({ platform });
    (event.answered ? this.answered : this.declined).inc({ platform });
  }

  /** Counts an error at a fixed site (`where` is cut to 40 characters to keep label values bounded). */
  error(platform: Platform, where: string): void {
    this.errors.inc({ platform, where: String(where).slice(0, 40) });
  }

  /** Records a knowledge load: its time when it succeeded, a failure otherwise. */
  reloaded(ok: boolean, at: Date = new Date()): void {
    this.reloads.inc({ result: ok ? "ok" : "failed" });
    if (ok) this.lastReload.set({}, Math.round(at.getTime() / 1000));
  }

  /** The Prometheus text of every series. */
  expose(): string {
    return this.registry.expose();
  }
}
