import type { CommandDef } from "./types.js";

/**
 * The help command over a command list it is given, not one it imports: `definitions.ts` owns the list and builds
 * help from it, so the two modules do not import each other.
 */
export function helpCommand(list: () => readonly CommandDef[]): CommandDef {
  return {
    name: "help",
    description: "How to use the bot",
    run(core) {
      return { type: "help", commands: list(), examples: core.exampleQuestions(3), entries: core.size };
    },
  };
}
