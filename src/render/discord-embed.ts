/**
 * Embeds for answers and information, and fitting one into Discord's per-embed and per-message character limits.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Answer, Source } from "../core/index.js";
import { confidenceNote, sourceLine } from "./attribution.js";
import { LIMITS, clip, escapeDiscord } from "./discord-text.js";

export const COLOR_QUOTE = 0x5865f2;
export const COLOR_FACT = 0x57f287;
export const COLOR_INFO = 0x99aab5;
export const COLOR_DECLINE = 0xfee75c;

export function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: clip(name, LIMITS.fieldName), value: clip(value, LIMITS.fieldValue) || "\u200b", inline };
}

function sourceValue(source: Source): string {
  const line = escapeDiscord(sourceLine(source));
  return source.url && /^https?:\/\//.test(source.url) ? `${line}\n${source.url}` : line;
}

/** One answer as an embed: the words, the speaker and role, context, the source; the confidence when it is low. */
export function answerEmbed(answer: Answer, title?: string): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (answer.speaker)
    fields.push(
      field(
        "Speaker",
        `**${escapeDiscord(answer.speaker.name)}**${answer.speaker.role ? `, ${escapeDiscord(answer.speaker.role)}` : ""}`,
      ),
    );
  if (answer.context) fields.push(field("Context", escapeDiscord(answer.context)));
  if (answer.attribution) fields.push(field("According to", escapeDiscord(answer.attribution)));
  fields.push(field("Source", sourceValue(answer.source)));
  const low = confidenceNote(answer);
  const body = answer.kind === "quote" ? `“${escapeDiscord(answer.text)}”` : escapeDiscord(answer.text);
  const embed: APIEmbed = {
    description: clip(body, LIMITS.description),
    color: answer.kind === "quote" ? COLOR_QUOTE : COLOR_FACT,
    fields,
  };
  if (title) embed.title = clip(title, LIMITS.title);
  if (low) embed.footer = { text: clip(low, LIMITS.footer) };
  return embed;
}

export function infoEmbed(
  title: string,
  description: string,
  color = COLOR_INFO,
  fields: APIEmbedField[] = [],
): APIEmbed {
  const embed: APIEmbed = { title: clip(title, LIMITS.title), color };
  if (description) embed.description = clip(description, LIMITS.description);
  if (fields.length) embed.fields = fields.slice(0, LIMITS.fields);
  return embed;
}

export const bullets = (items: readonly string[]) => items.map((s) => `• ${escapeDiscord(s)}`).join("\n");

/** Characters Discord counts toward an embed's 6,000. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Shrinks one embed (description first, then fields from the last) until it fits `budget` characters. */
export function fitEmbed(e: APIEmbed, budget: number): APIEmbed {
  // Copied field by field: these are the only parts our embeds have (answerEmbed, infoEmbed).
  const out: APIEmbed = { color: e.color, fields: (e.fields ?? []).slice() };
  if (e.title !== undefined) out.title = e.title;
  if (e.description !== undefined) out.description = e.description;
  if (e.footer !== undefined) out.footer = e.footer;
  let over = embedLength(out) - budget;
  if (over > 0 && out.description) {
    out.description = clip(out.description, Math.max(1, out.description.length - over));
    over = embedLength(out) - budget;
  }
  while (over > 0 && out.fields!.length > 0) {
    out.fields!.pop();
    over = embedLength(out) - budget;
  }
  if (over > 0 && out.footer) delete out.footer;
  if (embedLength(out) > budget && out.title)
    out.title = clip(out.title, Math.max(1, out.title.length - (embedLength(out) - budget)));
  if (out.fields!.length === 0) delete out.fields;
  return out;
}
