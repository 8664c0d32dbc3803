import type { CommandDef } from "./types.js";
import { ask } from "./ask.js";
import { quote } from "./quote.js";
import { fact } from "./fact.js";
import { sources } from "./sources.js";
import { helpCommand } from "./help.js";
import { forget } from "./forget.js";

/** The help command, listing {@link commands}. */
export const help: CommandDef = helpCommand(() => commands);

/** Every command, in the order menus show them. Adapters register exactly this list. */
export const commands: readonly CommandDef[] = [ask, quote, fact, sources, help, forget];

/** Looks a command up by name, case-insensitively; undefined for an unknown one. */
export function findCommand(name: string): CommandDef | undefined {
  const n = name.toLowerCase();
  return commands.find((c) => c.name === n);
}
