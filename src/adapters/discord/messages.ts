import type { Message } from "discord.js";
import type { Runtime } from "../../runtime.js";
import { textMessages } from "../../render/discord.js";
import { renderDiscordTurn } from "../../render/discord-turn.js";
import { conversationKey, conversationOf } from "./conversation.js";
import { commandFromText } from "./parse-text.js";
import { FLOOD_NOTICE, floodOf, type DiscordFlood } from "./flood.js";
import { sendToMessage } from "./respond.js";

/** Discord hides the text of a reply that does not ping the bot (no MessageContent intent): say how to ask. */
const CANNOT_READ =
  "I can only read messages that mention me. Mention me (or keep the reply ping on), send me a direct message, or use /ask.";

/** True for messages briefbot answers: any DM, and guild messages that @mention the bot or reply to it; never bots'. */
export function isForMe(message: Message, botId: string): boolean {
  if (message.author.bot || message.author.id === botId || message.system || message.webhookId) return false;
  if (!message.inGuild()) return true;
  return message.mentions.users.has(botId) || message.mentions.repliedUser?.id === botId;
}

/** The message's text without the bot's own mentions (`<@id>`, `<@!id>`). */
export function withoutMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").trim();
}

/** The most of a message's text briefbot reads (Discord allows 4,000 characters with Nitro, 2,000 without). */
const MAX_CONTENT_CHARS = 4000;

/**
 * Answers a message meant for the bot (see {@link isForMe}); ignores every other. Messages meant for the bot count
 * against the author's flood limit (shared with slash commands and buttons): the first one over it is told so, the
 * rest are dropped. Throws on failure.
 */
export async function handleMessage(runtime: Runtime, message: Message, flood?: DiscordFlood): Promise<void> {
  const botId = message.client.user.id;
  if (!isForMe(message, botId)) return;
  const verdict = floodOf(message.client, flood).answers.take(message.author.id);
  if (verdict === "notify") await sendToMessage(message, textMessages(FLOOD_NOTICE, false));
  if (verdict !== "answer") return;
  if (message.content === "" && message.inGuild()) {
    if (message.attachments.size === 0 && message.stickers.size === 0)
      await sendToMessage(message, textMessages(CANNOT_READ, false));
    return;
  }
  const { def, arg } = commandFromText(withoutMention(message.content.slice(0, MAX_CONTENT_CHARS), botId));
  // In the conversation of this person in this channel or DM; a reply to one of the bot's answers continues from it.
  const talk = conversationOf(message.client, runtime);
  const turn = talk.command(
    conversationKey(message.channelId, message.author.id),
    def,
    arg,
    talk.repliedEntry(message.id),
  );
  await sendToMessage(message, renderDiscordTurn(turn));
}
