import type { CommandDef } from "./types.js";
import { commands } from "./definitions.js";

export const help: CommandDef = {
  name: "help",
  description: "How to use the bot",
  run(core) {
    return { type: "help", commands, examples: core.exampleQuestions(3), entries: core.size };
  },
};
