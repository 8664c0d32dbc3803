/**
 * `npm run bench:start`: how fast briefbot starts and how much memory it holds, for the three ways it is run, each
 * against a bare `node -e 0` started in the same run (so a busy machine shows as such in the ratio, not as a
 * regression):
 *
 * - console: `node <npm start's flags> dist/main.js` (what `npm start` runs, without npm's own start-up and its
 *   prestart check) with a question on stdin:
 *   milliseconds from spawning it to the answer on stdout, and its resident memory idling after the answer;
 * - cli: `node bin/briefbot.js ask "…"`: milliseconds from spawning it to its exit with the answer printed, and its
 *   peak resident memory;
 * - bot: the same command configured for Telegram (webhook) and Discord (gateway) against the local fakes
 *   (test/fakes/telegram-bot-api.ts, test/fakes/discord.ts): milliseconds until both adapters serve (/healthz),
 *   until a first Telegram update and a first Discord /ask are answered, and its resident memory idling 2 s later.
 *
 * Each is run `--runs` times (default 5), interleaved with the bare node start so load hits them alike; the figures
 * are medians. CPU is the process's own user + system time (steadier than the wall clock on a shared machine). RSS is
 * read from /proc (idle) or getrusage (peak, through a `--require` preload that also runs in the bare start).
 *
 * Each kind runs once before the measured runs (not counted): it fills the file cache and the knowledge cache (in a
 * temporary KNOWLEDGE_CACHE folder), so the figures are those of a start whose knowledge is unchanged since the last;
 * the first start after an edit validates that file in full (docs/speed.md).
 *
 * Usage: npm run bench:start [-- --runs 5 --flags="--max-semi-space-size=64 …" --also DIR …]. --flags: node flags for
 * the console and the bot instead of npm start's (e.g. the high-traffic ones of `npm run start:high-traffic`; --flags=
 * for none). --also DIR (repeatable): measure another checkout too, built, in the same run and interleaved with this
 * one (e.g. `git archive <commit> | tar -x -C DIR`, a node_modules symlink, `node scripts/build.js` there): a
 * before/after comparison on a machine whose load moves the figures.
 * The last line printed is one JSON object:
 * {"bench":"start","runs":N,"results":[{what, ms, cpuMs, rssMb, ratio, …}]}.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startFakeTelegram, textUpdate } from "../test/fakes/telegram-bot-api.js";
import { startFakeDiscord } from "../test/fakes/discord.js";
import { freePort } from "../support/net.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    flags: { type: "string" },
    also: { type: "string", multiple: true, default: [] },
  },
});
const RUNS = Number(values.runs);
const ROOT = fileURLToPath(new URL("../", import.meta.url));
/**
 * How a checkout's npm start runs node: the environment it sets first (`VAR=value` words, e.g. glibc's
 * MALLOC_ARENA_MAX, which the image and the systemd unit set too) and its node flags (every `--` word, unless --flags
 * says otherwise). The console and the bot of each checkout run as its own npm start does.
 */
function startOf(root: string): { flags: string[]; env: Record<string, string> } {
  const script = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts.start!;
  const words = script.split(" ");
  const node = words.indexOf("node");
  const flags = values.flags?.split(" ") ?? words.slice(node + 1).filter((a) => a.startsWith("--"));
  const env = words
    .slice(0, node)
    .filter((w) => /^[A-Z_][A-Z0-9_]*=/.test(w))
    .map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]);
  return { flags: flags.filter(Boolean), env: Object.fromEntries(env) };
}
/** The checkouts measured: this one first, then each --also. */
const ROOTS = [ROOT, ...values.also.map((d) => resolve(d))];
const QUESTION = "How many Iranians used Telegram?";
const EXPECT = "40 million";

const work = mkdtempSync(join(tmpdir(), "briefbot-bench-start-"));
// Reports the process's peak RSS and CPU time at exit, to the file named in BENCH_USAGE_FILE.
const preload = join(work, "usage.cjs");
writeFileSync(
  preload,
  `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n`,
);
let usageSeq = 0;

interface Usage {
  maxRssKb: number;
  cpuUs: number;
}

/** Spawns node with the preload, in an empty folder (no .env) and a minimal environment. */
function node(args: string[], env: Record<string, string> = {}) {
  const usageFile = join(work, `usage-${++usageSeq}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ["--require", preload, ...args], {
    cwd: work,
    env: {
      PATH: process.env.PATH ?? "",
      BENCH_USAGE_FILE: usageFile,
      KNOWLEDGE_WATCH: "false",
      KNOWLEDGE_CACHE: join(work, "cache"),
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; at: number; usage: Usage }>((resolve) =>
    child.on("close", (code) => {
      const at = performance.now();
      let usage: Usage = { maxRssKb: NaN, cpuUs: NaN };
      try {
        usage = JSON.parse(readFileSync(usageFile, "utf8")) as Usage;
      } catch {
        // Killed before its exit handler ran: no usage figures (NaN).
      }
      resolve({ code, at, usage });
    }),
  );
  return { child, started, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Resident memory of a running process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000, every = 2): Promise<number> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await Promise.resolve(check()).catch(() => false)) return performance.now();
    await sleep(every);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Sample = Record<string, number>;

async function bare(): Promise<Sample> {
  const p = node(["-e", "0"]);
  const { at, usage } = await p.exited;
  return { ms: at - p.started, cpuMs: usage.cpuUs / 1000, rssMb: usage.maxRssKb / 1024 };
}

async function consoleStart(root: string): Promise<Sample> {
  const { flags, env } = startOf(root);
  const p = node([...flags, join(root, "dist", "main.js")], env);
  p.child.stdin.write(`${QUESTION}\n`);
  const answered = await until(() => p.stdout().includes(EXPECT), "the console's answer");
  await sleep(1000);
  const idle = rssMb(p.child.pid!);
  p.child.stdin.end();
  const { code, usage } = await p.exited;
  if (code !== 0) throw new Error(`console exited ${code}: ${p.stderr()}`);
  return { ms: answered - p.started, cpuMs: usage.cpuUs / 1000, rssMb: idle, peakRssMb: usage.maxRssKb / 1024 };
}

/** Rebuilds dist/ when a source changed since (others edit while this runs): a stale dist/ makes the bin run tsx. */
function buildIfStale(root: string): void {
  execFileSync(process.execPath, [join(root, "scripts", "build.js"), "--if-stale"], { cwd: root, stdio: "ignore" });
}

async function cli(root: string): Promise<Sample> {
  buildIfStale(root);
  const p = node([join(root, "bin", "briefbot.js"), "ask", QUESTION]);
  const { code, at, usage } = await p.exited;
  if (code !== 0 || !p.stdout().includes(EXPECT)) throw new Error(`cli exited ${code}: ${p.stdout()}${p.stderr()}`);
  return { ms: at - p.started, cpuMs: usage.cpuUs / 1000, rssMb: usage.maxRssKb / 1024 };
}

const DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.benchmarkbenchmarkbenchmarkbenchmark";
const telegram = await startFakeTelegram();
const discord = await startFakeDiscord({ token: DISCORD_TOKEN, heartbeatIntervalMs: 30_000 });
let updateId = 1;

async function bot(root: string): Promise<Sample> {
  const [webhookPort, healthPort] = [await freePort(), await freePort()];
  const { flags, env } = startOf(root);
  const p = node([...flags, join(root, "dist", "main.js")], {
    ...env,
    LOG_LEVEL: "warn",
    HEALTH_PORT: String(healthPort),
    HEALTH_HOST: "127.0.0.1",
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://bench.example.org/hook",
    TELEGRAM_WEBHOOK_PORT: String(webhookPort),
    TELEGRAM_WEBHOOK_SECRET: "bench-secret",
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
  });
  p.child.stdin.end();
  const serving = await until(async () => {
    const body = (await (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json()) as {
      adapters: Record<string, string>;
    };
    return body.adapters.telegram === "serving" && body.adapters.discord === "serving";
  }, `both adapters serving\n${p.stderr()}`);

  const chat = 7_000_000 + updateId;
  const sentBefore = telegram.sent.length;
  const posted = performance.now();
  await fetch(`http://127.0.0.1:${webhookPort}/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "bench-secret" },
    body: JSON.stringify(textUpdate(updateId++, chat, QUESTION)),
  });
  const telegramAnswered = await until(
    () => telegram.sent.slice(sentBefore).some((m) => m.chatId === chat),
    "the Telegram answer",
  );
  const asked = performance.now();
  const { id } = discord.sendCommand("ask", { question: QUESTION });
  const callback = new RegExp(`^/interactions/${id}/[^/]+/callback$`);
  await discord.waitForRequest((r) => r.method === "POST" && callback.test(r.path), 30_000);
  const discordAnswered = performance.now();

  await sleep(2000);
  const idle = rssMb(p.child.pid!);
  p.child.kill("SIGTERM");
  const { code, usage } = await p.exited;
  if (code !== 0) throw new Error(`bot exited ${code}: ${p.stderr()}`);
  return {
    ms: serving - p.started,
    telegramFirstMs: telegramAnswered - posted,
    discordFirstMs: discordAnswered - asked,
    rssMb: idle,
    peakRssMb: usage.maxRssKb / 1024,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const kinds: [string, () => Promise<Sample>][] = [["node -e 0", bare]];
for (const [i, root] of ROOTS.entries()) {
  const tag = i === 0 ? "" : ` [${values.also[i - 1]}]`;
  kinds.push(
    [`console (node [flags] dist/main.js)${tag}`, () => consoleStart(root)],
    [`cli (node bin/briefbot.js ask)${tag}`, () => cli(root)],
    [`bot, Telegram + Discord (node [flags] dist/main.js)${tag}`, () => bot(root)],
  );
}
const samples = new Map<string, Sample[]>(kinds.map(([k]) => [k, []]));
for (const [, measure] of kinds) await measure(); // not counted: fills the file cache and the knowledge cache
for (let run = 0; run < RUNS; run++) {
  for (const [what, measure] of kinds) samples.get(what)!.push(await measure());
}
await telegram.close();
await discord.close();
rmSync(work, { recursive: true, force: true });

const results = kinds.map(([what]) => {
  const s = samples.get(what)!;
  const out: Record<string, number | string> = { what };
  for (const key of Object.keys(s[0]!)) out[key] = Math.round(median(s.map((x) => x[key]!)) * 10) / 10;
  return out;
});
const base = results[0]!;
for (const r of results) {
  r.ratio = Math.round(((r.ms as number) / (base.ms as number)) * 10) / 10;
  r.rssRatio = Math.round(((r.rssMb as number) / (base.rssMb as number)) * 10) / 10;
}

const width = Math.max(54, ...results.map((r) => String(r.what).length));
const pad = (s: string, n: number) => s.padEnd(Math.max(n, width));
const start = startOf(ROOT);
const shown = [...Object.entries(start.env).map(([k, v]) => `${k}=${v}`), ...start.flags].join(" ");
console.log(`briefbot start-up, median of ${RUNS} runs${shown ? ` (console and bot: ${shown})` : ""}`);
console.log(
  `${pad("", 54)} ${"ms".padStart(7)} ${"× node".padStart(7)} ${"CPU ms".padStart(7)} ${"RSS MB".padStart(7)} ${"× node".padStart(7)}`,
);
for (const r of results) {
  const cpu = r.cpuMs === undefined ? "" : String(r.cpuMs);
  console.log(
    `${pad(String(r.what), 54)} ${String(r.ms).padStart(7)} ${String(r.ratio).padStart(7)} ${cpu.padStart(7)} ${String(r.rssMb).padStart(7)} ${String(r.rssRatio).padStart(7)}`,
  );
}
const bots = results.filter((r) => r.telegramFirstMs !== undefined);
console.log(
  `console and bot RSS: idle after the first answer (bot: 2 s after). bot ms: until both adapters serve; then the first Telegram answer took ${bots.map((b) => b.telegramFirstMs).join(" / ")} ms and the first Discord /ask ${bots.map((b) => b.discordFirstMs).join(" / ")} ms.`,
);
console.log(JSON.stringify({ bench: "start", runs: RUNS, flags: start.flags, env: start.env, results }));
