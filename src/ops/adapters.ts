import type { Config } from "../config.js";
import type { Platform, RunningAdapter, Runtime } from "../runtime.js";

/** What an adapter's start is given besides the runtime. */
export interface StartControl {
  /** Aborted when briefbot stops while this start attempt is still under way: the attempt should end at once. */
  signal: AbortSignal;
}

/** An adapter the configuration asks for, not started yet. */
export interface PlannedAdapter {
  name: Platform;
  /** The setting a person should check when the platform refuses the login. */
  credential: string;
  /** The setting naming where the platform is reached, and the address in use (shown when it cannot be reached). */
  endpoint?: { setting: string; url: string };
  /** Secrets this adapter is given, scrubbed from any error message before it is logged. */
  secrets: string[];
  /** One start attempt. Rejects when it fails; ops retries what {@link isTransient} says may pass. */
  start(runtime: Runtime, control: StartControl): Promise<RunningAdapter>;
}

/**
 * Which adapters run follows what is configured: Telegram when `TELEGRAM_BOT_TOKEN` is set, Discord when
 * `DISCORD_TOKEN` is, both when both are, and the console when neither is. Adapters are imported only when used, so
 * a Telegram-only bot never loads discord.js.
 */
export function planAdapters(config: Config): PlannedAdapter[] {
  const plan: PlannedAdapter[] = [];
  const tgToken = config.TELEGRAM_BOT_TOKEN;
  if (tgToken) {
    plan.push({
      name: "telegram",
      credential: "TELEGRAM_BOT_TOKEN",
      endpoint: { setting: "TELEGRAM_API_ROOT", url: config.TELEGRAM_API_ROOT ?? "https://api.telegram.org" },
      secrets: [tgToken, config.TELEGRAM_WEBHOOK_SECRET ?? ""].filter(Boolean),
      async start(runtime, { signal }) {
        const { startTelegram } = await import("../adapters/telegram/index.js");
        return startTelegram(runtime, {
          token: tgToken,
          signal,
          ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }),
          ...(config.TELEGRAM_WEBHOOK_URL && {
            webhookUrl: config.TELEGRAM_WEBHOOK_URL,
            webhookPort: config.TELEGRAM_WEBHOOK_PORT,
          }),
          ...(config.TELEGRAM_WEBHOOK_SECRET && { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET }),
        });
      },
    });
  }
  const dcToken = config.DISCORD_TOKEN;
  const appId = config.DISCORD_APPLICATION_ID;
  if (dcToken && appId) {
    plan.push({
      name: "discord",
      credential: "DISCORD_TOKEN",
      endpoint: { setting: "DISCORD_API_URL", url: config.DISCORD_API_URL ?? "https://discord.com/api" },
      secrets: [dcToken],
      async start(runtime, { signal }) {
        const { startDiscord } = await import("../adapters/discord/index.js");
        return startDiscord(runtime, {
          token: dcToken,
          signal,
          applicationId: appId,
          ...(config.DISCORD_GUILD_ID && { guildId: config.DISCORD_GUILD_ID }),
          ...(config.DISCORD_API_URL && { apiUrl: config.DISCORD_API_URL }),
          ...(config.DISCORD_SHARDS !== undefined && { shards: config.DISCORD_SHARDS }),
        });
      },
    });
  }
  if (plan.length === 0) {
    plan.push({
      name: "console",
      credential: "",
      secrets: [],
      async start(runtime) {
        const { startConsole } = await import("../adapters/console/index.js");
        return startConsole(runtime);
      },
    });
  }
  return plan;
}

/** Replaces every secret in `text` with [redacted]. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}

/** True when an error says the platform refused the credentials (Telegram 401/404 on getMe, Discord TokenInvalid or 401). */
export function isLoginRefused(err: unknown): boolean {
  const e = err as { error_code?: unknown; code?: unknown; status?: unknown; message?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (e.error_code === 401 || e.error_code === 404 || e.status === 401) return true;
  if (e.code === "TokenInvalid" || e.code === 4004) return true;
  return /\b(unauthori[sz]ed|invalid token|token_invalid|authentication failed)\b/i.test(String(e.message ?? ""));
}

/** Error codes of a connection that failed or was cut: the platform (or the network to it) may come back. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EPIPE",
  "ECONNABORTED",
]);

/** The network error code inside an error (grammY wraps it in `error`, undici in `cause`), if any. */
function networkCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; error?: unknown; cause?: unknown } | null, depth = 0;
    e && typeof e === "object" && depth < 4;
    depth++
  ) {
    if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || e.code.startsWith("UND_ERR_"))) return e.code;
    e = (e.error ?? e.cause) as typeof e;
  }
  return undefined;
}

/**
 * True when a start failed for a reason that may pass by itself: the platform unreachable (refused, reset, DNS, a
 * timeout), or answering 429 or 5xx. A refused login and anything unknown are failures for good.
 */
export function isTransient(err: unknown): boolean {
  if (isLoginRefused(err)) return false;
  const e = err as { name?: unknown; error_code?: unknown; status?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (e.name === "HttpError" || e.name === "AbortError" || e.name === "TimeoutError") return true;
  for (const status of [e.error_code, e.status])
    if (typeof status === "number" && (status === 429 || status >= 500)) return true;
  return networkCode(err) !== undefined;
}

/** A URL as it may be logged: without user and password. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.href.replace(/\/$/, "");
  } catch {
    return "(not a URL)";
  }
}

function platformName(adapter: PlannedAdapter): string {
  return adapter.name[0]!.toUpperCase() + adapter.name.slice(1);
}

function detailOf(adapter: PlannedAdapter, err: unknown): string {
  return scrub(err instanceof Error ? err.message : String(err), adapter.secrets)
    .split("\n")[0]!
    .slice(0, 300);
}

/** A one-line, secret-free explanation of why an adapter did not start. */
export function startFailure(adapter: PlannedAdapter, err: unknown): string {
  const platform = platformName(adapter);
  const detail = detailOf(adapter, err);
  if (isLoginRefused(err)) {
    // A wrong API root can answer 404 as a wrong token does: name it too when it is not the default.
    const also =
      adapter.endpoint && !/^https:\/\/(api\.telegram\.org|discord\.com\/api)\/?$/.test(adapter.endpoint.url)
        ? ` (and ${adapter.endpoint.setting})`
        : "";
    return `${platform} refused the login: check ${adapter.credential}${also} (${detail})`;
  }
  return `${platform} did not start: ${detail}`;
}

/** A one-line, secret-free explanation of a start that will be retried: what could not be reached, and where to look. */
export function unreachable(adapter: PlannedAdapter, err: unknown, retryInMs: number): string {
  const platform = platformName(adapter);
  const code = networkCode(err);
  const e = err as { error_code?: unknown; status?: unknown };
  const status =
    typeof e?.error_code === "number" ? e.error_code : typeof e?.status === "number" ? e.status : undefined;
  const why = code ?? (status !== undefined ? `HTTP ${status}` : detailOf(adapter, err));
  const where = adapter.endpoint
    ? `: check ${adapter.endpoint.setting} (now ${shownUrl(adapter.endpoint.url)}) and the network`
    : "";
  return `${platform} cannot be reached${where} (${why}); retrying in ${retryInMs < 1000 ? `${retryInMs} ms` : `${Math.round(retryInMs / 1000)} s`}`;
}
