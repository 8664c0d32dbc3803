import type { CommandDef } from "./types.js";

export const sources: CommandDef = {
  name: "sources",
  description: "What the bot knows and where it comes from",
  run(core) {
    return { type: "sources", sources: core.sourceSummaries() };
  },
};
