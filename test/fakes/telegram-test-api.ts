import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { StoredBotUpdate } from "telegram-test-api/lib/telegramServer.js";

/** The emulator's fixed bot identity (its getMe). */
export const EMULATOR_BOT = { id: 666, username: "TestNameBot" };

/**
 * telegram-test-api, served on 127.0.0.1 at a free port by our own HTTP server so the test set-up can fill two of
 * its gaps without touching the product:
 * - it answers getUpdates at once even when there is nothing, which makes a poller spin: here an empty getUpdates
 *   waits (like real long polling) until an update arrives or an idle delay passes;
 * - a gate can hold the bot's sendMessage calls, to catch an answer in flight (for the stop test).
 * User updates are added through the emulator's own methods, and the bot's replies are read from its storage (its
 * client's polling loop outlives its time-out and can swallow replies).
 */
export class Emulator {
  readonly server = new TelegramServer({ host: "127.0.0.1", storeTimeout: 3600 });
  private http: Server | null = null;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  private heldCalls = 0;
  /** Bot API calls seen, by method name (getUpdates included). */
  readonly calls: string[] = [];
  apiRoot = "";

  /** Starts serving; resolves with the Bot API root to give the bot. */
  async start(idleDelayMs = 300): Promise<string> {
    const app = (this.server as unknown as { webServer: RequestListener }).webServer;
    this.http = createServer((req, res) => void this.route(app, req, res, idleDelayMs));
    await new Promise<void>((resolve) => this.http!.listen(0, "127.0.0.1", resolve));
    this.apiRoot = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this.apiRoot;
  }

  async stop(): Promise<void> {
    this.release();
    this.http?.closeAllConnections();
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }

  private async route(app: RequestListener, req: IncomingMessage, res: ServerResponse, idleDelayMs: number) {
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    if (m) this.calls.push(m[2]!);
    if (m?.[2] === "getUpdates") await this.waitForUpdates(m[1]!, req, idleDelayMs);
    if (m?.[2] === "sendMessage" && this.gate) {
      this.heldCalls++;
      await this.gate;
    }
    if (!req.destroyed) app(req, res);
  }

  private hasUnread(token: string): boolean {
    return this.server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
  }

  /** Test set-up only: an empty getUpdates waits for an update, up to `ms`, as real long polling would. */
  private waitForUpdates(token: string, req: IncomingMessage, ms: number): Promise<void> {
    if (this.hasUnread(token)) return Promise.resolve();
    return new Promise((resolve) => {
      const events = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"];
      const done = () => {
        clearTimeout(timer);
        for (const e of events) this.server.off(e, check);
        req.off("close", done);
        resolve();
      };
      const check = () => this.hasUnread(token) && done();
      const timer = setTimeout(done, ms);
      for (const e of events) this.server.on(e, check);
      req.on("close", done);
    });
  }

  /** Holds every sendMessage from now until {@link release}. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
    this.heldCalls = 0;
  }

  /** How many sendMessage calls are being held. */
  get held(): number {
    return this.heldCalls;
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
    this.openGate = null;
  }

  /** The bot's messages to a chat, oldest first. */
  botMessages(token: string, chatId: number): StoredBotUpdate[] {
    return this.server.storage.botMessages.filter(
      (m) => m.botToken === token && String(m.message.chat_id) === String(chatId),
    );
  }

  /** The id the emulator will give the next user message. */
  private nextMessageId(): number {
    return (this.server as unknown as { messageId: number }).messageId;
  }

  /**
   * A user message to the bot (a command when it starts with "/"); resolves with the message id the bot sees.
   * `extra` can add `reply_to_message`, `entities` and the like.
   */
  async say(
    token: string,
    chat: TestChat,
    from: TestUser,
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<number> {
    const id = this.nextMessageId();
    const entities = [
      ...(text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : []),
      ...[...text.matchAll(/@\w+/g)].map((x) => ({ type: "mention", offset: x.index, length: x[0].length })),
    ];
    const message = {
      botToken: token,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(entities.length && { entities }),
      ...extra,
    };
    await this.server.addUserMessage(message as never);
    return id;
  }

  /** Presses an inline button `data` on the bot's stored message `botMessage`. */
  async press(token: string, chat: TestChat, from: TestUser, botMessage: StoredBotUpdate, data: string): Promise<void> {
    const message = {
      message_id: botMessage.messageId,
      chat,
      from: { id: EMULATOR_BOT.id, is_bot: true, first_name: "Bot", username: EMULATOR_BOT.username },
      date: Math.floor(botMessage.time / 1000),
      text: botMessage.message.text,
    };
    await this.server.addUserCallback({
      botToken: token,
      date: Math.floor(Date.now() / 1000),
      from,
      message,
      data,
    } as never);
  }
}

export interface TestChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
}

export interface TestUser {
  id: number;
  is_bot: false;
  first_name: string;
  username?: string;
}

/** Polls `check` until it is true; false after `timeoutMs`. A failure message, never a timing assertion. */
export async function until(check: () => boolean, timeoutMs = 8_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 15));
  }
  return true;
}
