import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Socket } from "node:net";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Runtime } from "../../runtime.js";
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
  /** Test knobs: see {@link WEBHOOK_LIMITS}. */
  limits?: Partial<typeof WEBHOOK_LIMITS>;
}

/**
 * How long a client may take and how many may be connected. Telegram sends an update's headers and body at once, from
 * at most `max_connections` (default 40) connections, so these only ever stop clients that are not Telegram: Node's
 * defaults (60 s for headers, 300 s for a request, no cap) let a few slow connections hold the server and its
 * shutdown.
 */
export const WEBHOOK_LIMITS = {
  /** The request's headers must arrive within this. */
  headersTimeoutMs: 5_000,
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: 10_000,
  /** How often Node checks those two timeouts. */
  checkEveryMs: 1_000,
  /** Connections over this are refused. */
  maxConnections: 100,
};

export interface WebhookServer {
  /** The port actually listened on. */
  port: number;
  /** Stops accepting requests and resolves when the requests being answered have finished. */
  close(): Promise<void>;
}

/** Telegram gives a webhook about a minute; answer well before, and let slow updates finish in the background. */
const WEBHOOK_TIMEOUT_MS = 25_000;
/** An update is a few KB (a message is at most 4,096 characters); anything far larger is not from Telegram. */
const MAX_BODY_BYTES = 1 << 20;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge());
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Constant-time comparison of the secret header (grammY's webhookCallback does the same). */
function hasSecret(req: IncomingMessage, secret: Buffer): boolean {
  const header = req.headers["x-telegram-bot-api-secret-token"];
  const given = Buffer.from((Array.isArray(header) ? header[0] : header) ?? "", "utf8");
  return given.length === secret.length && timingSafeEqual(given, secret);
}

/**
 * Serves the webhook on a plain node HTTP server and registers it with a secret token, with short header and request
 * timeouts and a connection cap ({@link WEBHOOK_LIMITS}). Requests without the secret get 401, anything but POST on the webhook's path 404, a body that is not JSON 400, one over 1 MB 413. An update is
 * handed to `bot.handleUpdate` and answered 200 once handled (or after 25 s, finishing in the background); errors are
 * logged without the update and still answered 200, since a 5xx would make Telegram resend the same failing update.
 *
 * Why not grammY's `webhookCallback`: its webhook-reply envelope kept each update's HTTP objects alive into the old
 * generation (DESIGN.md, "Garbage on the hot path"), and briefbot never answers by webhook reply (it cannot see
 * whether such a reply failed), so it does not need the envelope.
 */
export async function startWebhook(bot: Bot, runtime: Runtime, options: WebhookOptions): Promise<WebhookServer> {
  const secret = options.secret ?? randomBytes(32).toString("base64url");
  const secretBytes = Buffer.from(secret, "utf8");
  const path = new URL(options.url).pathname || "/";

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
    } catch (err) {
      const tooLarge = err instanceof BodyTooLarge;
      // Not the parse error's message: JSON.parse quotes the body in it.
      runtime.log.warn(
        { platform: "telegram", err: { name: (err as Error).name } },
        tooLarge ? "telegram webhook body too large" : "telegram webhook body is not JSON",
      );
      res.writeHead(tooLarge ? 413 : 400, { connection: "close" }).end();
      return;
    }
    const handling = bot.handleUpdate(update).catch((err: unknown) => reportError(runtime, err, "webhook"));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, WEBHOOK_TIMEOUT_MS)));
    await Promise.race([handling, late]);
    clearTimeout(timer);
    res.writeHead(200).end();
  }

  const limits = Object.assign({}, WEBHOOK_LIMITS, options.limits);
  // Connections that have not yet sent a request with the secret: closed at once on stop.
  const untrusted = new Set<Socket>();
  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkEveryMs,
    },
    (req, res) => {
      const reqPath = (req.url ?? "/").split("?")[0];
      if (req.method !== "POST" || reqPath !== path) {
        res.writeHead(404, { connection: "close" }).end();
        return;
      }
      if (!hasSecret(req, secretBytes)) {
        res.writeHead(401, { connection: "close" }).end('"unauthorized"');
        return;
      }
      untrusted.delete(req.socket);
      serve(req, res);
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on("connection", (socket: Socket) => {
    untrusted.add(socket);
    socket.once("close", () => untrusted.delete(socket));
  });
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      reportError(runtime, err, "webhook");
      if (!res.headersSent) res.writeHead(200);
      if (!res.writableEnded) res.end();
    });
  };
  server.on("clientError", (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (err) =>
    runtime.log.error({ platform: "telegram", err: describeError(err) }, "telegram webhook server error"),
  );
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
        // Idle keep-alive connections and any that never showed the secret (slow headers included) go now; requests
        // from Telegram being answered finish first.
        server.closeIdleConnections();
        for (const socket of untrusted) socket.destroy();
      }),
  };
}
