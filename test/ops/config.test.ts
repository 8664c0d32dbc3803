import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const TG = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const DC = "MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("defaults to the console with nothing set", () => {
    const c = loadConfig({});
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.LOG_LEVEL).toBe("info");
    expect(c.KNOWLEDGE_WATCH).toBe(true);
    expect(c.TELEGRAM_WEBHOOK_PORT).toBe(8080);
    expect(c.HEALTH_PORT).toBeUndefined();
    expect(c.KNOWLEDGE_DIR).toMatch(/knowledge$/);
  });

  it("accepts well-formed tokens and settings", () => {
    const c = loadConfig({
      TELEGRAM_BOT_TOKEN: TG,
      DISCORD_TOKEN: DC,
      DISCORD_APPLICATION_ID: "109876543210987654",
      DISCORD_SHARDS: "auto",
      HEALTH_PORT: "9090",
      KNOWLEDGE_WATCH: "false",
      LOG_LEVEL: "debug",
    });
    expect(c.TELEGRAM_BOT_TOKEN).toBe(TG);
    expect(c.DISCORD_SHARDS).toBe("auto");
    expect(c.HEALTH_PORT).toBe(9090);
    expect(c.KNOWLEDGE_WATCH).toBe(false);
  });

  it("treats an empty value as unset", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "", HEALTH_PORT: " " }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("reads every empty setting as its default, one rule for all of them", async () => {
    const { configSchema } = await import("../../src/config.js");
    const names = Object.keys(configSchema.shape);
    const blank = Object.fromEntries(names.map((n) => [n, ""]));
    const spaces = Object.fromEntries(names.map((n) => [n, "  \t"]));
    expect(loadConfig(blank)).toEqual(loadConfig({}));
    expect(loadConfig(spaces)).toEqual(loadConfig({}));
    const c = loadConfig({
      LOG_LEVEL: "",
      TELEGRAM_WEBHOOK_PORT: "",
      UNANSWERED_LOG_MAX_BYTES: "",
      KNOWLEDGE_WATCH: "",
    });
    expect(c).toMatchObject({
      LOG_LEVEL: "info",
      TELEGRAM_WEBHOOK_PORT: 8080,
      UNANSWERED_LOG_MAX_BYTES: 10_000_000,
      KNOWLEDGE_WATCH: true,
    });
  });

  it("trims values and names a bad port or size without its value", () => {
    expect(loadConfig({ LOG_LEVEL: " warn ", TELEGRAM_WEBHOOK_PORT: " 8443 " })).toMatchObject({
      LOG_LEVEL: "warn",
      TELEGRAM_WEBHOOK_PORT: 8443,
    });
    expect(problems({ TELEGRAM_WEBHOOK_PORT: "eighty", UNANSWERED_LOG_MAX_BYTES: "12" })).toEqual([
      "TELEGRAM_WEBHOOK_PORT: must be a port number, 1-65535",
      "UNANSWERED_LOG_MAX_BYTES: must be at least 4096",
    ]);
  });

  it("names a malformed Telegram token without echoing it", () => {
    const secret = "not-a-token-but-very-secret-value";
    const err = (() => {
      try {
        loadConfig({ TELEGRAM_BOT_TOKEN: secret });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toContain("TELEGRAM_BOT_TOKEN");
    expect(err?.message).not.toContain(secret);
    expect(err?.message).not.toContain("very-secret");
  });

  it("names a malformed Discord token without echoing it", () => {
    const secret = "plainly wrong discord secret";
    const list = problems({ DISCORD_TOKEN: secret, DISCORD_APPLICATION_ID: "109876543210987654" });
    expect(list.join("\n")).toContain("DISCORD_TOKEN");
    expect(list.join("\n")).not.toContain(secret);
  });

  it("lists every bad variable at once, each by name", () => {
    const list = problems({
      LOG_LEVEL: "loud",
      HEALTH_PORT: "99999",
      TELEGRAM_API_ROOT: "ftp://x",
      KNOWLEDGE_WATCH: "maybe",
    });
    const text = list.join("\n");
    for (const name of ["LOG_LEVEL", "HEALTH_PORT", "TELEGRAM_API_ROOT", "KNOWLEDGE_WATCH"])
      expect(text).toContain(name);
    expect(list).toHaveLength(4);
  });

  it("requires the Discord application id with a Discord token", () => {
    expect(problems({ DISCORD_TOKEN: DC })).toEqual(["DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set"]);
  });

  it("refuses a webhook URL without a Telegram token", () => {
    expect(problems({ TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg" })[0]).toContain("TELEGRAM_WEBHOOK_URL");
  });

  it("rejects a webhook secret Telegram would refuse, without echoing it", () => {
    const secret = "has spaces and $ymbols";
    const text = problems({ TELEGRAM_BOT_TOKEN: TG, TELEGRAM_WEBHOOK_SECRET: secret }).join("\n");
    expect(text).toContain("TELEGRAM_WEBHOOK_SECRET");
    expect(text).not.toContain(secret);
  });
});

describe(".env.example", () => {
  it("lists every setting commented out at its default, each with a comment above it", async () => {
    const { readFileSync } = await import("node:fs");
    const { configSchema } = await import("../../src/config.js");
    const lines = readFileSync(new URL("../../.env.example", import.meta.url), "utf8").split("\n");
    const listed = lines
      .map((l, i) => [/^# ([A-Z_]+)=/.exec(l)?.[1], i] as const)
      .filter((x): x is [string, number] => x[0] !== undefined);
    expect(listed.map(([k]) => k).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(
      lines.filter((l) => /^\s*[A-Z_]+=/.test(l)),
      "no setting left active",
    ).toEqual([]);
    for (const [key, i] of listed) expect(lines[i - 1], `comment above ${key}`).toMatch(/^#(?! [A-Z_]+=)/);
    for (const [key, i] of listed)
      expect(lines.slice(Math.max(0, i - 4), i).join(" "), `default of ${key}`).toMatch(/Default:/);
  });

  it("changes nothing when copied to .env as it is, or with every line uncommented", async () => {
    const { readFileSync } = await import("node:fs");
    const dotenv = await import("dotenv");
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    expect(loadConfig(dotenv.parse(text))).toEqual(loadConfig({}));
    const uncommented = text.replace(/^# ([A-Z_]+=)/gm, "$1");
    expect(Object.keys(dotenv.parse(uncommented)).length).toBeGreaterThan(15);
    expect(loadConfig(dotenv.parse(uncommented))).toEqual(loadConfig({}));
  });
});

describe("README and docs operations section", () => {
  it("has every setting in a settings table, and every metric briefbot exposes in a metrics table", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const { configSchema } = await import("../../src/config.js");
    const { BotMetrics } = await import("../../src/ops/bot-metrics.js");
    const docsDir = new URL("../../docs/", import.meta.url);
    const docs = readdirSync(docsDir)
      .filter((f) => f.endsWith(".md"))
      .map((f) => readFileSync(new URL(f, docsDir), "utf8"));
    const doc = [readFileSync(new URL("../../README.md", import.meta.url), "utf8"), ...docs].join("\n");
    const rows = new Set([...doc.matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((m) => m[1]));
    for (const key of Object.keys(configSchema.shape)) expect(rows.has(key), key).toBe(true);
    const m = new BotMetrics();
    m.attach({ entries: () => 0, adapters: () => [] });
    const names = [...m.expose().matchAll(/^# TYPE (\S+)/gm)].map((x) => x[1]!);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(rows.has(name), name).toBe(true);
  });
});
