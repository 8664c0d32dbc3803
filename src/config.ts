import { z } from "zod";
import { DEFAULT_KNOWLEDGE_DIR } from "./paths.js";

/**
 * Every setting, in one place, validated at start-up. Values come from the environment (dotenv loads `.env` first,
 * see main.ts). A bad value stops the process with a message naming the variable, never echoing a secret. One rule
 * for every variable: a value is trimmed, and an empty one (`LOG_LEVEL=`) means the default, as unset does
 * ({@link settingValue}).
 */
const PORT = "must be a port number, 1-65535";
const port = z.coerce.number<string>(PORT).int(PORT).min(1, PORT).max(65535, PORT);
const url = z.url({ protocol: /^https?$/ });
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], "must be true or false")
  .optional()
  .transform((v) => v === undefined || ["true", "1", "yes", "on"].includes(v));

export const configSchema = z.object({
  KNOWLEDGE_DIR: z.string().default(DEFAULT_KNOWLEDGE_DIR),
  KNOWLEDGE_WATCH: flag,
  /** The knowledge cache's folder, or `off` (src/ops/knowledge-cache.ts). */
  KNOWLEDGE_CACHE: z.string().optional(),
  LOG_LEVEL: z
    .enum(
      ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
      "must be one of fatal, error, warn, info, debug, trace, silent",
    )
    .default("info"),

  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, "does not look like a BotFather token (digits:secret)")
    .optional(),
  TELEGRAM_API_ROOT: url.optional(),
  TELEGRAM_WEBHOOK_URL: url.optional(),
  TELEGRAM_WEBHOOK_PORT: port.default(8080),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 of A-Z a-z 0-9 _ -")
    .optional(),

  DISCORD_TOKEN: z
    .string()
    .regex(
      /^[\w-]{10,}\.[\w-]{2,}\.[\w-]{10,}$/,
      "does not look like a Discord bot token (three parts separated by dots)",
    )
    .optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, "must be a numeric snowflake")
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,25}$/, "must be a numeric snowflake")
    .optional(),
  DISCORD_API_URL: url.optional(),
  DISCORD_SHARDS: z.union([z.literal("auto"), z.coerce.number<string>().int().min(1).max(10000)]).optional(),

  HEALTH_PORT: z.coerce.number<string>().int().min(0).max(65535).optional(),
  HEALTH_HOST: z.string().default("0.0.0.0"),
  UNANSWERED_LOG: z.string().optional(),
  UNANSWERED_LOG_MAX_BYTES: z.coerce
    .number<string>("must be a number of bytes")
    .int("must be a whole number of bytes")
    .min(4096, "must be at least 4096")
    .max(2 ** 40)
    .default(10_000_000),
});

export type Config = z.infer<typeof configSchema>;

/** A setting that is wrong, named without its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** A setting as briefbot reads it: trimmed, and undefined when unset or empty (so empty means the default). */
export function settingValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** Validates the environment into a {@link Config}; throws a {@link ConfigError} listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(configSchema.shape)) input[name] = settingValue(env, name);
  const parsed = configSchema.safeParse(input);
  if (parsed.success) {
    const c = parsed.data;
    const problems: string[] = [];
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
      problems.push("DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set");
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN)
      problems.push("TELEGRAM_WEBHOOK_URL: set, but TELEGRAM_BOT_TOKEN is not");
    if (problems.length) throw new ConfigError(problems);
    return c;
  }
  // Messages name the variable and the rule; zod's messages here never include the received value.
  throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
}
