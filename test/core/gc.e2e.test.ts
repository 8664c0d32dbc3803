import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const TSX = pathToFileURL(require.resolve("tsx")).href;
const PROBE = fileURLToPath(new URL("../support/gc-probe.ts", import.meta.url));

/**
 * A question's garbage must die young. Answering allocates tens of KB, all of it dead once the answer is returned, so
 * the young-generation collector frees it and the old generation does not grow. When per-question objects leak into
 * the old generation instead (on Node 20, objects made by a leading object spread `{ ...x }` are allocated there),
 * every young collection copies more and full collections follow: under load that was bench:bot's p99.
 */
describe("the query core's garbage", () => {
  it("stays in the young generation: 30,000 questions grow the old generation by under 4 MB, with no full GC", () => {
    const out = execFileSync(process.execPath, ["--max-semi-space-size=64", "--import", TSX, PROBE, "30000"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as {
      rounds: number;
      answered: number;
      grownMB: number;
      majors: number;
    };
    expect(r.rounds).toBe(30_000);
    expect(r.answered).toBeGreaterThan(10_000); // it really answered, not declined everything cheaply
    expect(r.grownMB).toBeLessThan(4);
    expect(r.majors).toBe(0);
  }, 90_000);
});
