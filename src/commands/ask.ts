import type { CommandDef } from "./types.js";

export const ask: CommandDef = {
  name: "ask",
  description: "Ask a question about the knowledge base",
  option: { name: "question", description: "Your question", required: true, complete: "question" },
  run(core, arg) {
    if (arg.trim() === "") return { type: "prompt", text: "What would you like to know? Send your question." };
    return { type: "answer", result: core.ask(arg) };
  },
};
