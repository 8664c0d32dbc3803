import { describe, expect, it } from "vitest";
import { readFollowUp } from "../../src/conversation/followup.js";
import { conversation } from "./helpers.js";
import { dislocated } from "../../src/conversation/conversation.js";
import { KnowledgeView } from "../../src/conversation/view.js";
import { sharedCore } from "../support/runtime.js";

describe("round 5 follow-up classes", () => {
  it("'what did she say?' after a fact about her is her own words, not the fact again", () => {
    const { conv } = conversation();
    conv.handle("k", "who is zahra hatami");
    const r = conv.handle("k", "what did she say?");
    expect(r.answer?.kind).toBe("quote");
    expect(r.answer?.id).toBe("hatami-instagram-business");
    // After her quote, the same question is that quote again.
    expect(conv.handle("k", "what did she say").answer?.id).toBe("hatami-instagram-business");
  });

  it("'who else uses Instagram?' is someone other than the last person, in the verb's sense ('relied on')", () => {
    const { conv } = conversation();
    conv.handle("k", "what did zahra say about instagram");
    const r = conv.handle("k", "who else uses instagram?");
    expect(r.answer?.id).toBe("rouhani-instagram-campaign");
    const { conv: c2 } = conversation();
    c2.handle("k", "what did zahra say about instagram");
    expect(c2.handle("k", "who else uses it?").answer?.id).toBe("rouhani-instagram-campaign");
  });

  it("'who else criticized it?' takes nobody who did not (the verb must be in the answer)", () => {
    const { conv } = conversation();
    conv.handle("k", "what did rouhani say about the telegram ban?");
    const r = conv.handle("k", "who else criticized it");
    expect(r.answer?.id).not.toBe("judiciary-banned-telegram");
  });

  it("'these apps' point at the last topic: 'who makes these apps?' after the local Amazon", () => {
    const { conv } = conversation();
    conv.handle("k", "is there an iranian amazon");
    const r = conv.handle("k", "who makes these apps");
    expect(r.mode).toBe("answer");
    expect(r.answer?.text).toMatch(/entrepreneurs/);
  });

  it("a pronoun declined with the whole topic is tried with its first word: 'who pays for them?'", () => {
    const { conv } = conversation();
    conv.handle("k", "is there an iranian uber");
    conv.handle("k", "what about amazon?");
    const r = conv.handle("k", "who pays for them");
    expect(r.answer?.id).toBe("homegrown-versions-western-apps");
  });

  it("'and a taxi app?' replaces what qualifies the same head noun, and the entry's questions count as its words", () => {
    const { conv } = conversation();
    conv.handle("k", "does iran have a food delivery app");
    expect(conv.handle("k", "and a taxi app?").answer?.id).toBe("ride-hailing-app-like-uber");
    // Words no entry has stay declined.
    expect(conv.handle("k", "and a music app?").mode).toBe("declined");
    expect(conv.handle("k", "and spotify?").mode).toBe("declined");
  });

  it("'like what?' after an answer that names no example is an example; after one that names them, that answer", () => {
    const { conv } = conversation();
    conv.handle("k", "how did iranian entrepreneurs respond to sanctions?");
    const r = conv.handle("k", "like what?");
    expect(["ride-hailing-app-like-uber", "snappfood-food-delivery", "local-version-of-amazon"]).toContain(
      r.answer?.id,
    );
    const { conv: c2 } = conversation();
    c2.handle("k", "which social networks are banned in iran");
    expect(c2.handle("k", "like what?").answer?.id).toBe("facebook-twitter-blocked");
  });

  it("words quoted in single quotes find their speaker as a first message", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "who said 'yes we have lost it'");
    expect(r.answer?.id).toBe("jahromi-lost-propaganda-war");
  });

  it("'where was the other one?' after the byline naming both reporters is that answer", () => {
    const { conv } = conversation();
    conv.handle("k", "who wrote this article");
    const r = conv.handle("k", "where was the other one");
    expect(r.answer?.id).toBe("reporters-arouzi-de-luce");
  });

  it("'w' for 'with' in 'whats the deal w …'", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "yo whats the deal w telegram in iran");
    expect(r.mode).toBe("answer");
    expect(r.answer?.text).toMatch(/Telegram/);
  });

  it("after a first question the knowledge declines, a follow-up asks back, never answers an entry", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "when was whatsapp banned in iran").mode).toBe("declined");
    for (const q of ["when was that?", "tell me more", "who did it", "like what?", "and why?"])
      expect(conv.handle("k", q).mode).not.toBe("answer");
  });

  it("a swap after a declined question asks the same of the new topic; unknown topics stay declined", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "is youtube banned in iran").mode).toBe("declined");
    expect(conv.handle("k", "what about twitter").answer?.id).toBe("facebook-twitter-blocked");
    const { conv: c2 } = conversation();
    c2.handle("k", "when was whatsapp banned");
    expect(c2.handle("k", "and signal?").mode).toBe("declined");
    expect(c2.handle("k", "and telegram?").answer?.id).toBe("telegram-banned-april-2018");
    // Nothing but a swap reads the declined question's words.
    const { conv: c3 } = conversation();
    c3.handle("k", "when was whatsapp banned");
    expect(c3.handle("k", "who did it?").mode).toBe("declined");
  });

  it("'what did he say?' about someone the knowledge only names is declined, not the entry naming them again", () => {
    const { conv } = conversation();
    conv.handle("k", "who is zarif");
    const r = conv.handle("k", "what did he say");
    expect(r.mode).toBe("declined");
    expect(r.reply.type === "prompt" && r.reply.text).toMatch(/Zarif/);
  });

  it("'who blocked it?' after an answer naming no one is declined, whatever the core's confidence", () => {
    const { conv } = conversation();
    conv.handle("k", "what about facebook in iran?");
    expect(conv.handle("k", "who blocked it").mode).toBe("declined");
  });

  it("'did anyone object?' asks who disagrees", () => {
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned?");
    const r = conv.handle("k", "did anyone object");
    expect(r.followUp).toBe("disagree");
    expect(r.answer?.text).toMatch(/Rouhani/);
  });

  it("'why does that matter?' asks what followed: the answer telling it", () => {
    const { conv } = conversation();
    conv.handle("k", "what did apple do");
    const r = conv.handle("k", "why does that matter");
    expect(r.answer?.text).toMatch(/undercut/);
  });

  it("'why was he mad?' after Rouhani criticized the judiciary for banning Telegram: that answer, not an unsure other", () => {
    const { conv } = conversation();
    conv.handle("k", "tell me about rouhani");
    conv.handle("k", "what did he say about the judiciary");
    expect(conv.handle("k", "why was he mad").answer?.id).toBe("rouhani-criticized-judiciary");
  });

  it("'these apps' with an answer on the same things keep the core's answer", () => {
    const { conv } = conversation();
    conv.handle("k", "is there an iranian amazon");
    expect(conv.handle("k", "are these apps safe to use").answer?.id).toBe("human-rights-concerns-domestic-apps");
  });

  it("'what apps?' echoed from the answer makes the apps what 'them' means next", () => {
    const { conv } = conversation();
    conv.handle("k", "what did human rights groups warn about");
    conv.handle("k", "what apps");
    expect(conv.handle("k", "who funds them").answer?.text).toMatch(/funding from the government/);
  });

  it("what followed becomes 'it': 'is it finished?' after the network built in the protests' wake", () => {
    const { conv } = conversation();
    conv.handle("k", "is the regime afraid of protests");
    expect(conv.handle("k", "what did they do after").answer?.id).toBe("national-information-network");
    expect(conv.handle("k", "is it finished").answer?.id).toBe("national-information-network-progress");
  });

  it("a short 'that' question reads as asked only when its answer is on the last topic ('who decided that?')", () => {
    const { conv } = conversation();
    conv.handle("k", "Why did Iran ban Telegram?");
    const r = conv.handle("k", "who decided that");
    expect(r.answer?.text).toMatch(/Telegram/);
    const { conv: c2 } = conversation();
    c2.handle("k", "which social networks are blocked in iran");
    expect(c2.handle("k", "how does that work").answer?.text).not.toMatch(/national information network/);
  });

  it("'who reported that?' after a fact is that fact with its attribution", () => {
    const { conv } = conversation();
    conv.handle("k", "how much did internet users grow in 2018");
    const r = conv.handle("k", "who reported that");
    expect(r.answer?.id).toBe("internet-users-grew-29-percent");
    expect(r.followUp).toBe("who-said");
  });

  it("'which app?' after an answer naming none is the one that names it, the same person's first", () => {
    const { conv } = conversation();
    conv.handle("k", "who is zahra hatami");
    expect(conv.handle("k", "which app").answer?.id).toBe("hatami-instagram-business");
  });

  it("'which apps are they talking about?' is the echo of the last answer", () => {
    const { conv } = conversation();
    conv.handle("k", "are domestic apps censored");
    const r = conv.handle("k", "which apps are they talking about");
    expect(r.followUp).toBe("detail");
    expect(r.answer?.id).toBe("domestic-messaging-apps");
  });

  it("'what did he say exactly?' after a fact about a speaker is their words", () => {
    const { conv } = conversation();
    conv.handle("k", "who is jahromi");
    expect(conv.handle("k", "what did he say exactly").answer?.kind).toBe("quote");
  });

  it("a name put in front replaces only the pronoun that can mean it", () => {
    const view = new KnowledgeView(sharedCore());
    expect(dislocated("Telegram, why did they ban it?", view)).toBe("Telegram, why did they ban it?");
    expect(dislocated("In Iran, who uses it?", view)).toBe("In Iran, who uses it?");
    expect(dislocated("Sanctions, what did he think of them?", view)).toBe("what did he think of Sanctions?");
    expect(dislocated("Jahromi, what did he say about twitter?", view)).toBe("what did Jahromi say about twitter?");
  });

  it("a name put in front ('and Lester Holt, where was he?') is what the pronoun stands for", () => {
    const { conv } = conversation();
    conv.handle("k", "who reported this story");
    expect(conv.handle("k", "and lester holt, where was he").answer?.id).toBe("lester-holt-tehran");
    const { conv: c2 } = conversation();
    expect(c2.handle("k", "the national information network, is it finished?").answer?.id).toBe(
      "national-information-network-progress",
    );
    // A front part without a word of the knowledge is left alone: nothing to refer to.
    const { conv: c3 } = conversation();
    expect(c3.handle("k", "hmm, what did he say?").mode).toBe("declined");
  });

  it("'on what basis?' and 'because of what?' ask why", () => {
    const { conv } = conversation();
    conv.handle("k", "how many people used telegram");
    conv.handle("k", "so who shut it down");
    expect(conv.handle("k", "on what basis").answer?.text).toMatch(/national security/);
    const { conv: c2 } = conversation();
    c2.handle("k", "has iran lost oil money");
    expect(c2.handle("k", "because of what").followUp).toBe("bare");
  });

  it("'which protests?' wants one about protests: the answer that says which, not any entry naming something", () => {
    const { conv } = conversation();
    conv.handle("k", "was telegram banned after protests");
    expect(conv.handle("k", "which protests").answer?.id).toBe("judiciary-banned-telegram");
  });

  it("'what did the regime do after that?' asks what followed, like 'what did they do after?'", () => {
    const { conv } = conversation();
    conv.handle("k", "is the regime afraid of protests");
    const r = conv.handle("k", "what did the regime do after that");
    expect(r.followUp).toBe("bare");
    expect(r.answer?.id).toBe("national-information-network");
  });

  it("'was everyone ok with that?' asks who disagrees", () => {
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned");
    const r = conv.handle("k", "was everyone ok with that");
    expect(r.followUp).toBe("disagree");
    expect(r.mode).toBe("answer");
  });

  it("'name one' after a general answer is an example; 'what kind?' is what the answer says they are", () => {
    const { conv } = conversation();
    conv.handle("k", "are there iranian versions of western apps");
    expect(["ride-hailing-app-like-uber", "snappfood-food-delivery", "local-version-of-amazon"]).toContain(
      conv.handle("k", "name one").answer?.id,
    );
    const { conv: c2 } = conversation();
    c2.handle("k", "did the government fund any startups");
    expect(c2.handle("k", "what kind").answer?.id).toBe("homegrown-versions-western-apps");
  });

  it("'who was he talking to?' after a quote is that quote, whose context says", () => {
    const { conv } = conversation();
    conv.handle("k", "is iran losing the propaganda war?");
    const r = conv.handle("k", "who was he talking to");
    expect(r.followUp).toBe("detail");
    expect(r.answer?.id).toBe("jahromi-lost-propaganda-war");
  });

  it("'how does that compare?' and 'after what?' are about the last answer", () => {
    const { conv } = conversation();
    conv.handle("k", "how much did internet users grow in 2018");
    expect(conv.handle("k", "is that fast compared to other countries").answer?.id).toBe(
      "internet-users-grew-29-percent",
    );
    const { conv: c2 } = conversation();
    c2.handle("k", "what is the national information network");
    expect(c2.handle("k", "after what").answer?.text).toMatch(/2009/);
  });

  it("'who's responsible?' is the last answer when it names who, else declined", () => {
    const { conv } = conversation();
    conv.handle("k", "what happened to iran's oil exports");
    expect(conv.handle("k", "who's responsible").answer?.text).toMatch(/Trump/);
    const { conv: c2 } = conversation();
    c2.handle("k", "is facebook blocked in iran");
    expect(c2.handle("k", "whose fault is that").mode).toBe("declined");
  });

  it("'isnt' typed without its apostrophe reads as 'is' ('isnt that …' points back)", () => {
    const { conv } = conversation();
    conv.handle("k", "is instagram allowed in iran");
    expect(conv.handle("k", "isnt that blocked").followUp).toBe("pronoun");
  });

  it("'when is it gonna be done?' asks its status, not when it began", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "whens the national information network gonna be done");
    expect(r.answer?.id).toBe("national-information-network-progress");
  });

  it("a question naming no topic moves the topic to its answer's ('what are they building?' → the network)", () => {
    const { conv } = conversation();
    conv.handle("k", "is iranian internet censored");
    expect(conv.handle("k", "what are they building").answer?.id).toBe("national-information-network");
    expect(conv.handle("k", "is it done").answer?.id).toBe("national-information-network-progress");
  });

  it("a 'who' question answered by an entry that names no one is declined ('who owns snappfood?')", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "who owns snappfood").mode).toBe("declined");
    expect(conv.handle("k2", "who uses vpns in iran").mode).toBe("answer");
  });

  it("'who admitted that?' is who said it", () => {
    const { conv } = conversation();
    conv.handle("k", "did iran lose the propaganda war?");
    expect(conv.handle("k", "who admitted that").answer?.id).toBe("jahromi-lost-propaganda-war");
  });

  it("'who did he blame?' after what he criticized: that answer names whom", () => {
    const { conv } = conversation();
    conv.handle("k", "what was rouhanis reaction to the telegram ban");
    const r = conv.handle("k", "who did he blame");
    expect(r.answer?.text).toMatch(/judiciary/);
  });

  it("a bare 'since when?' prefers the answer about the whole topic", () => {
    const { conv } = conversation();
    conv.handle("k", "why does iran want its own internet");
    expect(conv.handle("k", "since when").answer?.text).toMatch(/2009/);
  });

  it("'what did he mean?', 'what was he talking about?', 'when did he say that?' are the quote with its context", () => {
    for (const [first, next, id] of [
      ["did jahromi say anything about uber", "what did he mean", "jahromi-startups-e-payment"],
      ["what did rouhani say about the telegram ban", "what was he talking about", "rouhani-opposite-to-democracy"],
      ["is iran losing the propaganda war", "when did he say that", "jahromi-lost-propaganda-war"],
    ] as const) {
      const { conv } = conversation();
      conv.handle("k", first);
      const r = conv.handle("k", next);
      expect(r.followUp).toBe("detail");
      expect(r.answer?.id).toBe(id);
    }
  });

  it("after a declined question the knowledge knows every word of, 'them' is its topic; an unknown word keeps it unset", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "are vpns legal in iran").mode).toBe("declined");
    expect(conv.handle("k", "do people use them").answer?.id).toBe("vpns-bypass-limits");
    const { conv: c2 } = conversation();
    c2.handle("k", "is whatsapp legal in iran");
    expect(c2.handle("k", "do people use it").mode).toBe("declined");
  });

  it("'who's against the minister?' asks who disagrees with the person named", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "whos against the minister");
    expect(r.followUp).toBe("disagree");
    expect(r.answer?.id).toBe("jahromi-at-odds-conservatives");
  });

  it("'out of how many?' is the answer that gives the share", () => {
    const { conv } = conversation();
    conv.handle("k", "how many iranians used telegram");
    expect(conv.handle("k", "out of how many").answer?.text).toMatch(/half/);
  });

  it("a swap's verb is the frame's: 'and get a taxi' after shopping online", () => {
    const { conv } = conversation();
    conv.handle("k", "where can iranians shop online");
    expect(conv.handle("k", "and get a taxi").answer?.text).toMatch(/taxi|ride-hailing/i);
    expect(conv.handle("k", "and stream movies").mode).toBe("declined");
  });

  it("'what's it for?' takes the tied answer that gives an aim, in a follow-up too", () => {
    const { conv } = conversation();
    conv.handle("k", "is the national information network done");
    expect(conv.handle("k", "what's it for").answer?.id).toBe("national-information-network-aim");
  });

  it("'which campaign?' does not jump to another entry of the same person that is not about a campaign", () => {
    const { conv } = conversation();
    conv.handle("k", "why did rouhani use instagram in his campaign");
    expect(conv.handle("k", "which campaign").answer?.id).toBe("rouhani-instagram-campaign");
  });

  it("'is instagram?' right after a question is that question asked of Instagram; 'are these safe?' points back", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "is youtube allowed in iran").mode).toBe("declined");
    expect(conv.handle("k", "is instagram").answer?.id).toBe("instagram-pinterest-allowed");
    expect(conv.handle("k", "and twitter").answer?.id).toBe("facebook-twitter-blocked");
    expect(readFollowUp("are these safe?")?.kind).toBe("pronoun");
  });

  it("'despite what?' and 'can you give an example?' are about the last answer", () => {
    expect(readFollowUp("despite what")?.kind).toBe("detail");
    expect(readFollowUp("can you give an example")?.kind).toBe("detail");
    const { conv } = conversation();
    conv.handle("k", "are iranians tech-savvy");
    expect(conv.handle("k", "despite what").mode).toBe("answer");
  });

  it("'who was behind it?' names the specific agent (the judiciary) over 'authorities'", () => {
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned");
    const r = conv.handle("k", "who was behind it");
    expect(r.followUp).toBe("agent");
    expect(r.answer?.text).toMatch(/judiciary/);
  });

  it("a name qualifying a topic word ('Trump's sanctions') need not be in the swapped answer: 'and apple?'", () => {
    const { conv } = conversation();
    conv.handle("k", "what did trump's sanctions do to foreign investors");
    conv.handle("k", "and oil?");
    expect(conv.handle("k", "and apple?").answer?.id).toBe("apple-app-store");
  });

  it("topic words the answer is not tagged with drop out ('nbc' in 'what did Jahromi tell NBC about Twitter?')", () => {
    const { conv } = conversation();
    conv.handle("k", "what did jahromi tell nbc about twitter");
    expect(conv.memory.peek("k")!.topic).toEqual(["twitter"]);
  });

  it("'has it been built?' asks its status", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the regime vow after 2009");
    expect(conv.handle("k", "has it been built").answer?.id).toBe("national-information-network-progress");
  });

  it("'who says?' is who said it; 'in what year?' asks when", () => {
    expect(readFollowUp("who says")?.kind).toBe("who-said");
    expect(readFollowUp("in what year")).toEqual({ kind: "bare", ask: "when" });
  });

  it("'what did Zarif say?' about someone the knowledge only names is declined; 'what does Khamenei tweet about?' is not", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "what did zarif say").mode).toBe("declined");
    expect(conv.handle("k2", "what does khamenei tweet about").mode).toBe("answer");
  });

  it("'because of?' asks why; 'who's sanctions?' (for 'whose') is the echo of the last answer", () => {
    expect(readFollowUp("because of?")).toEqual({ kind: "bare", ask: "why" });
    const { conv } = conversation();
    conv.handle("k", "is iran isolated");
    const r = conv.handle("k", "who's sanctions");
    expect(r.followUp).toBe("detail");
    expect(r.answer?.id).toBe("us-sanctions-economic-isolation");
    // "who is jahromi" stays a question of its own.
    expect(conv.handle("k", "who is jahromi").followUp).toBeNull();
  });

  it("'and Rouhani's?' after a question about Jahromi's opinion asks for Rouhani's words ('opinion' is kept in the frame)", () => {
    const { conv } = conversation();
    conv.handle("k", "whats jahromi's opinion on internet restrictions");
    expect(conv.handle("k", "and rouhani's?").answer?.text).toMatch(/democracy/);
    const { conv: c2 } = conversation();
    c2.handle("k", "whats the judiciary's position on social media");
    const r = c2.handle("k", "and jahromi's?");
    expect(r.speaker?.id).toBe("jahromi");
    expect(r.answer?.text).toMatch(/open|counterproductive|limited/);
  });

  it("'and what does Jahromi say?' after an answer on sanctions is his words on them", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the sanctions do to foreign investors");
    const r = conv.handle("k", "and what does jahromi say");
    expect(r.speaker?.id).toBe("jahromi");
    expect(r.answer?.text).toMatch(/sanctions/i);
  });

  it("'how long ago?' asks when", () => {
    expect(readFollowUp("how long ago")).toEqual({ kind: "bare", ask: "when" });
  });

  it("'she' after a man's answer is the woman shown before; the knowledge's own pronouns tell who is which", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the make-up artist say");
    conv.handle("k", "what did rouhani say about telegram");
    const r = conv.handle("k", "what else did she say");
    expect(r.speaker?.id).toBe("hatami");
    expect(conv.handle("k", "who is she").answer?.text).toMatch(/make-up artist/);
    // With no woman shown, "she" stays the last speaker (nothing better to go on).
    const { conv: c2 } = conversation();
    c2.handle("k", "what did rouhani say about telegram");
    expect(c2.handle("k", "what else did she say").speaker?.id).toBe("rouhani");
  });

  it("'by who?' after a fact names the specific agent; after a quote it is who said it", () => {
    const { conv } = conversation();
    conv.handle("k", "why is telegram blocked in iran?");
    expect(conv.handle("k", "by who").answer?.text).toMatch(/judiciary/);
    const { conv: c2 } = conversation();
    c2.handle("k", "is iran losing the propaganda war");
    expect(c2.handle("k", "by whom?").answer?.id).toBe("jahromi-lost-propaganda-war");
    const { conv: c3 } = conversation();
    expect(c3.handle("k", "by who").mode).toBe("declined");
  });
});
