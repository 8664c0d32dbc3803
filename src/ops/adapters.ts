import type { Config } from "../config.js";
import type { AdapterState, Platform, RunningAdapter, Runtime } from "../adapters/runtime.js";

/** An adapter the configuration asks for, not started yet. */
export interface PlannedAdapter {
  name: Platform;
  /** The setting a person should check when the platform refuses the login. */
  credential: string;
  /** Secrets this adapter is given, scrubbed from any error message before it is logged. */
  secrets: string[];
  start(runtime: Runtime): Promise<RunningAdapter>;
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
      secrets: [tgToken, config.TELEGRAM_WEBHOOK_SECRET ?? ""].filter(Boolean),
      async start(runtime) {
        const { startTelegram } = await import("../adapters/telegram/index.js");
        return startTelegram(runtime, {
          token: tgToken,
          ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }),
          ...(config.TELEGRAM_WEBHOOK_URL && { webhookUrl: config.TELEGRAM_WEBHOOK_URL, webhookPort: config.TELEGRAM_WEBHOOK_PORT }),
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
      secrets: [dcToken],
      async start(runtime) {
        const { startDiscord } = await import("../adapters/discord/index.js");
        return startDiscord(runtime, {
          token: dcToken,
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

/** A one-line, secret-free explanation of why an adapter did not start. */
export function startFailure(adapter: PlannedAdapter, err: unknown): string {
  const platform = adapter.name[0]!.toUpperCase() + adapter.name.slice(1);
  const detail = scrub(err instanceof Error ? err.message : String(err), adapter.secrets).split("\n")[0]!.slice(0, 300);
  if (isLoginRefused(err)) return `${platform} refused the login: check ${adapter.credential} (${detail})`;
  return `${platform} did not start: ${detail}`;
}

/** Stands in for an adapter that failed to start, so health and metrics still show it. */
export function failedAdapter(name: Platform): RunningAdapter {
  const state: AdapterState = "failed";
  return { name, state: () => state, stop: async () => {} };
}
