import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startWebhook, type WebhookServer } from "../../../src/adapters/telegram/webhook.js";
import { harness } from "../../fakes/telegram-harness.js";

/**
 * The webhook server against clients that are not Telegram: slow headers, too many connections, and a stop while they
 * hang on. Timeouts are set far beyond the test's own patience where the point is that stopping does not wait for
 * them.
 */
const SECRET = "test-secret_123";
const servers: WebhookServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(limits: Parameters<typeof startWebhook>[2]["limits"] = {}) {
  const h = harness();
  const server = await startWebhook(h.bot, h.rt.runtime, {
    url: "https://bot.example/hook",
    port: 0,
    host: "127.0.0.1",
    secret: SECRET,
    limits,
  });
  servers.push(server);
  return { h, server };
}

/** A connection that sends the start of a request's headers and then nothing; resolves once connected. */
async function slowHeaders(port: number): Promise<{ socket: Socket; closed: Promise<void>; data: () => string }> {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  let data = "";
  socket.setEncoding("utf8").on("data", (d: string) => (data += d));
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write("POST /hook HTTP/1.1\r\nHost: bot.example\r\nContent-Type: application/json\r\n");
  return { socket, closed, data: () => data };
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => "done" as const), new Promise<"waiting">((r) => setTimeout(() => r("waiting"), ms))]);

describe("telegram webhook server limits", () => {
  it("stops at once with five slow-header connections that never showed the secret", async () => {
    // Header and request timeouts of a minute: only the stop itself can end these connections in time.
    const { server } = await serve({ headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const slow = await Promise.all(Array.from({ length: 5 }, () => slowHeaders(server.port)));
    await new Promise((r) => setTimeout(r, 100)); // the server has seen them all
    expect(await within(server.close(), 3_000)).toBe("done");
    expect(await within(Promise.all(slow.map((s) => s.closed)), 1_000)).toBe("done");
  });

  it("drops a connection whose headers do not arrive within the header timeout, and keeps serving", async () => {
    const { server } = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 600, checkEveryMs: 100 });
    const slow = await slowHeaders(server.port);
    await slow.closed;
    expect(slow.data()).not.toMatch(/^HTTP\/1\.1 200/);
    const res = await fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: "POST",
      body: "{}",
      headers: { "x-telegram-bot-api-secret-token": "wrong" },
    });
    expect(res.status).toBe(401);
  });

  it("refuses connections over the cap", async () => {
    const { server } = await serve({ maxConnections: 3, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const conns = await Promise.all(Array.from({ length: 5 }, () => slowHeaders(server.port)));
    const closedNow = await Promise.all(conns.map((c) => within(c.closed, 1_000)));
    expect(closedNow.filter((s) => s === "done")).toHaveLength(2);
  });

  it("answers Telegram's update, then closes its idle keep-alive connection on stop", async () => {
    const { h, server } = await serve({ headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5001, type: "private" },
        from: { id: 5001, is_bot: false, first_name: "A" },
        text: "/help",
      },
    };
    const res = await fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: "POST",
      body: JSON.stringify(update),
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    });
    expect(res.status).toBe(200);
    expect(h.sent()).toHaveLength(1);
    expect(await within(server.close(), 3_000)).toBe("done");
  });
});
