/**
 * Renders command replies for Discord: embeds with the answer and its attribution, buttons whose custom_id carries
 * their whole state (so a press works after a restart), Markdown escaping of every text that is not ours, and every
 * Discord limit enforced here (embed parts, 6,000 characters and 10 embeds per message, content under 2,000, button
 * labels, custom_id length), splitting into follow-up messages when one message cannot hold it all.
 */
import { ButtonStyle, ComponentType, escapeMarkdown } from "discord.js";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from "discord.js";
import type { Answer, Source } from "../core/types.js";
import type { Reply } from "../commands/types.js";
import { DECLINE_TEXT, LOW_CONFIDENCE, confidenceNote, joinNames, sourceLine } from "./attribution.js";
import { splitText } from "./split.js";

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

const COLOR_QUOTE = 0x5865f2;
const COLOR_FACT = 0x57f287;
const COLOR_INFO = 0x99aab5;
const COLOR_DECLINE = 0xfee75c;

/** One message to send: the first answers the event, the others follow it. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Only the asker should see it (interactions only; a message reply cannot be ephemeral). */
  ephemeral: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Escaping and clipping

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
const safe = (text: string, max: number) => clip(escapeDiscord(text), max);

// ---------------------------------------------------------------------------------------------------------------
// Button state in custom_id

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
  const valid = (id: string) => /^[a-z0-9][a-z0-9-]{0,62}$/.test(id);
  if (customId.startsWith(ALT)) {
    const ids = customId.slice(ALT.length).split(",");
    return ids.length > 0 && ids.every(valid) ? { kind: "alt", ids } : null;
  }
  if (customId.startsWith(DYM)) {
    const id = customId.slice(DYM.length);
    return valid(id) ? { kind: "dym", id } : null;
  }
  return null;
}

function button(label: string, customId: string | null, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent[] {
  if (!customId) return [];
  return [{ type: ComponentType.Button, style, label: clip(label, LIMITS.buttonLabel), custom_id: customId }];
}

function rows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += LIMITS.buttonsPerRow)
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Embeds

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: clip(name, LIMITS.fieldName), value: clip(value, LIMITS.fieldValue) || "\u200b", inline };
}

function sourceValue(source: Source): string {
  const line = escapeDiscord(sourceLine(source));
  return source.url && /^https?:\/\//.test(source.url) ? `${line}\n${source.url}` : line;
}

/** One answer as an embed: the words, the speaker and role, context, the source; the confidence when it is low. */
export function answerEmbed(answer: Answer, title?: string): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (answer.speaker) fields.push(field("Speaker", `**${escapeDiscord(answer.speaker.name)}**${answer.speaker.role ? `, ${escapeDiscord(answer.speaker.role)}` : ""}`));
  if (answer.context) fields.push(field("Context", escapeDiscord(answer.context)));
  if (answer.attribution) fields.push(field("According to", escapeDiscord(answer.attribution)));
  fields.push(field("Source", sourceValue(answer.source)));
  const low = confidenceNote(answer);
  const body = answer.kind === "quote" ? `“${escapeDiscord(answer.text)}”` : escapeDiscord(answer.text);
  return {
    ...(title && { title: clip(title, LIMITS.title) }),
    description: clip(body, LIMITS.description),
    color: answer.kind === "quote" ? COLOR_QUOTE : COLOR_FACT,
    fields,
    ...(low && { footer: { text: clip(low, LIMITS.footer) } }),
  };
}

function infoEmbed(title: string, description: string, color = COLOR_INFO, fields: APIEmbedField[] = []): APIEmbed {
  return {
    title: clip(title, LIMITS.title),
    ...(description && { description: clip(description, LIMITS.description) }),
    color,
    ...(fields.length && { fields: fields.slice(0, LIMITS.fields) }),
  };
}

const bullets = (items: readonly string[]) => items.map((s) => `• ${escapeDiscord(s)}`).join("\n");

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
function fitEmbed(e: APIEmbed, budget: number): APIEmbed {
  const out: APIEmbed = { ...e, fields: [...(e.fields ?? [])] };
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
  if (embedLength(out) > budget && out.title) out.title = clip(out.title, Math.max(1, out.title.length - (embedLength(out) - budget)));
  if (out.fields!.length === 0) delete out.fields;
  return out;
}

/**
 * Packs embeds into as few messages as their limits allow (10 embeds and 6,000 characters per message). Buttons go
 * on the first message, the one that answers.
 */
function pack(embeds: APIEmbed[], components: DiscordMessage["components"], ephemeral: boolean): DiscordMessage[] {
  const out: DiscordMessage[] = [];
  let cur: APIEmbed[] = [];
  let size = 0;
  for (const raw of embeds) {
    const e = fitEmbed(raw, LIMITS.embedTotal);
    const n = embedLength(e);
    if (cur.length > 0 && (cur.length >= LIMITS.embeds || size + n > LIMITS.embedTotal)) {
      out.push({ embeds: cur, components: [], ephemeral });
      cur = [];
      size = 0;
    }
    cur.push(e);
    size += n;
  }
  out.push({ embeds: cur, components: [], ephemeral });
  out[0]!.components = components;
  return out;
}

/** Plain text as messages under 2,000 characters each (escaped by the caller). */
export function textMessages(text: string, ephemeral: boolean): DiscordMessage[] {
  const chunks = splitText(text, LIMITS.content - 1);
  return (chunks.length ? chunks : ["\u200b"]).map((content) => ({ content, embeds: [], components: [], ephemeral }));
}

// ---------------------------------------------------------------------------------------------------------------
// Replies

function renderAnswer(reply: Extract<Reply, { type: "answer" }>): DiscordMessage[] {
  const r = reply.result;
  const cut = r.notes.find((n) => n.startsWith("question was cut"));
  const asked = r.question ? `You asked: “${safe(r.question, 300)}”` : "";
  if (!r.answer) {
    const lines = [asked, DECLINE_TEXT, ...(r.suggestions.length ? ["Did you mean:", bullets(r.suggestions)] : [])];
    const embed = infoEmbed("I don't know that one", lines.filter(Boolean).join("\n"), COLOR_DECLINE);
    // One button per suggestion that names its entry: pressing it shows that entry.
    const ids = r.suggestionIds ?? [];
    const buttons = r.suggestions.flatMap((s, i) => (ids[i] ? button(s, didYouMeanId(ids[i])) : []));
    return pack([embed], rows(buttons), true);
  }
  const embed = answerEmbed(r.answer, r.question ? safe(r.question, LIMITS.title) : undefined);
  if (cut) embed.footer = { text: clip([`Note: ${cut}.`, embed.footer?.text].filter(Boolean).join(" "), LIMITS.footer) };
  const buttons: APIButtonComponent[] = [];
  const first = r.alternatives[0];
  if (first && r.answer.confidence < LOW_CONFIDENCE) buttons.push(...button("Did you mean…", didYouMeanId(first.id), ButtonStyle.Primary));
  if (r.alternatives.length) buttons.push(...button("Other answers", otherAnswersId(r.alternatives.map((a) => a.id))));
  return pack([embed], rows(buttons), false);
}

/** Answers shown for a button press ("Other answers", "Did you mean…"): always ephemeral. */
export function renderAnswers(answers: readonly Answer[], heading: string): DiscordMessage[] {
  if (answers.length === 0) return textMessages("That answer is no longer available: ask again.", true);
  return pack(
    answers.map((a, i) => answerEmbed(a, i === 0 ? heading : undefined)),
    [],
    true,
  );
}

/** Renders any command reply as one or more Discord messages. "No answer" replies are ephemeral. */
export function renderDiscord(reply: Reply): DiscordMessage[] {
  switch (reply.type) {
    case "answer":
      return renderAnswer(reply);
    case "quotes": {
      if (reply.answers.length === 0) {
        const who = reply.suggestions.length ? `People quoted:\n${bullets(reply.suggestions)}` : "";
        return pack([infoEmbed(`No quotes by “${safe(reply.query, 200)}”`, who, COLOR_DECLINE)], [], true);
      }
      const head = reply.speaker ? `Quotes by ${escapeDiscord(reply.speaker.name)}` : "A quote from the knowledge base";
      return pack(reply.answers.map((a, i) => answerEmbed(a, i === 0 ? head : undefined)), [], false);
    }
    case "facts": {
      if (reply.answers.length === 0) {
        const topics = reply.suggestions.length ? `Topics:\n${bullets(reply.suggestions)}` : "";
        return pack([infoEmbed(`No facts on “${safe(reply.query, 200)}”`, topics, COLOR_DECLINE)], [], true);
      }
      const head = reply.topic ? `Facts on ${escapeDiscord(reply.topic)}` : reply.query ? `Facts on “${safe(reply.query, 200)}”` : "A fact from the knowledge base";
      return pack(reply.answers.map((a, i) => answerEmbed(a, i === 0 ? head : undefined)), [], false);
    }
    case "sources": {
      if (reply.sources.length === 0) return textMessages("No sources are loaded.", true);
      const embeds = reply.sources.map(({ source, quotes, facts }) =>
        infoEmbed(escapeDiscord(source.title), `${quotes} quotes, ${facts} facts`, COLOR_INFO, [
          field("Publisher", escapeDiscord(source.publisher), true),
          field("Reporters", escapeDiscord(joinNames(source.reporters)), true),
          ...(source.place ? [field("Place", escapeDiscord(source.place), true)] : []),
          ...(source.date ? [field("Date", escapeDiscord(source.date), true)] : []),
          ...(source.url ? [field("Link", source.url)] : []),
        ]),
      );
      return pack(embeds, [], false);
    }
    case "help": {
      const usage = [
        `I answer questions about the article from ${reply.entries} quotes and facts, each with its source.`,
        "Mention me with a question, reply to one of my answers, send me a direct message, or use a command:",
      ].join("\n");
      const fields = reply.commands.map((c) =>
        field(`/${c.name}${c.option ? ` ${c.option.required ? c.option.name : `[${c.option.name}]`}` : ""}`, escapeDiscord(c.description)),
      );
      if (reply.examples.length) fields.push(field("For example", bullets(reply.examples)));
      return pack([infoEmbed("briefbot", usage, COLOR_INFO, fields)], [], true);
    }
    case "prompt":
      return textMessages(escapeDiscord(reply.text), true);
  }
}
