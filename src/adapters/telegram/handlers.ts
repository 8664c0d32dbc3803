import { Composer, type Context } from "grammy";
import { commands, help } from "../../commands/definitions.js";
import { dispatch } from "../../commands/dispatch.js";
import type { CommandDef, Reply } from "../../commands/types.js";
import { renderTelegram, renderWelcome, type TelegramRenderOptions } from "../../render/telegram-html.js";
import type { Runtime } from "../../runtime.js";
import { boundUpdate, groupQuestion } from "./addressing.js";
import { TelegramConversation } from "./conversation.js";
import { floodLimit, inlineFloodLimit, type FloodOptions } from "./flood.js";
import { answerInline } from "./inline.js";
import { PendingAsks } from "./pending.js";
import { sendRendered } from "./respond.js";

export interface HandlerSettings {
  flood: FloodOptions;
  inlineFlood: FloodOptions;
  /** How long a private chat's "/ask without a question" waits for the question. */
  pendingTtlMs: number;
  /** At most this many chats waiting at once. */
  pendingMax: number;
}

const UNKNOWN_COMMAND = "I don't know that command. Send /help to see what I can do, or just ask a question.";
const TEXT_ONLY = "I answer questions sent as text. Send /help to see what I can do.";

const isGroup = (ctx: Context) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
const renderOptions = (ctx: Context): TelegramRenderOptions => ({ botUsername: ctx.me.username });

/**
 * Every update handler: commands (private chats and groups), private questions, group questions (mention, reply,
 * /ask), "Did you mean" buttons and inline queries. Every update is first cut to what briefbot can use
 * (addressing.ts's boundUpdate). Each path that answers goes through the per-user flood limit; group messages not
 * meant for the bot are dropped before it, so chatter never counts against anyone.
 */
export function buildHandlers(runtime: Runtime, settings: HandlerSettings): Composer<Context> {
  const c = new Composer<Context>();
  const flood = floodLimit(settings.flood);
  const pending = new PendingAsks(settings.pendingTtlMs, settings.pendingMax);
  // Questions, follow-ups, small talk, /commands and buttons go through the conversation layer (conversation.ts).
  const talk = new TelegramConversation(runtime);

  /** Sends a command's reply: threaded in groups; a prompt opens a reply in groups and waits in private chats. */
  async function respond(
    ctx: Context,
    reply: Reply,
    replyTo = isGroup(ctx) ? ctx.msg?.message_id : undefined,
  ): Promise<void> {
    const rendered = renderTelegram(reply, renderOptions(ctx));
    if (reply.type === "prompt" && ctx.chat && !isGroup(ctx)) pending.set(String(ctx.chat.id));
    await sendRendered(ctx, rendered, { replyTo, forceReply: reply.type === "prompt" && isGroup(ctx) });
  }

  const run = (ctx: Context, def: CommandDef, arg: string) => respond(ctx, dispatch(runtime, "telegram", def, arg));

  // First of all: the update cut to what briefbot can use, so no handler below works on more.
  c.use((ctx, next) => {
    boundUpdate(ctx.update);
    return next();
  });

  c.on("inline_query", inlineFloodLimit(settings.inlineFlood), (ctx) => answerInline(ctx, runtime));

  c.on("callback_query:data", flood, (ctx) => talk.press(ctx));
  c.on("callback_query", (ctx) => ctx.answerCallbackQuery()); // a game button or the like: just stop the spinner

  const chats = c.chatType(["private", "group", "supergroup"]);
  chats.command("start", flood, async (ctx) => {
    const reply = dispatch(runtime, "telegram", help, "");
    if (reply.type !== "help") return respond(ctx, reply);
    const replyTo = isGroup(ctx) ? ctx.msg.message_id : undefined;
    await sendRendered(ctx, renderWelcome(reply, runtime.core().sourceSummaries(), renderOptions(ctx)), { replyTo });
  });
  // A bare /ask waits for the question (a prompt); every other command runs in the conversation (/forget clears it).
  for (const def of commands)
    chats.command(def.name, flood, (ctx) =>
      def.name === "ask" && ctx.match.trim() === "" ? run(ctx, def, "") : talk.command(ctx, def, ctx.match),
    );

  const priv = c.chatType("private");
  priv.on("message:text", flood, async (ctx) => {
    const text = ctx.message.text;
    // After a bare /ask the next message is the question, even one that looks like a command.
    if (!pending.take(String(ctx.chat.id)) && text.startsWith("/")) await ctx.reply(UNKNOWN_COMMAND);
    else await talk.text(ctx, text);
  });
  priv.on("message", flood, (ctx) => ctx.reply(TEXT_ONLY));

  const groups = c.chatType(["group", "supergroup"]);
  // Addressed or not is decided once per message; only a question for the bot reaches the flood limit.
  groups.on("message:text", (ctx) => {
    const question = groupQuestion(ctx.message, ctx.me);
    if (question === null) return;
    return flood(ctx, () => talk.text(ctx, question));
  });
  return c;
}
