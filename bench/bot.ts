/**
 * `npm run bench:bot`: the speed of the whole bot. Starts fake Telegram and Discord platforms in this process, runs
 * the real `src/main.ts` in a child process configured for both (Telegram by webhook, Discord by gateway), and pushes
 * updates through each path:
 *
 * - throughput: a closed loop (a fixed number of updates in flight) for `N` updates; reports updates per second of
 *   wall time and per second of the bot process's CPU time (its `process_cpu_seconds_total`, read from /metrics),
 *   which is what one core sustains;
 * - added latency: an open loop at fixed rates (default 200 and 1,000 updates/s); for each update, the time from the
 *   platform sending it to the platform receiving the bot's answer (median and p99). Both clocks are this process's.
 *   A rate above what the bot's core sustains measures queueing, not the bot. This process's own event-loop stalls
 *   (its GC, the fakes' work) land in those figures too, so each latency run also reports them: the harness's share of
 *   the tail, where the harness and the bot share cores.
 *
 * Usage: npm run bench:bot [-- --n 10000 --rates 200,1000 --seconds 10 --concurrency 64 --only telegram|discord
 *   --bot-flags=--trace-gc --bot-cpus 1]   (--bot-flags: extra node flags for the bot process, space-separated; its
 *   stdout then goes to ours. --bot-cpus: the CPUs the bot may run on, GC threads included, via Linux's taskset)
 * Its last line is one JSON object: {"bench":"bot","results":[{path, updates, perSecond, perCpuSecond, cpuMsPerUpdate,
 * answerMsPerUpdate, answersOver10ms, latency: [{rate, medianMs, p99Ms, harnessStallP99Ms, harnessStallMaxMs, botGc}]}]}.
 * `botGc` is what the bot's garbage collector did during that window (from its nodejs_gc_duration_seconds): minor and
 * major pauses, count and total ms, and the bot's resident memory at the end. `answerMsPerUpdate` is the time in the
 * command and the query core (briefbot_answer_latency_seconds), the rest of `cpuMsPerUpdate` is the platform library,
 * HTTP and logging.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startFakeTelegram, textUpdate } from "../test/fakes/telegram-bot-api.js";
import { snowflake, startFakeDiscord } from "../test/fakes/discord.js";
import { evalQuestions, jsonPoster } from "../support/load.js";
import { freePort } from "../support/net.js";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "10000" },
    rates: { type: "string", default: "200,1000" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "64" },
    only: { type: "string" },
    profile: { type: "string" },
    "bot-flags": { type: "string" },
    "bot-cpus": { type: "string" },
  },
});
const N = Number(values.n);
const RATES = values.rates.split(",").map(Number);
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);

const DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.benchmarkbenchmarkbenchmarkbenchmark";
const WEBHOOK_SECRET = "bench-secret";
const questions = evalQuestions();
const now = () => performance.now();

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- the platforms --------------------------------------------------------------------------------------------------
const telegram = await startFakeTelegram();
const discord = await startFakeDiscord({ token: DISCORD_TOKEN, heartbeatIntervalMs: 30_000 });

/** Resolvers waiting for an answer, by Telegram chat id / Discord channel id. */
const waiting = new Map<string, () => void>();
telegram.onSend = (m) => {
  const done = waiting.get(`t${m.chatId}`);
  if (done) {
    waiting.delete(`t${m.chatId}`);
    done();
  }
};
// The fake Discord records every REST request; note the answers as they arrive.
const push = discord.requests.push.bind(discord.requests);
discord.requests.push = (...reqs) => {
  for (const r of reqs) {
    const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
    const done = m && r.method === "POST" ? waiting.get(`d${m[1]}`) : undefined;
    if (done) {
      waiting.delete(`d${m![1]}`);
      done();
    }
  }
  return push(...reqs);
};
// Keep the fakes' logs from growing through the run (a growing heap here would slow this process's GC, which would be
// measured as the bot's latency): drop what has been noted.
setInterval(() => {
  discord.requests.splice(0, discord.requests.length);
  telegram.sent.splice(0, telegram.sent.length);
}, 1000).unref();

// --- the bot ----------------------------------------------------------------------------------------------------------
const webhookPort = await freePort();
const healthPort = await freePort();
const require = createRequire(import.meta.url);
const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
const botFlags = (values["bot-flags"] ?? "").split(" ").filter(Boolean);
// The node flags of `npm run start:high-traffic` (package.json), the opt-in for deployments at this load, so the
// figures are those of that configuration: every flag of `node <flags> dist/main.js`.
const scripts = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }
).scripts;
const startFlags = scripts["start:high-traffic"]!.split(" ").filter((a) => a.startsWith("--"));
// --bot-flags come after the start flags, so they can override one (V8 takes a flag's last value).
const botArgv = [
  process.execPath,
  ...profile,
  ...startFlags,
  ...botFlags,
  "--import",
  pathToFileURL(require.resolve("tsx")).href,
  main,
];
// --bot-cpus: run the bot (its GC threads included) on those CPUs only, with Linux's taskset; "1" is one core.
if (values["bot-cpus"]) botArgv.unshift("taskset", "-c", values["bot-cpus"]);
const bot = spawn(botArgv[0]!, botArgv.slice(1), {
  cwd: mkdtempSync(join(tmpdir(), "briefbot-bench-")), // no .env from the checkout
  env: {
    PATH: process.env.PATH ?? "",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    KNOWLEDGE_WATCH: "false",
    HEALTH_PORT: String(healthPort),
    HEALTH_HOST: "127.0.0.1",
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: `https://bench.example.org/hook`,
    TELEGRAM_WEBHOOK_PORT: String(webhookPort),
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
  },
  stdio: ["ignore", botFlags.length ? "inherit" : "ignore", "pipe"],
});
// However this run ends (a failed wait, an exception), the bot must not outlive it and skew the next run.
process.on("exit", () => bot.kill("SIGKILL"));
let botErr = "";
bot.stderr.setEncoding("utf8").on("data", (d: string) => {
  // Keep warnings and errors (answer lines are info); the log volume itself is part of the cost measured.
  for (const line of d.split("\n")) if (/"level":(4|5|6)\d/.test(line)) botErr += `${line}\n`;
});
const health = `http://127.0.0.1:${healthPort}`;

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}\n${botErr}`);
}
await until(async () => {
  const r = await fetch(`${health}/healthz`);
  const body = (await r.json()) as { adapters: Record<string, string> };
  return body.adapters.telegram === "serving" && body.adapters.discord === "serving";
}, "both adapters serving");

/**
 * The bot's CPU seconds so far and, for one platform, the time it spent in commands (core included), the number of
 * commands, and how many of them took at most 10 ms.
 */
async function botCounters(
  platform: string,
): Promise<{ cpu: number; answering: number; answers: number; within10ms: number }> {
  const text = await (await fetch(`${health}/metrics`)).text();
  const value = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  const series = (name: string, extra = "") =>
    value(new RegExp(`^briefbot_answer_latency_seconds_${name}\\{platform="${platform}"${extra}\\} (\\S+)$`, "m")) || 0;
  return {
    cpu: value(/^process_cpu_seconds_total (\S+)$/m),
    answering: series("sum"),
    answers: series("count"),
    within10ms: series("bucket", ',le="0.01"'),
  };
}

/** The bot's GC pauses so far, by kind (count and total seconds), and its resident memory now. */
async function botGc(): Promise<{ kinds: Record<string, { count: number; seconds: number }>; rssMb: number }> {
  const text = await (await fetch(`${health}/metrics`)).text();
  const kinds: Record<string, { count: number; seconds: number }> = {};
  for (const [, name, kind, v] of text.matchAll(/^nodejs_gc_duration_seconds_(count|sum)\{kind="(\w+)"\} (\S+)$/gm)) {
    const k = (kinds[kind!] ??= { count: 0, seconds: 0 });
    if (name === "count") k.count = Number(v);
    else k.seconds = Number(v);
  }
  const rss = Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? NaN);
  return { kinds, rssMb: Math.round(rss / 1e6) };
}

/** What the bot's GC did between two readings: minor and major collections, each a count and total ms, and its RSS. */
function gcBetween(before: Awaited<ReturnType<typeof botGc>>, after: Awaited<ReturnType<typeof botGc>>) {
  const of = (kind: string) => ({
    count: (after.kinds[kind]?.count ?? 0) - (before.kinds[kind]?.count ?? 0),
    ms: Math.round(((after.kinds[kind]?.seconds ?? 0) - (before.kinds[kind]?.seconds ?? 0)) * 1000),
  });
  return { minor: of("minor"), major: of("major"), rssMb: after.rssMb };
}

// --- the two paths ----------------------------------------------------------------------------------------------------
let seq = 5_000_000;
type Send = (i: number) => Promise<void>;

/** Telegram: one update POSTed to the webhook, answered when sendMessage for its chat reaches the fake. */
const postUpdate = jsonPoster(
  `http://127.0.0.1:${webhookPort}/hook`,
  { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
  256,
);
const viaTelegram: Send = async (i) => {
  const id = ++seq;
  const answered = new Promise<void>((r) => waiting.set(`t${id}`, r));
  await postUpdate(textUpdate(id, id, questions[i % questions.length]!));
  await answered;
};

/** Discord: an /ask slash command dispatched on the gateway, answered when the interaction callback is POSTed. */
const viaDiscord: Send = async (i) => {
  let done!: () => void;
  const answered = new Promise<void>((r) => (done = r));
  // Each request from its own user, as under real load: one user would meet the per-user flood limit.
  const { id } = discord.sendCommand("ask", { question: questions[i % questions.length]! }, { userId: snowflake() });
  waiting.set(`d${id}`, done);
  await answered;
};

/** Closed loop: `n` updates, `concurrency` in flight. */
async function throughput(send: Send, n: number, platform: string) {
  const before = await botCounters(platform);
  const t0 = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await send(next++);
    }),
  );
  const wall = (now() - t0) / 1000;
  const after = await botCounters(platform);
  const cpu = after.cpu - before.cpu;
  const answers = after.answers - before.answers;
  return {
    perSecond: n / wall,
    perCpuSecond: n / cpu,
    cpuMsPerUpdate: (cpu * 1000) / n,
    answerMsPerUpdate: ((after.answering - before.answering) * 1000) / n,
    answersOver10ms: answers ? 1 - (after.within10ms - before.within10ms) / answers : 0,
  };
}

/**
 * Open loop: updates at `rate` per second for `seconds`; the latency of each, sorted, and this process's event-loop
 * stalls meanwhile (how late a 10 ms timer fired: p99 and max, in ms).
 */
async function latency(
  send: Send,
  rate: number,
  seconds: number,
): Promise<{ sorted: number[]; stallP99: number; stallMax: number }> {
  const total = Math.round(rate * seconds);
  const all: Promise<number>[] = [];
  const RESOLUTION_MS = 10;
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  const t0 = now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const start = now();
    all.push(send(i).then(() => now() - start));
  }
  const sorted = (await Promise.all(all)).sort((a, b) => a - b);
  loop.disable();
  // The histogram holds whole timer intervals; what exceeds the resolution is the stall.
  const stall = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return { sorted, stallP99: stall(loop.percentile(99)), stallMax: stall(loop.max) };
}

const results: {
  path: string;
  updates: number;
  perSecond: number;
  perCpuSecond: number;
  cpuMsPerUpdate: number;
  answerMsPerUpdate: number;
  answersOver10ms: number;
  latency: {
    rate: number;
    medianMs: number;
    p99Ms: number;
    harnessStallP99Ms: number;
    harnessStallMaxMs: number;
    botGc: ReturnType<typeof gcBetween>;
  }[];
}[] = [];
for (const [path, send] of [
  ["telegram-webhook", viaTelegram],
  ["discord-gateway", viaDiscord],
] as const) {
  if (values.only && !path.startsWith(values.only)) continue;
  const platform = path.split("-")[0]!;
  await throughput(send, Math.min(2000, N), platform); // warm-up: JIT, sockets, caches
  const t = await throughput(send, N, platform);
  const r = {
    path,
    updates: N,
    perSecond: Math.round(t.perSecond),
    perCpuSecond: Math.round(t.perCpuSecond),
    cpuMsPerUpdate: Number(t.cpuMsPerUpdate.toFixed(3)),
    answerMsPerUpdate: Number(t.answerMsPerUpdate.toFixed(3)),
    answersOver10ms: Number(t.answersOver10ms.toFixed(4)),
    latency: [] as (typeof results)[number]["latency"],
  };
  console.log(
    `${path.padEnd(17)} ${String(r.perSecond).padStart(6)} updates/s (wall, ${CONCURRENCY} in flight)  ` +
      `${String(r.perCpuSecond).padStart(6)} updates per CPU-second of the bot ` +
      `(${r.cpuMsPerUpdate} ms CPU each, ${r.answerMsPerUpdate} ms of it answering; ` +
      `${(r.answersOver10ms * 100).toFixed(2)}% of answers took the core over 10 ms)`,
  );
  for (const rate of RATES) {
    const gcBefore = await botGc();
    const { sorted, stallP99, stallMax } = await latency(send, rate, SECONDS);
    const gc = gcBetween(gcBefore, await botGc());
    const l = {
      rate,
      medianMs: Number(quantile(sorted, 0.5).toFixed(2)),
      p99Ms: Number(quantile(sorted, 0.99).toFixed(2)),
      harnessStallP99Ms: Number(stallP99.toFixed(2)),
      harnessStallMaxMs: Number(stallMax.toFixed(2)),
      botGc: gc,
    };
    r.latency.push(l);
    console.log(
      `${"".padEnd(17)} added latency at ${rate} updates/s: median ${l.medianMs} ms, p99 ${l.p99Ms} ms ` +
        `(this process stalled: p99 ${l.harnessStallP99Ms} ms, max ${l.harnessStallMaxMs} ms; ` +
        `the bot's GC: ${gc.minor.count} minor in ${gc.minor.ms} ms, ${gc.major.count} major in ${gc.major.ms} ms; bot RSS ${gc.rssMb} MB)`,
    );
  }
  results.push(r);
}

bot.kill("SIGTERM");
const code = await new Promise<number | null>((r) => bot.on("close", (c) => r(c)));
if (code !== 0) console.error(`bot exited with ${code}\n${botErr}`);
if (botErr.trim()) console.error(`bot warnings/errors during the run:\n${botErr.split("\n").slice(0, 10).join("\n")}`);
await telegram.close();
await discord.close();
console.log(JSON.stringify({ bench: "bot", results }));
process.exit(code === 0 ? 0 : 1);
