/**
 * One turn of the conversation layer on Discord: the reply as `renderDiscord` renders it, with the turn's actions
 * ("More from <speaker>", "Related", "Source", a clarification's options) as buttons whose custom_id is the
 * conversation's own button data (`encodeAction`: at most 64 characters, under Discord's 100).
 */
import { ButtonStyle, type APIButtonComponent } from "discord.js";
import { encodeAction } from "../conversation/actions.js";
import type { Answer } from "../core/index.js";
import { button, rows } from "./discord-buttons.js";
import { LIMITS } from "./discord-text.js";
import { renderDiscord, type DiscordMessage } from "./discord.js";
import { answersShown, type Turn } from "./turn.js";

/** What {@link renderDiscordTurn} reads of a conversation turn (`ConversationReply`). */
export interface DiscordTurn extends Turn {
  mode: "answer" | "chitchat" | "clarify" | "declined" | "help";
}

/** A clarification option's label: the quote with its speaker, or the fact. */
function optionLabel(a: Answer | undefined): string {
  if (!a) return "This one";
  return a.kind === "quote" && a.speaker ? `${a.speaker.name}: “${a.text}”` : a.text;
}

/**
 * Renders a turn. Small talk, the guide and "Did you mean one of these?" are public plain text (escaped), where a
 * bare command prompt stays ephemeral as before; declines keep `renderDiscord`'s form. `ephemeral` makes every message
 * ephemeral (button presses: only the presser sees the answer). Buttons: the conversation's first ("More from …",
 * "Related", "Source" under a single answer; a clarification's options), then the reply's own ("Did you mean…",
 * "Other answers"), at most 25.
 */
export function renderDiscordTurn(turn: DiscordTurn, ephemeral = false): DiscordMessage[] {
  const out = renderDiscord(turn.reply);
  const first = out[0];
  if (!first) return out;
  const conversational =
    turn.reply.type === "prompt" && (turn.mode === "chitchat" || turn.mode === "help" || turn.mode === "clarify");
  for (const m of out) m.ephemeral = ephemeral || (conversational ? false : m.ephemeral);
  const ours: APIButtonComponent[] = [];
  const single = answersShown(turn.reply) === 1;
  for (const a of turn.actions) {
    const id = encodeAction(a);
    if (id === null || id.length > LIMITS.customId) continue;
    if (a.action === "pick")
      ours.push(...button(optionLabel(turn.alternatives.find((x) => x.id === a.entryId)), id, ButtonStyle.Primary));
    else if (!single) continue;
    else if (a.action === "more") ours.push(...button(`More from ${turn.speaker?.name ?? "them"}`, id));
    else ours.push(...button(a.action === "related" ? "Related" : "Source", id));
  }
  if (ours.length === 0) return out;
  const theirs = first.components.flatMap((row) => row.components);
  const seen = new Set<string>();
  const all = ours.concat(theirs).filter((b) => {
    const id = "custom_id" in b ? b.custom_id : "";
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  first.components = rows(all.slice(0, LIMITS.buttonsPerRow * 5));
  return out;
}
