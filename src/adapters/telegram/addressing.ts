import type { Message, UserFromGetMe } from "grammy/types";

/**
 * Whether a group message is meant for the bot, and what the question is. Group rules: a message that @mentions
 * the bot (by username, or a text mention of its account) or replies to one of the bot's own messages is a
 * question; the mention itself is not part of it. Every other message, including one that starts with a command
 * (a command for this bot is handled as a command; one for another bot is none of ours), gets null: stay silent.
 */
export function groupQuestion(msg: Pick<Message, "text" | "entities" | "reply_to_message">, me: UserFromGetMe): string | null {
  const text = msg.text ?? "";
  const entities = msg.entities ?? [];
  if (entities.some((e) => e.type === "bot_command" && e.offset === 0)) return null;
  const handle = `@${me.username}`.toLowerCase();
  const mentions = entities.filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === "text_mention" && e.user.id === me.id),
  );
  const repliesToMe = msg.reply_to_message?.from?.id === me.id;
  if (mentions.length === 0 && !repliesToMe) return null;
  let question = text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
    question = question.slice(0, e.offset) + question.slice(e.offset + e.length);
  }
  // "@bot, who…" → "who…": the punctuation that followed the mention goes with it.
  return question.replace(/\s+/g, " ").trim().replace(/^[,:;]\s*/, "");
}
