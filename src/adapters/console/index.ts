import { clearLine, createInterface, cursorTo } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { dispatch } from "../../commands/dispatch.js";
import { findCommand } from "../../commands/definitions.js";
import { renderText } from "../../render/text.js";
import { Conversation } from "../../conversation/conversation.js";
import type { AdapterState, RunningAdapter, Runtime } from "../../runtime.js";
import { parseLine } from "./parse-line.js";

export interface ConsoleIO {
  input: Readable;
  output: Writable;
  /** A terminal gets a prompt and a welcome; piped input gets only the answers. Default: whether input is a TTY. */
  interactive?: boolean;
  /** The conversation layer (default: a new one over the runtime's core, small talk from SMALLTALK_FILE). */
  conversation?: Conversation;
}

/** The console adapter; `finished` settles when input ends or the user types /quit. */
export interface ConsoleAdapter extends RunningAdapter {
  readonly finished: Promise<void>;
  /** Shows one line (ops' notice: a reload that failed) above the prompt, and redraws the prompt and what was typed. */
  notice(line: string): void;
}

/**
 * Runs briefbot in a terminal (a REPL with a prompt) or over piped stdin (one answer per line, then exit at end of
 * input). It is what `npm start` opens when no platform is configured. The whole session is one conversation: each line
 * (typed or piped) can follow up on the answers before it ("who said that?"); /forget starts afresh.
 */
export function startConsole(
  runtime: Runtime,
  io: ConsoleIO = { input: process.stdin, output: process.stdout },
): ConsoleAdapter {
  const interactive = io.interactive ?? Boolean((io.input as { isTTY?: boolean }).isTTY);
  const ask = findCommand("ask")!;
  const conversation =
    io.conversation ??
    new Conversation({ core: () => runtime.core(), run: (def, arg) => dispatch(runtime, "console", def, arg) });
  // One person, one chat: the key is a constant, never anything about who runs the console.
  const key = "console";
  const rl = createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive });
  let state: AdapterState = "serving";
  const write = (text: string) => io.output.write(`${text}\n${interactive ? "\n" : ""}`);
  if (interactive) {
    rl.setPrompt("briefbot> ");
    write(`briefbot: ${runtime.core().size} quotes and facts. Ask a question, or /help. Ctrl-D or /quit to leave.`);
    rl.prompt();
  }
  const finished = new Promise<void>((resolve) => {
    let quit = false;
    rl.on("line", (line) => {
      // readline may still deliver lines it had buffered after close(): nothing after /quit is answered.
      if (quit) return;
      const action = parseLine(line, ask);
      try {
        if (action.type === "quit") {
          quit = true;
          return rl.close();
        }
        if (action.type === "unknown") write(`Unknown command /${action.name}. Try /help.`);
        else if (action.type === "command") write(renderText(conversation.command(key, action.def, action.arg).reply));
      } catch (err) {
        runtime.log.error({ err }, "console handler failed");
        runtime.telemetry.error("console", "line");
        write("Something went wrong with that question. Please try again.");
      }
      if (interactive) rl.prompt();
    });
    rl.on("close", () => {
      state = "stopped";
      if (interactive) io.output.write("\n");
      resolve();
    });
  });
  return {
    name: "console",
    finished,
    notice(line: string) {
      if (interactive) clearLine(io.output, 0);
      if (interactive) cursorTo(io.output, 0);
      io.output.write(`${line}\n`);
      if (interactive && state === "serving") rl.prompt(true);
    },
    state: () => state,
    async stop() {
      rl.close();
      await finished;
    },
  };
}
