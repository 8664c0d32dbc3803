/**
 * A small Prometheus registry: counters, gauges and histograms with labels, written out in the text exposition
 * format (version 0.0.4). briefbot needs a handful of series, so this stays a page long instead of a dependency.
 */

type Labels = Record<string, string>;

/** Escapes a label value as the exposition format asks: backslash, double quote and newline. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return String(n);
}

/** Stable key for a label set, so the same labels in another order land on the same series. */
function keyOf(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

interface Metric {
  readonly name: string;
  expose(): string;
}

abstract class Family<T> implements Metric {
  protected readonly series = new Map<string, { labels: Labels; value: T }>();
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly type: string,
  ) {}

  protected at(labels: Labels, init: () => T): { labels: Labels; value: T } {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels: { ...labels }, value: init() };
      this.series.set(key, s);
    }
    return s;
  }

  protected abstract lines(): string[];

  expose(): string {
    return [
      `# HELP ${this.name} ${this.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`,
      `# TYPE ${this.name} ${this.type}`,
      ...this.lines(),
    ].join("\n");
  }
}

/** A value that only goes up. */
export class Counter extends Family<number> {
  constructor(name: string, help: string) {
    super(name, help, "counter");
  }
  /** Adds `by` (default 1, never negative) to the series with these labels. */
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) return;
    this.at(labels, () => 0).value += by;
  }
  /** The current value of one series (0 when never incremented). */
  get(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.value ?? 0;
  }
  protected lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${numberText(s.value)}`);
  }
}

/**
 * A value that is set, or read from a callback at scrape time. A value read from elsewhere that only goes up (CPU
 * seconds) is exposed with type "counter".
 */
export class Gauge extends Family<number> {
  constructor(
    name: string,
    help: string,
    private readonly collect?: (set: (labels: Labels, value: number) => void) => void,
    type: "gauge" | "counter" = "gauge",
  ) {
    super(name, help, type);
  }
  set(labels: Labels, value: number): void {
    this.at(labels, () => 0).value = value;
  }
  get(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.value ?? 0;
  }
  protected lines(): string[] {
    if (this.collect) {
      this.series.clear();
      this.collect((labels, value) => this.set(labels, value));
    }
    return [...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${numberText(s.value)}`);
  }
}

interface HistogramData {
  buckets: number[];
  sum: number;
  count: number;
}

/** Observations counted into cumulative buckets, with their sum and count. */
export class Histogram extends Family<HistogramData> {
  constructor(
    name: string,
    help: string,
    readonly bounds: readonly number[],
  ) {
    super(name, help, "histogram");
  }
  observe(labels: Labels, value: number): void {
    if (!Number.isFinite(value)) return;
    const s = this.at(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 })).value;
    for (let i = 0; i < this.bounds.length; i++) if (value <= this.bounds[i]!) s.buckets[i]!++;
    s.sum += value;
    s.count++;
  }
  /** How many observations one series holds. */
  count(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.value.count ?? 0;
  }
  protected lines(): string[] {
    const out: string[] = [];
    for (const { labels, value } of this.series.values()) {
      this.bounds.forEach((b, i) =>
        out.push(`${this.name}_bucket${labelText(labels, ["le", numberText(b)])} ${value.buckets[i]}`),
      );
      out.push(`${this.name}_bucket${labelText(labels, ["le", "+Inf"])} ${value.count}`);
      out.push(`${this.name}_sum${labelText(labels)} ${numberText(value.sum)}`);
      out.push(`${this.name}_count${labelText(labels)} ${value.count}`);
    }
    return out;
  }
}

/** Holds metrics and writes them all out for a scrape. */
export class Registry {
  private readonly metrics: Metric[] = [];

  /** Adds a metric and returns it; names must be unique. */
  register<M extends Metric>(metric: M): M {
    if (this.metrics.some((m) => m.name === metric.name))
      throw new Error(`metric ${metric.name} is already registered`);
    this.metrics.push(metric);
    return metric;
  }

  /** The Prometheus text exposition of every metric, ending with a newline. */
  expose(): string {
    return `${this.metrics.map((m) => m.expose()).join("\n")}\n`;
  }
}

/** The Content-Type for {@link Registry.expose}'s output. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
