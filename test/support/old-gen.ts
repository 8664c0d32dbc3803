import { PerformanceObserver, constants } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";

/** Bytes in use in the old generation (old space and large objects): what only a full collection frees. */
export function oldGenBytes(): number {
  return getHeapSpaceStatistics()
    .filter((s) => s.space_name === "old_space" || s.space_name === "large_object_space")
    .reduce((a, s) => a + s.space_used_size, 0);
}

/**
 * Counts full (major) collections from now on. GC entries arrive asynchronously: `stop` waits a moment for the
 * last ones, then returns the count.
 */
export function countMajorGcs(): { stop(): Promise<number> } {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    stop: async () => {
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return majors;
    },
  };
}
