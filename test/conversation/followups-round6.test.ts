import { describe, expect, it } from "vitest";
import { readFollowUp, fillPronouns, plainIdiom, withoutTrailer } from "../../src/conversation/followup.js";
import { nameAsked, titledName } from "../../src/conversation/conversation.js";
import { KnowledgeView } from "../../src/conversation/view.js";
import { createCore } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";
import { sharedCore } from "../support/runtime.js";
import { conversation } from "./helpers.js";

// Classes from the misses of eval/conversations-fresh.jsonl (group-chat style, written before the bot ran on it).
describe("round 6 follow-up classes", () => {
  it("a greeting then an opener ('hey quick q: …') is cut before the question", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "hey quick q: what did apple do");
    expect(r.mode).toBe("answer");
    expect(r.answer?.text).toMatch(/Apple/);
    expect(conv.stripOpener("hi so who banned telegram")).toBe("who banned telegram");
    expect(conv.stripOpener("hello, random question: who is ali?")).toBe("who is ali?");
    // Small talk alone stays small talk.
    expect(conv.handle("k2", "hey so").mode).toBe("chitchat");
  });

  it("'who reported this?' with nothing before is about the article (its byline); 'who said that?' still asks back", () => {
    const { conv } = conversation();
    conv.handle("k", "hi");
    const r = conv.handle("k", "who reported this");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("reporters-arouzi-de-luce");
    expect(conv.handle("k", "from where").mode).toBe("answer");
    const { conv: c2 } = conversation();
    expect(c2.handle("k", "who wrote it?").answer?.id).toBe("reporters-arouzi-de-luce");
    expect(c2.handle("k3", "who said that?").mode).toBe("declined");
  });

  it("'ones' stands for the last topic's noun: 'what happened after last year's ones?'", () => {
    expect(readFollowUp("what happened after last year's ones")).toEqual({
      kind: "pronoun",
      person: false,
      thing: true,
    });
    expect(fillPronouns("what happened after the ones last year", null, "protests")).toBe(
      "what happened after the protests last year",
    );
    // "which ones?" asks for the detail; "the other ones" is no topic noun.
    expect(readFollowUp("which ones?")?.kind).toBe("detail");
    expect(readFollowUp("what about the other ones")?.kind).not.toBe("pronoun");
    const { conv } = conversation();
    conv.handle("k", "does the regime like technology");
    conv.handle("k", "which protests");
    const r = conv.handle("k", "what happened after last year's ones");
    expect(r.answer?.text).toMatch(/Telegram/);
  });

  it("'what about the coffee shop guy?' swaps the person of the last question for someone described", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the make up artist say");
    conv.handle("k", "whats her name");
    const r = conv.handle("k", "what about the coffee shop guy");
    expect(r.mode).toBe("answer");
    expect(r.speaker?.id).toBe("ali");
  });

  it("'is <subject> <predicate>' ('isnt twitter blocked tho') is a question of its own, not a swap", () => {
    expect(readFollowUp("isnt twitter blocked tho")).toBeNull();
    expect(readFollowUp("is telegram legal")).toBeNull();
    expect(readFollowUp("is instagram?")).toEqual({ kind: "swap", topic: "instagram" });
    expect(readFollowUp("and is the network?")).toEqual({ kind: "swap", topic: "network" });
    const { conv } = conversation();
    conv.handle("k", "what do iran's leaders use twitter for");
    conv.handle("k", "which leaders");
    expect(conv.handle("k", "isnt twitter blocked tho").answer?.text).toMatch(/officially blocked/);
  });

  it("'was that a lot compared to other countries' asks for what the last answer holds", () => {
    expect(readFollowUp("was that a lot compared to other countries")?.kind).toBe("detail");
    expect(readFollowUp("was it big relative to other years")?.kind).toBe("detail");
    // "is that safe for privacy?" asks something new about it.
    expect(readFollowUp("is that safe for privacy")?.kind).toBe("pronoun");
    const { conv } = conversation();
    conv.handle("k", "did internet use grow in iran");
    expect(conv.handle("k", "was that a lot compared to other countries").answer?.text).toMatch(/fifth biggest/);
  });

  it("a yes/no line about 'it' without a question mark ('is it working') asks about the answer, not the bot", () => {
    const { conv } = conversation();
    conv.handle("k", "whats the national information network");
    const r = conv.handle("k", "is it working");
    expect(r.mode).toBe("answer");
    expect(r.answer?.text).toMatch(/under development/);
    // As a first line it is still about the bot.
    expect(conv.handle("k2", "is it working").mode).toBe("chitchat");
  });

  it("'what's the president's name?' declined as asked is who the president is; things and pronouns stay as typed", () => {
    const view = new KnowledgeView(sharedCore());
    expect(nameAsked("what's the president's name", view)).toBe("who is the president");
    expect(nameAsked("what is the name of the coffee shop guy", view)).toBe("who is the coffee shop guy");
    expect(nameAsked("whats zahra hatami instagram account name", view)).toBe(
      "whats zahra hatami instagram account name",
    );
    expect(nameAsked("what's his name", view)).toBe("what's his name");
    expect(nameAsked("what's the app's name", view)).toBe("what's the app's name");
    const { conv } = conversation();
    const r = conv.handle("k", "what's the president's name");
    expect(r.mode).toBe("answer");
    expect(r.speaker?.id).toBe("rouhani");
  });

  it("'those apps' are the ones the last answer names, with its qualifier ('the domestic apps')", () => {
    const { conv } = conversation();
    conv.handle("k", "what do human rights groups say");
    const r = conv.handle("k", "who makes those apps");
    expect(r.answer?.text).toMatch(/entrepreneurs/);
  });

  it("'like what apps?' gives an example naming something new, not a region's adjective ('Western')", () => {
    const { conv } = conversation();
    conv.handle("k", "what did apple do");
    const r = conv.handle("k", "like what apps");
    expect(r.answer?.id).not.toBe("apple-app-store");
    expect(r.answer?.id).not.toBe("homegrown-versions-western-apps");
    // "what apps?" after an answer that names them by a description is that answer.
    const { conv: c2 } = conversation();
    c2.handle("k", "what did human rights groups warn about");
    expect(c2.handle("k", "what apps").answer?.text).toMatch(/domestic apps/);
  });
});

describe("view.genderOf", () => {
  it("counts the narration, not the pronouns inside a person's own words", () => {
    const k: Knowledge = sharedCore().knowledge;
    const core = createCore({
      sources: k.sources,
      speakers: k.speakers,
      entries: k.entries.map((e) =>
        e.id === "hatami-instagram-business"
          ? Object.assign({}, e, { text: "He told me he would send his friends, and he did; I thank him." })
          : e.id === "hatami-prospective-customers"
            ? Object.assign({}, e, { text: `${e.text.replace(/\.$/, "")}, adding: "he is my best customer."` })
            : e,
      ),
    });
    expect(new KnowledgeView(core).genderOf("hatami")).toBe("f");
    expect(new KnowledgeView(core).genderOf("rouhani")).toBe("m");
  });
});

describe("negation kept", () => {
  it("'who doesn't agree with him?' is who disagrees; 'who doesn't use it?' is not answered with who does", () => {
    expect(readFollowUp("who doesn't agree with him")).toEqual({ kind: "disagree" });
    expect(readFollowUp("who doesnt agree with the minister")).toEqual({ kind: "disagree", name: "minister" });
    expect(fillPronouns("who doesn't use it", null, "twitter")).toBe("who does not use twitter");
    const { conv } = conversation();
    conv.handle("k", "does jahromi think twitter should be banned?");
    expect(conv.handle("k", "who doesn't agree with him").answer?.text).toMatch(/at odds|conservative/);
    const { conv: c2 } = conversation();
    c2.handle("k", "is twitter blocked");
    expect(c2.handle("k", "who doesn't use it").mode).toBe("declined");
  });
});

describe("round 6, second fresh batch", () => {
  it("'and the uber one?' swaps in the word before 'one'; 'the other one' stays", () => {
    expect(readFollowUp("and the uber one?")).toEqual({ kind: "swap", topic: "uber" });
    expect(readFollowUp("and the food delivery ones")).toEqual({ kind: "swap", topic: "food delivery" });
    expect(readFollowUp("what about the other one")).toEqual({ kind: "swap", topic: "other one" });
    const { conv } = conversation();
    conv.handle("k", "does iran have a food delivery app");
    expect(conv.handle("k", "and the uber one?").answer?.text).toMatch(/ride-hailing/);
  });

  it("'what's his first name' asks who he is", () => {
    expect(readFollowUp("wait what's his first name")).toEqual({ kind: "person" });
    expect(readFollowUp("her last name?")).toEqual({ kind: "person" });
  });

  it("'and from Rouhani?' after 'more from him' is more from the one named; a place is the last question's swap", () => {
    expect(readFollowUp("and from rouhani?")).toEqual({
      kind: "more-from-speaker",
      name: "rouhani",
      swap: "from rouhani",
    });
    const { conv } = conversation();
    conv.handle("k", "what did jahromi say about e-commerce");
    conv.handle("k", "more from him");
    const r = conv.handle("k", "and from rouhani?");
    expect(r.speaker?.id).toBe("rouhani");
    const { conv: c2 } = conversation();
    c2.handle("k", "who reported from washington");
    expect(c2.handle("k", "and from tehran?").answer?.text).toMatch(/Tehran/);
  });

  it("'what did the foreign minister say?' about someone only named after a title is declined; 'his name?' is them", () => {
    expect(
      titledName("Supreme Leader Ali Khamenei and Foreign Minister Mohammad Javad Zarif", ["foreign", "minister"]),
    ).toBe("Mohammad Javad Zarif");
    const { conv } = conversation();
    expect(conv.handle("k", "what did the foreign minister say").mode).toBe("declined");
    // The memory keeps the name as the knowledge writes it, never the message's words.
    expect(conv.memory.peek("k")?.name).toBe("Mohammad Javad Zarif");
    expect(conv.handle("k", "whats his name").answer?.text).toMatch(/Zarif/);
    // A title a speaker holds is still their words.
    expect(conversation().conv.handle("k", "what did the president say").speaker?.id).toBe("rouhani");
  });
});

describe("round 6, reasons and addressees", () => {
  it("'on what grounds?' may be answered by a reason shown earlier in the conversation", () => {
    const { conv } = conversation();
    conv.handle("k", "tell me about the telegram thing");
    conv.handle("k", "how many users did it have");
    conv.handle("k", "and who shut it down");
    expect(conv.handle("k", "on what grounds").answer?.text).toMatch(/national security/);
  });

  it("'who asked him?' after words whose context names no one is the speaker's words that were asked by someone", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the minister admit");
    const r = conv.handle("k", "who asked him");
    expect(r.answer?.context).toMatch(/Asked by/);
    // After words whose context says who asked, those words again.
    conv.handle("k", "who said 'yes we have lost it'");
    expect(conv.handle("k", "who asked him").answer?.id).toBe("jahromi-lost-propaganda-war");
  });
});

describe("'what is X?' answered only by an entry that says what X is", () => {
  it("declines an answer that merely mentions X; keeps a subject, an apposition, 'or X', 'called X'", () => {
    const { conv } = conversation();
    expect(conv.handle("a", "what is ap").mode).toBe("declined");
    expect(conv.handle("b", "whats e-payment").mode).toBe("declined");
    expect(conv.handle("c", "what is snappfood").answer?.text).toMatch(/food delivery/);
    expect(conv.handle("d", "what's a vpn").answer?.text).toMatch(/VPNs/);
    expect(conv.handle("e", "what is the national information network").answer?.text).toMatch(/domestic internet/);
    expect(conv.handle("f", "what is telegram").mode).toBe("answer");
    // Not a definition question: something of someone's, a purpose.
    expect(conv.handle("g", "What's Zahra Hatami's profession?").mode).toBe("answer");
    expect(conv.handle("h", "what's the domestic internet for?").mode).toBe("answer");
  });
});

describe("round 6, third fresh batch", () => {
  it("'how do those work' is about the last topic, not read as written", () => {
    const { conv } = conversation();
    conv.handle("k", "hey is facebook banned in iran?");
    conv.handle("k", "how do ppl use it then");
    expect(conv.handle("k", "how do those work").answer?.text).toMatch(/VPNs/);
  });

  it("chat filler at the end of a declined question is dropped: 'who is the president anyway'", () => {
    expect(withoutTrailer("who is the president anyway")).toBe("who is the president");
    expect(withoutTrailer("who is he")).toBe("who is he");
    const { conv } = conversation();
    expect(conv.handle("k", "who is the president anyway").speaker?.id).toBe("rouhani");
  });

  it("chat idioms: 'with whose money?' is who funds it, 'who's on the other side?' who disagrees", () => {
    expect(plainIdiom("with whose money")).toBe("who funds it");
    expect(plainIdiom("and who's on the other side")).toBe("who disagrees");
    expect(plainIdiom("whose idea was it")).toBe("whose idea was it");
    const { conv } = conversation();
    conv.handle("k", "is there a local amazon in iran");
    expect(conv.handle("k", "with whose money").answer?.text).toMatch(/funding from the government/);
    const { conv: c2 } = conversation();
    c2.handle("k", "what does jahromi think of restrictions");
    expect(c2.handle("k", "and who's on the other side").answer?.text).toMatch(/conservative/);
  });

  it("'since when?' after an answer that says when ('in recent years') is that answer, not an unsure other one", () => {
    const { conv } = conversation();
    conv.handle("k", "is iran's internet getting faster");
    expect(conv.handle("k", "since when").answer?.text).toMatch(/recent years/);
  });

  it("'what about the other one, pinterest' swaps in the name given", () => {
    expect(readFollowUp("what about the other one, pinterest")).toEqual({ kind: "swap", topic: "pinterest" });
  });

  it("after 'who interviewed the minister?', 'he' is the interviewer, not the minister the question named", () => {
    const { conv } = conversation();
    conv.handle("k", "who interviewed the minister");
    expect(conv.handle("k", "where was he").answer?.text).toMatch(/Holt/);
    expect(conv.handle("k", "who else did he talk to").answer?.text).toMatch(/Ali|Iranians/);
  });
});

describe("follow-ups after a declined first question", () => {
  it("a word the knowledge lacks beside a name it has: 'it' next is that name ('who is the CEO of Snappfood?')", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "who is the ceo of snappfood").mode).toBe("declined");
    expect(conv.handle("k", "what does it do").answer?.text).toMatch(/Snappfood/);
    // An unknown name asked about leaves nothing for "it".
    const { conv: c2 } = conversation();
    c2.handle("k", "is whatsapp banned in iran");
    expect(c2.handle("k", "who banned it").mode).toBe("declined");
  });

  it("'what did they do?' after a declined question about things is about those things, not people", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "when did trump impose the sanctions").mode).toBe("declined");
    expect(conv.handle("k", "what did they do").answer?.text).toMatch(/[Ss]anctions/);
  });
});

describe("view.isName", () => {
  it("is a word written capitalised inside a sentence, or a word of the knowledge English lacks", () => {
    const view = new KnowledgeView(sharedCore());
    expect(view.isName("telegram")).toBe(true);
    expect(view.isName("snappfood")).toBe(true);
    expect(view.isName("banned")).toBe(false);
    expect(view.mayBeName("whatsapp")).toBe(true);
    expect(view.mayBeName("ceo")).toBe(false);
  });
});

describe("view.nameIn", () => {
  it("skips the article's own subject, a people's adjective and titles, for any article", () => {
    const core = createCore({
      sources: [
        {
          id: "velmar",
          title: "Velmarians brace for fare rise as Marta Ilves speaks",
          publisher: "Test",
          reporters: [],
        },
      ],
      speakers: [],
      entries: [
        {
          kind: "fact",
          id: "council",
          text: "On Monday the Velmar City Council heard from Marta Ilves about the fares.",
          tags: ["fares"],
          questions: [],
          sourceId: "velmar",
        },
        {
          kind: "fact",
          id: "minister",
          text: "Later the Kaldrenian Transport Minister Oskar Brandt backed the plan.",
          tags: ["fares"],
          questions: [],
          sourceId: "velmar",
        },
      ],
    });
    const view = new KnowledgeView(core);
    expect(view.nameIn("council")).toBe("Marta Ilves");
    expect(view.nameIn("minister")).toBe("Oskar Brandt");
  });

  it("takes a given name ending like a people's adjective ('Brian', 'Sean') for a name, and 'Kaldrenian' when Kaldren is named for none", () => {
    const fact = (id: string, text: string) => ({
      kind: "fact" as const,
      id,
      text,
      tags: ["fares"],
      questions: [],
      sourceId: "velmar",
    });
    const core = createCore({
      sources: [{ id: "velmar", title: "Fares rise in Velmar", publisher: "Test", reporters: [] }],
      speakers: [],
      entries: [
        fact("reporter", "The rise was first reported by Brian Okafor of the city paper."),
        fact("union", "On Friday the Kaldrenian Rail Union met in Kaldren about the fares."),
        fact("danish", "Later the Danish Rail Board agreed."),
        fact("sean", "The plan was drawn up by Sean Varga for the council."),
      ],
    });
    const view = new KnowledgeView(core);
    expect(view.nameIn("reporter")).toBe("Brian Okafor");
    expect(view.nameIn("sean")).toBe("Sean Varga");
    expect(view.nameIn("union")).toBeNull();
    expect(view.nameIn("danish")).toBeNull();
  });
});

describe("round 6, fourth fresh batch", () => {
  it("'is that legal?' after the topic moved on (VPNs for blocked Facebook) does not fall back to the old topic", () => {
    const { conv } = conversation();
    conv.handle("k", "is snapchat blocked in iran");
    conv.handle("k", "ok what about facebook");
    conv.handle("k", "so how do people get on it");
    expect(conv.handle("k", "is that legal").answer?.text ?? "").not.toMatch(/officially blocked/);
  });

  it("'what's Zahra's last name?' is who Zahra is; someone named by one word has no last name to give", () => {
    const view = new KnowledgeView(sharedCore());
    expect(nameAsked("what's zahra's last name", view)).toBe("who is zahra");
    expect(nameAsked("What's Ali's last name?", view)).toBe("What's Ali's last name?");
    expect(nameAsked("What is Ali's family name?", view)).toBe("What is Ali's family name?");
    const { conv } = conversation();
    expect(conv.handle("k", "what's zahra's last name").speaker?.id).toBe("hatami");
    expect(conv.handle("k", "what does she do").answer?.text).toMatch(/make-up artist/);
    expect(conversation().conv.handle("k", "What's Ali's last name?").mode).toBe("declined");
  });

  it("laughter and a word or two that ask nothing ('lol figures') is small talk; with a topic or a question word it asks", () => {
    const { conv } = conversation();
    conv.handle("k", "who's jahromi again");
    expect(conv.handle("k", "lol figures").mode).toBe("chitchat");
    expect(conv.handle("k", "lol twitter").mode).toBe("answer");
    expect(conv.handle("k", "haha who said that").mode).toBe("answer");
  });
});

describe("round 6, fifth fresh batch", () => {
  it("'what's the make up artist's name' (no apostrophe) asks a name, not what a thing is", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "whats the make up artists name");
    expect(r.mode).toBe("answer");
    expect(r.speaker?.name).toBe("Zahra Hatami");
  });

  it("a purpose asked ('what's it meant to do?') takes a confident aim over a definition and over the reason shown", () => {
    const { conv } = conversation();
    conv.handle("k", "is the national internet done yet");
    conv.handle("k", "when did they start building it");
    conv.handle("k", "why then");
    expect(conv.handle("k", "and what's it meant to do").answer?.text).toMatch(/aims to/);
  });
});
