import { describe, expect, it } from "vitest";
import { sharedCore } from "../support/runtime.js";

describe("every quote and fact is answerable", () => {
  const core = sharedCore();
  it.each(core.knowledge.entries.map((e) => [e.id, e] as const))("%s", (_id, entry) => {
    // Asked in its own words, the entry answers itself, or comes next when another entry shares those words (Ali's
    // quote carries the same description of him as the fact about him)…
    const own = core.ask(entry.text);
    expect([own.answer?.id, own.alternatives[0]?.id]).toContain(entry.id);
    // …and at least one of the questions a reader would ask reaches it.
    expect(entry.questions.some((q) => core.ask(q).answer?.id === entry.id)).toBe(true);
  });
});
