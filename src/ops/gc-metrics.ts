import { PerformanceObserver, constants } from "node:perf_hooks";
import type { Histogram } from "./metrics.js";

/** Node's names for the kinds of V8 garbage collection, as prom-client labels them. */
const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

/**
 * Observes every garbage-collection pause of this process into `histogram` (seconds, labelled by `kind`). Why: a GC
 * pause stops every answer in flight, so it is the first thing to look at when answer latency has a tail. Returns
 * the function that stops observing.
 */
export function observeGc(histogram: Histogram): () => void {
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = KINDS[(entry.detail as { kind?: number } | undefined)?.kind ?? -1] ?? "other";
      histogram.observe({ kind }, entry.duration / 1000);
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return () => observer.disconnect();
}
