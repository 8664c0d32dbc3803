/**
 * Discord buttons whose custom_id carries their whole state (so a press works after a restart), and the parser that
 * reads such an id back. No question text and no user id is ever put in a custom_id.
 */
import { ButtonStyle, ComponentType } from "discord.js";
import type { APIActionRowComponent, APIButtonComponent } from "discord.js";
import { isId } from "../core/index.js";
import { LIMITS, clip } from "./discord-text.js";

const ALT = "bb:alt:";
const DYM = "bb:dym:";

/** A parsed button custom_id. */
export type ButtonAction = { kind: "alt"; ids: string[] } | { kind: "dym"; id: string };

/**
 * `bb:alt:<id>,<id>,…`: the alternatives of an answer, as many ids as fit in Discord's 100 characters (entry ids
 * are at most 63, so at least one always fits). No question text and no user id is ever put in a custom_id.
 */
export function otherAnswersId(ids: readonly string[]): string | null {
  let out = "";
  for (const id of ids) {
    const next = out === "" ? `${ALT}${id}` : `${out},${id}`;
    if (next.length > LIMITS.customId) break;
    out = next;
  }
  return out === "" ? null : out;
}

/** `bb:dym:<id>`: show that entry. */
export function didYouMeanId(id: string): string | null {
  const out = `${DYM}${id}`;
  return out.length <= LIMITS.customId ? out : null;
}

/** Reads a custom_id made by {@link otherAnswersId} or {@link didYouMeanId}; null for anything else. */
export function parseButtonId(customId: string): ButtonAction | null {
  if (customId.startsWith(ALT)) {
    const ids = customId.slice(ALT.length).split(",");
    return ids.length > 0 && ids.every(isId) ? { kind: "alt", ids } : null;
  }
  if (customId.startsWith(DYM)) {
    const id = customId.slice(DYM.length);
    return isId(id) ? { kind: "dym", id } : null;
  }
  return null;
}

export function button(
  label: string,
  customId: string | null,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent[] {
  if (!customId) return [];
  return [{ type: ComponentType.Button, style, label: clip(label, LIMITS.buttonLabel), custom_id: customId }];
}

export function rows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += LIMITS.buttonsPerRow)
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  return out;
}
