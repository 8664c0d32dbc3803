import { describe, expect, it } from "vitest";
import { KnowledgeView } from "../../src/conversation/view.js";
import { createCore } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";
import { sharedCore } from "../support/runtime.js";

describe("KnowledgeView.genderOf", () => {
  const k: Knowledge = sharedCore().knowledge;
  // Speakers the knowledge never writes "he" or "she" of: only their aliases can tell.
  const view = new KnowledgeView(
    createCore({
      sources: k.sources,
      entries: k.entries,
      speakers: [
        ...k.speakers,
        { id: "aune", name: "Sigrid Aune", role: "a cheesemaker", aliases: ["Aune", "Sigrid", "Ms Aune"] },
        { id: "eidsmo", name: "Halvor Eidsmo", role: "its chair", aliases: ["Eidsmo", "Mr Eidsmo"] },
        { id: "brandvik", name: "Tove Brandvik", aliases: ["Brandvik", "Tove"] },
      ],
    }),
  );

  it("reads an honorific alias the importer wrote from the article's pronouns", () => {
    expect(view.genderOf("aune")).toBe("f");
    expect(view.genderOf("eidsmo")).toBe("m");
  });

  it("stays unsure without one", () => {
    expect(view.genderOf("brandvik")).toBeNull();
  });
});
