import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import { webhookCallback, type Bot } from "grammy";
import type { Runtime } from "../runtime.js";
import { ALLOWED_UPDATES } from "./bot.js";
import { describeError, reportError } from "./errors.js";

export interface WebhookOptions {
  /** The public HTTPS URL Telegram posts to; its path is the path served. */
  url: string;
  port: number;
  /** Interface to listen on (default all). */
  host?: string;
  /** Checked against X-Telegram-Bot-Api-Secret-Token; a random one is made when not given. */
  secret?: string;
}

export interface WebhookServer {
  /** The port actually listened on. */
  port: number;
  /** Stops accepting requests and resolves when the requests being answered have finished. */
  close(): Promise<void>;
}

/** Telegram gives a webhook about a minute; answer well before, and let slow updates finish in the background. */
const WEBHOOK_TIMEOUT_MS = 25_000;

/**
 * Serves grammY's webhookCallback on a plain node HTTP server and registers the webhook with a secret token.
 * Requests without the secret get 401; anything but POST on the webhook's path gets 404. webhookCallback does not
 * call bot.catch, so errors on this path are caught here, logged without the update, and answered 200 (a 5xx would
 * make Telegram resend the same failing update) — except a body that is not JSON, which gets 400.
 */
export async function startWebhook(bot: Bot, runtime: Runtime, options: WebhookOptions): Promise<WebhookServer> {
  const secret = options.secret ?? randomBytes(32).toString("base64url");
  const path = new URL(options.url).pathname || "/";
  const handle = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return", timeoutMilliseconds: WEBHOOK_TIMEOUT_MS });
  const server: Server = createServer((req, res) => {
    const reqPath = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || reqPath !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      if (err instanceof SyntaxError) runtime.log.warn({ platform: "telegram", err: describeError(err) }, "telegram webhook body is not JSON");
      else reportError(runtime, err, "webhook");
      if (!res.headersSent) res.writeHead(err instanceof SyntaxError ? 400 : 200);
      if (!res.writableEnded) res.end();
    });
  });
  server.on("clientError", (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (err) => runtime.log.error({ platform: "telegram", err: describeError(err) }, "telegram webhook server error"));
  try {
    await bot.api.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (err) {
    server.close();
    throw err;
  }
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
