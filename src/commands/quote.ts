import type { CommandDef } from "./types.js";

export const quote: CommandDef = {
  name: "quote",
  description: "Quotes by a speaker, or a random quote",
  option: { name: "speaker", description: "Who said it (a name or role)", required: false, complete: "speaker" },
  run(core, arg) {
    const query = arg.trim();
    if (query === "") {
      const one = core.randomQuote();
      return { type: "quotes", query, speaker: null, answers: one ? [one] : [], suggestions: [] };
    }
    const found = core.quotesBySpeaker(query);
    return {
      type: "quotes",
      query,
      speaker: found?.speaker ?? null,
      answers: found?.quotes ?? [],
      suggestions: found
        ? []
        : core
            .speakers()
            .map((s) => s.name)
            .slice(0, 5),
    };
  },
};
