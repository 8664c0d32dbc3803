import type { Reply } from "../commands/types.js";
import type { ButtonAction } from "../conversation/actions.js";
import type { Answer } from "../core/index.js";

/** What a renderer reads of a conversation turn (`ConversationReply`): the reply and the buttons offered under it. */
export interface Turn {
  reply: Reply;
  actions: readonly ButtonAction[];
  speaker: { name: string } | null;
  alternatives: readonly Answer[];
}

/** How many answers a reply shows: the conversation's buttons are offered under exactly one. */
export function answersShown(reply: Reply): number {
  if (reply.type === "answer") return reply.result.answer ? 1 : 0;
  return reply.type === "quotes" || reply.type === "facts" ? reply.answers.length : 0;
}
