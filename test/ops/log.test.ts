import { describe, expect, it } from "vitest";
import { createLogger, prettyLine } from "../../src/log.js";

function capture(level = "info") {
  const out: string[] = [];
  const log = createLogger(level, { write: (s: string) => void out.push(s) });
  return { log, out };
}

describe("logs", () => {
  it("writes one JSON line per record, at LOG_LEVEL", () => {
    const { log, out } = capture("info");
    log.debug("hidden");
    log.info({ platform: "telegram", command: "ask", id: "x", score: 1, latencyMs: 0.2 }, "answer");
    expect(out).toHaveLength(1);
    const rec = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(rec).toMatchObject({ level: 30, platform: "telegram", command: "ask", msg: "answer" });
    expect(rec.pid).toBeUndefined();
    expect(rec.hostname).toBeUndefined();
  });

  it("redacts secrets, should a config object ever be logged", () => {
    const { log, out } = capture();
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    log.info(
      { config: { TELEGRAM_BOT_TOKEN: token, DISCORD_TOKEN: "a.b.c", TELEGRAM_WEBHOOK_SECRET: "s3cret-value" }, token },
      "settings",
    );
    expect(out.join("")).not.toContain(token);
    expect(out.join("")).not.toContain("s3cret-value");
    expect(out.join("")).toContain("[redacted]");
  });

  it("prints readable lines for a terminal", () => {
    const line = prettyLine(
      JSON.stringify({
        level: 40,
        time: Date.UTC(2024, 0, 1, 9, 41, 7),
        msg: "slow",
        platform: "discord",
        note: "two words",
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:\d\d WARN {2}slow platform=discord note="two words"\n$/);
    expect(prettyLine("not json")).toBe("not json\n");
    expect(prettyLine(JSON.stringify({ level: 50, msg: "x" }), true)).toContain("\u001b[31mERROR");
  });
});
