import pino, { type Logger } from "pino";

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const COLOURS: Record<number, string> = { 10: "90", 20: "90", 30: "32", 40: "33", 50: "31", 60: "35" };

function show(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** Turns one pino JSON line into `12:00:01 INFO  answer platform=telegram command=ask …` for a person at a terminal. */
export function prettyLine(json: string, colour = false): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const { level, time, msg, ...rest } = rec;
  const n = typeof level === "number" ? level : 30;
  const name = (LEVELS[n] ?? String(level)).padEnd(5);
  const clock = new Date(typeof time === "number" ? time : Date.now()).toTimeString().slice(0, 8);
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${show(v)}`).join(" ");
  const label = colour ? `\u001b[${COLOURS[n] ?? "0"}m${name}\u001b[0m` : name;
  return `${clock} ${label} ${msg ?? ""}${fields ? ` ${fields}` : ""}\n`;
}

/**
 * The default log destination: readable lines when stderr is a terminal; otherwise JSON lines (files, journald,
 * Docker), written asynchronously so a busy bot never waits on its log pipe (pino flushes what is left at exit).
 */
export function defaultDestination(): pino.DestinationStream {
  if (process.stderr.isTTY) return { write: (line: string) => void process.stderr.write(prettyLine(line, true)) };
  return pino.destination({ dest: 2, sync: false });
}

/**
 * The process logger: JSON lines on stderr (stdout stays free for the console and `--json`), shown as readable lines
 * when stderr is a terminal. Redacts anything named like a secret, in case a config object is ever logged whole.
 */
export function createLogger(level = "info", destination: pino.DestinationStream = defaultDestination()): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["token", "*.token", "TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "*.TELEGRAM_BOT_TOKEN", "*.DISCORD_TOKEN", "*.TELEGRAM_WEBHOOK_SECRET", "secret", "*.secret", "webhookSecret", "*.webhookSecret"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
