import { ask } from "../../commands/ask.js";
import { dispatch } from "../../commands/dispatch.js";
import type { CommandDef, Reply } from "../../commands/types.js";
import { decodeAction } from "../../conversation/conversation.js";
import type { Answer } from "../../core/index.js";
import { parseButtonId } from "../../render/discord-buttons.js";
import { renderDiscordTurn } from "../../render/discord-turn.js";
import { renderAnswers, textMessages, type DiscordMessage } from "../../render/discord.js";
import type { Runtime } from "../../runtime.js";
import type { DiscordConversation } from "./conversation.js";

/** Shown for a custom_id that is not one of briefbot's (forged, or from an older version). */
export const UNKNOWN_BUTTON = "This button is no longer in use: ask again.";

/** "Other answers": the alternatives the custom_id carries, run as an `ask` through dispatch (one log line, telemetry). */
function otherAnswers(ids: readonly string[]): CommandDef {
  return {
    name: ask.name,
    description: ask.description,
    run(core): Reply {
      const answers = ids.map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
      const answer = answers[0] ?? null;
      return {
        type: "answer",
        result: {
          question: "",
          answered: answer !== null,
          answer,
          alternatives: answers.slice(1),
          suggestions: [],
          notes: [],
        },
      };
    },
  };
}

/**
 * Answers a button press, always ephemerally (only the presser sees it), from the custom_id alone, so a press works
 * after a restart or on another shard:
 * - the conversation's buttons ("More from …", "Related", "Source", a clarification's option) and the older "Did you
 *   mean…" (`bb:dym:<id>`, now the same as picking that option) are answered like the matching follow-up, in the
 *   presser's conversation `key`;
 * - "Other answers" (`bb:alt:<ids>`) lists the alternatives it carries;
 * - anything else, or an entry a reload removed, gets a short note.
 * Everything goes through dispatch, so each press is logged and counted once, like a question.
 */
export function answerButton(
  runtime: Runtime,
  talk: DiscordConversation,
  key: string,
  customId: string,
): DiscordMessage[] {
  const legacy = decodeAction(customId) === null ? parseButtonId(customId) : null;
  if (legacy?.kind === "alt") {
    const reply = dispatch(runtime, "discord", otherAnswers(legacy.ids), "");
    const r = reply.type === "answer" ? reply.result : null;
    return renderAnswers(r?.answer ? [r.answer, ...r.alternatives] : [], "Other answers");
  }
  const action = legacy?.kind === "dym" ? { action: "pick" as const, entryId: legacy.id } : decodeAction(customId);
  if (!action) return textMessages(UNKNOWN_BUTTON, true);
  return renderDiscordTurn(talk.press(key, action), true);
}
