import type { Answer, Source, SourceSummary } from "../core/index.js";
import type { Reply } from "../commands/types.js";
import { encodeAction } from "../conversation/actions.js";
import {
  DECLINE_TEXT,
  answerBody,
  confidenceNote,
  contextLine,
  cutNote,
  joinNames,
  speakerLine,
} from "./attribution.js";
import { splitText } from "./split.js";
import { answersShown, type Turn } from "./turn.js";

/**
 * Renders command replies as Telegram HTML (parse_mode "HTML"). Every string that comes from the knowledge base or
 * the user goes through {@link escapeHtml}. Tags never span a line, so messages can be split at line breaks; the
 * only lines that may be long enough to need a cut inside them carry no tags.
 */

/** Telegram's limit for one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;
/** Telegram's limit for callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;
/** Display fields (names, roles, titles, context) are cut to this many characters. */
const FIELD_MAX = 300;
const BUTTON_LABEL_MAX = 60;
/** Never cut inside a tag or an entity. */
const PROTECT = /<[^>]*>|&#?\w+;/g;

/** A "Did you mean" button: a label and the callback data that answers it. */
export interface TelegramButton {
  text: string;
  data: string;
}

/**
 * A rendered reply: one or more HTML chunks, each under the limit, and buttons for the last one: `rows` first (the
 * conversation's "More from …" / "Related" / "Source"), then `buttons`, one per row ("Did you mean" options).
 */
export interface TelegramMessage {
  chunks: string[];
  buttons: TelegramButton[];
  rows?: TelegramButton[][];
}

export interface TelegramRenderOptions {
  /** The bot's username, for "mention me" and inline-mode hints. */
  botUsername?: string;
  /** Chunk size (default {@link TELEGRAM_MESSAGE_LIMIT}). */
  limit?: number;
}

/** Escapes text for Telegram HTML, quotes included (safe in attributes too). */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** One display field, flattened to a line, cut and escaped. */
function field(text: string, max = FIELD_MAX): string {
  return escapeHtml(clip(text, max));
}

/** Callback data that answers the entry `id` when pressed, or null when it would not fit Telegram's 64 bytes. */
export function answerButtonData(id: string): string | null {
  const data = `#${id}`;
  return Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_LIMIT ? data : null;
}

/** The entry id carried by {@link answerButtonData}, or null for any other data. */
export function entryIdFromButton(data: string): string | null {
  return data.startsWith("#") && data.length > 1 ? data.slice(1) : null;
}

/** "NBC News, “Title”, by A and B (2018)": the title linked when the source has a web address. */
function sourceRef(source: Source): string {
  const title = `“${field(source.title)}”`;
  const linked =
    source.url && /^https?:\/\//i.test(source.url) ? `<a href="${escapeHtml(source.url)}">${title}</a>` : title;
  const by = source.reporters.length ? `, by ${field(joinNames(source.reporters))}` : "";
  const date = source.date ? ` (${escapeHtml(source.date)})` : "";
  return `${field(source.publisher)}, ${linked}${by}${date}`;
}

function sourceLineHtml(source: Source): string {
  return `<i>Source: ${sourceRef(source)}</i>`;
}

/**
 * One answer with its attribution: the words on their own line(s), then the speaker and role, the context, and the
 * source, each on its own line.
 */
export function answerHtml(answer: Answer, withSource = true): string {
  // The body may be long and span lines: it carries no tags so it can be cut anywhere.
  const lines = [escapeHtml(answerBody(answer).trim())];
  const who = speakerLine(answer);
  if (who) lines.push(`— <b>${field(who)}</b>`);
  const ctx = contextLine(answer);
  if (ctx) lines.push(`<i>${field(ctx)}</i>`);
  if (withSource) lines.push(sourceLineHtml(answer.source));
  return lines.join("\n");
}

/** Several answers: when they share one source it is named once, at the end; otherwise each names its own. */
function answersHtml(answers: readonly Answer[]): string {
  const one = answers.every((a) => a.source.id === answers[0]?.source.id);
  const blocks = answers.map((a) => answerHtml(a, !one));
  return one && answers[0] ? [...blocks, sourceLineHtml(answers[0].source)].join("\n\n") : blocks.join("\n\n");
}

/** A short plain-text label for an answer (button text, inline result title). */
export function answerLabel(answer: Answer, max = BUTTON_LABEL_MAX, withSpeaker = true): string {
  const body =
    withSpeaker && answer.kind === "quote" && answer.speaker ? `${answer.speaker.name}: “${answer.text}”` : answer.text;
  return clip(body, max);
}

function buttonsFor(items: { label: string; id: string }[]): TelegramButton[] {
  const out: TelegramButton[] = [];
  for (const { label, id } of items) {
    const data = answerButtonData(id);
    if (data && !out.some((b) => b.data === data)) out.push({ text: clip(label, BUTTON_LABEL_MAX) || "…", data });
  }
  return out;
}

function bullets(items: readonly string[]): string[] {
  return items.map((s) => `• ${field(s)}`);
}

function answerReply(reply: Extract<Reply, { type: "answer" }>): { html: string; buttons: TelegramButton[] } {
  const r = reply.result;
  const cut = cutNote(r);
  const notes = cut ? [`<i>(Note: ${escapeHtml(cut)}.)</i>`] : [];
  if (!r.answer) {
    const ids = r.suggestionIds;
    const withIds =
      ids && ids.length === r.suggestions.length ? r.suggestions.map((label, i) => ({ label, id: ids[i]! })) : [];
    const buttons = buttonsFor(withIds);
    const lines = [...notes, escapeHtml(DECLINE_TEXT)];
    if (buttons.length) lines.push("Did you mean…");
    else if (r.suggestions.length) lines.push("Did you mean…", ...bullets(r.suggestions));
    return { html: lines.join("\n"), buttons };
  }
  const low = confidenceNote(r.answer);
  const lines = [...notes, ...(low ? [`<i>${escapeHtml(low)}</i>`] : []), answerHtml(r.answer)];
  if (!low) return { html: lines.join("\n"), buttons: [] };
  const buttons = buttonsFor(r.alternatives.map((a) => ({ label: answerLabel(a), id: a.id })));
  if (buttons.length) lines.push("", "Did you mean…");
  return { html: lines.join("\n"), buttons };
}

function helpLines(reply: Extract<Reply, { type: "help" }>, options: TelegramRenderOptions): string[] {
  const me = options.botUsername ? `@${escapeHtml(options.botUsername)}` : "me";
  return [
    `I answer questions from ${reply.entries} quotes and facts, each with its source.`,
    "Ask in your own words, or use a command:",
    ...reply.commands.map(
      (c) =>
        `/${c.name}${c.option ? ` ${escapeHtml(c.option.required ? `<${c.option.name}>` : `[${c.option.name}]`)}` : ""} — ${field(c.description)}`,
    ),
    "",
    `In a group, start with /ask, mention ${me}, or reply to one of my messages.`,
    ...(options.botUsername
      ? [`In any chat, type <code>@${escapeHtml(options.botUsername)} question</code> to share an answer.`]
      : []),
    ...(reply.examples.length ? ["", "For example:", ...bullets(reply.examples)] : []),
  ];
}

/** The body of any reply as one HTML string and its buttons, before splitting. */
function renderBody(reply: Reply, options: TelegramRenderOptions): { html: string; buttons: TelegramButton[] } {
  switch (reply.type) {
    case "answer":
      return answerReply(reply);
    case "quotes": {
      if (reply.answers.length === 0) {
        const who = reply.suggestions.length ? ["People quoted:", ...bullets(reply.suggestions)] : [];
        return { html: [`No quotes by “${field(reply.query)}”.`, ...who].join("\n"), buttons: [] };
      }
      const head = reply.speaker
        ? [
            `<b>Quotes by ${field(reply.speaker.name)}</b>${reply.speaker.role ? `, ${field(reply.speaker.role)}` : ""}`,
            "",
          ]
        : [];
      return { html: [...head, answersHtml(reply.answers)].join("\n"), buttons: [] };
    }
    case "facts": {
      if (reply.answers.length === 0) {
        const topics = reply.suggestions.length ? ["Topics:", ...bullets(reply.suggestions)] : [];
        return { html: [`No facts on “${field(reply.query)}”.`, ...topics].join("\n"), buttons: [] };
      }
      const head = reply.topic ? [`<b>Facts on ${field(reply.topic)}</b>`, ""] : [];
      return { html: [...head, answersHtml(reply.answers)].join("\n"), buttons: [] };
    }
    case "sources": {
      if (reply.sources.length === 0) return { html: "No sources are loaded.", buttons: [] };
      const lines = reply.sources.map((s) => `• ${sourceRef(s.source)}: ${s.quotes} quotes, ${s.facts} facts`);
      return { html: ["<b>Sources</b>", ...lines].join("\n"), buttons: [] };
    }
    case "help":
      return { html: helpLines(reply, options).join("\n"), buttons: [] };
    case "prompt":
      return { html: escapeHtml(reply.text), buttons: [] };
  }
}

/** Room kept in each chunk for closing and reopening tags cut by a split. */
const TAG_RESERVE = 48;
const TAG = /<(\/?)([a-z]+)[^>]*>/gi;

/**
 * Splits rendered HTML into chunks under the limit, never inside a tag or an entity. A tag left open by a cut is
 * closed at the end of its chunk and reopened at the start of the next (links are not reopened: their text goes on
 * plain), so every chunk is well-formed on its own.
 */
export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const chunks = splitText(html, Math.max(1, limit - TAG_RESERVE), { protect: PROTECT });
  let carried: string[] = [];
  return chunks.map((chunk) => {
    const open = [...carried];
    const body = chunk.replace(TAG, (tag, slash: string, tagName: string) => {
      const name = tagName.toLowerCase();
      if (!slash) {
        open.push(name);
        return tag;
      }
      const at = open.lastIndexOf(name);
      if (at < 0) return ""; // its opening tag was in an earlier chunk and is not reopened
      open.splice(at, 1);
      return tag;
    });
    const reopen = carried.map((t) => `<${t}>`).join("");
    const close = [...open]
      .reverse()
      .map((t) => `</${t}>`)
      .join("");
    carried = open.filter((t) => t !== "a");
    return reopen + body + close;
  });
}

/** Renders any command reply as Telegram HTML chunks (each under 4,096 characters) and "Did you mean" buttons. */
export function renderTelegram(reply: Reply, options: TelegramRenderOptions = {}): TelegramMessage {
  const { html, buttons } = renderBody(reply, options);
  const chunks = splitHtml(html, options.limit);
  return { chunks: chunks.length ? chunks : ["…"], buttons };
}

/**
 * The /start greeting: what the bot knows (its sources) and how to ask, with example questions. Built from the
 * shared help reply so the command list is the same everywhere.
 */
export function renderWelcome(
  help: Extract<Reply, { type: "help" }>,
  sources: SourceSummary[],
  options: TelegramRenderOptions = {},
): TelegramMessage {
  const known = sources.map((s) => `• ${sourceRef(s.source)}`);
  const html = ["<b>Hello!</b> I answer questions about:", ...known, "", ...helpLines(help, options)].join("\n");
  return { chunks: splitHtml(html, options.limit), buttons: [] };
}

/** What {@link renderTelegramTurn} reads of a conversation turn (`ConversationReply`). */
export type TelegramTurn = Turn;

/**
 * Renders one turn of the conversation layer: the reply as {@link renderTelegram} does (small talk and "Did you mean
 * one of these?" are prompts: plain escaped text), with the turn's actions as inline buttons whose callback_data is
 * {@link encodeAction}'s (at most 64 bytes). "More from <speaker>" gets a row of its own, "Related" and "Source" share
 * one; a clarification's options come one per row, labelled with the answer they pick.
 */
export function renderTelegramTurn(turn: TelegramTurn, options: TelegramRenderOptions = {}): TelegramMessage {
  const base = renderTelegram(turn.reply, options);
  const seen = new Set(base.buttons.map((b) => b.data));
  const picks: TelegramButton[] = [];
  const more: TelegramButton[] = [];
  const follow: TelegramButton[] = [];
  const single = answersShown(turn.reply) === 1;
  for (const a of turn.actions) {
    const data = encodeAction(a);
    if (data === null || seen.has(data) || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT) continue;
    seen.add(data);
    if (a.action === "pick") {
      const alt = turn.alternatives.find((x) => x.id === a.entryId);
      picks.push({ text: alt ? answerLabel(alt) : "This one", data });
    } else if (!single) continue;
    else if (a.action === "more")
      more.push({ text: clip(`More from ${turn.speaker?.name ?? "them"}`, BUTTON_LABEL_MAX), data });
    else follow.push({ text: a.action === "related" ? "Related" : "Source", data });
  }
  const rows = [more, follow].filter((r) => r.length > 0);
  const out: TelegramMessage = { chunks: base.chunks, buttons: picks.concat(base.buttons) };
  if (rows.length) out.rows = rows;
  return out;
}
