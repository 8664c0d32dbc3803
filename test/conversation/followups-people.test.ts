import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";
import { readFollowUp } from "../../src/conversation/followup.js";
import type { ConversationReply } from "../../src/conversation/conversation.js";
import { answerText, renderText } from "../../src/render/text.js";
import { sharedCore } from "../support/runtime.js";
import { conversation } from "./helpers.js";

const text = (r: ConversationReply) => (r.answer ? answerText(r.answer) : renderText(r.reply));

describe("follow-ups: people, echoes, results, quotes", () => {
  it("a first message quoting someone's words with 'it' in them is read as written", () => {
    const { conv } = conversation();
    const r = conv.handle("new", "who said we have lost it?");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("jahromi-lost-propaganda-war");
    // Without quoted words, 'it' with nothing before still asks what is meant.
    const bare = conversation().conv.handle("new", "who lost it?");
    expect(bare.mode).toBe("declined");
  });

  it("an echo of the last answer ('lost what?') is about the answer, not small talk", () => {
    const { conv } = conversation();
    conv.handle("k", "what did jahromi say about the propaganda war?");
    const r = conv.handle("k", "lost what?");
    expect(r.mode).toBe("answer");
    expect(r.followUp).toBe("detail");
    expect(text(r)).toContain("propaganda war");
    // An echo of a word the answer does not hold is the small talk it looks like.
    expect(conv.handle("k", "wait what").mode).toBe("chitchat");
    expect(readFollowUp("for what?")).toEqual({ kind: "bare", ask: "why" });
  });

  it("'they' doing something are the people of the last answer, when it says what they do", () => {
    const { conv } = conversation();
    conv.handle("k", "which iranian leaders use twitter?");
    const r = conv.handle("k", "what do they use it for?");
    expect(r.answer?.id).toBe("leaders-use-twitter");
    const b = conversation().conv;
    b.handle("k", "what did hatami say about instagram?");
    b.handle("k", "what does she do?");
    expect(text(b.handle("k", "what do they use it for?"))).toMatch(/customers|promote/);
    const c = conversation().conv;
    c.handle("k", "does jahromi think twitter should be banned?");
    c.handle("k", "who disagrees with him?");
    expect(text(c.handle("k", "what do they want?"))).toContain("censorship");
  });

  it("'what was the result?' is what followed the last topic", () => {
    expect(readFollowUp("what was the result?")).toEqual({ kind: "bare", ask: "result" });
    const { conv } = conversation();
    conv.handle("k", "who banned telegram?");
    const r = conv.handle("k", "what was the result?");
    expect(r.answer?.id).toBe("domestic-messaging-apps");
    const b = conversation().conv;
    b.handle("k", "did apple do anything to iranians?");
    expect(text(b.handle("k", "what was the result?"))).toMatch(/tech sector|homegrown/);
  });

  it("'what about the president?' must be answered about the speaker the title names, else declined", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the minister say about the sanctions?");
    const r = conv.handle("k", "what about the president?");
    // The knowledge has nothing from Rouhani on sanctions; "President Donald Trump" is not him.
    expect(r.mode).toBe("declined");
    const b = conversation().conv;
    b.handle("k", "is the minister on twitter?");
    expect(text(b.handle("k", "and the president?"))).toContain("Rouhani");
  });

  it("'more' after a quote is the speaker's next words on its topic, also where quotes carry no speaker tag", () => {
    const k: Knowledge = sharedCore().knowledge;
    const ids = new Set(k.speakers.map((s) => s.id));
    const core = createCore({
      sources: k.sources,
      speakers: k.speakers,
      entries: k.entries.map((e) => Object.assign({}, e, { tags: e.tags.filter((t) => !ids.has(t)) })),
    });
    const { conv } = conversation({ core: () => core });
    const first = conv.handle("k", "does jahromi think twitter should be banned?");
    expect(first.answer?.id).toBe("jahromi-twitter-not-limited");
    const more = conv.handle("k", "more");
    expect(more.speaker?.id).toBe("jahromi");
    expect(more.answer?.id).not.toBe(first.answer?.id);
  });

  it("'since when?' is declined when nothing says when about the last topic (not another topic's date)", () => {
    const { conv } = conversation();
    conv.handle("k", "is twitter blocked in iran?");
    const r = conv.handle("k", "since when?");
    expect(r.mode).toBe("declined");
    const b = conversation().conv;
    b.handle("k", "when was telegram banned?");
    expect(text(b.handle("k", "since when?"))).toContain("April 2018");
  });

  it("an answer on a new topic moves the topic on: 'what for?' after VPNs is about VPNs", () => {
    const { conv } = conversation();
    conv.handle("k", "what do iranians use social media for?");
    expect(conv.handle("k", "how do they get around the blocks?").answer?.id).toBe("vpns-bypass-limits");
    const r = conv.handle("k", "what for?");
    expect(r.mode).toBe("answer");
    expect(text(r)).toContain("hide the location");
  });

  it("'how far along is it?' asks for a status", () => {
    const { conv } = conversation();
    conv.handle("k", "what is the national information network?");
    expect(text(conv.handle("k", "how far along is it?"))).toContain("under development");
  });

  it("'which apps?' right after an answer naming them is about that answer; as a first message it is a question", () => {
    const { conv } = conversation();
    const first = conv.handle("k", "what do human rights groups say about domestic apps?");
    const r = conv.handle("k", "which apps?");
    expect(r.followUp).toBe("detail");
    expect(r.answer?.id).toBe(first.answer?.id);
    expect(conversation().conv.handle("new", "which apps?").followUp).toBeNull();
  });

  it("'where were they?' after a byline naming them and their places is that answer", () => {
    const { conv } = conversation();
    conv.handle("k", "who reported the story?");
    const r = conv.handle("k", "where were they?");
    expect(text(r)).toContain("Washington");
  });

  it("after an answer, small talk asking back is a follow-up; small talk alone stays small talk", () => {
    const { conv } = conversation();
    conv.handle("k", "is instagram banned in iran?");
    const swap = conv.handle("k", "cool. and whatsapp?");
    expect(swap.followUp).toBe("swap");
    expect(swap.mode).toBe("declined");
    const again = conv.handle("k", "for real?");
    expect(again.followUp).toBe("confirm");
    expect(again.answer?.id).toBe("instagram-pinterest-allowed");
    for (const q of ["sure", "thanks", "lol", "and you?", "who built this bot?"])
      expect(conv.handle("k", q).mode, q).toBe("chitchat");
  });

  it("'and in the US?' swaps in a short name the knowledge does not know: declined, not the last answer again", () => {
    const { conv } = conversation();
    conv.handle("k", "how fast did internet use grow in 2018?");
    const r = conv.handle("k", "and in the us?");
    expect(r.followUp).toBe("swap");
    expect(r.mode).toBe("declined");
    expect(text(conv.handle("k", "what about bandwidth?"))).toContain("bandwidth");
  });

  it("'and the minister?' after 'what did the president say?' is what the minister said", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the president say?");
    const r = conv.handle("k", "and the minister?");
    expect(r.followUp).toBe("swap");
    expect(r.speaker?.id).toBe("jahromi");
    // On a topic they said nothing about: declined, not a fact that merely names them.
    const b = conversation().conv;
    b.handle("k", "what did jahromi say about twitter?");
    expect(b.handle("k", "and rouhani?").mode).toBe("declined");
  });

  it("'why do they do that?' after people and their reason is that answer; 'whose sanctions?' echoes it", () => {
    const { conv } = conversation();
    const first = conv.handle("k", "who promotes domestic apps in iran?");
    expect(first.answer?.id).toBe("officials-promote-domestic-apps");
    expect(conv.handle("k", "why do they do that?").answer?.id).toBe("officials-promote-domestic-apps");
    const b = conversation().conv;
    b.handle("k", "who said sanctions made iranians more self-reliant?");
    const r = b.handle("k", "whose sanctions?");
    expect(r.followUp).toBe("detail");
    expect(text(r)).toContain("Trump");
  });

  it("a bare 'why?' takes the near answer on the topic when the core's best is about something else", () => {
    const { conv } = conversation();
    conv.handle("k", "why did the judiciary ban telegram?");
    conv.handle("k", "what did rouhani think?");
    const r = conv.handle("k", "why?");
    expect(r.answer?.id).not.toBe("rouhani-instagram-campaign");
    expect(text(r)).toContain("Telegram");
  });

  it("'what else did they ban?' is another entry holding the verb, about something else than the last topic", () => {
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned?");
    const r = conv.handle("k", "what else did they ban?");
    expect(r.followUp).toBe("related");
    expect(text(r)).not.toContain("Telegram");
    expect(text(r)).toMatch(/Facebook|Twitter|banned/);
  });

  it("'and then?' / 'then what?' / 'what happened next?' ask what followed; 'is that all?' and 'since?' are follow-ups", () => {
    for (const q of ["and then?", "then what?", "what happened next?", "and after that?"])
      expect(readFollowUp(q), q).toEqual({ kind: "bare", ask: "result" });
    expect(readFollowUp("is that all?")?.kind).toBe("related");
    expect(readFollowUp("since?")).toEqual({ kind: "bare", ask: "when" });
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned?");
    expect(conv.handle("k", "and then?").answer?.id).toBe("domestic-messaging-apps");
    // Nothing telling what followed: more on it, as "tell me more".
    const b = conversation().conv;
    b.handle("k", "what did jahromi say about the propaganda war?");
    expect(b.handle("k", "then what?").mode).toBe("answer");
  });

  it("after an answer: 'is it working?' is about it; 'how's it going?' stays small talk", () => {
    const { conv } = conversation();
    conv.handle("k", "what is the national information network?");
    const r = conv.handle("k", "is it working?");
    expect(r.mode).toBe("answer");
    expect(conv.handle("k", "how's it going?").mode).toBe("chitchat");
  });

  it("'who else does?', 'does everyone agree?', 'what else did he do online?', 'compared to other countries?'", () => {
    const a = conversation().conv;
    a.handle("k", "does the foreign minister tweet?");
    expect(a.handle("k", "who else does?").followUp).toBe("related");
    const b = conversation().conv;
    b.handle("k", "what does jahromi think about censorship?");
    const agree = b.handle("k", "does everyone agree?");
    expect(agree.followUp).toBe("disagree");
    expect(text(agree)).toContain("conservative");
    const c = conversation().conv;
    c.handle("k", "tell me about rouhani and instagram");
    const did = c.handle("k", "what else did he do online?");
    expect(did.followUp).toBe("person-more");
    expect(text(did)).toContain("Rouhani");
    const d = conversation().conv;
    d.handle("k", "is internet in iran getting faster?");
    d.handle("k", "by how much?");
    expect(text(d.handle("k", "compared to other countries?"))).toContain("fifth biggest");
  });

  it("'what else did those sanctions do?' after an answer gives the next answer, never 'Did you mean'", () => {
    const { conv } = conversation();
    conv.handle("k", "why are western companies staying out of iran?");
    conv.handle("k", "whose sanctions?");
    const r = conv.handle("k", "what else did those sanctions do?");
    expect(r.mode).toBe("answer");
  });

  it("'who uses it?' after a swap: 'it' is the last question's own topic when the whole topic finds only the answer shown", () => {
    const { conv } = conversation();
    conv.handle("k", "is pinterest blocked?");
    conv.handle("k", "what about twitter?");
    const r = conv.handle("k", "who uses it anyway?");
    expect(r.mode).toBe("answer");
    expect(text(r)).toContain("Twitter");
    expect(r.answer?.id).not.toBe("facebook-twitter-blocked");
  });

  it("'he' after 'who's Khamenei?' is Khamenei, not the speaker the answering fact is tagged with", () => {
    const { conv } = conversation();
    conv.handle("k", "who's khamenei?");
    const r = conv.handle("k", "what did he say?");
    expect(text(r)).not.toContain("opposite to democracy");
    expect(text(r)).toContain("Khamenei");
  });
});
