/**
 * What the Dockerfile promises, checked without Docker (no engine where the tests run): parse it, replay both stages
 * in temp folders standing for each stage's /app — the build stage's COPYs and its `npm run build`, then the runtime
 * stage's COPYs from the repository root (honouring .dockerignore) and from the build stage, and its
 * `npm ci --omit=dev` — then start the image's CMD there as an unprivileged user with only the image's ENV and a fake
 * Telegram, run the HEALTHCHECK's own command against it, and stop it as `docker stop` does.
 *
 * Not replayed: the base image itself (this runs the host's node, not node:20-slim's); the build stage's own
 * `npm ci` (dev dependencies included), which is stood in for by this checkout's node_modules — installed by the same
 * `npm ci` from the same lock — because the offline npm cache holds only what the runtime install needs; `npm cache
 * clean` (it would empty this machine's npm cache, which the offline install reads); and `/data` (outside /app; the
 * image sets no UNANSWERED_LOG, so the bot does not touch it unless run with one).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../support/net.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram-bot-api.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/** Splits a shell-form command as /bin/sh would, for plain words and quotes; expansions and operators throw. */
function shellWords(s: string): string[] {
  const unsupported = (c: string) => new Error(`shell feature "${c}" is not replayed, in: ${s}`);
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${s}`);
      word = (word ?? "") + s.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= "";
      for (i++; s[i] !== '"'; i++) {
        if (i >= s.length) throw new Error(`unterminated " in: ${s}`);
        if (s[i] === "$" || s[i] === "`") throw unsupported(s[i]!);
        if (s[i] === "\\" && /["\\$`]/.test(s[i + 1] ?? "")) i++;
        word += s[i];
      }
    } else if (c === "\\") {
      word = (word ?? "") + (s[++i] ?? "");
    } else if (/[|&;<>()$`*?[]/.test(c) || ((c === "#" || c === "~") && word === undefined)) {
      throw unsupported(c);
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** A Dockerfile's instructions: comments dropped, backslash-continued lines joined. */
function instructions(text: string): { op: string; args: string }[] {
  const out: { op: string; args: string }[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    const continued = line.endsWith("\\");
    pending += (pending ? " " : "") + (continued ? line.slice(0, -1).trim() : line);
    if (continued) continue;
    const [, op, args] = /^(\S+)\s*(.*)$/.exec(pending)!;
    out.push({ op: op!.toUpperCase(), args: args! });
    pending = "";
  }
  return out;
}

type Step =
  | { kind: "copy"; sources: string[]; dest: string; from?: string }
  | { kind: "run"; commands: string[][]; env: Record<string, string> };

interface Image {
  /** The stage's name (`FROM … AS name`), when it has one. */
  name?: string;
  from: string;
  env: Record<string, string>;
  workdir: string;
  user?: string;
  expose: string[];
  healthcheck?: { options: Record<string, string>; argv: string[] };
  /** The JSON array when CMD is in exec form, else the shell-form string. */
  cmd?: string[] | string;
  /** COPY and RUN, in order, each RUN with the ENV in force at that point. */
  steps: Step[];
}

/** A JSON-array (exec form) argument, or undefined when the instruction uses the shell form. */
function execForm(args: string): string[] | undefined {
  if (!args.startsWith("[")) return undefined;
  const argv: unknown = JSON.parse(args);
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string")) throw new Error(`not an argv: ${args}`);
  return argv;
}

/** Every stage, in order; the last one is the image that runs. */
function parseDockerfile(text: string): Image[] {
  const stages: Image[] = [];
  let image: Image | undefined;
  for (const { op, args } of instructions(text)) {
    if (op === "FROM") {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      if (!from) throw new Error(`FROM not replayed: ${args}`);
      image = { from, env: {}, workdir: "/", expose: [], steps: [], ...(name && { name }) };
      stages.push(image);
      continue;
    }
    if (!image) throw new Error(`${op} before FROM`);
    switch (op) {
      case "ENV": {
        const legacy = /^([^\s=]+)\s+(.*)$/.exec(args); // ENV KEY value
        if (legacy) image.env[legacy[1]!] = legacy[2]!;
        else for (const w of shellWords(args)) image.env[w.slice(0, w.indexOf("="))] = w.slice(w.indexOf("=") + 1);
        break;
      }
      case "WORKDIR":
        image.workdir = args;
        break;
      case "COPY": {
        const words = shellWords(args);
        const flags = words.filter((w) => w.startsWith("--"));
        const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
        if (flags.length > (from ? 1 : 0)) throw new Error(`COPY flags are not replayed: ${args}`);
        const paths = words.filter((w) => !w.startsWith("--"));
        image.steps.push({ kind: "copy", sources: paths.slice(0, -1), dest: paths.at(-1)!, ...(from && { from }) });
        break;
      }
      case "RUN":
        image.steps.push({ kind: "run", commands: args.split(/\s*&&\s*/).map(shellWords), env: { ...image.env } });
        break;
      case "USER":
        image.user = args;
        break;
      case "EXPOSE":
        image.expose.push(...shellWords(args));
        break;
      case "HEALTHCHECK": {
        if (args === "NONE") break;
        const [, opts, cmd] = /^((?:--\S+\s+)*)CMD\s+(.*)$/.exec(args) ?? [];
        if (cmd === undefined) throw new Error(`HEALTHCHECK without CMD: ${args}`);
        const options = Object.fromEntries(shellWords(opts!).map((o) => o.slice(2).split("=") as [string, string]));
        // Docker runs a shell-form HEALTHCHECK through /bin/sh -c; shellWords gives the argv that shell would exec.
        image.healthcheck = { options, argv: execForm(cmd) ?? shellWords(cmd) };
        break;
      }
      case "CMD":
        image.cmd = execForm(args) ?? args;
        break;
      default:
        throw new Error(`instruction not replayed: ${op} ${args}`);
    }
  }
  return stages;
}

/** A Docker duration ("5s", "1m30s") in milliseconds. */
function durationMs(d: string): number {
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  let ms = 0;
  for (const [, n, unit] of d.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(n) * units[unit!]!;
  return ms;
}

// ---------------------------------------------------------------------------------------------------------------
// Replaying the build

/** .dockerignore as a predicate on context-relative paths: a pattern excludes what it matches and all below it. */
function dockerignore(): (rel: string) => boolean {
  const file = join(ROOT, ".dockerignore");
  const patterns = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"))
    : [];
  const regexes = patterns.map((p) => {
    if (p.startsWith("!")) throw new Error(`.dockerignore exceptions are not replayed: ${p}`);
    const body = p
      .replace(/^\/+|\/+$/g, "")
      .split("**")
      .map((part) =>
        part
          .replace(/[.+^${}()|\\]/g, "\\$&")
          .replace(/\*/g, "[^/]*")
          .replace(/\?/g, "[^/]"),
      );
    return new RegExp(`^${body.join(".*")}(/|$)`);
  });
  return (rel) => regexes.some((r) => r.test(rel));
}

/**
 * One COPY: a directory's contents go into dest, a file into dest/ (or onto dest), as Docker copies them. Sources
 * come from the build context (the repository root, less .dockerignore), or with `--from` from an earlier stage's
 * replayed folder (`fromDir`, standing for that stage's WORKDIR).
 */
function replayCopy(
  appDir: string,
  workdir: string,
  step: { sources: string[]; dest: string },
  ignored: (rel: string) => boolean,
  from?: { dir: string; workdir: string },
) {
  const { sources, dest } = step;
  const target = isAbsolute(dest) ? join(appDir, relative(workdir, dest)) : join(appDir, dest);
  if (relative(appDir, target).startsWith("..")) throw new Error(`COPY outside WORKDIR is not replayed: ${dest}`);
  for (const source of sources) {
    if (from) {
      const path = isAbsolute(source) ? join(from.dir, relative(from.workdir, source)) : join(from.dir, source);
      if (relative(from.dir, path).startsWith(".."))
        throw new Error(`COPY --from outside the stage's WORKDIR: ${source}`);
      expect(existsSync(path), `COPY --from ${source}: the build stage did not make it`).toBe(true);
      cpSync(path, statSync(path).isDirectory() || !dest.endsWith("/") ? target : join(target, basename(source)), {
        recursive: true,
      });
      continue;
    }
    const path = join(ROOT, source);
    // Docker fails the build on a source that is missing or excluded from the context; so does the replay.
    expect(existsSync(path) && !ignored(relative(ROOT, path)), `COPY ${source}: not in the build context`).toBe(true);
    const to = statSync(path).isDirectory() || !dest.endsWith("/") ? target : join(target, basename(source));
    cpSync(path, to, { recursive: true, filter: (p) => !ignored(relative(ROOT, p)) });
  }
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs argv to its end (killed after timeoutMs), with its stdout and stderr together. */
function run(argv: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.on("error", (err) => (output += String(err)));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Running as the image's USER

/** The uid the image's USER stands for here: nobody, as the node image's `node` user is just some unprivileged uid. */
const UNPRIVILEGED = 65534;
const SETPRIV = ["setpriv", `--reuid=${UNPRIVILEGED}`, `--regid=${UNPRIVILEGED}`, "--clear-groups", "--"];

/**
 * The prefix that drops root as USER does: setpriv when we are root and it works. When the tests already run
 * unprivileged nothing is needed; when root cannot switch (no setpriv, no CAP_SETUID) the app runs as root and only
 * the uid check is skipped.
 */
const asUser: string[] | undefined =
  process.getuid?.() !== 0
    ? []
    : spawnSync(SETPRIV[0]!, [...SETPRIV.slice(1), process.execPath, "-e", ""]).status === 0
      ? SETPRIV
      : undefined;

/** argv as the image runs it: `node` is this node, under the image's USER when we can switch to it. */
const imageArgv = (argv: string[]) => [
  ...(asUser ?? []),
  ...argv.map((a, i) => (i === 0 && a === "node" ? process.execPath : a)),
];

// ---------------------------------------------------------------------------------------------------------------

const stages = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
/** The image that runs: the last stage. */
const image = stages.at(-1)!;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe("the Dockerfile, replayed without Docker", { timeout: 300_000 }, () => {
  // Laid out as in the container: base/app is WORKDIR, base/home and base/tmp belong to the unprivileged user.
  const base = mkdtempSync(join(tmpdir(), "briefbot-docker-"));
  const appDir = join(base, "app");
  let built = false;
  let fake: FakeTelegram | undefined;
  let app: { child: ChildProcess; output: () => string; exit: Promise<Finished> } | undefined;
  let appEnv: Record<string, string> = {};
  let healthPort = 0;
  let unhealthy: Server | undefined;

  afterAll(async () => {
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill("SIGKILL");
      await app.exit;
    }
    await fake?.close();
    await new Promise((resolve) => (unhealthy ? unhealthy.close(resolve) : resolve(undefined)));
    rmSync(base, { recursive: true, force: true });
  }, 30_000);

  /** The HEALTHCHECK's command as Docker runs it in the container (same user, the container's env), killed after its --timeout. */
  async function healthcheck(env: Record<string, string>): Promise<Finished> {
    const timeoutMs = durationMs(image.healthcheck!.options.timeout ?? "30s");
    return run(imageArgv(image.healthcheck!.argv), { cwd: appDir, env, timeoutMs });
  }

  it("has the shape docs/operations.md promises: a build stage, and a runtime stage on the runtime dependencies", () => {
    expect(stages.map((st) => st.from)).toEqual(["node:20-slim", "node:20-slim"]);
    const [build] = stages as [Image, Image];
    const runs = (st: Image) => st.steps.flatMap((s) => (s.kind === "run" ? s.commands : []));
    expect(runs(build).some((c) => c.join(" ") === "npm run build")).toBe(true);
    const copiedFromBuild = image.steps.flatMap((s) => (s.kind === "copy" && s.from === build.name ? [s.sources] : []));
    expect(copiedFromBuild).toEqual([["/app/dist"]]);
    // The runtime stage ships no TypeScript: no src/, and tsx is a dev dependency.
    const copied = image.steps.flatMap((s) => (s.kind === "copy" && !s.from ? s.sources : []));
    expect(copied).not.toContain("src");
    expect(pkg.devDependencies).toHaveProperty("tsx");
    expect(image.user, "no USER: the bot would run as root").toBeDefined();
    expect(["root", "0"]).not.toContain(image.user!.split(":")[0]);
    expect(runs(image).some((c) => c[0] === "npm" && c[1] === "ci" && c.includes("--omit=dev"))).toBe(true);
    expect(image.healthcheck, "no HEALTHCHECK").toBeDefined();
    expect(image.healthcheck!.argv[0]).toBe("node");
    expect(image.healthcheck!.argv.join(" ")).toContain("/healthz");
    expect(
      Array.isArray(image.cmd),
      `CMD is not in exec form, so SIGTERM would go to a shell: ${String(image.cmd)}`,
    ).toBe(true);
    expect(image.env.HEALTH_PORT, "the image should fix the health port").toBeDefined();
    expect(image.expose).toContain(image.env.HEALTH_PORT);
  });

  it("runs what npm start and the systemd unit run (dist/main.js); the high-traffic GC flags are the ones bench:bot measures", () => {
    // After node, and after any VAR=value the script sets before it.
    const argsOf = (command: string) =>
      command
        .trim()
        .split(/\s+/)
        .filter((w) => !/^[A-Z_]+=/.test(w))
        .slice(1);
    const envOf = (command: string) =>
      Object.fromEntries(
        command
          .trim()
          .split(/\s+/)
          .filter((w) => /^[A-Z_]+=/.test(w))
          .map((w) => w.split("=") as [string, string]),
      );
    const start = argsOf(pkg.scripts.start!);
    // The allocator settings npm start runs with are the image's and the unit's too.
    const startEnv = envOf(pkg.scripts.start!);
    expect(Object.keys(startEnv)).toContain("MALLOC_ARENA_MAX");
    for (const [k, v] of Object.entries(startEnv)) expect(image.env[k], `the image's ENV ${k}`).toBe(v);
    expect(start.at(-1)).toBe("dist/main.js");
    expect((image.cmd as string[]).slice(1)).toEqual(start);
    const unit = readFileSync(join(ROOT, "deploy", "briefbot.service"), "utf8");
    const execStart = /^ExecStart=(\S+node\b.*)$/m.exec(unit)?.[1];
    expect(execStart, "no ExecStart line in deploy/briefbot.service").toBeDefined();
    expect(argsOf(execStart!)).toEqual(start);
    const unitEnv = /^Environment=(.*)$/m.exec(unit)?.[1] ?? "";
    expect(envOf(unitEnv)).toEqual(startEnv);
    // The opt-in: the same entry with the GC flags; bench:bot runs the bot (and itself) with exactly those.
    const highTraffic = argsOf(pkg.scripts["start:high-traffic"]!);
    const flags = highTraffic.filter((a) => a.startsWith("--"));
    expect(flags.length).toBeGreaterThan(0);
    expect(highTraffic).toEqual([...flags, "dist/main.js"]);
    const benchFlags = argsOf(pkg.scripts["bench:bot"]!).filter((a) => a.startsWith("--") && a !== "--import");
    expect(benchFlags).toEqual(flags);
    expect(readFileSync(join(ROOT, "bench", "bot.ts"), "utf8")).toContain('scripts["start:high-traffic"]');
  });

  it("builds: the build stage compiles dist/; the runtime stage's COPYs and `npm ci --omit=dev` install every runtime dependency and no dev-only one", async () => {
    mkdirSync(appDir, { mode: 0o755 });
    chmodSync(base, 0o755); // mkdtemp makes it 0700; the unprivileged user has to reach /app
    const ignored = dockerignore();
    const stageDirs = new Map<string, { dir: string; workdir: string }>();
    for (const [i, stage] of stages.entries()) {
      const last = i === stages.length - 1;
      const dir = last ? appDir : join(base, `stage-${i}`);
      if (!last) mkdirSync(dir);
      if (stage.name) stageDirs.set(stage.name, { dir, workdir: stage.workdir });
      for (const step of stage.steps) {
        if (step.kind === "copy") {
          const from = step.from === undefined ? undefined : stageDirs.get(step.from);
          if (step.from !== undefined && !from) throw new Error(`COPY --from=${step.from}: no such stage`);
          replayCopy(dir, stage.workdir, step, ignored, from);
          continue;
        }
        const env: Record<string, string> = {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? base,
          ...step.env,
        };
        for (const argv of step.commands) {
          if (argv[0] === "npm" && argv[1] === "ci" && !argv.includes("--omit=dev")) {
            // The build stage's full install: this checkout's node_modules stands in for it (see the top).
            expect(argv, "without --ignore-scripts, `prepare` would build before the sources are copied").toContain(
              "--ignore-scripts",
            );
            symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
          } else if (argv[0] === "npm" && argv[1] === "ci") {
            // Offline from the cache CI filled with its own `npm ci`; the image's ENV (NODE_ENV) as at this RUN. Only
            // PATH, HOME (npm finds its cache and .npmrc through it) and an explicit cache location come from outside.
            if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache;
            const npm = await run([...argv, "--offline", "--no-audit", "--no-fund"], {
              cwd: dir,
              env,
              timeoutMs: 100_000,
            });
            expect(npm.code, `${argv.join(" ")} --offline failed:\n${npm.output}`).toBe(0);
          } else if (argv.join(" ") === "npm run build") {
            const build = await run(argv, { cwd: dir, env, timeoutMs: 240_000 });
            expect(build.code, `npm run build failed:\n${build.output}`).toBe(0);
          } else if (argv.join(" ") === "npm cache clean --force") {
            // Skipped: it only shrinks the image, and here it would empty the cache the offline install needs.
          } else if (
            ["mkdir", "chown"].includes(argv[0]!) &&
            argv.at(-1)!.startsWith("/") &&
            !argv.at(-1)!.startsWith(stage.workdir)
          ) {
            // Skipped: a directory outside /app (the /data volume); nothing in the image's own env points at it.
          } else {
            throw new Error(`RUN command the replay does not know: ${argv.join(" ")}; teach this test what it does`);
          }
        }
      }
    }
    // The image holds compiled JavaScript only.
    expect(existsSync(join(appDir, "dist", "main.js"))).toBe(true);
    expect(existsSync(join(appDir, "src"))).toBe(false);

    const lock = JSON.parse(readFileSync(join(appDir, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; devOptional?: boolean }>;
    };
    const entries = Object.entries(lock.packages).filter(([path]) => path !== "");
    const devOnly = entries.filter(([, e]) => e.dev).map(([path]) => path);
    // Not vacuous: the test tools are dev-only. (@types/node, @types/ws and ws are devDependencies that discord.js
    // also needs at run time, so the lock does not mark them dev and they are rightly installed.)
    for (const tool of ["vitest", "typescript", "telegram-test-api", "fast-check"]) {
      expect(pkg.devDependencies).toHaveProperty(tool);
      expect(devOnly).toContain(`node_modules/${tool}`);
    }
    expect(
      devOnly.filter((path) => existsSync(join(appDir, path))),
      "dev-only packages in the image",
    ).toEqual([]);
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      const manifest = join(appDir, "node_modules", name, "package.json");
      expect(existsSync(manifest), `runtime dependency ${name} is not installed`).toBe(true);
      expect((JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version).toBe(version);
    }
    const needed = entries.filter(([, e]) => !e.dev && !e.optional && !e.devOptional).map(([path]) => path);
    expect(
      needed.filter((path) => !existsSync(join(appDir, path))),
      "runtime packages missing",
    ).toEqual([]);
    built = true;
  });

  it("has a HEALTHCHECK that fails while nothing listens, and on a 503", async () => {
    expect(built, "the build replay failed").toBe(true);
    healthPort = await freePort();
    fake = await startFakeTelegram();
    // What the container sees: the image's ENV, and what `docker run --env-file .env` adds for a Telegram bot.
    const home = join(base, "home");
    const tmp = join(base, "tmp");
    for (const dir of [home, tmp]) {
      mkdirSync(dir, { mode: 0o700 });
      if (asUser?.length) chownSync(dir, UNPRIVILEGED, UNPRIVILEGED);
    }
    appEnv = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      TMPDIR: tmp, // anything the app puts in the temp dir stays inside what afterAll removes
      ...image.env,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      HEALTH_PORT: String(healthPort), // not 9090: that may be taken on this machine
      HEALTH_HOST: "127.0.0.1",
    };
    const before = await healthcheck(appEnv);
    expect(before.code, before.output).not.toBe(0);

    // The unhealthy case: /healthz answers 503 when no adapter serves; the check must exit non-zero then too.
    unhealthy = createServer((_, res) => res.writeHead(503).end('{"status":"unavailable"}'));
    await new Promise<void>((resolve) => unhealthy!.listen(0, "127.0.0.1", resolve));
    const on503 = await healthcheck({ ...appEnv, HEALTH_PORT: String((unhealthy.address() as AddressInfo).port) });
    expect(on503.code, on503.output).not.toBe(0);
  });

  it("starts from its CMD with only the image's ENV and a token, and passes its HEALTHCHECK", async () => {
    expect(fake, "the previous test did not set up").toBeDefined();
    const argv = imageArgv(image.cmd as string[]);
    // stdin as in `docker run -d` without -i: nothing.
    const child = spawn(argv[0]!, argv.slice(1), { cwd: appDir, env: appEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (output += d));
    const exit = new Promise<Finished>((resolve) =>
      child.on("close", (code, signal) => resolve({ code, signal, output })),
    );
    app = { child, output: () => output, exit };

    // Poll the HEALTHCHECK as Docker would (faster): it must pass within 30 s, while the app is still running.
    const deadline = Date.now() + 30_000;
    let last: Finished | undefined;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      last = await healthcheck(appEnv);
      if (last.code === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(
      last?.code,
      `HEALTHCHECK never passed (exit ${child.exitCode}); last check:\n${last?.output}\napp:\n${output}`,
    ).toBe(0);

    // Healthy because Telegram serves (not a console that happens to be up): the fake is being polled.
    const health = (await (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json()) as {
      adapters: Record<string, string>;
    };
    expect(health.adapters).toEqual({ telegram: "serving" });
    expect(fake!.calls.get("getUpdates") ?? 0).toBeGreaterThan(0);
    // The start-up cache of the validated knowledge lands in the user's home, the one place it may write.
    const cached = readdirSync(join(base, "home", ".cache", "briefbot"));
    expect(
      cached.some((f) => /^knowledge-[0-9a-f]{16}\.cache$/.test(f)),
      cached.join(" "),
    ).toBe(true);
  });

  // Only meaningful when root dropped to another uid: run unprivileged, the tests own the files they copied.
  it.skipIf(!asUser?.length)("runs as the unprivileged user, which cannot write the app's own files", async () => {
    expect(app, "the app did not start").toBeDefined();
    const status = readFileSync(`/proc/${app!.child.pid}/status`, "utf8");
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    expect(uid).toBe(UNPRIVILEGED);
    // "The app's own files stay root-owned, read-only to the bot."
    for (const dir of ["dist", "knowledge", "node_modules"]) {
      const probe = await run(imageArgv(["node", "-e", `require("fs").accessSync(${JSON.stringify(dir)}, 2)`]), {
        cwd: appDir,
        env: appEnv,
        timeoutMs: 10_000,
      });
      expect(probe.code, `the bot can write ${dir}`).not.toBe(0);
    }
  });

  it("exits 0 on SIGTERM (docker stop), after which the HEALTHCHECK fails again", async () => {
    expect(app, "the app did not start").toBeDefined();
    app!.child.kill("SIGTERM");
    const stopped = await Promise.race([
      app!.exit,
      new Promise<undefined>((resolve) => setTimeout(resolve, 10_000)), // docker stop SIGKILLs after 10 s
    ]);
    expect(stopped, `still running 10 s after SIGTERM:\n${app!.output()}`).toBeDefined();
    expect({ code: stopped!.code, signal: stopped!.signal }, stopped!.output).toEqual({ code: 0, signal: null });
    const after = await healthcheck(appEnv);
    expect(after.code).not.toBe(0);
  });
});
