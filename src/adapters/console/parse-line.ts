import { findCommand } from "../../commands/definitions.js";
import type { CommandDef } from "../../commands/types.js";

/** What one console line asks for. */
export type ConsoleAction =
  | { type: "command"; def: CommandDef; arg: string }
  | { type: "quit" }
  | { type: "unknown"; name: string }
  | { type: "blank" };

/** Reads a console line: `/name arg` runs a command, `/quit` or `/exit` leaves, anything else is a question. */
export function parseLine(line: string, ask: CommandDef): ConsoleAction {
  const text = line.trim();
  if (text === "") return { type: "blank" };
  const m = /^\/([A-Za-z_]+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return { type: "command", def: ask, arg: text };
  const name = m[1]!.toLowerCase();
  if (name === "quit" || name === "exit") return { type: "quit" };
  const def = name === "start" ? findCommand("help") : findCommand(name);
  return def ? { type: "command", def, arg: m[2] ?? "" } : { type: "unknown", name };
}
