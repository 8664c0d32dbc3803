import type { CommandDef } from "./types.js";

/**
 * `/forget`: clears what briefbot remembers of this conversation (the last answers and speaker, for follow-up
 * questions). The clearing itself is done by the conversation layer (`Conversation.command`), which sees the command
 * before running it; run on its own, the command only confirms.
 */
export const forget: CommandDef = {
  name: "forget",
  description: "Forget this conversation (what I remember for follow-up questions)",
  run() {
    return { type: "prompt", text: "Done: I have forgotten our conversation. Ask me anything." };
  },
};
