import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCore } from "../../src/core/core.js";
import type { FactEntry, QuoteEntry } from "../../src/core/types.js";
import { knowledgeFolderProblems } from "../support/knowledge-rules.js";
import { nbcKnowledge } from "../support/nbc.js";

/**
 * The shipped article's knowledge base checked against the article itself, as a fixture: loaded by its own path, so a
 * second source in knowledge/ changes nothing here. The checks re-read the YAML and the text on their own (not
 * through the loader), so a loader bug cannot hide an invented quote or figure. Some are curation choices of this file
 * (questions per entry, tag style), not rules for every knowledge file; those rules are checked over the whole folder
 * at the end.
 */
const ARTICLE = readFileSync("knowledge/nbc-iran-social-media.txt", "utf8");
const RAW = parse(readFileSync("knowledge/nbc-iran-social-media.yaml", "utf8")) as {
  source: Record<string, unknown>;
  speakers: { id: string; name: string; role: string; aliases?: string[] }[];
  quotes: { id: string; text: string; speaker: string; context?: string; tags?: string[]; questions?: string[] }[];
  facts: { id: string; text: string; attribution?: string; tags?: string[]; questions?: string[] }[];
};

/** Straight quotes and dashes, single spaces: the only liberties a quote may take with the article's typography. */
function plain(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
const ARTICLE_PLAIN = plain(ARTICLE);
const ARTICLE_LOWER = ARTICLE_PLAIN.toLowerCase();
const ARTICLE_WORDS = new Set(ARTICLE_LOWER.match(/[a-z0-9]+/g) ?? []);
const ARTICLE_NUMBERS = new Set(ARTICLE_PLAIN.match(/\d+/g) ?? []);

/** Digit runs and capitalised words (names, places, organisations) of a text: what an invented fact would add. */
function namesAndNumbers(text: string): { numbers: string[]; names: string[] } {
  const numbers = text.match(/\d+/g) ?? [];
  const names = (plain(text).match(/\b[A-Z][A-Za-z]*(?:[-.][A-Za-z]+)*/g) ?? []).flatMap((w) =>
    w.toLowerCase().split(/[-.]/).filter(Boolean),
  );
  return { numbers, names };
}

function questionKey(q: string): string {
  return q
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

describe("knowledge/nbc-iran-social-media.yaml", () => {
  const knowledge = nbcKnowledge();
  const quotes = knowledge.entries.filter((e): e is QuoteEntry => e.kind === "quote");
  const facts = knowledge.entries.filter((e): e is FactEntry => e.kind === "fact");

  it("loads through the schema and the loader without error", () => {
    expect(knowledge.sources.map((s) => s.id)).toEqual(["nbc-iran-social-media"]);
    expect(quotes.length).toBe(RAW.quotes.length);
    expect(facts.length).toBe(RAW.facts.length);
  });

  it("describes the source as the article gives it, with no date or address the text does not have", () => {
    const source = knowledge.sources.find((s) => s.id === "nbc-iran-social-media")!;
    expect(source.title).toBe("Tech-savvy Iranians stay connected on social media despite regime restrictions");
    expect(ARTICLE_PLAIN).toContain(source.title);
    expect(source.publisher).toBe("NBC News");
    expect(source.reporters).toEqual(["Ali Arouzi", "Dan De Luce"]);
    expect(source.place).toMatch(/Tehran/);
    expect(source.place).toMatch(/Washington, D\.C\./);
    expect(source.textFile).toBe("nbc-iran-social-media.txt");
    expect(source.date).toBeUndefined();
    expect(source.url).toBeUndefined();
    expect(ARTICLE).not.toMatch(/https?:\/\//);
  });

  it("has every quote word for word in the article", () => {
    expect(RAW.quotes.length).toBeGreaterThanOrEqual(8);
    for (const q of RAW.quotes) {
      expect(ARTICLE_PLAIN, `quote ${q.id}`).toContain(plain(q.text));
    }
  });

  it("gives each quote to a listed speaker, with a context", () => {
    const ids = new Set(RAW.speakers.map((s) => s.id));
    expect(ids.size).toBe(RAW.speakers.length);
    for (const q of RAW.quotes) {
      expect(ids.has(q.speaker), `quote ${q.id} speaker ${q.speaker}`).toBe(true);
      expect(q.context?.length ?? 0, `quote ${q.id} context`).toBeGreaterThan(10);
    }
    // Nobody is listed without a quote.
    for (const s of RAW.speakers)
      expect(
        RAW.quotes.some((q) => q.speaker === s.id),
        s.id,
      ).toBe(true);
  });

  it.each([
    ["all sorts of social media, satellite channels", "ali"],
    ["news from different places", "ali"],
    ["promote my business", "hatami"],
    ["limited or prohibited", "jahromi"],
    ["weakness in this field", "jahromi"],
    ["lost it", "jahromi"],
    ["e-payment and online taxis", "jahromi"],
    ["self-reliant", "jahromi"],
    ["opposite to democracy", "rouhani"],
  ])("has the quote %j, said by %s", (phrase, speaker) => {
    const found = quotes.filter((q) => q.text.includes(phrase));
    expect(found).toHaveLength(1);
    expect(found[0]!.speakerId).toBe(speaker);
  });

  it("names the speakers as the article does", () => {
    const byId = new Map(knowledge.speakers.map((s) => [s.id, s]));
    expect(byId.get("jahromi")?.name).toBe("Mohammad Javad Azari Jahromi");
    expect(byId.get("jahromi")?.role).toBe("Iran's communications minister");
    expect(byId.get("jahromi")?.aliases).toEqual(expect.arrayContaining(["Jahromi", "Mohammad Jahromi"]));
    expect(byId.get("rouhani")?.name).toBe("Hassan Rouhani");
    expect(byId.get("rouhani")?.aliases).toContain("Rouhani");
    expect(byId.get("hatami")?.name).toBe("Zahra Hatami");
    expect(byId.get("hatami")?.role).toMatch(/make-up artist/);
    expect(byId.get("ali")?.role).toMatch(/36-year-old/);
    // A boolean, not toContain: a failure names the speaker instead of printing the whole article.
    for (const s of knowledge.speakers)
      expect(ARTICLE_PLAIN.includes(s.name), `${s.id}: ${s.name} is in the article`).toBe(true);
  });

  it.each([
    ["rohani", "rouhani"],
    ["President Rouhani", "rouhani"],
    ["jahromy", "jahromi"],
    ["Mohammad Jahromi", "jahromi"],
    ["the communications minister", "jahromi"],
    ["hatami", "hatami"],
    ["makeup artist", "hatami"],
    ["36-year-old", "ali"],
  ])("finds the speaker from %j through the names and aliases", (name, id) => {
    expect(createCore(knowledge).quotesBySpeaker(name)?.speaker.id).toBe(id);
  });

  it("lists every Telegram fact under the telegram topic", () => {
    const listed = createCore(knowledge).factsByTopic("telegram", 100);
    expect(listed.topic).toBe("telegram");
    const expected = facts.filter((f) => /telegram/i.test(f.text)).map((f) => f.id);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(listed.facts.map((f) => f.id).sort()).toEqual(expected.sort());
  });

  // How this file was curated (not a rule for knowledge files: the schema lets an entry have no questions or tags).
  it("has at least 25 facts, each one statement with three to eight questions and lower-case tags", () => {
    expect(facts.length).toBeGreaterThanOrEqual(25);
    for (const e of knowledge.entries) {
      expect(e.text.length, e.id).toBeLessThanOrEqual(300);
      expect(e.questions.length, `${e.id} questions`).toBeGreaterThanOrEqual(3);
      expect(e.questions.length, `${e.id} questions`).toBeLessThanOrEqual(8);
      expect(e.tags.length, `${e.id} tags`).toBeGreaterThanOrEqual(1);
      for (const t of e.tags) expect(t, `${e.id} tag`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("invents no figure or name: every number and capitalised word of an entry is in the article", () => {
    const texts: [string, string][] = [
      ...RAW.facts.flatMap((f): [string, string][] => [
        [f.id, f.text],
        ...(f.attribution ? ([[`${f.id} attribution`, f.attribution]] as [string, string][]) : []),
      ]),
      ...RAW.quotes.map((q): [string, string] => [`${q.id} context`, q.context ?? ""]),
      ...RAW.speakers.map((s): [string, string] => [`${s.id} role`, s.role]),
    ];
    for (const [where, text] of texts) {
      const { numbers, names } = namesAndNumbers(text);
      for (const n of numbers) expect(ARTICLE_NUMBERS.has(n), `${where}: number ${n}`).toBe(true);
      for (const w of names) expect(ARTICLE_WORDS.has(w), `${where}: word "${w}"`).toBe(true);
    }
  });

  it("catches an invented figure or name (the check above can fail)", () => {
    const invented = namesAndNumbers("Telegram had 45 million users, said Ayatollah Khomeini.");
    expect(invented.numbers.filter((n) => !ARTICLE_NUMBERS.has(n))).toEqual(["45"]);
    expect(invented.names.filter((w) => !ARTICLE_WORDS.has(w))).toEqual(["ayatollah", "khomeini"]);
  });

  it.each([
    ["40 million", "telegram"],
    ["29 percent", "internet"],
    ["fifth biggest", "internet"],
    ["April 2018", "telegram"],
    ["national security", "telegram"],
    ["officially blocked", "twitter"],
    ["Pinterest", "instagram"],
    ["virtual private networks", "vpn"],
    ["Khamenei", "twitter"],
    ["foreign policy", "twitter"],
    ["avid Twitter user", "twitter"],
    ["more open approach", "jahromi"],
    ["more conservative figures", "censorship"],
    ["re-election campaign", "instagram"],
    ["counterproductive", "censorship"],
    ["domestic internet", "national-information-network"],
    ["control the flow of information", "national-information-network"],
    ["mixed results", "national-information-network"],
    ["domestic messaging apps", "telegram"],
    ["oil exports", "sanctions"],
    ["spooked foreign investors", "sanctions"],
    ["apps store", "apple"],
    ["similar to Uber", "uber"],
    ["food delivery", "snappfood"],
    ["Amazon", "amazon"],
    ["endanger privacy", "privacy"],
    ["resilience", "sanctions"],
    ["Lester Holt", "nbc"],
    ["Dan De Luce", "reporters"],
    ["2009", "protests"],
    ["economic isolation", "sanctions"],
    ["Datareportal", "internet"],
  ])("has a fact with %j, tagged %s", (phrase, tag) => {
    const found = facts.filter((f) => `${f.text} ${f.attribution ?? ""}`.includes(phrase));
    expect(found.length, phrase).toBeGreaterThanOrEqual(1);
    expect(
      found.some((f) => f.tags.includes(tag)),
      `${phrase} tagged ${tag}`,
    ).toBe(true);
  });

  it.each(["telegram", "twitter", "instagram", "sanctions", "apple", "uber", "amazon", "pinterest", "facebook"])(
    "tags every entry that mentions %s with it, so /fact lists them all",
    (tag) => {
      const mention = new RegExp(`\\b${tag}\\b`, "i");
      const untagged = knowledge.entries.filter((e) => mention.test(e.text) && !e.tags.includes(tag));
      expect(untagged.map((e) => e.id)).toEqual([]);
    },
  );

  it("keeps ids unique and questions distinct from the evaluation sample", () => {
    const ids = knowledge.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sample = new Set(
      readFileSync("eval/questions.jsonl", "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => questionKey((JSON.parse(l) as { q: string }).q)),
    );
    const copies = knowledge.entries.flatMap((e) => e.questions.filter((q) => sample.has(questionKey(q))));
    expect(copies).toEqual([]);
    const all = knowledge.entries.flatMap((e) => e.questions.map(questionKey));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("every knowledge file in knowledge/, whatever it holds", () => {
  it("keeps the written rules: loads, unique ids, listed speakers, quotes word for word in their texts", () => {
    expect(knowledgeFolderProblems("knowledge").problems).toEqual([]);
  });
});
