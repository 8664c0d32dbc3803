import { z } from "zod";

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

export const configSchema = z.object({
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  TELEGRAM_BOT_TOKEN: optionalString.pipe(z.string().regex(/^\d+:[\w-]{20,}$/, "does not look like a BotFather token (digits:secret)").optional()),
  TELEGRAM_API_ROOT: optionalString.pipe(url.optional()),
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(url.optional()),
  TELEGRAM_WEBHOOK_PORT: port.default(8080),
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 of A-Z a-z 0-9 _ -").optional()),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.pipe(z.string().regex(/^\d{5,25}$/, "must be a numeric snowflake").optional()),
  DISCORD_GUILD_ID: optionalString.pipe(z.string().regex(/^\d{5,25}$/, "must be a numeric snowflake").optional()),
  DISCORD_API_URL: optionalString.pipe(url.optional()),
  DISCORD_SHARDS: optionalString.pipe(z.union([z.literal("auto"), z.coerce.number<string>().int().min(1).max(10000)]).optional()),

  HEALTH_PORT: optionalString.pipe(port.optional()),
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
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
      throw new ConfigError(["DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set"]);
    return c;
  }
  // Messages name the variable and the rule; zod's messages here never include the received value.
  throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
}
