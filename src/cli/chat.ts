import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Core } from "../core/index.js";
import { Conversation, type ConversationReply } from "../conversation/conversation.js";
import { answerText, renderText } from "../render/text.js";

/** The text a person sees for a turn: the answer with its attribution, or the rendered reply (small talk, decline…). */
export function turnText(r: ConversationReply): string {
  return r.answer ? answerText(r.answer) : renderText(r.reply);
}

/**
 * The JSON form of one turn, as `briefbot chat --json` prints it: `{question, answered, mode, text, id, kind, score,
 * speaker, source, alternatives}`. `answered` is true only for an answer from the knowledge (mode "answer");
 * `speaker` is `{id, name, role}` or null; `alternatives` are the core's next-best answers, or the two options of a
 * "Did you mean …?" (mode "clarify").
 */
export function chatJson(question: string, r: ConversationReply) {
  const a = r.answer;
  return {
    question,
    answered: r.mode === "answer",
    mode: r.mode,
    text: turnText(r),
    id: a?.id ?? null,
    kind: a?.kind ?? null,
    score: r.score,
    speaker: r.speaker,
    source: a
      ? { id: a.source.id, title: a.source.title, publisher: a.source.publisher, reporters: a.source.reporters }
      : null,
    alternatives: r.alternatives.map((x) => ({ id: x.id, kind: x.kind, score: x.confidence, text: answerText(x) })),
  };
}

/**
 * `briefbot chat [--json]`: stdin is the turns of one conversation, one line each; an empty line ends that conversation
 * (its memory is forgotten) and the next line starts a new one. Prints each reply as text, or one JSON line per turn.
 */
export async function runChat(
  core: Core,
  json: boolean,
  input: Readable = process.stdin,
  out: Writable = process.stdout,
  conversation: Conversation = new Conversation({ core: () => core }),
): Promise<void> {
  const key = "cli";
  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) {
    if (line.trim() === "") {
      conversation.forget(key);
      if (!json) out.write("--\n");
      continue;
    }
    const r = conversation.handle(key, line);
    const text = json ? JSON.stringify(chatJson(line, r)) : `${turnText(r)}\n`;
    if (!out.write(`${text}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  }
}
