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
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${show(v)}`)
    .join(" ");
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

/** One log record as a short line for a person in the console chat: `briefbot: <what happened> — <where, why>`. */
export function noticeLine(json: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return `briefbot: ${json.trim()}`;
  }
  const detail = [rec.where, rec.reason, rec.err].find((v) => typeof v === "string" && v !== "");
  return `briefbot: ${String(rec.msg ?? "")}${detail ? ` — ${String(detail)}` : ""}`.replace(/[\r\n]+/g, " ");
}

/** A log destination that shows each record as one {@link noticeLine}, through `show` once one is attached. */
export interface NoticeDestination extends pino.DestinationStream {
  /** Sends the notices to `show` from now on (the console redraws its prompt under them). */
  attach(show: (line: string) => void): void;
}

/**
 * The destination for the interactive console when LOG_LEVEL is not set: no log lines in the chat, only what a person
 * at the prompt must know (a reload that failed) as one tidy line. Until the console is up, lines go to stderr.
 */
export function consoleNotices(fallback: { write(text: string): unknown } = process.stderr): NoticeDestination {
  let show: (line: string) => void = (line) => void fallback.write(`${line}\n`);
  return {
    write: (json: string) => {
      for (const record of json.split("\n")) if (record.trim()) show(noticeLine(record));
    },
    attach: (next) => void (show = next),
  };
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
        paths: [
          "token",
          "*.token",
          "TELEGRAM_BOT_TOKEN",
          "DISCORD_TOKEN",
          "TELEGRAM_WEBHOOK_SECRET",
          "*.TELEGRAM_BOT_TOKEN",
          "*.DISCORD_TOKEN",
          "*.TELEGRAM_WEBHOOK_SECRET",
          "secret",
          "*.secret",
          "webhookSecret",
          "*.webhookSecret",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
