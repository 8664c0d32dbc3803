import { beforeAll, describe, expect, it } from "vitest";
import { CONFIDENCE_THRESHOLD, createCore, type Core } from "../../src/core/core.js";
import { nbcKnowledge } from "../support/nbc.js";

let core: Core;
beforeAll(() => {
  core = createCore(nbcKnowledge()); // the shipped article as a fixture, whatever else knowledge/ holds
});

const answerOf = (q: string) => core.ask(q).answer?.text ?? "";

describe("ask: in scope", () => {
  it("answers the 40 million question with the fact and its source", () => {
    const r = core.ask("How many Iranians used Telegram?");
    expect(r.answered).toBe(true);
    expect(r.answer!.text).toContain("40 million");
    expect(r.answer!.source.publisher).toBe("NBC News");
    expect(r.answer!.source.reporters).toEqual(["Ali Arouzi", "Dan De Luce"]);
    expect(r.answer!.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });
  it("answers a quote with its speaker and role", () => {
    const r = core.ask("what did the minister say about the propaganda war?");
    expect(r.answer?.kind).toBe("quote");
    expect(r.answer!.text).toContain("lost it");
    expect(r.answer!.speaker!.name).toContain("Jahromi");
    expect(r.answer!.speaker!.role?.toLowerCase()).toContain("communications minister");
  });
  it("copes with typos, keywords and shouting", () => {
    expect(answerOf("how many iranains use telegarm")).toContain("40 million");
    expect(answerOf("TELEGRAM BAN WHEN???")).toMatch(/April 2018/);
    expect(answerOf("vpn")).toMatch(/VPN/);
  });
  it("reads chat abbreviations", () => {
    expect(answerOf("how many ppl in iran used telegram")).toContain("40 million");
    expect(answerOf("why is the govt wary of digital tech")).toMatch(/protests/);
  });
  it("declines what the article cannot know: a name it does not give, the future, yesterday", () => {
    for (const q of [
      "What is the name of the messaging app Iran promoted to replace Telegram?",
      "When will the national information network be completed?",
      "What did Khamenei tweet yesterday?",
      "How old is Zahra Hatami?",
    ])
      expect(core.ask(q).answered, q).toBe(false);
  });
  it("reads synonyms: tweet finds Twitter, ride-hailing finds Uber", () => {
    expect(answerOf("does the minister tweet?")).toMatch(/Twitter/);
    expect(answerOf("is there an iranian taxi app")).toMatch(/Uber/);
  });
  it("offers alternatives with their own confidence, best first", () => {
    const r = core.ask("telegram ban");
    expect(r.answered).toBe(true);
    expect(r.alternatives.length).toBeGreaterThan(0);
    for (const a of r.alternatives) {
      expect(a.id).not.toBe(r.answer!.id);
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
    }
  });
  it("is deterministic", () => {
    expect(core.ask("Why are Western companies avoiding Iran?")).toEqual(
      core.ask("Why are Western companies avoiding Iran?"),
    );
  });
});

describe("ask: out of scope", () => {
  it.each([
    "What is the tallest mountain in the world?",
    "How many people use WhatsApp in Iran?",
    "Who won the world cup?",
    "hello how are you",
    "asdfghjkl",
  ])("declines %s with no answer", (q) => {
    const r = core.ask(q);
    expect(r.answered).toBe(false);
    expect(r.answer).toBeNull();
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
  });
  it("offers suggestions for a near miss", () => {
    const r = core.ask("What does the Iranian judiciary think about WhatsApp?");
    expect(r.answered).toBe(false);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe("browse", () => {
  it("finds speakers fuzzily", () => {
    expect(core.quotesBySpeaker("rohani")?.speaker.name).toMatch(/Rouhani/);
    expect(core.quotesBySpeaker("jahromy")?.speaker.name).toMatch(/Jahromi/);
    expect(core.quotesBySpeaker("jahromi")!.quotes.length).toBeGreaterThan(2);
    expect(core.quotesBySpeaker("zzzzzzzz")).toBeNull();
  });
  it("lists facts by topic, tolerating a near tag", () => {
    const r = core.factsByTopic("sanction");
    expect(r.topic).toBe("sanctions");
    expect(r.facts.length).toBeGreaterThan(1);
    expect(r.facts.every((f) => f.kind === "fact")).toBe(true);
  });
  it("picks a random quote repeatably with a seeded rng", () => {
    expect(core.randomQuote(() => 0.5)).toEqual(core.randomQuote(() => 0.5));
    expect(core.randomQuote(() => 0)!.kind).toBe("quote");
  });
  it("summarises sources", () => {
    const [s] = core.sourceSummaries();
    expect(s!.source.title).toMatch(/Tech-savvy Iranians/);
    expect(s!.quotes).toBeGreaterThan(5);
    expect(s!.facts).toBeGreaterThanOrEqual(25);
  });
  it("suggests at most 25 completions of at most 100 characters", () => {
    for (const partial of ["", "tele", "how many", "what did jahr", "x".repeat(10_000)]) {
      const s = core.suggest(partial);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(25);
      for (const x of s) expect(x.length).toBeLessThanOrEqual(100);
    }
    expect(core.suggest("telegr", 25).join(" ").toLowerCase()).toContain("telegram");
  });
  it("resolves answers by id for buttons", () => {
    const r = core.ask("How many Iranians used Telegram?");
    expect(core.answerById(r.answer!.id)?.text).toBe(r.answer!.text);
    expect(core.answerById("no-such-id")).toBeNull();
  });
});
