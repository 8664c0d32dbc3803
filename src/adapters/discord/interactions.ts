import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction } from "discord.js";
import type { Runtime } from "../../runtime.js";
import { findCommand } from "../../commands/definitions.js";
import { textMessages } from "../../render/discord.js";
import { renderDiscordTurn } from "../../render/discord-turn.js";
import { completeOption } from "./autocomplete.js";
import { answerButton } from "./buttons.js";
import { conversationKey, conversationOf } from "./conversation.js";
import { FLOOD_NOTICE, floodOf, type DiscordFlood } from "./flood.js";
import { sendToInteraction } from "./respond.js";

/** What the interaction handlers are given. */
export interface HandlerContext {
  runtime: Runtime;
  /**
   * An interaction older than this when its handler starts (events queued behind others, a slow event loop) is
   * deferred before the work, so Discord's 3-second window to acknowledge is never missed.
   */
  deferAfterMs: number;
  /** Per-user flood limits (default: the client's own, with the default settings). */
  flood?: DiscordFlood;
}

/**
 * Routes one interaction: autocomplete, a slash command or a button. Other kinds are ignored. Each counts against the
 * user's flood limit first: slash commands and buttons share the budget of messages (the first over it gets an
 * ephemeral notice, the rest no answer); autocomplete has its own looser one, and its excess gets no choices.
 * Throws on failure.
 */
export async function handleInteraction(ctx: HandlerContext, i: Interaction): Promise<void> {
  const flood = floodOf(i.client, ctx.flood);
  if (i.isAutocomplete()) {
    if (flood.autocomplete.take(i.user.id) === "answer") await autocomplete(ctx, i);
    return;
  }
  if (!i.isChatInputCommand() && !i.isButton()) return;
  const verdict = flood.answers.take(i.user.id);
  if (verdict === "notify") await sendToInteraction(i, textMessages(FLOOD_NOTICE, true));
  if (verdict !== "answer") return;
  if (i.isChatInputCommand()) await slashCommand(ctx, i);
  else await buttonPress(ctx, i);
}

async function autocomplete(ctx: HandlerContext, i: AutocompleteInteraction): Promise<void> {
  const def = findCommand(i.commandName);
  const focused = i.options.getFocused(true);
  const complete = def?.option?.name === focused.name ? def.option.complete : undefined;
  await i.respond(complete ? completeOption(ctx.runtime, complete, String(focused.value)) : []);
}

async function slashCommand(ctx: HandlerContext, i: ChatInputCommandInteraction): Promise<void> {
  const def = findCommand(i.commandName);
  if (!def) {
    await sendToInteraction(i, textMessages("I don't know that command any more: try /help.", true));
    return;
  }
  if (Date.now() - i.createdTimestamp > ctx.deferAfterMs) await i.deferReply();
  const arg = def.option ? (i.options.getString(def.option.name) ?? "") : "";
  // In the conversation of this person in this channel: /ask follows up on their messages and buttons there.
  const key = conversationKey(i.channelId ?? "none", i.user.id);
  await sendToInteraction(i, renderDiscordTurn(conversationOf(i.client, ctx.runtime).command(key, def, arg)));
}

async function buttonPress(ctx: HandlerContext, i: ButtonInteraction): Promise<void> {
  const key = conversationKey(i.channelId ?? "none", i.user.id);
  await sendToInteraction(i, answerButton(ctx.runtime, conversationOf(i.client, ctx.runtime), key, i.customId));
}
