import type { Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";

/**
 * What briefbot reads of an update, at most. Telegram's own limits (a message is at most 4,096 characters, a button's
 * data 64 bytes, an inline query 256 characters) bound what a real update holds, but a webhook request can carry
 * anything up to its 1 MB body cap. Everything past these is cut before any per-entity work, so the worst update
 * costs what a legitimate one can.
 */
export const UPDATE_LIMITS = {
  /** Characters of a message's text or caption (Telegram's maximum message length). */
  textChars: 4096,
  /** Entities examined per text: briefbot only looks for its own @mention and a leading command among them. */
  entities: 100,
  /** Characters of a button's callback data (Telegram allows 64 bytes). */
  callbackData: 64,
  /** Characters of an inline query (Telegram allows 256). */
  inlineQuery: 256,
} as const;

/**
 * The first entities of a text that lie within its first {@link UPDATE_LIMITS.textChars} characters, at most
 * {@link UPDATE_LIMITS.entities} of them. Telegram sends entities in order of offset, so this reads at most
 * `entities + 1` items of the list, however long it is.
 */
export function boundEntities(entities: readonly MessageEntity[]): MessageEntity[] {
  const out: MessageEntity[] = [];
  const n = Math.min(entities.length, UPDATE_LIMITS.entities);
  for (let i = 0; i < n; i++) {
    const e = entities[i]!;
    if (typeof e !== "object" || e === null || !(e.offset < UPDATE_LIMITS.textChars)) break;
    out.push(e);
  }
  return out;
}

type Texts = Pick<Message, "text" | "entities" | "caption" | "caption_entities">;

function boundTexts(m: Texts): void {
  if (typeof m.text === "string" && m.text.length > UPDATE_LIMITS.textChars)
    m.text = m.text.slice(0, UPDATE_LIMITS.textChars);
  if (typeof m.caption === "string" && m.caption.length > UPDATE_LIMITS.textChars)
    m.caption = m.caption.slice(0, UPDATE_LIMITS.textChars);
  if (Array.isArray(m.entities)) m.entities = boundEntities(m.entities);
  if (Array.isArray(m.caption_entities)) m.caption_entities = boundEntities(m.caption_entities);
}

/**
 * Cuts an update, in place, to what briefbot can use ({@link UPDATE_LIMITS}): the text, caption and entities of the
 * message and of the message it replies to, a button's data and an inline query. Run first, before any handler.
 */
export function boundUpdate(update: Update): void {
  const msg = update.message;
  if (msg) {
    boundTexts(msg);
    if (msg.reply_to_message) boundTexts(msg.reply_to_message);
  }
  const cb = update.callback_query;
  if (cb && typeof cb.data === "string" && cb.data.length > UPDATE_LIMITS.callbackData)
    cb.data = cb.data.slice(0, UPDATE_LIMITS.callbackData);
  const iq = update.inline_query;
  if (iq && typeof iq.query === "string" && iq.query.length > UPDATE_LIMITS.inlineQuery)
    iq.query = iq.query.slice(0, UPDATE_LIMITS.inlineQuery);
}

/**
 * Whether a group message is meant for the bot, and what the question is. Group rules: a message that @mentions
 * the bot (by username, or a text mention of its account) or replies to one of the bot's own messages is a
 * question; the mention itself is not part of it. Every other message, including one that starts with a command
 * (a command for this bot is handled as a command; one for another bot is none of ours), gets null: stay silent.
 * One pass over the (bounded, see {@link boundUpdate}) entities; call it once per message.
 */
export function groupQuestion(
  msg: Pick<Message, "text" | "entities" | "reply_to_message">,
  me: UserFromGetMe,
): string | null {
  const text = msg.text ?? "";
  const entities = msg.entities ?? [];
  const handle = `@${me.username}`.toLowerCase();
  const mentions: MessageEntity[] = [];
  for (const e of entities) {
    if (e.type === "bot_command" && e.offset === 0) return null;
    const mine =
      (e.type === "mention" &&
        e.length === handle.length &&
        text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === "text_mention" && e.user.id === me.id);
    if (mine) mentions.push(e);
  }
  const repliesToMe = msg.reply_to_message?.from?.id === me.id;
  if (mentions.length === 0 && !repliesToMe) return null;
  // The text without the mentions, in one pass (entities come in order of offset; overlaps are skipped).
  let question = "";
  let at = 0;
  for (const e of mentions.sort((a, b) => a.offset - b.offset)) {
    if (e.offset < at) continue;
    question += text.slice(at, e.offset);
    at = e.offset + e.length;
  }
  question += text.slice(at);
  // "@bot, who…" → "who…": the punctuation that followed the mention goes with it.
  return question
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,:;]\s*/, "");
}
