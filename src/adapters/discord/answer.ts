import type { Runtime } from "../runtime.js";
import type { CommandDef, Completion } from "../../commands/types.js";
import { dispatch } from "../../commands/dispatch.js";
import { findCommand } from "../../commands/definitions.js";
import { ask } from "../../commands/ask.js";
import { fold } from "../../core/normalise.js";
import type { Answer } from "../../core/types.js";
import { renderAnswers, renderDiscord, type DiscordMessage } from "../../render/discord.js";
import { LIMITS, clip } from "../../render/discord-text.js";
import { parseButtonId } from "../../render/discord-buttons.js";

/** Runs a shared command through dispatch() (one log line, telemetry) and renders the reply for Discord. */
export function runCommand(runtime: Runtime, def: CommandDef, arg: string): DiscordMessage[] {
  return renderDiscord(dispatch(runtime, "discord", def, arg));
}

/**
 * What a typed message asks for: `/quote rouhani` (a known command, slash first) runs that command; anything else
 * is a question for /ask.
 */
export function commandFromText(text: string): { def: CommandDef; arg: string } {
  const m = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  const def = m ? findCommand(m[1]!) : undefined;
  return def ? { def, arg: m?.[2]?.trim() ?? "" } : { def: ask, arg: text };
}

/**
 * The answers behind a button's custom_id (see render/discord.ts): "Other answers" lists the ids it carries, "Did
 * you mean…" the one. Resolved by id on the knowledge served now, so a press works after a restart. Logs one line and
 * tells telemetry, like dispatch() does for commands. An unknown custom_id gives null.
 */
export function answerButton(runtime: Runtime, customId: string): DiscordMessage[] | null {
  const action = parseButtonId(customId);
  if (!action) return null;
  const started = performance.now();
  const core = runtime.core();
  const ids = action.kind === "alt" ? action.ids : [action.id];
  const answers = ids.map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
  const event = {
    platform: "discord" as const,
    command: action.kind === "alt" ? "button:other-answers" : "button:did-you-mean",
    id: answers[0]?.id ?? null,
    score: answers[0]?.confidence ?? 0,
    answered: answers.length > 0,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
  };
  runtime.log.info(event, "answer");
  try {
    runtime.telemetry.answer(event, null);
  } catch (err) {
    runtime.log.warn({ err }, "telemetry failed");
  }
  return renderAnswers(answers, action.kind === "alt" ? "Other answers" : "Did you mean…");
}

export interface Choice {
  name: string;
  value: string;
}

const choice = (name: string, value: string = name): Choice => ({ name: clip(name, LIMITS.choiceName), value: clip(value, LIMITS.choiceValue) });

/**
 * Autocomplete choices for an option: questions the knowledge answers (core.suggest), speakers, or topics, matching
 * what was typed so far. At most 25, names and values at most 100 characters, none empty; cheap enough for every
 * keystroke, well inside Discord's 3-second window.
 */
export function completeOption(runtime: Runtime, complete: Completion, typed: string): Choice[] {
  const core = runtime.core();
  const q = fold(String(typed ?? "")).slice(0, 100);
  let out: Choice[];
  if (complete === "question") out = core.suggest(typed, LIMITS.choices).map((s) => choice(s));
  else if (complete === "speaker") {
    let speakers = core.speakers().filter((s) => fold([s.name, s.role, ...s.aliases].join(" ")).includes(q));
    if (speakers.length === 0 && q !== "") speakers = [core.quotesBySpeaker(typed)?.speaker].filter((s) => s !== undefined);
    out = speakers.map((s) => choice(s.role ? `${s.name}, ${s.role}` : s.name, s.name));
  } else {
    let topics = core.topics().filter((t) => fold(t).includes(q));
    if (topics.length === 0 && q !== "") topics = [core.factsByTopic(typed).topic].filter((t) => t !== null);
    out = topics.map((t) => choice(t));
  }
  return out.filter((c) => c.name.trim() !== "" && c.value.trim() !== "").slice(0, LIMITS.choices);
}
