import pino, { type Logger } from "pino";

/**
 * The process logger: JSON lines on stderr (stdout stays free for the console and `--json`). Redacts anything
 * named like a secret, in case a config object is ever logged whole.
 */
export function createLogger(level = "info", destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["token", "*.token", "*.TELEGRAM_BOT_TOKEN", "*.DISCORD_TOKEN", "secret", "*.secret"], censor: "[redacted]" },
    },
    destination,
  );
}
