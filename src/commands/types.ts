import type { Core, SourceSummary, Answer, AskResult, Speaker } from "../core/index.js";

/** What an option's value is completed from, where a platform offers completion (Discord autocomplete). */
export type Completion = "question" | "speaker" | "topic";

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  complete?: Completion;
}

/**
 * What a command produced, as data. Each renderer (text, Telegram HTML, Discord) turns every variant into its own
 * form; no command formats text for a platform.
 */
export type Reply =
  | { type: "answer"; result: AskResult }
  | { type: "quotes"; query: string; speaker: Speaker | null; answers: Answer[]; suggestions: string[] }
  | { type: "facts"; query: string; topic: string | null; answers: Answer[]; suggestions: string[] }
  | { type: "sources"; sources: SourceSummary[] }
  | { type: "help"; commands: readonly CommandDef[]; examples: string[]; entries: number }
  | { type: "prompt"; text: string };

export type CommandName = "ask" | "quote" | "fact" | "sources" | "help" | "forget";

/** One command, defined once and registered by every adapter (Telegram setMyCommands, Discord slash, console). */
export interface CommandDef {
  name: CommandName;
  /** One line, at most 100 characters (Discord's limit; Telegram allows 256). */
  description: string;
  option?: CommandOption;
  /** Runs the command over the core. Never throws on any argument string. */
  run(core: Core, arg: string): Reply;
}
