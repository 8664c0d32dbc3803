import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../src/conversation/template.js";
import { sharedCore } from "../support/runtime.js";

describe("template: small-talk replies filled from the knowledge", () => {
  it("fills {about}, {example} and {examples}, the example chosen by the seed", () => {
    const core = sharedCore();
    const text = fillTemplate("About {about}. Try: {example}\n{examples}", core, "seed");
    expect(text).toContain(core.knowledge.sources[0]!.title);
    expect(text).not.toMatch(/\{(?:about|example|examples)\}/);
    expect(fillTemplate("{example}", core, "a")).toBe(fillTemplate("{example}", core, "a"));
  });
});
