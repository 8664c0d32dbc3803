import { z } from "zod";
import { DEFAULT_KNOWLEDGE_DIR } from "./paths.js";

/**
 * Every setting, in one place, validated at start-up. Values come from the environment (dotenv loads `.env` first,
 * see main.ts). A bad value stops the process with a message naming the variable, never echoing a secret.
 */
const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();
const port = z.coerce.number<string | undefined>().int().min(1).max(65535);
const url = z.url({ protocol: /^https?$/ });
const flag = optionalString
  .pipe(z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"], "must be true or false").optional())
  .transform((v) => v === undefined || ["true", "1", "yes", "on"].includes(v));

export const configSchema = z.object({
  KNOWLEDGE_DIR: optionalString.pipe(z.string().default(DEFAULT_KNOWLEDGE_DIR)),
  KNOWLEDGE_WATCH: flag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  TELEGRAM_BOT_TOKEN: optionalString.pipe(z.string().regex(/^\d+:[\w-]{20,}$/, "does not look like a BotFather token (digits:secret)").optional()),
  TELEGRAM_API_ROOT: optionalString.pipe(url.optional()),
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(url.optional()),
  TELEGRAM_WEBHOOK_PORT: port.default(8080),
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 of A-Z a-z 0-9 _ -").optional()),

  DISCORD_TOKEN: optionalString.pipe(z.string().regex(/^[\w-]{10,}\.[\w-]{2,}\.[\w-]{10,}$/, "does not look like a Discord bot token (three parts separated by dots)").optional()),
  DISCORD_APPLICATION_ID: optionalString.pipe(z.string().regex(/^\d{5,25}$/, "must be a numeric snowflake").optional()),
  DISCORD_GUILD_ID: optionalString.pipe(z.string().regex(/^\d{5,25}$/, "must be a numeric snowflake").optional()),
  DISCORD_API_URL: optionalString.pipe(url.optional()),
  DISCORD_SHARDS: optionalString.pipe(z.union([z.literal("auto"), z.coerce.number<string>().int().min(1).max(10000)]).optional()),

  HEALTH_PORT: optionalString.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
  HEALTH_HOST: optionalString.pipe(z.string().default("0.0.0.0")),
  UNANSWERED_LOG: optionalString,
});

export type Config = z.infer<typeof configSchema>;

/** A setting that is wrong, named without its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the environment into a {@link Config}; throws a {@link ConfigError} listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) {
    const c = parsed.data;
    const problems: string[] = [];
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) problems.push("DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set");
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) problems.push("TELEGRAM_WEBHOOK_URL: set, but TELEGRAM_BOT_TOKEN is not");
    if (problems.length) throw new ConfigError(problems);
    return c;
  }
  // Messages name the variable and the rule; zod's messages here never include the received value.
  throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
}
