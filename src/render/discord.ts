/**
 * Renders command replies for Discord as messages: the answer embeds with their buttons, packed into as few messages
 * as Discord's limits allow (6,000 characters and 10 embeds per message, content under 2,000), the rest following.
 * Escaping and limits live in `discord-text.ts`, button ids in `discord-buttons.ts`, embeds in `discord-embed.ts`.
 */
import { ButtonStyle } from "discord.js";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";
import type { Answer } from "../core/index.js";
import type { Reply } from "../commands/types.js";
import { DECLINE_TEXT, LOW_CONFIDENCE, cutNote, joinNames } from "./attribution.js";
import { splitText } from "./split.js";
import { LIMITS, clip, escapeDiscord, safe } from "./discord-text.js";
import { button, didYouMeanId, otherAnswersId, rows } from "./discord-buttons.js";
import {
  COLOR_DECLINE,
  COLOR_INFO,
  answerEmbed,
  bullets,
  embedLength,
  field,
  fitEmbed,
  infoEmbed,
} from "./discord-embed.js";

/** One message to send: the first answers the event, the others follow it. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Only the asker should see it (interactions only; a message reply cannot be ephemeral). */
  ephemeral: boolean;
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
  const cut = cutNote(r);
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
  if (cut)
    embed.footer = { text: clip([`Note: ${cut}.`, embed.footer?.text].filter(Boolean).join(" "), LIMITS.footer) };
  const buttons: APIButtonComponent[] = [];
  const first = r.alternatives[0];
  if (first && r.answer.confidence < LOW_CONFIDENCE)
    buttons.push(...button("Did you mean…", didYouMeanId(first.id), ButtonStyle.Primary));
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
      return pack(
        reply.answers.map((a, i) => answerEmbed(a, i === 0 ? head : undefined)),
        [],
        false,
      );
    }
    case "facts": {
      if (reply.answers.length === 0) {
        const topics = reply.suggestions.length ? `Topics:\n${bullets(reply.suggestions)}` : "";
        return pack([infoEmbed(`No facts on “${safe(reply.query, 200)}”`, topics, COLOR_DECLINE)], [], true);
      }
      const head = reply.topic
        ? `Facts on ${escapeDiscord(reply.topic)}`
        : reply.query
          ? `Facts on “${safe(reply.query, 200)}”`
          : "A fact from the knowledge base";
      return pack(
        reply.answers.map((a, i) => answerEmbed(a, i === 0 ? head : undefined)),
        [],
        false,
      );
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
        field(
          `/${c.name}${c.option ? ` ${c.option.required ? c.option.name : `[${c.option.name}]`}` : ""}`,
          escapeDiscord(c.description),
        ),
      );
      if (reply.examples.length) fields.push(field("For example", bullets(reply.examples)));
      return pack([infoEmbed("briefbot", usage, COLOR_INFO, fields)], [], true);
    }
    case "prompt":
      return textMessages(escapeDiscord(reply.text), true);
  }
}
