import { Composer, type Context } from "grammy";
import { ask } from "../../commands/ask.js";
import { commands, help } from "../../commands/definitions.js";
import { dispatch } from "../../commands/dispatch.js";
import type { CommandDef, Reply } from "../../commands/types.js";
import { entryIdFromButton, renderTelegram, renderWelcome, type TelegramRenderOptions } from "../../render/telegram-html.js";
import type { Runtime } from "../runtime.js";
import { groupQuestion } from "./addressing.js";
import { floodLimit, inlineFloodLimit, type FloodOptions } from "./flood.js";
import { answerInline } from "./inline.js";
import { PendingAsks } from "./pending.js";
import { sendRendered } from "./send.js";

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
const GONE = "That answer is no longer in the knowledge base.";

/** A button press answers the entry it carries: run as an `ask` so logs and metrics count it like one. */
const answerFromButton: CommandDef = {
  ...ask,
  run(core, id) {
    const answer = core.answerById(id);
    return { type: "answer", result: { question: "", answered: answer !== null, answer, alternatives: [], suggestions: [], notes: [] } };
  },
};

const isGroup = (ctx: Context) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
const renderOptions = (ctx: Context): TelegramRenderOptions => ({ botUsername: ctx.me.username });

/**
 * Every update handler: commands (private chats and groups), private questions, group questions (mention, reply,
 * /ask), "Did you mean" buttons and inline queries. Each path that answers goes through the per-user flood limit;
 * group messages not meant for the bot are dropped before it, so chatter never counts against anyone.
 */
export function buildHandlers(runtime: Runtime, settings: HandlerSettings): Composer<Context> {
  const c = new Composer<Context>();
  const flood = floodLimit(settings.flood);
  const pending = new PendingAsks(settings.pendingTtlMs, settings.pendingMax);

  /** Sends a command's reply: threaded in groups; a prompt opens a reply in groups and waits in private chats. */
  async function respond(ctx: Context, reply: Reply, replyTo = isGroup(ctx) ? ctx.msg?.message_id : undefined): Promise<void> {
    const rendered = renderTelegram(reply, renderOptions(ctx));
    if (reply.type === "prompt" && ctx.chat && !isGroup(ctx)) pending.set(String(ctx.chat.id));
    await sendRendered(ctx, rendered, { replyTo, forceReply: reply.type === "prompt" && isGroup(ctx) });
  }

  const run = (ctx: Context, def: CommandDef, arg: string) => respond(ctx, dispatch(runtime, "telegram", def, arg));

  c.on("inline_query", inlineFloodLimit(settings.inlineFlood), (ctx) => answerInline(ctx, runtime));

  c.callbackQuery(/^#/, flood, async (ctx) => {
    const id = entryIdFromButton(ctx.callbackQuery.data) ?? "";
    const reply = dispatch(runtime, "telegram", answerFromButton, id);
    const found = reply.type === "answer" && reply.result.answered;
    await ctx.answerCallbackQuery(found ? {} : { text: GONE });
    const pressedOn = ctx.callbackQuery.message?.message_id;
    if (found) await respond(ctx, reply, isGroup(ctx) ? pressedOn : undefined);
  });
  c.on("callback_query", (ctx) => ctx.answerCallbackQuery()); // stale or foreign buttons: just stop the spinner

  const chats = c.chatType(["private", "group", "supergroup"]);
  chats.command("start", flood, async (ctx) => {
    const reply = dispatch(runtime, "telegram", help, "");
    if (reply.type !== "help") return respond(ctx, reply);
    const replyTo = isGroup(ctx) ? ctx.msg.message_id : undefined;
    await sendRendered(ctx, renderWelcome(reply, runtime.core().sourceSummaries(), renderOptions(ctx)), { replyTo });
  });
  for (const def of commands) chats.command(def.name, flood, (ctx) => run(ctx, def, ctx.match));

  const priv = c.chatType("private");
  priv.on("message:text", flood, async (ctx) => {
    const text = ctx.message.text;
    // After a bare /ask the next message is the question, even one that looks like a command.
    if (!pending.take(String(ctx.chat.id)) && text.startsWith("/")) await ctx.reply(UNKNOWN_COMMAND);
    else await run(ctx, ask, text);
  });
  priv.on("message", flood, (ctx) => ctx.reply(TEXT_ONLY));

  const groups = c.chatType(["group", "supergroup"]);
  groups
    .on("message:text")
    .filter((ctx) => groupQuestion(ctx.message, ctx.me) !== null)
    .use(flood, (ctx) => run(ctx, ask, groupQuestion(ctx.message, ctx.me) ?? ""));
  return c;
}
