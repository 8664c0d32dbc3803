import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import type { Entry, Knowledge } from "../../src/core/types.js";
import type { ConversationReply } from "../../src/conversation/conversation.js";
import { fillPronouns, plainIdiom, readFollowUp } from "../../src/conversation/followup.js";
import { answerText, renderText } from "../../src/render/text.js";
import { conversation } from "./helpers.js";

const text = (r: ConversationReply) => (r.answer ? answerText(r.answer) : renderText(r.reply));

// Two made-up articles in one knowledge base, each with its own minister.
const source = (id: string, title: string) => ({ id, title, publisher: "Test Wire", reporters: [] });
const fact = (id: string, sourceId: string, text: string, tags: string[]): Entry => ({
  id,
  kind: "fact",
  text,
  tags,
  questions: [],
  sourceId,
});
const quote = (
  id: string,
  sourceId: string,
  speakerId: string,
  text: string,
  tags: string[],
  context?: string,
): Entry => ({
  id,
  kind: "quote",
  speakerId,
  text,
  tags,
  questions: [],
  sourceId,
  ...(context ? { context } : {}),
});
const knowledge: Knowledge = {
  sources: [source("harbour", "Harbour dues rise in Brennick"), source("orchard", "Orchard grants cut in Tollan")],
  speakers: [
    { id: "vell", name: "Nora Vell", role: "harbour minister", aliases: ["Vell", "Nora"] },
    { id: "dunn", name: "Piet Dunn", role: "farming minister", aliases: ["Dunn", "Piet"] },
    { id: "okoro", name: "Sami Okoro", role: "ferry captain", aliases: ["Okoro", "Sami"] },
    { id: "lind", name: "Edda Lind", role: "fruit grower", aliases: ["Lind", "Edda"] },
  ],
  entries: [
    fact("who-vell", "harbour", "Nora Vell is the harbour minister of Brennick.", ["vell", "minister"]),
    fact("dues-rise", "harbour", "Harbour dues in Brennick will rise by a third in spring.", ["harbour", "dues"]),
    quote("vell-dues", "harbour", "vell", "The dues have not changed in twenty years.", ["vell", "dues"], "she said"),
    quote("okoro-dues", "harbour", "okoro", "Every crossing will cost more now.", ["okoro", "dues", "crossing"]),
    fact("who-okoro", "harbour", "Sami Okoro is a ferry captain who has sailed from Brennick for ten years.", [
      "okoro",
      "ferry",
    ]),
    fact(
      "crossings-cancelled",
      "harbour",
      "Forty ferry crossings were cancelled in the storm, and it took the port three weeks to restore them.",
      ["crossings", "storm"],
    ),
    // "long" as a tag (as an import writes one): "how long…" then names a word of the knowledge.
    fact("queues", "harbour", "Long queues formed at the ticket office on the first morning.", ["long", "queues"]),
    // Tagged with the minister it mentions, said by the grower it opens with.
    fact("lind-said-fences", "orchard", "Lind said the grants from Dunn paid for new fences.", ["dunn", "fences"]),
    fact("pier-shut", "harbour", "The north pier stayed shut for a month.", ["pier", "harbour", "closure"]),
    fact("wall-damage", "harbour", "Storm damage to the harbour wall forced the port to close the pier.", [
      "storm",
      "harbour",
      "closure",
    ]),
    fact("who-dunn", "orchard", "Piet Dunn is the farming minister of Tollan.", ["dunn", "minister"]),
    fact("grants-cut", "orchard", "Tollan cut its orchard grants by half this year.", ["orchard", "grants"]),
    fact("dunn-said-grants", "orchard", "Dunn said the orchard grants had grown too costly for the budget.", [
      "dunn",
      "grants",
      "budget",
    ]),
    quote("dunn-trees", "orchard", "dunn", "Old trees will be replanted with public money next year.", [
      "dunn",
      "trees",
    ]),
    fact(
      "who-lind",
      "orchard",
      "Edda Lind is a fruit grower near Tollan whose family has kept apple trees for a century.",
      ["lind", "apples"],
    ),
    quote(
      "lind-grants",
      "orchard",
      "lind",
      "Without the grants we will sell the land.",
      ["lind", "grants"],
      "she said",
    ),
  ],
};

describe("follow-ups: round 7 (several articles, the other person)", () => {
  const core = createCore(knowledge);

  it("'who's the minister?' while talking about one article: that article's minister, where the core ties", () => {
    const a = conversation({ core: () => core }).conv;
    a.handle("k", "why were the orchard grants cut?");
    expect(text(a.handle("k", "who's the minister?"))).toContain("Piet Dunn");
    const b = conversation({ core: () => core }).conv;
    b.handle("k", "how much will the harbour dues rise?");
    expect(text(b.handle("k", "who's the minister?"))).toContain("Nora Vell");
  });

  it("'and him?' after an answer about a woman is the other person shown, not her", () => {
    const { conv } = conversation({ core: () => core });
    conv.handle("k", "what did okoro say about the dues?");
    conv.handle("k", "and vell?");
    expect(text(conv.handle("k", "who is she?"))).toContain("Nora Vell");
    const him = conv.handle("k", "and him?");
    expect(text(him)).toContain("Okoro");
  });

  it("'and <person>?' after a question that cannot be asked of them: who they are", () => {
    const { conv } = conversation({ core: () => core });
    conv.handle("k", "how long has okoro sailed from brennick?");
    const r = conv.handle("k", "and edda lind?");
    expect(r.mode).toBe("answer");
    expect(text(r)).toContain("fruit grower");
    // "she" is now the person swapped to.
    expect(text(conv.handle("k", "what did she say?"))).toContain("sell the land");
  });

  it("'what else?' after what someone said, reported as a fact: more of their words", () => {
    const { conv } = conversation({ core: () => core });
    const first = conv.handle("k", "what did dunn say about the grants?");
    expect(first.answer?.id).toBe("dunn-said-grants");
    const r = conv.handle("k", "what else");
    expect(r.speaker?.id).toBe("dunn");
    expect(r.answer?.id).toBe("dunn-trees");
  });

  it("'and the other one?' after asking of one of two people an answer names: the other", () => {
    const { conv } = conversation();
    conv.handle("k", "who are the reporters on this");
    expect(text(conv.handle("k", "where was de luce"))).toContain("Washington");
    const r = conv.handle("k", "and the other one?");
    expect(r.mode).toBe("answer");
    expect(text(r)).toContain("Arouzi");
  });

  it("'how long did it take?' is the duration the last answer tells; with nothing before it is not answered", () => {
    const { conv } = conversation({ core: () => core });
    conv.handle("k", "how many ferry crossings were cancelled in the storm?");
    const r = conv.handle("k", "how long did it take?");
    expect(r.mode).toBe("answer");
    expect(text(r)).toContain("three weeks");
    expect(conversation({ core: () => core }).conv.handle("new", "how long did it take?").mode).not.toBe("answer");
  });

  it("a fact opening with someone as the subject of 'said' is theirs, whoever else it is tagged with", () => {
    const { conv } = conversation({ core: () => core });
    const r = conv.handle("k", "what paid for the new fences?");
    expect(r.answer?.id).toBe("lind-said-fences");
    expect(r.speaker?.id).toBe("lind");
    expect(text(conv.handle("k", "who is she?"))).toContain("fruit grower");
  });

  it("'who put the sanctions on?' is who imposed them", () => {
    expect(plainIdiom("who put the sanctions on")).toBe("who imposed the sanctions");
    expect(plainIdiom("who slapped new curbs on them?")).toBe("who imposed new curbs on them?");
    const { conv } = conversation();
    conv.handle("k", "what happened to apple in iran");
    expect(text(conv.handle("k", "who put the sanctions on"))).toContain("Trump");
  });

  it("'who made them?' ties broken towards what the last answer is about, not an entry sharing nothing with it", () => {
    const { conv } = conversation();
    conv.handle("k", "are there iranian versions of western apps");
    const r = conv.handle("k", "who made them");
    expect(r.followUp).toBe("pronoun");
    expect(text(r)).toContain("entrepreneurs");
  });

  it("'why?' where nothing says 'because': a fact close to the last answer that tells what forced or prompted it", () => {
    const { conv } = conversation({ core: () => core });
    expect(conv.handle("k", "what happened to the north pier?").answer?.id).toBe("pier-shut");
    expect(conv.handle("k", "why?").answer?.id).toBe("wall-damage");
  });

  it("'those apps' after 'officials … promote domestic apps' are the domestic apps (the word before the noun)", () => {
    const { conv } = conversation();
    conv.handle("k", "why do officials promote apps of their own?");
    expect(conv.handle("k", "who makes those apps").answer?.id).toBe("homegrown-versions-western-apps");
  });

  it("'that one' stands for the last topic like 'it'", () => {
    expect(readFollowUp("is that one blocked")).toEqual({ kind: "pronoun", person: false, thing: true });
    expect(fillPronouns("is that one blocked", null, "instagram")).toBe("is instagram blocked");
    const { conv } = conversation();
    conv.handle("k", "what app does the make up artist use");
    expect(text(conv.handle("k", "is that one blocked"))).toContain("allow");
  });

  it("'what happened after the 2009 protests?' is what came in their wake, not what feared them", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "what happened after the 2009 protests").answer?.id).toBe("national-information-network");
  });
});
