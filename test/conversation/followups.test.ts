import { describe, expect, it } from "vitest";
import { readFollowUp } from "../../src/conversation/followup.js";
import type { ConversationReply } from "../../src/conversation/conversation.js";
import { answerText, renderText } from "../../src/render/text.js";
import type { AskResult } from "../../src/core/types.js";
import { sharedCore } from "../support/runtime.js";
import { conversation } from "./helpers.js";

const text = (r: ConversationReply) => (r.answer ? answerText(r.answer) : renderText(r.reply));

describe("follow-up questions", () => {
  it("who said that / who is he / what else did he say / more from him", () => {
    const { conv } = conversation();
    const first = conv.handle("k", "what did jahromi say about start-ups?");
    expect(first.mode).toBe("answer");
    expect(first.speaker?.id).toBe("jahromi");
    const who = conv.handle("k", "who said that?");
    expect(who.followUp).toBe("who-said");
    expect(text(who)).toContain("Jahromi");
    const he = conv.handle("k", "who is he?");
    expect(text(he)).toContain("communications minister");
    const seen = new Set([first.answer!.id, who.answer!.id, he.answer!.id]);
    const more = conv.handle("k", "what else did he say?");
    expect(more.speaker?.id).toBe("jahromi");
    expect(seen.has(more.answer!.id)).toBe(false);
    seen.add(more.answer!.id);
    const again = conv.handle("k", "more from him");
    expect(again.speaker?.id).toBe("jahromi");
    expect(seen.has(again.answer!.id)).toBe(false);
  });

  it("when was that / why / who banned it / how many used it", () => {
    const { conv } = conversation();
    expect(text(conv.handle("k", "who banned telegram?"))).toContain("judiciary");
    expect(text(conv.handle("k", "when was that?"))).toContain("April 2018");
    expect(text(conv.handle("k", "why?"))).toContain("national security");
    expect(text(conv.handle("k", "how many people used it?"))).toContain("40 million");
  });

  it("is it finished? (it = the last topic)", () => {
    const { conv } = conversation();
    conv.handle("k", "what's the national information network?");
    const r = conv.handle("k", "is it finished?");
    expect(r.mode).toBe("answer");
    expect(text(r)).toContain("still under development");
  });

  it("what about X / and X: the last question's frame with the new topic, still only answered from the knowledge", () => {
    const { conv } = conversation();
    expect(text(conv.handle("k", "is instagram allowed in iran?"))).toContain("Instagram");
    const pin = conv.handle("k", "what about pinterest?");
    expect(pin.followUp).toBe("swap");
    expect(text(pin)).toContain("Pinterest");
    // The rule: "when was Telegram banned?" then "and WhatsApp?" is declined, not answered about Telegram.
    conv.handle("t", "when was Telegram banned?");
    const wa = conv.handle("t", "and WhatsApp?");
    expect(wa.mode).toBe("declined");
    expect(wa.answer).toBeNull();
  });

  it("source? and where is that from? give the source of the last answer", () => {
    const { conv } = conversation();
    const a = conv.handle("k", "how fast did internet use grow in iran in 2018?");
    expect(a.mode).toBe("answer");
    for (const q of ["source?", "where is that from?", "says who?"]) {
      const r = conv.handle("k", q);
      expect(r.followUp, q).toBe("source");
      expect(r.answer?.id).toBe(a.answer!.id);
      expect(text(r)).toContain("Source: NBC News");
      expect(text(r)).toContain("Datareportal");
    }
  });

  it("tell me more / anything else: a related entry not shown yet, never a repeat", () => {
    const { conv } = conversation();
    const shown = new Set([conv.handle("k", "tell me about the telegram ban").answer!.id]);
    for (let i = 0; i < 4; i++) {
      const r = conv.handle("k", i % 2 ? "anything else?" : "tell me more");
      if (r.mode !== "answer") break;
      expect(shown.has(r.answer!.id)).toBe(false);
      shown.add(r.answer!.id);
    }
    expect(shown.size).toBeGreaterThan(2);
  });

  it("a first message with nothing to refer to asks what is meant; never a random entry", () => {
    for (const q of [
      "who said that?",
      "what did he say?",
      "how old is he?",
      "more from him",
      "tell me more",
      "source?",
      "is it finished?",
      "why?",
      "what's her name?",
    ]) {
      const { conv } = conversation();
      const r = conv.handle("new", q);
      expect(r.mode, q).toBe("declined");
      expect(r.answer, q).toBeNull();
      expect(text(r), q).toMatch(/what do you mean|who do you mean/i);
    }
  });

  it("a question of its own with a pronoun in it is read as it is", () => {
    const { conv } = conversation();
    const r = conv.handle("new", "Which tech giant cut Iranians off from its app store?");
    expect(text(r)).toContain("Apple");
  });

  it("reads the follow-up kinds from wording alone", () => {
    expect(readFollowUp("who said that?")?.kind).toBe("who-said");
    expect(readFollowUp("OK so who said that?")?.kind).toBe("who-said");
    expect(readFollowUp("what does she do?")?.kind).toBe("person");
    expect(readFollowUp("and Pinterest?")).toEqual({ kind: "swap", topic: "pinterest" });
    expect(readFollowUp("what about instagram")).toEqual({ kind: "swap", topic: "instagram" });
    expect(readFollowUp("and who banned it?")?.kind).toBe("pronoun");
    expect(readFollowUp("when was that?")).toEqual({ kind: "bare", ask: "when" });
    expect(readFollowUp("when was telegram banned?")).toBeNull();
    expect(readFollowUp("the second one", true)).toEqual({ kind: "pick", index: 1 });
    expect(readFollowUp("the second one", false)).toBeNull();
    expect(readFollowUp("tell me something interesting")?.kind).toBe("surprise");
  });
});

describe("follow-ups read more generally", () => {
  it("reads a follow-up with a word of chat at its end ('who is he anyway?')", () => {
    expect(readFollowUp("who is he anyway?")?.kind).toBe("person");
    expect(readFollowUp("tell me more pls")?.kind).toBe("related");
    // A phrasing that ends in such a word stays itself.
    expect(readFollowUp("what happened then")?.kind).toBe("related");
  });

  it("'what else did Jahromi say?' is more from the speaker named, after anything; a name that is no speaker is a question", () => {
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned?");
    const r = conv.handle("k", "what else did jahromi say?");
    expect(r.followUp).toBe("more-from-speaker");
    expect(r.speaker?.id).toBe("jahromi");
    expect(readFollowUp("what else did the judiciary say?")).toEqual({
      kind: "more-from-speaker",
      name: "the judiciary",
    });
    expect(conv.handle("k", "what else did the judiciary say?").followUp).not.toBe("more-from-speaker");
  });

  it("'which ones?' and 'is that a lot?' give the last answer again", () => {
    const { conv } = conversation();
    const first = conv.handle("k", "do iran's leaders use twitter?");
    const r = conv.handle("k", "which ones?");
    expect(r.followUp).toBe("detail");
    expect(r.answer!.id).toBe(first.answer!.id);
    expect(readFollowUp("is that a lot?")?.kind).toBe("detail");
    expect(readFollowUp("about what?")?.kind).toBe("detail");
    // "say that again" is confusion as a first line, the last answer again after one.
    expect(conv.handle("k", "say that again").answer!.id).toBe(first.answer!.id);
    expect(conversation().conv.handle("n", "say that again").smalltalk?.intent).toBe("confusion");
    expect(conversation().conv.handle("n", "which ones?").mode).toBe("declined");
  });

  it("'and X?' is answered only by an entry naming X: the swapped question's, or X beside the last topic or speaker", () => {
    const { conv } = conversation();
    conv.handle("k", "how did sanctions affect iran's oil?");
    const r = conv.handle("k", "what about investors?");
    expect(r.mode).toBe("answer");
    expect(r.answer!.text).toContain("investors");
    // Instagram is in the knowledge, but no entry says when it was banned or names it beside Telegram.
    conv.handle("t", "when was telegram banned?");
    expect(conv.handle("t", "and instagram?").mode).toBe("declined");
  });

  it("carries the last topic into a question that names none of its own ('who's behind the ban?')", () => {
    const { conv } = conversation();
    conv.handle("k", "how many people used telegram in iran?");
    const r = conv.handle("k", "who's behind the ban?");
    expect(r.mode).toBe("answer");
    expect(r.answer!.text).toContain("judiciary");
    // A question with words the knowledge does not know is not carried over.
    expect(conv.handle("k", "who won the world cup?").mode).toBe("declined");
  });

  it("a follow-up asking what an answer's purpose or status is gets the entry that says so, not the one shown", () => {
    const { conv } = conversation();
    conv.handle("k", "what is the national information network?");
    expect(conv.handle("k", "what is it for?").answer!.text).toMatch(/aims|diminish/);
    expect(conv.handle("k", "is it done yet?").answer!.text).toContain("still under development");
  });

  it("'are they legal?' after VPNs is not answered by an entry about something else, read as written", () => {
    const { conv } = conversation();
    conv.handle("k", "what are vpns used for in iran?");
    const r = conv.handle("k", "are they legal?");
    expect(r.answer?.text ?? "").not.toContain("Instagram");
    expect(readFollowUp("to whom?")?.kind).toBe("detail");
    expect(readFollowUp("got a source for that?")?.kind).toBe("source");
    // "by who?" asks who did it (after a quote: who said it, see followups-round5).
    expect(readFollowUp("by who?")?.kind).toBe("agent");
    expect(readFollowUp("who's that?")?.kind).toBe("person");
    // "give me an example" after an answer is about the answer, as a first line the guide.
    expect(conv.handle("k", "give me an example").followUp).toBe("detail");
    expect(conversation().conv.handle("n", "give me an example").mode).toBe("help");
  });

  it("'who founded it?' is declined when the only answer is the one shown and it names no one", () => {
    const { conv } = conversation();
    conv.handle("k", "tell me about snappfood");
    expect(conv.handle("k", "who founded it?").mode).toBe("declined");
    // The shown answer that names who did it still answers.
    conv.handle("s", "did the sanctions hurt iran's oil exports?");
    expect(conv.handle("s", "who put them in place?").answer?.text).toContain("Trump");
  });

  it("'what's the deal with X?' declined as asked is asked as X", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "what's the deal with telegram in iran?");
    expect(r.mode).toBe("answer");
    expect(r.answer!.text).toContain("Telegram");
  });
});

describe("Did you mean", () => {
  it("offers both answers when two different answers tie at low confidence, and a pick answers it", () => {
    // The core's ranking changes with the knowledge: a stub ask command returns a tie of two different entries.
    const core = sharedCore();
    const a = core.answerById("jahromi-sanctions-self-reliant", 0.62)!;
    const b = core.answerById("jahromi-e-commerce-resilience", 0.62)!;
    const tie: AskResult = { question: "q", answered: true, answer: a, alternatives: [b], suggestions: [], notes: [] };
    const { conv } = conversation({
      run: (def, arg) => (def.name === "ask" ? { type: "answer", result: tie } : def.run(core, arg)),
    });
    const r = conv.handle("k", "how did sanctions change iranians according to the minister");
    expect(r.mode).toBe("clarify");
    expect(r.alternatives.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(r.actions).toEqual([
      { action: "pick", entryId: a.id },
      { action: "pick", entryId: b.id },
    ]);
    expect(text(r)).toMatch(/^Did you mean/);
    const pick = conv.handle("k", "the second one");
    expect(pick.mode).toBe("answer");
    expect(pick.answer!.id).toBe(b.id);
    // The same tie at full confidence is answered: the core's ranking already told them apart.
    const sure: AskResult = {
      question: "q",
      answered: true,
      answer: core.answerById(a.id, 1)!,
      alternatives: [core.answerById(b.id, 1)!],
      suggestions: [],
      notes: [],
    };
    const { conv: conv2 } = conversation({ run: () => ({ type: "answer", result: sure }) });
    expect(conv2.handle("k", "how did sanctions change iranians").mode).toBe("answer");
  });

  it("answers a tie under a question that says more than two content words: the core's ranking told them apart", () => {
    const core = sharedCore();
    const a = core.answerById("jahromi-sanctions-self-reliant", 0.62)!;
    const b = core.answerById("jahromi-e-commerce-resilience", 0.62)!;
    const question = "how did sanctions change iranians according to the minister";
    const tie: AskResult = { question, answered: true, answer: a, alternatives: [b], suggestions: [], notes: [] };
    const { conv } = conversation({
      run: (def, arg) => (def.name === "ask" ? { type: "answer", result: tie } : def.run(core, arg)),
    });
    const r = conv.handle("k", question);
    expect(r.mode).toBe("answer");
    expect(r.answer!.id).toBe(a.id);
  });

  it("answers as usual when the runner-up says the same thing (a fact reporting the quote)", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "what did rohani say about the telegram ban").mode).toBe("answer");
  });
});

describe("bad input", () => {
  it("never throws and always answers with a known mode, for any text and any button data", async () => {
    const fc = await import("fast-check");
    const { decodeAction } = await import("../../src/conversation/actions.js");
    const { conv } = conversation();
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 80 }), { minLength: 1, maxLength: 4 }),
        fc.string(),
        (turns, data) => {
          for (const t of turns)
            expect(["answer", "chitchat", "clarify", "declined", "help"]).toContain(conv.handle("fuzz", t).mode);
          const action = decodeAction(data);
          if (action) expect(["answer", "declined"]).toContain(conv.press("fuzz", action).mode);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("first messages with a pronoun", () => {
  it("'it' with nothing to refer to asks; 'this' about the story itself is answered", () => {
    const { conv } = conversation();
    expect(conv.handle("a", "how many iranians were using it?").mode).toBe("declined");
    const r = conv.handle("b", "who reported this from washington?");
    expect(r.mode).toBe("answer");
    expect(r.answer!.text).toContain("Dan De Luce");
  });
});

describe("a first message whose pronoun its question settles", () => {
  it("is answered when one person's words answer it and nobody else's come close", () => {
    const { conv } = conversation();
    const r = conv.handle("new", "what did she say about instagram?");
    expect(r.mode).toBe("answer");
    expect(r.answer?.speaker?.name).toBe("Zahra Hatami");
  });

  it("still asks who is meant when the question gives nothing to settle it", () => {
    const { conv } = conversation();
    for (const q of ["what did he say?", "what's her name?", "how old is he?"])
      expect(conv.handle("new", q).mode, q).toBe("declined");
  });
});
