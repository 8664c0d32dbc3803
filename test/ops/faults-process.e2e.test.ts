/**
 * Fault suite, the real process (`src/main.ts` through tsx, as `npm start` runs it): each fault of issue 13 that is
 * about the process — signals, exit codes, start-up order, settings, what a person at the console sees. Platforms
 * are the local fakes on 127.0.0.1; "unreachable" is a closed port, "hanging" a server that accepts and never answers.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { MAIN, spawnMain, type Spawned, jsonLines, logged } from "./spawn.js";
import { eventually, skyYaml, tempKnowledge } from "./fixtures.js";
import { FAKE_TOKEN, startFakeTelegram } from "../fakes/telegram-bot-api.js";
import { startFakeDiscord } from "../fakes/discord.js";
import { freePort } from "../../support/net.js";
import { configSchema } from "../../src/config.js";

const QUESTION = "What colour is the sky over the test city?";
/** Terminal control sequences (colour, cursor moves, line clearing), to read the screen as text. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g");
/** SIGTERM must end the process by then (the stop budget: 10 s for the adapters, 2 s for the rest). */
const STOP_BUDGET_MS = 12_000;

const children: Spawned[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of children.splice(0))
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill("SIGKILL");
  for (const f of cleanups.splice(0)) await f();
});

function knowledge(colour = "green") {
  const k = tempKnowledge(colour);
  cleanups.push(k.cleanup);
  return k;
}
function run(env: Record<string, string>): Spawned {
  const s = spawnMain(env);
  children.push(s);
  return s;
}
const healthPort = (s: Spawned) =>
  jsonLines(s.stderr()).find((l) => typeof l.port === "number")?.port as number | undefined;

async function healthz(port: number): Promise<{ status: number; body: { adapters: Record<string, string> } }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as { adapters: Record<string, string> } };
}

/** Resolves with the exit, or "still running" when the process has not exited within `ms`. */
function exitWithin(s: Spawned, ms: number) {
  let timer: NodeJS.Timeout;
  return Promise.race([
    s.exit,
    new Promise<"still running">((r) => (timer = setTimeout(() => r("still running"), ms))),
  ]).finally(() => clearTimeout(timer));
}

describe("one platform unreachable, the other serving", () => {
  it("Telegram at a closed port while Discord serves: /healthz 200, Discord answers, SIGHUP reloads, SIGTERM exits 0", async () => {
    const k = knowledge("green");
    const closed = await freePort();
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    const spawnedAt = performance.now();
    const s = run({
      KNOWLEDGE_DIR: k.dir,
      KNOWLEDGE_WATCH: "false", // only SIGHUP reloads here
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}`,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      HEALTH_PORT: "0",
      HEALTH_HOST: "127.0.0.1",
    });
    expect(await eventually(() => healthPort(s) !== undefined, 20_000)).toBe(true);
    let health = await healthz(healthPort(s)!);
    while (health.status !== 200 && performance.now() - spawnedAt < 20_000) {
      await new Promise((r) => setTimeout(r, 50));
      health = await healthz(healthPort(s)!);
    }
    const healthyAfterMs = Math.round(performance.now() - spawnedAt);
    console.log(`faults: /healthz 200 ${healthyAfterMs} ms after spawn (tsx start-up included), Telegram unreachable`);
    expect(health).toEqual({
      status: 200,
      body: expect.objectContaining({ adapters: { telegram: "retrying", discord: "serving" } }),
    });

    const dm = await discord.replyTo(discord.sendMessage({ content: QUESTION, dm: true }));
    expect(JSON.stringify(dm.body)).toContain("green");

    writeFileSync(k.file, skyYaml("purple"));
    s.child.kill("SIGHUP");
    expect(await logged(s, (l) => l.msg === "knowledge reloaded" && l.trigger === "SIGHUP")).toBe(true);
    const after = await discord.replyTo(discord.sendMessage({ content: QUESTION, dm: true }));
    expect(JSON.stringify(after.body)).toContain("purple");

    const lines = jsonLines(s.stderr());
    const retry = lines.find((l) => l.adapter === "telegram" && l.level === 40);
    expect(String(retry?.msg)).toMatch(
      new RegExp(`^Telegram cannot be reached: check TELEGRAM_API_ROOT \\(now http://127\\.0\\.0\\.1:${closed}\\)`),
    );
    expect(s.stderr()).not.toContain(FAKE_TOKEN.split(":")[1]);

    s.child.kill("SIGTERM");
    const exit = await exitWithin(s, STOP_BUDGET_MS);
    expect(exit).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("SIGHUP, the knowledge watch and SIGTERM during a start that hangs (an API that accepts and never answers)", async () => {
    const k = knowledge();
    const sockets: Socket[] = [];
    const blackhole = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((r) => blackhole.listen(0, "127.0.0.1", r));
    cleanups.push(() => {
      for (const so of sockets) so.destroy();
      return new Promise((r) => blackhole.close(r));
    });
    const port = (blackhole.address() as { port: number }).port;
    const s = run({
      KNOWLEDGE_DIR: k.dir,
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      HEALTH_PORT: "0",
      HEALTH_HOST: "127.0.0.1",
    });
    expect(await eventually(() => healthPort(s) !== undefined && sockets.length > 0, 20_000)).toBe(true);
    // getMe is under way and will not be answered: the state says so, the process is not healthy.
    expect(await healthz(healthPort(s)!)).toEqual({
      status: 503,
      body: expect.objectContaining({ adapters: { telegram: "starting" } }),
    });
    s.child.kill("SIGHUP"); // before, SIGHUP killed the process: its handler came only after start-up
    expect(await logged(s, (l) => l.msg === "knowledge reloaded" && l.trigger === "SIGHUP")).toBe(true);
    // The knowledge watch is on too, although the platform has not answered yet.
    writeFileSync(k.file, skyYaml("purple"));
    expect(await logged(s, (l) => l.msg === "knowledge reloaded" && l.trigger === "file changed")).toBe(true);
    s.child.kill("SIGTERM");
    expect(await exitWithin(s, STOP_BUDGET_MS)).toEqual({ code: 0, signal: null });
    expect(jsonLines(s.stderr()).some((l) => l.msg === "stopped")).toBe(true);
  }, 60_000);

  it("exits 1 at once when every configured adapter fails for good (a refused token)", async () => {
    const k = knowledge();
    const telegram = await startFakeTelegram();
    cleanups.push(() => telegram.close());
    const s = run({
      KNOWLEDGE_DIR: k.dir,
      TELEGRAM_BOT_TOKEN: "987654321:AAFwrongwrongwrongwrongwrongwrong1",
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    expect(await exitWithin(s, 20_000)).toEqual({ code: 1, signal: null });
    expect(s.stderr()).toMatch(/Telegram refused the login: check TELEGRAM_BOT_TOKEN \(and TELEGRAM_API_ROOT\)/);
    expect(s.stderr()).toContain("every adapter has failed");
  }, 30_000);
});

describe("settings", () => {
  it.each([
    [
      "/proc/self/nope/x.jsonl",
      /UNANSWERED_LOG: cannot write \/proc\/self\/nope\/x\.jsonl: cannot create the folder \/proc\/self\/nope \(ENOENT\)/,
    ],
    ["/sys/briefbot-faults.jsonl", /UNANSWERED_LOG: cannot write \/sys\/briefbot-faults\.jsonl: (EACCES|EROFS|EPERM)/],
  ])(
    "an unusable UNANSWERED_LOG (%s) stops start-up with exit 2, naming it, before any platform is reached",
    async (path, message) => {
      const k = knowledge();
      const telegram = await startFakeTelegram();
      cleanups.push(() => telegram.close());
      const s = run({
        KNOWLEDGE_DIR: k.dir,
        UNANSWERED_LOG: path,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
      });
      expect(await exitWithin(s, 20_000)).toEqual({ code: 2, signal: null });
      expect(s.stderr()).toMatch(message);
      expect(telegram.calls.size).toBe(0);
    },
    30_000,
  );

  it("reads every empty setting as its default: the console starts and answers", async () => {
    const k = knowledge();
    const empty = Object.fromEntries(Object.keys(configSchema.shape).map((n) => [n, ""]));
    const s = run({ ...empty, KNOWLEDGE_DIR: k.dir });
    s.child.stdin.end(`${QUESTION}\n`);
    expect(await exitWithin(s, 20_000)).toEqual({ code: 0, signal: null });
    expect(s.stdout()).toContain("The sky over the test city is green.");
    expect(s.stderr()).not.toContain("invalid configuration");
    expect(jsonLines(s.stderr()).some((l) => l.msg === "answer")).toBe(true); // LOG_LEVEL= is info, the default
  }, 30_000);
});

describe("the console in a terminal", () => {
  it("with .env.example copied to .env: no log lines in the chat; a reload error is one tidy line under which the prompt comes back", async () => {
    const k = knowledge();
    const cwd = mkdtempSync(join(tmpdir(), "briefbot-console-"));
    copyFileSync(new URL("../../.env.example", import.meta.url), join(cwd, ".env"));
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    // util-linux `script` gives the process a terminal (stdin, stdout and stderr) and copies what it shows to stdout.
    const child = spawn("script", ["-qfec", `'${process.execPath}' --import '${tsx}' '${MAIN}'`, "/dev/null"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, TERM: "xterm", KNOWLEDGE_DIR: k.dir },
      stdio: "pipe",
    });
    let screen = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (screen += d));
    const exit = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });

    expect(await eventually(() => screen.includes("briefbot> "), 20_000)).toBe(true);
    child.stdin.write(`${QUESTION}\r`);
    expect(await eventually(() => screen.includes("The sky over the test city is green."), 10_000)).toBe(true);
    child.stdin.write("what colour"); // typed, not sent: the notice must not eat it
    await eventually(() => screen.endsWith("what colour"), 5_000);
    writeFileSync(k.file, skyYaml("x").replace("publisher: Test News", "publisher: [unclosed"));
    expect(await eventually(() => screen.includes("knowledge reload failed"), 10_000)).toBe(true);
    await eventually(() => /knowledge reload failed[^\n]*\n[\s\S]*briefbot> [\s\S]*what colour$/.test(screen), 5_000);
    child.stdin.write("\u0015/quit\r"); // Ctrl-U clears the typed words first
    expect(await Promise.race([exit, new Promise((r) => setTimeout(() => r("still running"), 15_000))])).toBe(0);

    const plain = screen.replace(ANSI, "");
    expect(plain).not.toMatch(/\b(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\b/);
    expect(plain).not.toContain('"level"');
    // One line, naming the file and line, starting at the left edge (the prompt cleared), the prompt redrawn after it.
    expect(plain.split("knowledge reload failed")).toHaveLength(2);
    const raw = screen.split("\n").find((l) => l.includes("knowledge reload failed"))!;
    const notice = raw.split("\u001b[2K").pop()!.replace(ANSI, "").replace(/\r/g, "");
    expect(notice).toMatch(
      /^briefbot: knowledge reload failed; still serving the last good knowledge — .*test\.yaml:\d+/,
    );
    const afterNotice = screen.slice(screen.indexOf("knowledge reload failed"));
    expect(afterNotice).toMatch(/\n[\s\S]*briefbot> [\s\S]*what colour/);
  }, 60_000);
});
