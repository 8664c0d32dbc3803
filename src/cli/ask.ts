import { createInterface } from "node:readline";
import type { Core, AskResult } from "../core/index.js";
import { Conversation, type ConversationReply } from "../conversation/conversation.js";
import { answerText, renderText } from "../render/text.js";

/**
 * The JSON form of one answer, as `briefbot ask --json` prints it. With the turn's `reply` it also gives `mode`
 * ("answer", "chitchat", "clarify", "declined", "help") and `speaker` ({id, name, role} or null); `text` is the
 * answer with its attribution, the small-talk reply, or null when declined.
 */
export function askJson(result: AskResult | null, reply?: ConversationReply) {
  const a = reply ? reply.answer : (result?.answer ?? null);
  const alternatives = reply ? reply.alternatives : (result?.alternatives ?? []);
  const question = result?.question ?? "";
  const text = a ? answerText(a) : reply && reply.mode !== "declined" ? renderText(reply.reply) : null;
  return {
    question,
    answered: reply ? reply.mode === "answer" : Boolean(result?.answered),
    mode: reply ? reply.mode : a ? "answer" : "declined",
    text,
    id: a?.id ?? null,
    kind: a?.kind ?? null,
    score: reply ? reply.score : (a?.confidence ?? 0),
    speaker: reply ? reply.speaker : null,
    source: a
      ? { id: a.source.id, title: a.source.title, publisher: a.source.publisher, reporters: a.source.reporters }
      : null,
    alternatives: alternatives.map((x) => ({ id: x.id, kind: x.kind, score: x.confidence, text: answerText(x) })),
    ...(result?.suggestions.length && { suggestions: result.suggestions }),
    ...(result?.notes.length && { notes: result.notes }),
  };
}

/** One stateless turn: the line as its own conversation (small talk and the guide included, no memory kept). */
function turn(conversation: Conversation, line: string) {
  const reply = conversation.handle("ask", line);
  conversation.forget("ask");
  const result = reply.reply.type === "answer" ? reply.reply.result : null;
  return askJson(
    result
      ? result
      : { question: line.trim(), answered: false, answer: null, alternatives: [], suggestions: [], notes: [] },
    reply,
  );
}

/**
 * `briefbot ask`: one question from the arguments (text, or JSON with --json), or, with none, one question per line of
 * stdin answered as one JSON line each, in order; blank lines are skipped. Stateless: each line is its own conversation.
 */
export async function runAsk(core: Core, question: string | null, json: boolean, out = process.stdout): Promise<void> {
  const conversation = new Conversation({ core: () => core });
  if (question !== null) {
    if (json) out.write(`${JSON.stringify(turn(conversation, question))}\n`);
    else out.write(`${renderText(conversation.handle("ask", question).reply)}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    if (!out.write(`${JSON.stringify(turn(conversation, line))}\n`)) await new Promise((r) => out.once("drain", r));
  }
}
