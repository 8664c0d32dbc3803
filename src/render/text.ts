import type { Answer } from "../core/index.js";
import type { Reply } from "../commands/types.js";
import {
  DECLINE_TEXT,
  answerBody,
  confidenceNote,
  contextLine,
  cutNote,
  nameAndRole,
  sourceLine,
  speakerLine,
} from "./attribution.js";

/** One answer with its attribution, for a terminal or any plain-text target. */
export function answerText(answer: Answer): string {
  const lines = [answerBody(answer)];
  const who = speakerLine(answer);
  if (who) lines.push(`— ${who}`);
  const ctx = contextLine(answer);
  if (ctx) lines.push(`  (${ctx})`);
  lines.push(`Source: ${sourceLine(answer.source)}`);
  return lines.join("\n");
}

function list(items: readonly string[]): string {
  return items.map((s) => `  • ${s}`).join("\n");
}

/** Renders any command reply as plain text. */
export function renderText(reply: Reply): string {
  switch (reply.type) {
    case "answer": {
      const r = reply.result;
      const cut = cutNote(r);
      const notes = cut ? [`(Note: ${cut}.)`] : [];
      if (!r.answer) {
        const more = r.suggestions.length ? `\nDid you mean:\n${list(r.suggestions)}` : "";
        return [...notes, `${DECLINE_TEXT}${more}`].join("\n");
      }
      const low = confidenceNote(r.answer);
      return [...notes, ...(low ? [low] : []), answerText(r.answer)].join("\n");
    }
    case "quotes": {
      if (reply.answers.length === 0) {
        const who = reply.suggestions.length ? `\nPeople quoted:\n${list(reply.suggestions)}` : "";
        return `No quotes by “${reply.query}”.${who}`;
      }
      const head = reply.speaker ? `Quotes by ${nameAndRole(reply.speaker)}:\n\n` : "";
      return head + reply.answers.map(answerText).join("\n\n");
    }
    case "facts": {
      if (reply.answers.length === 0) {
        const topics = reply.suggestions.length ? `\nTopics:\n${list(reply.suggestions)}` : "";
        return `No facts on “${reply.query}”.${topics}`;
      }
      const head = reply.topic ? `Facts on ${reply.topic}:\n\n` : "";
      return head + reply.answers.map(answerText).join("\n\n");
    }
    case "sources":
      return reply.sources.length
        ? `Sources:\n${list(reply.sources.map((s) => `${sourceLine(s.source)}: ${s.quotes} quotes, ${s.facts} facts`))}`
        : "No sources are loaded.";
    case "help":
      return [
        `I answer questions from ${reply.entries} quotes and facts, each with its source.`,
        "Ask a question in your own words, or use a command:",
        list(reply.commands.map((c) => `/${c.name}${c.option ? ` [${c.option.name}]` : ""} — ${c.description}`)),
        ...(reply.examples.length ? ["For example:", list(reply.examples)] : []),
      ].join("\n");
    case "prompt":
      return reply.text;
  }
}
