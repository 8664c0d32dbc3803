import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerText } from "../../src/render/text.js";
import { sharedCore } from "../support/runtime.js";

/** The quality targets as a regression gate: ≥ 95% answered in scope and ≥ 95% declined out of scope. */
function measure(file: string) {
  const core = sharedCore();
  const cases = readFileSync(new URL(`../../eval/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { q: string; expect: string[] | null });
  let inOk = 0;
  let inAll = 0;
  let outOk = 0;
  let outAll = 0;
  for (const c of cases) {
    const a = core.ask(c.q).answer;
    if (c.expect === null) {
      outAll++;
      if (!a) outOk++;
    } else {
      inAll++;
      const text = a ? answerText(a).toLowerCase() : "";
      if (a && c.expect.some((p) => text.includes(p.toLowerCase()))) inOk++;
    }
  }
  return { inScope: inOk / inAll, declined: outOk / outAll };
}

describe("answer quality", () => {
  it("meets the targets on the shared sample", () => {
    const r = measure("questions.jsonl");
    expect(r.inScope).toBeGreaterThanOrEqual(0.95);
    expect(r.declined).toBeGreaterThanOrEqual(0.95);
  });
  it.each(["holdout.jsonl", "holdout2.jsonl", "blind.jsonl"])(
    "stays well above the plain fuse.js baseline on %s",
    (file) => {
      // fuse.js over the article's sentences scores about 30% / 40-55% on these; briefbot 85-91% / 77-93% today.
      const r = measure(file);
      expect(r.inScope).toBeGreaterThanOrEqual(0.8);
      expect(r.declined).toBeGreaterThanOrEqual(0.75);
    },
  );
});
