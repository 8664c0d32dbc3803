import { describe, expect, it } from "vitest";
import { Counter, Gauge, Histogram, Registry } from "../../src/ops/metrics.js";
import { BotMetrics } from "../../src/ops/bot-metrics.js";
import type { AnswerEvent } from "../../src/runtime.js";

/** A strict reading of the Prometheus text format: HELP/TYPE comments, then `name{labels} value` samples. */
function parseExposition(text: string) {
  const types = new Map<string, string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.trimEnd().split("\n")) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === "TYPE") types.set(meta[2]!, meta[3]!);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(m, `sample line: ${line}`).not.toBeNull();
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m![2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    const value = m![3] === "+Inf" ? Infinity : Number(m![3]);
    expect(Number.isNaN(value)).toBe(false);
    samples.push({ name: m![1]!, labels, value });
  }
  return { types, samples };
}

const event = (over: Partial<AnswerEvent>): AnswerEvent => ({
  platform: "telegram",
  command: "ask",
  id: "x",
  score: 0.9,
  answered: true,
  latencyMs: 0.4,
  ...over,
});

describe("Prometheus exposition", () => {
  it("writes counters, gauges and cumulative histogram buckets", () => {
    const r = new Registry();
    const c = r.register(new Counter("t_total", "A counter."));
    const g = r.register(new Gauge("t_gauge", "A gauge."));
    const h = r.register(new Histogram("t_seconds", "A histogram.", [0.1, 1]));
    c.inc({ a: "x" });
    c.inc({ a: "x" }, 2);
    c.inc({ a: 'q"uo\\te\nnl' });
    c.inc({ a: "x" }, -5); // ignored: counters never go down
    g.set({}, 7);
    h.observe({}, 0.05);
    h.observe({}, 0.5);
    h.observe({}, 5);
    const text = r.expose();
    const { types, samples } = parseExposition(text);
    expect(types.get("t_total")).toBe("counter");
    expect(types.get("t_seconds")).toBe("histogram");
    expect(samples.find((s) => s.name === "t_total" && s.labels.a === "x")?.value).toBe(3);
    expect(text).toContain('t_total{a="q\\"uo\\\\te\\nnl"} 1');
    expect(samples.find((s) => s.name === "t_gauge")?.value).toBe(7);
    const buckets = samples.filter((s) => s.name === "t_seconds_bucket").map((s) => [s.labels.le, s.value]);
    expect(buckets).toEqual([
      ["0.1", 1],
      ["1", 2],
      ["+Inf", 3],
    ]);
    expect(samples.find((s) => s.name === "t_seconds_count")?.value).toBe(3);
    expect(samples.find((s) => s.name === "t_seconds_sum")?.value).toBeCloseTo(5.55);
  });

  it("refuses a metric name twice", () => {
    const r = new Registry();
    r.register(new Counter("dup_total", "x"));
    expect(() => r.register(new Counter("dup_total", "y"))).toThrow(/already/);
  });
});

describe("briefbot metrics", () => {
  it("counts questions, answered, declined, latency and errors per platform, and reads live gauges", () => {
    const m = new BotMetrics();
    let entries = 49;
    m.attach({
      entries: () => entries,
      adapters: () => [
        { name: "telegram", state: "serving" },
        { name: "discord", state: "failed" },
      ],
    });
    m.record(event({}), true);
    m.record(event({ answered: false, id: null }), true);
    m.record(event({ platform: "discord", latencyMs: 3 }), true);
    m.record(event({ command: "help" }), false);
    m.error("discord", "interaction");
    m.reloaded(true, new Date(1_700_000_000_000));
    m.reloaded(false);
    entries = 50;
    const { types, samples } = parseExposition(m.expose());
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value("briefbot_questions_total", { platform: "telegram" })).toBe(2);
    expect(value("briefbot_answered_total", { platform: "telegram" })).toBe(1);
    expect(value("briefbot_declined_total", { platform: "telegram" })).toBe(1);
    expect(value("briefbot_questions_total", { platform: "discord" })).toBe(1);
    expect(value("briefbot_requests_total", { platform: "telegram", command: "help" })).toBe(1);
    expect(value("briefbot_answer_latency_seconds_count", { platform: "telegram" })).toBe(3);
    expect(value("briefbot_answer_latency_seconds_bucket", { platform: "discord", le: "0.0025" })).toBe(0);
    expect(value("briefbot_answer_latency_seconds_bucket", { platform: "discord", le: "0.005" })).toBe(1);
    expect(value("briefbot_errors_total", { platform: "discord", where: "interaction" })).toBe(1);
    expect(value("briefbot_knowledge_entries")).toBe(50);
    expect(value("briefbot_knowledge_last_reload_timestamp_seconds")).toBe(1_700_000_000);
    expect(value("briefbot_knowledge_reloads_total", { result: "failed" })).toBe(1);
    expect(value("briefbot_adapter_up", { adapter: "telegram" })).toBe(1);
    expect(value("briefbot_adapter_up", { adapter: "discord" })).toBe(0);
    expect(types.get("briefbot_answer_latency_seconds")).toBe("histogram");
    expect(types.get("briefbot_knowledge_entries")).toBe("gauge");
  });

  it("observes this process's GC pauses by kind once attached, and stops at detach", async () => {
    const m = new BotMetrics();
    m.attach({ entries: () => 0, adapters: () => [] });
    const minor = () => m.gc.count({ kind: "minor" });
    /** Allocates short-lived garbage, enough for young-generation collections, then lets the observer report. */
    const churn = async () => {
      let keep = 0;
      for (let i = 0; i < 200_000; i++) keep += [i, String(i), { i }].length;
      await new Promise((r) => setTimeout(r, 20));
      return keep;
    };
    for (let round = 0; round < 50 && minor() === 0; round++) await churn();
    expect(minor()).toBeGreaterThan(0);
    const { types, samples } = parseExposition(m.expose());
    expect(types.get("nodejs_gc_duration_seconds")).toBe("histogram");
    const count = samples.find((s) => s.name === "nodejs_gc_duration_seconds_count" && s.labels.kind === "minor");
    expect(count?.value).toBe(minor());
    m.detach();
    const before = minor();
    for (let round = 0; round < 5; round++) await churn();
    expect(minor()).toBe(before);
  });
});
