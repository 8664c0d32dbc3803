import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { spawnMain, type Spawned, jsonLines, logged } from "./spawn.js";
import { eventually, skyYaml, tempKnowledge } from "./fixtures.js";
import { startFakeTelegram } from "../fakes/telegram-bot-api.js";
import { startFakeDiscord } from "../fakes/discord.js";

const DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.maintestmaintestmaintestmaintest";

const QUESTION = "What colour is the sky over the test city?";
const cleanups: (() => void)[] = [];
const children: Spawned[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill("SIGKILL");
  cleanups.splice(0).forEach((f) => f());
});

function knowledge() {
  const k = tempKnowledge("green");
  cleanups.push(k.cleanup);
  return k;
}
function run(env: Record<string, string>) {
  const s = spawnMain(env);
  children.push(s);
  return s;
}

describe("main start-up", () => {
  it("runs the console when no platform is configured: answers piped stdin, exits 0 at its end", async () => {
    const k = knowledge();
    const s = run({ KNOWLEDGE_DIR: k.dir });
    s.child.stdin.end(`${QUESTION}\nhow long is the test river\n`);
    const { code } = await s.exit;
    expect(code).toBe(0);
    expect(s.stdout()).toContain("The sky over the test city is green.");
    expect(s.stdout()).toContain("12 kilometres");
    // One info line per answer, with no question text in it.
    const answers = jsonLines(s.stderr()).filter((l) => l.msg === "answer");
    expect(answers.map((a) => a.id)).toEqual(["sky-colour", "river-length"]);
    expect(answers[0]).toMatchObject({ platform: "console", command: "ask", answered: true });
    expect(s.stderr()).not.toContain("test river");
    expect(s.stderr()).not.toContain(QUESTION);
  });

  it("exits non-zero naming a malformed TELEGRAM_BOT_TOKEN, without echoing it", async () => {
    const k = knowledge();
    const secret = "12345-definitely-not-a-token";
    const s = run({ KNOWLEDGE_DIR: k.dir, TELEGRAM_BOT_TOKEN: secret });
    s.child.stdin.end();
    const { code } = await s.exit;
    expect(code).not.toBe(0);
    expect(s.stderr()).toContain("TELEGRAM_BOT_TOKEN");
    expect(s.stderr()).not.toContain(secret);
    expect(s.stdout()).toBe("");
  });

  it("exits non-zero with file and line when the knowledge is invalid", async () => {
    const k = knowledge();
    writeFileSync(k.file, skyYaml("x").replace("publisher: Test News", "publisher: [unclosed"));
    const s = run({ KNOWLEDGE_DIR: k.dir });
    s.child.stdin.end();
    const { code } = await s.exit;
    expect(code).toBe(1);
    expect(s.stderr()).toMatch(/cannot load the knowledge: .*test\.yaml:\d+/);
  });

  it("serves an edit through the running console (watch), reloads on SIGHUP, and exits 0 on SIGTERM", async () => {
    const k = knowledge();
    const s = run({ KNOWLEDGE_DIR: k.dir });
    s.child.stdin.write(`${QUESTION}\n`);
    expect(await eventually(() => s.stdout().includes("green"), 15_000)).toBe(true);
    writeFileSync(k.file, skyYaml("purple"));
    expect(await logged(s, (l) => l.msg === "knowledge reloaded" && l.trigger === "file changed")).toBe(true);
    s.child.stdin.write(`${QUESTION}\n`);
    expect(await eventually(() => s.stdout().includes("purple"), 10_000)).toBe(true);
    s.child.kill("SIGHUP");
    expect(await logged(s, (l) => l.msg === "knowledge reloaded" && l.trigger === "SIGHUP")).toBe(true);
    s.child.kill("SIGTERM");
    const { code } = await s.exit;
    expect(code).toBe(0);
    expect(jsonLines(s.stderr()).some((l) => l.msg === "stopped")).toBe(true);
  });

  it("keeps Discord serving when Telegram refuses the token, and says which setting to check", async () => {
    const k = knowledge();
    const telegram = await startFakeTelegram();
    const discord = await startFakeDiscord({ token: DISCORD_TOKEN });
    cleanups.push(
      () => void telegram.close(),
      () => void discord.close(),
    );
    const refused = "987654321:AAFwrongwrongwrongwrongwrongwrong1"; // well-formed, but not the fake's token
    const s = run({
      KNOWLEDGE_DIR: k.dir,
      TELEGRAM_BOT_TOKEN: refused,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      HEALTH_PORT: "0",
      HEALTH_HOST: "127.0.0.1",
    });
    const port = () => jsonLines(s.stderr()).find((l) => typeof l.port === "number")?.port;
    const started = () => jsonLines(s.stderr()).some((l) => l.msg === "adapter started" && l.adapter === "discord");
    expect(await eventually(() => port() !== undefined && started(), 20_000)).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", adapters: { telegram: "failed", discord: "serving" } });
    expect(s.stderr()).toMatch(/Telegram refused the login: check TELEGRAM_BOT_TOKEN/);
    expect(s.stderr()).not.toContain(refused);
    expect(s.stderr()).not.toContain(refused.split(":")[1]);
    expect(s.stdout()).toBe(""); // no console: platforms are configured
    s.child.kill("SIGTERM");
    expect((await s.exit).code).toBe(0);
  });

  it("exits non-zero when every platform fails while running (a revoked token), so a supervisor restarts it", async () => {
    const k = knowledge();
    const telegram = await startFakeTelegram();
    cleanups.push(() => void telegram.close());
    const s = run({ KNOWLEDGE_DIR: k.dir, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });
    expect(await logged(s, (l) => l.msg === "adapter started" && l.state === "serving", 20_000)).toBe(true);
    telegram.revoke();
    const { code } = await s.exit;
    expect(code).toBe(1);
    const lines = jsonLines(s.stderr());
    expect(lines.some((l) => l.msg === "telegram polling stopped")).toBe(true);
    expect(lines.some((l) => String(l.msg).startsWith("every adapter has failed"))).toBe(true);
    expect(s.stderr()).not.toContain(telegram.token.split(":")[1]);
  });
});
