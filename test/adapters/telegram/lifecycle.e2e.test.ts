import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startTelegram, type TelegramAdapter } from "../../../src/adapters/telegram/index.js";
import { freePort } from "../../../support/net.js";
import { testRuntime } from "../../support/runtime.js";
import { Emulator, until, type TestChat, type TestUser } from "../../fakes/telegram-test-api.js";
import { fixtureCore } from "./fixture.js";

const TOKEN = "654321:briefbot-lifecycle-token-QRSTUVWXYZ";
const alice: TestUser = { id: 7001, is_bot: false, first_name: "Alice" };
const chat: TestChat = { id: 7001, type: "private", first_name: "Alice" };

let emu: Emulator | undefined;
let adapter: TelegramAdapter | undefined;

afterEach(async () => {
  await adapter?.stop();
  await emu?.stop();
  adapter = emu = undefined;
});

describe("telegram stop()", () => {
  it("stops polling, lets the answer in flight finish, then resolves; twice is fine", async () => {
    emu = new Emulator();
    const apiRoot = await emu.start();
    const rt = testRuntime(fixtureCore());
    adapter = await startTelegram(rt.runtime, { token: TOKEN, apiRoot });
    emu.hold(); // the bot's sendMessage will hang until released
    await emu.say(TOKEN, chat, alice, "How many people used Telegram?");
    expect(await until(() => emu!.held === 1)).toBe(true);

    let stopped = false;
    const stopping = adapter.stop().then(() => (stopped = true));
    // While the answer is held, stop() cannot be done: it waits for the update in flight.
    expect(await until(() => stopped, 1_000)).toBe(false);
    emu.release();
    await stopping;
    expect(adapter.state()).toBe("stopped");
    const answers = emu.botMessages(TOKEN, chat.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.message.text).toContain("40 million");
    await adapter.stop(); // idempotent

    // No more polling: a message sent now is never fetched.
    const polls = emu.calls.filter((c) => c === "getUpdates").length;
    await emu.say(TOKEN, chat, alice, "How many people used Telegram?");
    await until(() => false, 800);
    expect(emu.calls.filter((c) => c === "getUpdates").length).toBe(polls);
    expect(emu.server.storage.userMessages.at(-1)!.isRead).toBe(false);
  });

  it("a refused token rejects start-up instead of serving", async () => {
    // A fake Bot API that refuses every token, as Telegram does for a revoked one.
    const { createServer: createHttp } = await import("node:http");
    const api = createHttp((_req, res) => {
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }));
    });
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    const apiRoot = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
    try {
      const rt = testRuntime(fixtureCore());
      await expect(startTelegram(rt.runtime, { token: TOKEN, apiRoot })).rejects.toMatchObject({ error_code: 401 });
    } finally {
      await new Promise<void>((r) => api.close(() => r()));
    }
  });
});

describe("telegram webhook mode", () => {
  it("registers the webhook with a secret, answers only requests that carry it, and catches errors", async () => {
    emu = new Emulator();
    const apiRoot = await emu.start();
    const rt = testRuntime(fixtureCore());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const secret = "e2e_secret-123";
    adapter = await startTelegram(rt.runtime, {
      token: TOKEN,
      apiRoot,
      webhookUrl: url,
      webhookPort: port,
      webhookHost: "127.0.0.1",
      webhookSecret: secret,
    });
    expect(adapter.webhookPort).toBe(port);
    const hooks = (
      emu.server as unknown as {
        webhooks: Record<string, { url: string; secret_token?: string; allowed_updates?: string[] }>;
      }
    ).webhooks;
    expect(hooks[TOKEN]).toMatchObject({ url, secret_token: secret });
    expect(hooks[TOKEN]!.allowed_updates).toEqual(["message", "callback_query", "inline_query"]);
    expect(emu.calls).not.toContain("getUpdates");

    const update = (id: number, text: string) => ({
      update_id: id,
      message: { message_id: id, date: Math.floor(Date.now() / 1000), chat, from: alice, text },
    });
    const post = (body: string, headers: Record<string, string> = {}, path = "/telegram/hook") =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    const withSecret = { "x-telegram-bot-api-secret-token": secret };

    expect((await post(JSON.stringify(update(1, "How many people used Telegram?")))).status).toBe(401);
    expect(
      (
        await post(JSON.stringify(update(2, "How many people used Telegram?")), {
          "x-telegram-bot-api-secret-token": "wrong",
        })
      ).status,
    ).toBe(401);
    expect((await post(JSON.stringify(update(3, "x")), withSecret, "/elsewhere")).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/telegram/hook`)).status).toBe(404);
    expect(emu.botMessages(TOKEN, chat.id)).toHaveLength(0);

    expect((await post(JSON.stringify(update(4, "Why was Telegram banned?")), withSecret)).status).toBe(200);
    expect(await until(() => emu!.botMessages(TOKEN, chat.id).length === 1)).toBe(true);
    expect(emu.botMessages(TOKEN, chat.id)[0]!.message.text).toContain("&lt;national security&gt;");

    // Not JSON: 400. An update that breaks the middleware (null): caught, logged, 200 so Telegram does not resend it.
    expect((await post("{not json", withSecret)).status).toBe(400);
    // JSON.parse quotes the body in its message: the log line must not carry it.
    expect((await post("hello private words", withSecret)).status).toBe(400);
    expect(JSON.stringify(rt.lines)).not.toContain("private words");
    expect((await post("null", withSecret)).status).toBe(200);
    expect(rt.lines.some((l) => l.msg === "telegram error" && l.where === "webhook")).toBe(true);
    expect(rt.errors).toContain("telegram:webhook");

    // Over 1 MB (an update is a few KB): 413, whether the size is declared up front or only shows while streaming.
    const oversized = (declared: boolean) =>
      new Promise<number>((resolve, reject) => {
        const headers: Record<string, string | number> = { ...withSecret, "content-type": "application/json" };
        if (declared) headers["content-length"] = 2_000_000;
        const req = request({ host: "127.0.0.1", port, path: "/telegram/hook", method: "POST", headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on("error", reject);
        req.write(`{"update_id": 7, "pad": "`);
        if (!declared) for (let i = 0; i < 18; i++) req.write("x".repeat(64 * 1024));
      });
    expect(await oversized(true)).toBe(413);
    expect(await oversized(false)).toBe(413);
    expect(rt.lines.filter((l) => l.msg === "telegram webhook body too large")).toHaveLength(2);

    // Still serving after the bad requests.
    expect((await post(JSON.stringify(update(5, "How many people used Telegram?")), withSecret)).status).toBe(200);
    expect(await until(() => emu!.botMessages(TOKEN, chat.id).length === 2)).toBe(true);

    await adapter.stop();
    expect(adapter.state()).toBe("stopped");
    await expect(post(JSON.stringify(update(6, "x")), withSecret)).rejects.toThrow();
    expect(JSON.stringify(rt.lines)).not.toContain(secret);
  });
});
