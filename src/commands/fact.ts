import type { CommandDef } from "./types.js";

export const fact: CommandDef = {
  name: "fact",
  description: "Facts on a topic, or a random fact",
  option: { name: "topic", description: "A topic, e.g. telegram, sanctions, vpn", required: false, complete: "topic" },
  run(core, arg) {
    const query = arg.trim();
    if (query === "") {
      const one = core.randomFact();
      return { type: "facts", query, topic: null, answers: one ? [one] : [], suggestions: core.topics().slice(0, 8) };
    }
    const found = core.factsByTopic(query);
    return {
      type: "facts",
      query,
      topic: found.topic,
      answers: found.facts,
      suggestions: found.facts.length ? [] : core.topics().slice(0, 8),
    };
  },
};
