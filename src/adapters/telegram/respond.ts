import { InlineKeyboard, type Context } from "grammy";
import type { TelegramMessage } from "../../render/telegram-html.js";

export interface SendOptions {
  /** Thread the first chunk to this message (group answers). */
  replyTo?: number;
  /** Ask the client to open a reply to this message (a group /ask without a question). */
  forceReply?: boolean;
}

/**
 * Sends a rendered reply to the chat of `ctx`: each chunk as its own HTML message, in order, link previews off, the
 * first threaded when asked, and the buttons (the conversation's rows, then "Did you mean" options one per row) or a
 * force-reply on the last.
 */
export async function sendRendered(ctx: Context, message: TelegramMessage, options: SendOptions = {}): Promise<void> {
  const { chunks, buttons } = message;
  const keyboard = (message.rows ?? []).concat(buttons.map((b) => [b]));
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    const markup = !last
      ? undefined
      : keyboard.length
        ? InlineKeyboard.from(keyboard.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))))
        : options.forceReply
          ? { force_reply: true as const, selective: true, input_field_placeholder: "Your question" }
          : undefined;
    // Built field by field, not by object spread (DESIGN.md, "Garbage on the hot path").
    const other: Parameters<Context["reply"]>[1] = { parse_mode: "HTML", link_preview_options: { is_disabled: true } };
    if (i === 0 && options.replyTo !== undefined)
      other.reply_parameters = { message_id: options.replyTo, allow_sending_without_reply: true };
    if (markup) other.reply_markup = markup;
    await ctx.reply(chunks[i]!, other);
  }
}
