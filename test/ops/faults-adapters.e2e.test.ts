/**
 * Fault suite, in process: adapters that start, fail and recover on their own (issue 13, item 1). The supervision in
 * src/ops/app.ts with stand-in adapters, then the real Telegram and Discord adapters against closed ports and fakes.
 * The faults that are about the process itself (signals, exit codes) are in faults-process.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startApp, type App, type RetryOptions } from "../../src/ops/app.js";
import { loadConfig } from "../../src/config.js";
import { planAdapters, type PlannedAdapter } from "../../src/ops/adapters.js";
import type { RunningAdapter } from "../../src/runtime.js";
import { eventually, memoryLogger, tempKnowledge } from "./fixtures.js";
import { FAKE_TOKEN, startFakeTelegram } from "../fakes/telegram-bot-api.js";
import { startFakeDiscord } from "../fakes/discord.js";
import { freePort } from "../../support/net.js";

const apps: App[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop();
  for (const f of cleanups.splice(0)) await f();
});

const FAST: RetryOptions = { firstMs: 20, maxMs: 80 };

async function start(plan: PlannedAdapter[], env: Record<string, string> = {}, retry: RetryOptions = FAST) {
  const k = tempKnowledge();
  cleanups.push(k.cleanup);
  const { log, lines } = memoryLogger();
  const app = await startApp(loadConfig({ KNOWLEDGE_DIR: k.dir, HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1", ...env }), {
    log,
    plan,
    retry,
  });
  apps.push(app);
  const base = `http://127.0.0.1:${app.health!.port}`;
  const health = async () => {
    const res = await fetch(`${base}/healthz`);
    return { status: res.status, adapters: ((await res.json()) as { adapters: Record<string, string> }).adapters };
  };
  return { app, lines, base, health };
}

function serving(name: "telegram" | "discord"): RunningAdapter {
  let state: "serving" | "stopped" = "serving";
  return { name, state: () => state, stop: async () => void (state = "stopped") };
}

/** An error shaped like the one undici gives for a closed port. */
const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });

describe("adapter supervision", () => {
  it("shows every adapter's state from the first moment, and is healthy as soon as one serves", async () => {
    let release!: (a: RunningAdapter) => void;
    const slow: PlannedAdapter = {
      name: "telegram",
      credential: "TELEGRAM_BOT_TOKEN",
      secrets: [],
      start: () => new Promise((r) => (release = r)),
    };
    const { app, health, base } = await start([slow]);
    // startApp has returned although the platform has not answered yet.
    expect(await health()).toEqual({ status: 503, adapters: { telegram: "starting" } });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain(
      'briefbot_adapter_state{adapter="telegram",state="starting"} 1',
    );
    release(serving("telegram"));
    await app.started;
    expect(await health()).toEqual({ status: 200, adapters: { telegram: "serving" } });
  });

  it("retries an unreachable platform with capped, doubling waits, naming the setting to check and never the token", async () => {
    const token = "123456789:AAHsecretsecretsecretsecretsecret12";
    let attempts = 0;
    const flaky: PlannedAdapter = {
      name: "telegram",
      credential: "TELEGRAM_BOT_TOKEN",
      endpoint: { setting: "TELEGRAM_API_ROOT", url: "http://user:pw@127.0.0.1:9" },
      secrets: [token],
      start: async () => {
        if (++attempts <= 5)
          throw Object.assign(new Error(`request to http://127.0.0.1:9/bot${token}/getMe failed`), {
            code: "ECONNREFUSED",
          });
        return serving("telegram");
      },
    };
    const other: PlannedAdapter = {
      name: "discord",
      credential: "DISCORD_TOKEN",
      secrets: [],
      start: async () => serving("discord"),
    };
    const { app, lines, health } = await start([flaky, other]);
    await app.started;
    // The other platform serves meanwhile, and /healthz is 200 with the unreachable one shown as retrying.
    expect(await health()).toEqual({ status: 200, adapters: { telegram: "retrying", discord: "serving" } });
    expect(await eventually(() => app.adapters[0]!.state() === "serving")).toBe(true);
    expect(attempts).toBe(6);
    const retries = lines.filter((l) => l.adapter === "telegram" && l.level === 40);
    expect(retries.map((l) => l.retryInMs)).toEqual([20, 40, 80, 80, 80]);
    expect(String(retries[0]!.msg)).toBe(
      "Telegram cannot be reached: check TELEGRAM_API_ROOT (now http://127.0.0.1:9) and the network (ECONNREFUSED); retrying in 20 ms",
    );
    expect(JSON.stringify(lines)).not.toContain(token.split(":")[1]);
    expect(JSON.stringify(lines)).not.toContain("pw@");
    expect(lines.find((l) => l.msg === "adapter started" && l.adapter === "telegram")).toMatchObject({
      adapter: "telegram",
      attempts: 6,
    });
    expect(await app.metrics.errors.get({ platform: "telegram", where: "start" })).toBe(5);
  });

  it("treats a refused login as failed for good: no retry", async () => {
    let attempts = 0;
    const refusedLogin: PlannedAdapter = {
      name: "discord",
      credential: "DISCORD_TOKEN",
      secrets: [],
      start: async () => {
        attempts++;
        throw Object.assign(new Error("An invalid token was provided."), { code: "TokenInvalid" });
      },
    };
    const { app, health } = await start([refusedLogin]);
    await app.started;
    await new Promise((r) => setTimeout(r, 100)); // several retry periods: none may happen
    expect(attempts).toBe(1);
    expect(app.failed()).toBe(true);
    expect(await health()).toEqual({ status: 503, adapters: { discord: "failed" } });
  });

  it("stops at once while a start is under way (aborting it) or waiting to retry", async () => {
    let aborted = false;
    const hanging: PlannedAdapter = {
      name: "telegram",
      credential: "TELEGRAM_BOT_TOKEN",
      secrets: [],
      start: (_runtime, { signal }) =>
        new Promise((_, reject) =>
          signal.addEventListener("abort", () => {
            aborted = true;
            reject(signal.reason);
          }),
        ),
    };
    const waiting: PlannedAdapter = {
      name: "discord",
      credential: "DISCORD_TOKEN",
      secrets: [],
      start: async () => Promise.reject(refused()),
    };
    const { app } = await start([hanging, waiting], {}, { firstMs: 3_600_000, maxMs: 3_600_000 });
    await eventually(() => app.adapters[1]!.state() === "retrying");
    expect(app.adapters.map((a) => a.state())).toEqual(["starting", "retrying"]);
    await app.stop(); // would wait an hour for the retry, or forever for the start, if neither were aborted
    expect(aborted).toBe(true);
    expect(app.adapters.map((a) => a.state())).toEqual(["stopped", "stopped"]);
  });
});

describe("real adapters against an unreachable platform", () => {
  it("Telegram: retrying while TELEGRAM_API_ROOT is a closed port, serving once it answers, retrying again when it goes", async () => {
    const port = await freePort();
    const apiRoot = `http://127.0.0.1:${port}`;
    const k = tempKnowledge();
    cleanups.push(k.cleanup);
    const { log, lines } = memoryLogger();
    const config = loadConfig({
      KNOWLEDGE_DIR: k.dir,
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      KNOWLEDGE_WATCH: "false",
    });
    const app = await startApp(config, { log, plan: planAdapters(config), retry: { firstMs: 50, maxMs: 200 } });
    apps.push(app);
    const tg = app.adapters[0]!;
    expect(await eventually(() => tg.state() === "retrying", 10_000)).toBe(true);
    expect(
      lines.some((l) =>
        String(l.msg).startsWith(`Telegram cannot be reached: check TELEGRAM_API_ROOT (now ${apiRoot})`),
      ),
    ).toBe(true);

    let fake = await startFakeTelegram(FAKE_TOKEN, port);
    cleanups.push(() => fake.close());
    expect(await eventually(() => tg.state() === "serving", 10_000)).toBe(true);
    expect(
      (fake.calls.get("getUpdates") ?? 0) > 0 || (await eventually(() => (fake.calls.get("getUpdates") ?? 0) > 0)),
    ).toBe(true);

    // The Bot API goes away while polling: retrying (capped waits), then serving again when it is back.
    await fake.close();
    expect(await eventually(() => tg.state() === "retrying", 40_000)).toBe(true);
    expect(
      lines.some((l) => String(l.msg).startsWith("Telegram cannot be reached while polling: check TELEGRAM_API_ROOT")),
    ).toBe(true);
    fake = await startFakeTelegram(FAKE_TOKEN, port);
    expect(await eventually(() => tg.state() === "serving", 10_000)).toBe(true);
    expect(lines.some((l) => l.msg === "Telegram reachable again; polling")).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(FAKE_TOKEN.split(":")[1]);
  }, 60_000);

  it("Discord: retrying while DISCORD_API_URL is a closed port, naming it; stop ends the retries", async () => {
    const port = await freePort();
    const k = tempKnowledge();
    cleanups.push(k.cleanup);
    const probe = await startFakeDiscord();
    const token = probe.token;
    const applicationId = probe.applicationId;
    await probe.close();
    const { log, lines } = memoryLogger();
    const config = loadConfig({
      KNOWLEDGE_DIR: k.dir,
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: applicationId,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      KNOWLEDGE_WATCH: "false",
    });
    const app = await startApp(config, { log, plan: planAdapters(config), retry: { firstMs: 50, maxMs: 200 } });
    apps.push(app);
    const dc = app.adapters[0]!;
    expect(await eventually(() => dc.state() === "retrying", 10_000)).toBe(true);
    expect(
      lines.some((l) =>
        String(l.msg).startsWith(`Discord cannot be reached: check DISCORD_API_URL (now http://127.0.0.1:${port}/api)`),
      ),
    ).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(token);
    await app.stop();
    expect(dc.state()).toBe("stopped");
  }, 30_000);
});

describe("Discord gateway faults while serving", () => {
  async function discordApp() {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const k = tempKnowledge();
    cleanups.push(k.cleanup);
    const { log, lines } = memoryLogger();
    const config = loadConfig({
      KNOWLEDGE_DIR: k.dir,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_WATCH: "false",
    });
    const app = await startApp(config, { log, plan: planAdapters(config), retry: FAST });
    apps.push(app);
    expect(await eventually(() => app.serving(), 15_000)).toBe(true);
    return { fake, app, lines };
  }

  it("shows retrying while the gateway is gone (discord.js keeps reconnecting)", async () => {
    const { fake, app, lines } = await discordApp();
    await fake.close();
    expect(await eventually(() => app.adapters[0]!.state() === "retrying", 15_000)).toBe(true);
    expect(app.failed()).toBe(false);
    expect(lines.some((l) => l.msg === "discord gateway reconnecting")).toBe(true);
  }, 30_000);

  it("is failed for good when the gateway closes with 4004 (token reset), so main exits 1", async () => {
    const { fake, app, lines } = await discordApp();
    fake.dropConnections(4004);
    expect(await eventually(() => app.adapters[0]!.state() === "failed", 15_000)).toBe(true);
    expect(app.failed()).toBe(true);
    expect(lines.some((l) => String(l.msg).startsWith("discord gateway closed for good"))).toBe(true);
  }, 30_000);
});

describe("lean start", () => {
  it("loads grammY and discord.js only for a configured platform: no static import path from main reaches them", async () => {
    const { readFileSync } = await import("node:fs");
    const { dirname, resolve } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
    const seen = new Set<string>();
    const packages = new Set<string>();
    const todo = [main];
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      // Static imports and re-exports only: `import type` is erased, `import(…)` is loaded when called.
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(
        /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+["']([^"']+)["']|^import\s+["']([^"']+)["']/gm,
      )) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith(".")) todo.push(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
        else packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(packages).toContain("pino");
    for (const heavy of [
      "grammy",
      "@grammyjs/runner",
      "@grammyjs/auto-retry",
      "discord.js",
      "@discordjs/rest",
      "@discordjs/ws",
    ])
      expect(packages.has(heavy), heavy).toBe(false);
    expect([...seen].some((f) => f.includes("/adapters/telegram/") || f.includes("/adapters/discord/"))).toBe(false);
  });
});
