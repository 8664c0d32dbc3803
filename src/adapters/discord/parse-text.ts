import { ask } from "../../commands/ask.js";
import { findCommand } from "../../commands/definitions.js";
import type { CommandDef } from "../../commands/types.js";

/**
 * What a typed message asks for: `/quote rouhani` (a known command, slash first) runs that command; anything else
 * is a question for /ask.
 */
export function commandFromText(text: string): { def: CommandDef; arg: string } {
  const m = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  const def = m ? findCommand(m[1]!) : undefined;
  return def ? { def, arg: m?.[2]?.trim() ?? "" } : { def: ask, arg: text };
}
