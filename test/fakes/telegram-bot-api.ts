/**
 * A minimal fake Telegram Bot API on 127.0.0.1 (random port) for load tests, fault tests and the bot benchmark:
 * `POST /bot<token>/<method>` answers getMe, setWebhook, sendMessage, an empty getUpdates and friends like Telegram does, records every
 * sendMessage, and can fail the next calls of a method with 429 (`retry_after`) or a 5xx. telegram-test-api is the
 * end-to-end emulator for behaviour; this one is small and fast enough for ten thousand updates.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

export interface SentMessage {
  chatId: number;
  text: string;
  /** performance.now() when the fake received it. */
  at: number;
}

export interface FakeTelegram {
  /** Bot API root to give grammY (TELEGRAM_API_ROOT). */
  readonly apiRoot: string;
  readonly token: string;
  /** Every sendMessage, in arrival order. */
  readonly sent: SentMessage[];
  /** Calls per method, failed ones included. */
  readonly calls: Map<string, number>;
  /** How many injected faults were served. */
  faultsServed(): number;
  /** The next `times` calls of `method` fail: 429 with `retry_after` seconds, or the given 5xx. */
  failNext(
    method: string,
    fault: { status: 429; retryAfter: number } | { status: 500 | 502 | 503 },
    times?: number,
  ): void;
  /** From now on every call is refused with 401, as when the token is revoked in BotFather. */
  revoke(): void;
  /** Called for each sendMessage as it arrives. */
  onSend?: (m: SentMessage) => void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/**
 * Starts the fake (on `port`, default a free one: a fault test brings a closed port back to life). Calls with another
 * token get 401, as Telegram answers a revoked token.
 */
export async function startFakeTelegram(token = FAKE_TOKEN, port = 0): Promise<FakeTelegram> {
  const sent: SentMessage[] = [];
  const calls = new Map<string, number>();
  const faults: { method: string; status: number; retryAfter?: number }[] = [];
  let served = 0;
  let revoked = false;
  let messageId = 0;
  const me = {
    id: Number(token.split(":")[0]),
    is_bot: true,
    first_name: "briefbot",
    username: "briefbot_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
  };

  const fake: FakeTelegram = {
    apiRoot: "",
    token,
    sent,
    calls,
    faultsServed: () => served,
    failNext(method, fault, times = 1) {
      for (let i = 0; i < times; i++)
        faults.push({ method, status: fault.status, ...("retryAfter" in fault && { retryAfter: fault.retryAfter }) });
    },
    revoke: () => void (revoked = true),
    close: async () => {},
  };

  const server = createServer((req, res) => {
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (!m) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, tok, method] = m as unknown as [string, string, string];
    body(req).then(
      (params) => {
        calls.set(method, (calls.get(method) ?? 0) + 1);
        if (tok !== token || revoked) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
        const fi = faults.findIndex((f) => f.method === method);
        if (fi >= 0) {
          const f = faults.splice(fi, 1)[0]!;
          served++;
          if (f.status === 429)
            return reply(429, {
              ok: false,
              error_code: 429,
              description: `Too Many Requests: retry after ${f.retryAfter}`,
              parameters: { retry_after: f.retryAfter },
            });
          return reply(f.status, { ok: false, error_code: f.status, description: "Internal Server Error" });
        }
        switch (method) {
          case "getMe":
            return reply(200, { ok: true, result: me });
          case "getUpdates":
            // No updates: answer an empty list after a short wait, as a long poll that timed out would.
            return void setTimeout(() => reply(200, { ok: true, result: [] }), 100);
          case "sendMessage": {
            const chatId = Number(params.chat_id);
            const msg: SentMessage = { chatId, text: String(params.text ?? ""), at: performance.now() };
            sent.push(msg);
            fake.onSend?.(msg);
            return reply(200, {
              ok: true,
              result: {
                message_id: ++messageId,
                date: Math.floor(Date.now() / 1000),
                chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
                from: me,
                text: msg.text,
              },
            });
          }
          default:
            return reply(200, { ok: true, result: true });
        }
      },
      () => reply(400, { ok: false, error_code: 400, description: "Bad Request: body is not JSON" }),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  (fake as { apiRoot: string }).apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}

/** A private-chat text message update from user (and chat) `userId`. */
export function textUpdate(updateId: number, userId: number, text: string) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Asker" },
      from: { id: userId, is_bot: false, first_name: "Asker" },
      text,
    },
  };
}
