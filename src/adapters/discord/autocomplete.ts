import type { Runtime } from "../../runtime.js";
import type { Completion } from "../../commands/types.js";
import { fold } from "../../core/index.js";
import { LIMITS, clip } from "../../render/discord-text.js";

export interface Choice {
  name: string;
  value: string;
}

const choice = (name: string, value: string = name): Choice => ({
  name: clip(name, LIMITS.choiceName),
  value: clip(value, LIMITS.choiceValue),
});

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
    if (speakers.length === 0 && q !== "")
      speakers = [core.quotesBySpeaker(typed)?.speaker].filter((s) => s !== undefined);
    out = speakers.map((s) => choice(s.role ? `${s.name}, ${s.role}` : s.name, s.name));
  } else {
    let topics = core.topics().filter((t) => fold(t).includes(q));
    if (topics.length === 0 && q !== "") topics = [core.factsByTopic(typed).topic].filter((t) => t !== null);
    out = topics.map((t) => choice(t));
  }
  return out.filter((c) => c.name.trim() !== "" && c.value.trim() !== "").slice(0, LIMITS.choices);
}
