import { isId } from "../core/index.js";

/**
 * Buttons under an answer, as data: "More from <speaker>", "Related", "Source", and the options of a "Did you mean …?".
 * Each carries only an entry id, never text or a user id. Encoded as one character and the id ("*jahromi-lost-…"): at
 * most 64 bytes (ids are at most 63 ASCII characters), so it fits Telegram's callback_data (64 bytes) and Discord's
 * custom_id (100 characters) as it is. "#<id>" is the same "show this entry" data Telegram's "Did you mean" buttons
 * already send.
 */
export type ButtonAction = { action: "more" | "related" | "source" | "pick"; entryId: string };

const CODE: Record<ButtonAction["action"], string> = { pick: "#", more: "*", related: "~", source: "^" };
const ACTION: Record<string, ButtonAction["action"]> = { "#": "pick", "*": "more", "~": "related", "^": "source" };

/** The button data for an action; null when the id is not a valid entry id (nothing is ever cut). */
export function encodeAction(a: ButtonAction): string | null {
  return isId(a.entryId) ? `${CODE[a.action]}${a.entryId}` : null;
}

/**
 * Reads button data made by {@link encodeAction}. Null for anything else: forged, cut or foreign data. A well-formed
 * action may still name an entry a reload removed; `Conversation.press` answers that case.
 */
export function decodeAction(data: unknown): ButtonAction | null {
  if (typeof data !== "string" || data.length < 2 || data.length > 64) return null;
  const action = ACTION[data[0]!];
  const entryId = data.slice(1);
  return action && isId(entryId) ? { action, entryId } : null;
}
