/**
 * Discord's limits, and the escaping and clipping every text that is not ours goes through before it is shown there.
 */
import { escapeMarkdown } from "discord.js";

/** Discord's documented limits. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  embeds: 10,
  buttonLabel: 80,
  buttonsPerRow: 5,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/**
 * Escapes text for Discord Markdown so it shows as typed: emphasis, code, spoilers, strikethrough, headings, lists,
 * block quotes, subtext and masked links. `@everyone` / `@here` get a zero-width joiner as well (allowed_mentions
 * already stops the ping; this keeps the text from even looking like one).
 */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(String(text ?? ""), { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/^(\s*)(>|-#)/gm, "$1\\$2")
    .replace(/@(everyone|here)/g, "@\u200b$1");
}

/** Cuts `text` to at most `max` characters with an ellipsis, never leaving half a surrogate pair or a lone `\`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Escaped and clipped: for any text that is not ours (user input, knowledge text). */
export const safe = (text: string, max: number) => clip(escapeDiscord(text), max);
