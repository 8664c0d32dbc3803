import { afterEach, describe, expect, it } from "vitest";
import { startApp, type App } from "../../src/ops/app.js";
import { loadConfig } from "../../src/config.js";
import type { AdapterState, Platform, RunningAdapter } from "../../src/runtime.js";
import type { PlannedAdapter } from "../../src/ops/adapters.js";
import { memoryLogger, tempKnowledge } from "./fixtures.js";

/** A stand-in platform adapter whose state the test sets. */
function stubAdapter(name: Platform, initial: AdapterState = "serving") {
  let state = initial;
  const adapter: RunningAdapter & { set(s: AdapterState): void } = {
    name,
    state: () => state,
    set: (s) => (state = s),
    stop: async () => void (state = "stopped"),
  };
  const plan: PlannedAdapter = { name, credential: "X", secrets: [], start: async () => adapter };
  return { adapter, plan };
}

const apps: App[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop();
  cleanups.splice(0).forEach((f) => f());
});

async function start(plan: PlannedAdapter[], env: Record<string, string> = {}) {
  const k = tempKnowledge();
  cleanups.push(k.cleanup);
  const { log, lines } = memoryLogger();
  const app = await startApp(loadConfig({ KNOWLEDGE_DIR: k.dir, HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1", ...env }), {
    log,
    plan,
  });
  apps.push(app);
  await app.started;
  const base = `http://127.0.0.1:${app.health!.port}`;
  return { app, lines, base, k };
}

describe("health and metrics server", () => {
  it("answers /healthz 200 with each adapter's state while one serves, 503 when none does", async () => {
    const tg = stubAdapter("telegram");
    const dc = stubAdapter("discord", "starting");
    const { base } = await start([tg.plan, dc.plan]);
    let res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      adapters: Record<string, string>;
      knowledge: { entries: number };
    };
    expect(body).toMatchObject({
      status: "ok",
      adapters: { telegram: "serving", discord: "starting" },
      knowledge: { entries: 2 },
    });

    tg.adapter.set("failed");
    res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: "unavailable",
      adapters: { telegram: "failed", discord: "starting" },
    });

    dc.adapter.set("serving");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("serves Prometheus text on /metrics, 404 elsewhere, 405 for other methods", async () => {
    const tg = stubAdapter("telegram");
    const { base } = await start([tg.plan]);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain("# TYPE briefbot_knowledge_entries gauge");
    expect(text).toContain("briefbot_knowledge_entries 2");
    expect(text).toMatch(/briefbot_knowledge_last_reload_timestamp_seconds \d{10}/);
    expect(text).toContain('briefbot_adapter_up{adapter="telegram"} 1');
    expect(text).toContain('briefbot_adapter_state{adapter="telegram",state="serving"} 1');
    expect(text).toContain('briefbot_adapter_state{adapter="telegram",state="retrying"} 0');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(405);
  });

  it("keeps the other platform serving when one refuses its login, with a clear message and no secret", async () => {
    const secret = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const refused: PlannedAdapter = {
      name: "telegram",
      credential: "TELEGRAM_BOT_TOKEN",
      secrets: [secret],
      start: async () => {
        throw Object.assign(new Error(`Call to 'getMe' failed! (401: Unauthorized) for bot${secret}`), {
          error_code: 401,
        });
      },
    };
    const dc = stubAdapter("discord");
    const { app, base, lines } = await start([refused, dc.plan]);
    expect(app.serving()).toBe(true);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ adapters: { telegram: "failed", discord: "serving" } });
    const failure = lines.find((l) => l.adapter === "telegram" && l.level === 50);
    expect(String(failure?.msg)).toMatch(/^Telegram refused the login: check TELEGRAM_BOT_TOKEN/);
    expect(JSON.stringify(lines)).not.toContain(secret);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain(
      'briefbot_errors_total{platform="telegram",where="start"} 1',
    );
  });

  it("reports a platform that fails for another reason as not started, failed for good", async () => {
    const broken: PlannedAdapter = {
      name: "discord",
      credential: "DISCORD_TOKEN",
      secrets: [],
      start: async () => Promise.reject(new Error("Used disallowed intents")),
    };
    const { app, lines } = await start([broken]);
    expect(app.serving()).toBe(false);
    expect(app.failed()).toBe(true);
    expect(lines.some((l) => l.msg === "Discord did not start: Used disallowed intents")).toBe(true);
  });

  it("stops every adapter, and refuses a health port that is taken", async () => {
    const tg = stubAdapter("telegram");
    const { app, k } = await start([tg.plan]);
    const { log } = memoryLogger();
    await expect(
      startApp(loadConfig({ KNOWLEDGE_DIR: k.dir, HEALTH_PORT: String(app.health!.port), HEALTH_HOST: "127.0.0.1" }), {
        log,
        plan: [],
      }),
    ).rejects.toThrow(/HEALTH_PORT/);
    await app.stop();
    await app.stop();
    expect(tg.adapter.state()).toBe("stopped");
  });
});
