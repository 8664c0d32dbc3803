import { getHeapSpaceStatistics } from "node:v8";
import { observeGc } from "../../src/ops/gc-metrics.js";
import { Histogram } from "../../src/ops/metrics.js";

/** Bytes in use in the old generation (old space and large objects): what only a full collection frees. */
export function oldGenBytes(): number {
  return getHeapSpaceStatistics()
    .filter((s) => s.space_name === "old_space" || s.space_name === "large_object_space")
    .reduce((a, s) => a + s.space_used_size, 0);
}

/**
 * Counts full (major) collections from now on, with the bot's own GC observer (the one behind
 * nodejs_gc_duration_seconds). GC entries arrive asynchronously: `stop` waits a moment for the last ones, then returns
 * the count.
 */
export function countMajorGcs(): { stop(): Promise<number> } {
  const pauses = new Histogram("probe_gc_seconds", "GC pauses seen by a probe.", [1]);
  const stopObserving = observeGc(pauses);
  return {
    stop: async () => {
      await new Promise((r) => setTimeout(r, 100));
      stopObserving();
      return pauses.count({ kind: "major" });
    },
  };
}
