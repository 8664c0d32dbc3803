import type { Context } from "grammy";
import type { Message } from "grammy/types";
import { ask } from "../../commands/ask.js";
import { dispatch } from "../../commands/dispatch.js";
import type { CommandDef } from "../../commands/types.js";
import { Conversation, decodeAction, type ConversationReply } from "../../conversation/conversation.js";
import { renderTelegramTurn, type TelegramRenderOptions } from "../../render/telegram-html.js";
import type { Runtime } from "../../runtime.js";
import { sendRendered } from "./respond.js";

/** Told (as a button toast) for button data that is not one of briefbot's: forged, cut, or from another bot version. */
export const FOREIGN_BUTTON = "That button doesn't work any more. Please ask your question again.";
/** Telegram shows at most 200 characters in a callback toast. */
const TOAST_MAX = 200;
/** At most this many rows and buttons per row of a replied-to message's keyboard are read (Telegram allows 100 buttons). */
const KEYBOARD_ROWS = 10;
const KEYBOARD_COLS = 8;

/**
 * The conversation key: one memory per person per chat, so in a group one person's follow-up never picks up another's
 * answer. An opaque Map key, held in process memory only and never logged.
 */
export function conversationKey(chatId: number | string | undefined, userId: number | string | undefined): string {
  return `tg:${chatId ?? "inline"}:${userId ?? "anyone"}`;
}

/**
 * The entry id of the bot's answer a message replies to, read from that answer's buttons ("More from …", "Related",
 * "Source" all carry it): so a reply continues from that answer after a restart or on another replica, where the memory
 * is empty. Null when the message replies to something else, or to a message without such buttons (a "Did you mean"
 * list carries options, not an answer). Reads a bounded part of the keyboard.
 */
export function repliedEntry(msg: Pick<Message, "reply_to_message">, botId: number): string | null {
  const replied = msg.reply_to_message;
  if (!replied || replied.from?.id !== botId) return null;
  const rows = (replied.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return null;
  for (let r = 0; r < rows.length && r < KEYBOARD_ROWS; r++) {
    const row: unknown = rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length && c < KEYBOARD_COLS; c++) {
      const action = decodeAction((row[c] as { callback_data?: unknown } | null)?.callback_data);
      if (action && action.action !== "pick") return action.entryId;
    }
  }
  return null;
}

const isGroup = (ctx: Context) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
const renderOptions = (ctx: Context): TelegramRenderOptions => ({ botUsername: ctx.me.username });

/**
 * Telegram's side of the conversation layer (adapter → conversation → command → core → render): one
 * {@link Conversation} per bot, keyed per person per chat. Each turn (a message, a command, a button press) goes
 * through `dispatch` once, as the command it is (a message or a press as `ask`): one log line and one count per turn,
 * with the entry finally shown, however many searches the conversation made for it (a follow-up may make two).
 */
export class TelegramConversation {
  readonly conversation: Conversation;

  constructor(
    private readonly runtime: Runtime,
    conversation?: Conversation,
  ) {
    this.conversation = conversation ?? new Conversation({ core: () => runtime.core() });
  }

  /** Answers a question or small talk (a private message, or a group message addressed to the bot). */
  async text(ctx: Context, text: string): Promise<void> {
    const msg = ctx.message;
    const replyTo = msg ? repliedEntry(msg, ctx.me.id) : null;
    const key = conversationKey(ctx.chat?.id, ctx.from?.id);
    const turn = this.dispatched(ask, () => this.conversation.handle(key, text, { replyTo }));
    await this.send(ctx, turn, isGroup(ctx) ? msg?.message_id : undefined);
  }

  /** Runs a /command in the conversation: /forget clears this person's memory in this chat; answers are remembered. */
  async command(ctx: Context, def: CommandDef, arg: string): Promise<void> {
    const msg = ctx.message;
    const replyTo = msg ? repliedEntry(msg, ctx.me.id) : null;
    const key = conversationKey(ctx.chat?.id, ctx.from?.id);
    const turn = this.dispatched(def, () => this.conversation.command(key, def, arg, { replyTo }));
    await this.send(ctx, turn, isGroup(ctx) ? msg?.message_id : undefined);
  }

  /**
   * A button press: answered like the matching follow-up ("More from …", "Related", "Source", a "Did you mean" option).
   * Forged or foreign data, an entry a reload removed, or nothing more to show are told in the button's toast; no
   * message is sent then.
   */
  async press(ctx: Context): Promise<void> {
    const action = decodeAction(ctx.callbackQuery?.data);
    if (!action) {
      await ctx.answerCallbackQuery({ text: FOREIGN_BUTTON });
      return;
    }
    const key = conversationKey(ctx.chat?.id, ctx.from?.id);
    const turn = this.dispatched(ask, () => this.conversation.press(key, action));
    if (turn.mode !== "answer") {
      const text = turn.reply.type === "prompt" ? turn.reply.text : FOREIGN_BUTTON;
      await ctx.answerCallbackQuery({ text: text.length > TOAST_MAX ? `${text.slice(0, TOAST_MAX - 1)}…` : text });
      return;
    }
    await ctx.answerCallbackQuery();
    await this.send(ctx, turn, isGroup(ctx) ? ctx.callbackQuery?.message?.message_id : undefined);
  }

  /** Runs one turn through dispatch as the command `as` (one log line and telemetry), answered by `answer`. */
  private dispatched(as: CommandDef, answer: () => ConversationReply): ConversationReply {
    let turn: ConversationReply | undefined;
    const def: CommandDef = { name: as.name, description: as.description, run: () => (turn = answer()).reply };
    dispatch(this.runtime, "telegram", def, "");
    return turn!;
  }

  private send(ctx: Context, turn: ConversationReply, replyTo: number | undefined): Promise<void> {
    return sendRendered(ctx, renderTelegramTurn(turn, renderOptions(ctx)), { replyTo });
  }
}
