import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../../src/adapters/telegram/index.js";
import { testRuntime } from "../../support/runtime.js";
import { fixtureCore } from "./fixture.js";
import { BOT_INFO, TOKEN } from "../../fakes/telegram-harness.js";

/** A fake Bot API on 127.0.0.1 whose sendMessage answers from a script of responses, then OK. */
async function fakeApi(script: object[]) {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const method = (req.url ?? "").split("/").pop()!;
    calls.push(method);
    req.resume();
    const body =
      method === "sendMessage" && script.length
        ? script.shift()!
        : { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "x" } };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const tooMany = (after: number) => ({
  ok: false,
  error_code: 429,
  description: `Too Many Requests: retry after ${after}`,
  parameters: { retry_after: after },
});
let api: Awaited<ReturnType<typeof fakeApi>> | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function askOnce(script: object[]) {
  api = await fakeApi(script);
  const rt = testRuntime(fixtureCore());
  const bot = createTelegramBot(rt.runtime, {
    token: TOKEN,
    botInfo: BOT_INFO,
    apiRoot: api.apiRoot,
    retry: { maxRetryAttempts: 2, maxDelaySeconds: 5 },
  });
  await bot.handleUpdate({
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 1, type: "private", first_name: "A" },
      from: { id: 1, is_bot: false, first_name: "A" },
      text: "how many people used telegram",
    },
  });
  return { rt, sends: api.calls.filter((c) => c === "sendMessage").length };
}

describe("telegram auto-retry (against a fake Bot API through apiRoot)", () => {
  it("retries a 429 after retry_after and delivers", async () => {
    const { rt, sends } = await askOnce([tooMany(0), tooMany(0)]);
    expect(sends).toBe(3);
    expect(rt.errors).toEqual([]);
  });

  it("gives up after maxRetryAttempts and logs the failure", async () => {
    const { rt, sends } = await askOnce([tooMany(0), tooMany(0), tooMany(0), tooMany(0), tooMany(0)]);
    expect(sends).toBe(3); // the first try and 2 retries
    expect(rt.lines.some((l) => l.msg === "telegram api call failed" && l.code === 429)).toBe(true);
    expect(rt.errors).toEqual(["telegram:handler"]);
  });

  it("does not wait out a retry_after longer than maxDelaySeconds", async () => {
    const { sends } = await askOnce([tooMany(3600)]);
    expect(sends).toBe(1);
  });
});
