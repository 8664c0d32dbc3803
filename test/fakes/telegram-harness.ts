import type { Update, UserFromGetMe } from "grammy/types";
import { createTelegramBot, type TelegramOptions } from "../../src/adapters/telegram/index.js";
import type { Core } from "../../src/core/core.js";
import { testRuntime } from "../support/runtime.js";
import { fixtureCore } from "../adapters/telegram/fixture.js";

export const BOT_INFO = {
  id: 42,
  is_bot: true,
  first_name: "Briefbot",
  username: "brief_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} satisfies UserFromGetMe;

export const TOKEN = "42:in-process-token-ABCDEFGHIJKLMNOPQRS";

/**
 * A message in a supergroup, as Telegram sends it, with the given text and entities (any list: a test may pass a
 * proxy that counts its reads). The worst-case update tests and bench/update.ts build on it.
 */
export function groupUpdate(text: string, entities: readonly unknown[]): Update {
  return {
    update_id: 1,
    message: {
      message_id: 9,
      date: 0,
      chat: { id: -100, type: "supergroup", title: "G" },
      from: { id: 5001, is_bot: false, first_name: "A" },
      text,
      entities,
    },
  } as unknown as Update;
}

export interface Call {
  method: string;
  payload: Record<string, any>;
}

/**
 * The real bot with all its middleware, fed updates in process (`bot.handleUpdate`) with `botInfo` so it makes no
 * getMe call, and an outermost API transformer that records every outgoing call and answers it locally.
 * `fail(method)` makes calls to that method fail with a Bot API error instead.
 */
export function harness(options: Partial<TelegramOptions> = {}, core: Core = fixtureCore()) {
  const rt = testRuntime(core);
  const bot = createTelegramBot(rt.runtime, { token: TOKEN, botInfo: BOT_INFO, ...options });
  const calls: Call[] = [];
  const failing = new Map<string, { error_code: number; description: string }>();
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, any>;
    calls.push({ method, payload: p });
    const failure = failing.get(method);
    if (failure) return { ok: false, ...failure } as never;
    const result =
      method === "sendMessage"
        ? { message_id: messageId++, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text }
        : true;
    return { ok: true, result } as never;
  });
  let updateId = 1;
  const send = (u: Omit<Update, "update_id">) => bot.handleUpdate({ update_id: updateId++, ...u } as Update);
  return {
    bot,
    rt,
    calls,
    fail: (method: string, error_code = 400, description = "Bad Request: test failure") =>
      failing.set(method, { error_code, description }),
    sent: () => calls.filter((c) => c.method === "sendMessage"),
    send,
    /** A text message; commands and @mentions get their entities like Telegram gives them. */
    message(
      chat: { id: number; type: "private" | "group" | "supergroup" },
      from: { id: number; first_name: string },
      text: string,
      extra: Record<string, unknown> = {},
    ) {
      const entities = [
        ...(text.startsWith("/")
          ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }]
          : []),
        ...[...text.matchAll(/@\w+/g)].map((x) => ({ type: "mention" as const, offset: x.index, length: x[0].length })),
      ];
      const id = updateId + 500;
      const title = chat.type === "private" ? {} : { title: "Group" };
      return send({
        message: {
          message_id: id,
          date: 0,
          chat: { ...chat, ...title, first_name: "U" } as never,
          from: { ...from, is_bot: false },
          text,
          ...(entities.length && { entities }),
          ...extra,
        },
      } as never).then(() => id);
    },
    inline(from: { id: number; first_name: string }, query: string) {
      return send({
        inline_query: { id: `iq${updateId}`, from: { ...from, is_bot: false }, query, offset: "" },
      } as never);
    },
    press(
      chat: { id: number; type: "private" | "group" | "supergroup" },
      from: { id: number; first_name: string },
      data: string,
      messageId = 77,
    ) {
      return send({
        callback_query: {
          id: `cb${updateId}`,
          from: { ...from, is_bot: false },
          chat_instance: "ci",
          data,
          message: {
            message_id: messageId,
            date: 0,
            chat: { ...chat, first_name: "U" } as never,
            from: { ...BOT_INFO },
            text: "x",
          },
        },
      } as never);
    },
  };
}

const ALLOWED_TAGS = new Set(["b", "i", "a", "code"]);

/**
 * Checks a chunk is valid Telegram HTML as our renderer may produce it: only b/i/a/code tags, balanced and nested,
 * no bare < or >, every & an entity. Returns the problem, or null.
 */
export function htmlProblem(html: string): string | null {
  const stack: string[] = [];
  const re = /<(\/?)([a-z]+)((?:\s+href="[^"<>]*")?)>|[<>]|&(?!(?:amp|lt|gt|quot|#\d+);)/g;
  for (const m of html.matchAll(re)) {
    if (!m[2]) return `bare ${m[0]} at ${m.index}`;
    if (!ALLOWED_TAGS.has(m[2])) return `tag ${m[2]}`;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `unbalanced </${m[2]}>`;
    } else stack.push(m[2]);
  }
  return stack.length ? `unclosed ${stack.join(",")}` : null;
}
