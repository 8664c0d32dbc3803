import { createInterface } from "node:readline";
import type { Core } from "../core/core.js";
import type { AskResult } from "../core/types.js";
import { answerText } from "../render/text.js";
import { renderText } from "../render/text.js";

/** The JSON form of one answer, as `briefbot ask --json` prints it. */
export function askJson(result: AskResult) {
  const a = result.answer;
  return {
    question: result.question,
    answered: result.answered,
    text: a ? answerText(a) : null,
    id: a?.id ?? null,
    kind: a?.kind ?? null,
    score: a?.confidence ?? 0,
    source: a ? { id: a.source.id, title: a.source.title, publisher: a.source.publisher, reporters: a.source.reporters } : null,
    alternatives: result.alternatives.map((x) => ({ id: x.id, kind: x.kind, score: x.confidence, text: answerText(x) })),
    ...(result.suggestions.length && { suggestions: result.suggestions }),
    ...(result.notes.length && { notes: result.notes }),
  };
}

/**
 * `briefbot ask`: one question from the arguments (text, or JSON with --json), or, with none, one question per line of
 * stdin answered as one JSON line each, in order; blank lines are skipped.
 */
export async function runAsk(core: Core, question: string | null, json: boolean, out = process.stdout): Promise<void> {
  if (question !== null) {
    const result = core.ask(question);
    out.write(json ? `${JSON.stringify(askJson(result))}\n` : `${renderText({ type: "answer", result })}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    if (!out.write(`${JSON.stringify(askJson(core.ask(line)))}\n`)) await new Promise((r) => out.once("drain", r));
  }
}
