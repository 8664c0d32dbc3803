import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.js";

const bin = join(import.meta.dirname, "../../bin/briefbot.js");

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

function register(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const base = { ...process.env };
    for (const k of Object.keys(base)) if (k.startsWith("DISCORD_") || k.startsWith("TELEGRAM_")) delete base[k];
    const child = spawn(process.execPath, [bin, "register"], { env: { ...base, ...env }, cwd: import.meta.dirname });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npx briefbot register", () => {
  it("registers to the guild when DISCORD_GUILD_ID is set, and says so", async () => {
    const r = await register({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `registered 6 commands (/ask, /quote, /fact, /sources, /help, /forget) to guild ${fake.guildId}`,
    );
    const put = await fake.waitForRequest(
      (q) => q.method === "PUT" && q.path.endsWith(`/guilds/${fake.guildId}/commands`),
    );
    expect((put.body as unknown[]).length).toBe(6);
  });
  it("registers globally otherwise", async () => {
    const r = await register({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("global");
    await fake.waitForRequest(
      (q) => q.method === "PUT" && q.path.endsWith(`/applications/${fake.applicationId}/commands`),
    );
  });
  it("explains what is missing without a token", async () => {
    const r = await register({});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DISCORD_TOKEN");
  });
});
