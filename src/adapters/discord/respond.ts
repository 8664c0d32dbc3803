import { BaseInteraction, MessageFlags, type Interaction, type Message, type RepliableInteraction } from "discord.js";
import type { DiscordMessage } from "../../render/discord.js";

/** Reply in a guild or DM: never a ping, the replied-to user included. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** Shown when a handler fails: says nothing about the cause, which is logged instead. */
export const ERROR_TEXT = "Sorry, something went wrong. Please try again.";

interface Body {
  content?: string;
  embeds: DiscordMessage["embeds"];
  components: DiscordMessage["components"];
  allowedMentions: { parse: [] };
}

/**
 * The message as discord.js takes it, built field by field, not by object spread (DESIGN.md, "Garbage on the hot
 * path").
 */
function body(m: DiscordMessage): Body {
  const b: Body = { embeds: m.embeds, components: m.components, allowedMentions: { parse: [] } };
  if (m.content !== undefined) b.content = m.content;
  return b;
}

/** {@link body} with the ephemeral flag when the message asks for it (interaction replies and follow-ups). */
function flagged(m: DiscordMessage): Body & { flags?: MessageFlags.Ephemeral } {
  const b: Body & { flags?: MessageFlags.Ephemeral } = body(m);
  if (m.ephemeral) b.flags = MessageFlags.Ephemeral;
  return b;
}

/**
 * Sends rendered messages as the answer to an interaction: the first as its reply (or the edit of a deferred reply),
 * the rest as follow-ups. A deferred reply is public, so an ephemeral first message replaces it (delete + ephemeral
 * follow-up).
 */
export async function sendToInteraction(i: RepliableInteraction, messages: readonly DiscordMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  if (i.deferred && first.ephemeral) {
    await i.deleteReply();
    await i.followUp(flagged(first));
  } else if (i.deferred) await i.editReply(body(first));
  else await i.reply(flagged(first));
  for (const m of rest) await i.followUp(flagged(m));
}

/** Sends rendered messages as the answer to a message: a reply, then plain messages in the same channel. */
export async function sendToMessage(message: Message, messages: readonly DiscordMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  const reply = body(first);
  await message.reply({
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: NO_MENTIONS,
  });
  for (const m of rest) if (message.channel.isSendable()) await message.channel.send(body(m));
}

/** Tells the user that something went wrong: ephemerally for an interaction (no choices for autocomplete). Never throws. */
export async function sendError(target: Interaction | Message): Promise<void> {
  const m: DiscordMessage = { content: ERROR_TEXT, embeds: [], components: [], ephemeral: true };
  try {
    if (target instanceof BaseInteraction) {
      if (target.isAutocomplete()) {
        if (!target.responded) await target.respond([]);
        return;
      }
      if (!target.isRepliable()) return;
      if (target.deferred && !target.replied) await target.deleteReply().catch(() => undefined);
      if (target.deferred || target.replied) await target.followUp(flagged(m));
      else await target.reply(flagged(m));
    } else await sendToMessage(target, [m]);
  } catch {
    // The platform refused even the error reply (expired interaction, no permission): nothing more to do.
  }
}
