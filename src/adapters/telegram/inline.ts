import type { Context } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { ask } from "../../commands/ask.js";
import { dispatch } from "../../commands/dispatch.js";
import { quote } from "../../commands/quote.js";
import type { CommandDef } from "../../commands/types.js";
import type { Answer } from "../../core/index.js";
import { answerHtml, answerLabel, splitHtml } from "../../render/telegram-html.js";
import type { Runtime } from "../../runtime.js";

/** How many articles an inline query offers. */
export const INLINE_RESULTS = 5;
/** Answers only change when the knowledge does: let Telegram cache them for five minutes, featured quotes one. */
export const INLINE_CACHE_SECONDS = 300;
export const FEATURED_CACHE_SECONDS = 60;
const DESCRIPTION_MAX = 120;

/** The empty inline query features quotes: run as a `quote` so logs and metrics count it like one. */
const featured: CommandDef = {
  name: quote.name,
  description: quote.description,
  run: (core) => ({
    type: "quotes",
    query: "",
    speaker: null,
    answers: core.featuredQuotes(INLINE_RESULTS),
    suggestions: [],
  }),
};

/** One answer as an inline article: a short title and description, the full sourced answer as the message. */
export function articleFor(answer: Answer, titlePrefix = ""): InlineQueryResultArticle {
  const where = answer.speaker?.role ? `${answer.speaker.role} · ${answer.source.publisher}` : answer.source.publisher;
  return {
    type: "article",
    id: answer.id, // entry ids are at most 63 characters: within the 64-byte limit
    title: titlePrefix + answerLabel(answer, 80),
    description: `${answerLabel(answer, DESCRIPTION_MAX, false)}\n${where}`.slice(0, 250),
    input_message_content: {
      // A single message: an answer is at most 3,000 characters of text, so this is its whole text in practice.
      message_text: splitHtml(answerHtml(answer))[0] ?? "…",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

/**
 * Answers an inline query with articles: the answer and its alternatives, or, when the core declines, its
 * suggestions marked "Did you mean"; featured quotes for an empty query. Runs in well under a millisecond of core
 * time, far inside Telegram's time limit for inline answers.
 */
export async function answerInline(
  ctx: Context & { inlineQuery: NonNullable<Context["inlineQuery"]> },
  runtime: Runtime,
): Promise<void> {
  const query = ctx.inlineQuery.query.trim();
  let results: InlineQueryResultArticle[];
  if (query === "") {
    const reply = dispatch(runtime, "telegram", featured, "");
    results = reply.type === "quotes" ? reply.answers.map((a) => articleFor(a)) : [];
  } else {
    const reply = dispatch(runtime, "telegram", ask, query);
    const r = reply.type === "answer" ? reply.result : null;
    if (r?.answer) results = [r.answer, ...r.alternatives].map((a) => articleFor(a));
    else {
      const core = runtime.core();
      const near = (r?.suggestionIds ?? []).map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
      results = near.map((a) => articleFor(a, "Did you mean: "));
    }
  }
  const unique = results.filter((a, i) => results.findIndex((b) => b.id === a.id) === i).slice(0, INLINE_RESULTS);
  await ctx.answerInlineQuery(unique, {
    cache_time: query === "" ? FEATURED_CACHE_SECONDS : INLINE_CACHE_SECONDS,
    is_personal: false,
  });
}
