import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseKnowledgeFile } from "../../src/core/loader.js";
import { draftKnowledge, draftYaml, storedQuoteText, type Attribution } from "../../src/import/draft.js";
import { articleVocabulary, makeFacts, splitAttribution } from "../../src/import/facts.js";
import { reviewText } from "../../src/import/review.js";
import type { ExtractedArticle } from "../../src/import/types.js";
import { sourceLine, speakerLine } from "../../src/render/attribution.js";
import type { Answer, Source } from "../../src/core/types.js";

// A small article written for this test.
const PARAGRAPHS = [
  "MILLBROOK (Test Wire) — The Millbrook council voted on Tuesday to close the old harbour bridge to lorries from 3 March, after engineers found cracks in two of its steel supports.",
  '"We cannot take the risk of a collapse with a lorry on it," said Petra Lund, the council\'s head of roads.',
  "The bridge carries about 4,200 vehicles a day, according to a survey by the Harbour Traffic Trust.",
  'Lund said the repairs would cost an estimated £2.4 million and that the council had "no money left in this year\'s budget" for them.',
  '"My deliveries will take twice as long now," said Omar, who runs a bakery beside the bridge.',
  "Read more: Millbrook council in numbers",
];
const ARTICLE: ExtractedArticle = {
  file: "millbrook.txt",
  title: "Millbrook closes harbour bridge to lorries after cracks found",
  reporters: ["Jo Tester"],
  byline: "Jo Tester",
  published: "2026-02-10",
  publisher: "Test Wire",
  paragraphs: PARAGRAPHS,
  warnings: [],
};

function span(p: number, text: string) {
  const start = PARAGRAPHS[p]!.indexOf(text);
  if (start < 0) throw new Error(`not in paragraph ${p}: ${text}`);
  return { paragraph: p, start, end: start + text.length };
}

const ATTRIBUTION: Attribution = {
  speakers: [
    {
      id: "petra-lund",
      name: "Petra Lund",
      role: "the council's head of roads",
      aliases: ["Lund"],
      kind: "person",
      gender: "f",
    },
    { id: "omar", name: "Omar", role: null, aliases: [], kind: "person", gender: "m" },
  ],
  quotes: [
    {
      text: "We cannot take the risk of a collapse with a lorry on it,",
      speakerId: "petra-lund",
      ...span(1, "We cannot take the risk of a collapse with a lorry on it,"),
      context: "said Petra Lund, the council's head of roads.",
      confident: true,
    },
    {
      text: "no money left in this year's budget",
      speakerId: "petra-lund",
      ...span(3, "no money left in this year's budget"),
      context: "Lund said the repairs would cost an estimated £2.4 million",
      confident: true,
    },
    {
      text: "My deliveries will take twice as long now,",
      speakerId: "omar",
      ...span(4, "My deliveries will take twice as long now,"),
      context: "said Omar, who runs a bakery beside the bridge.",
      confident: false,
    },
  ],
  warnings: ["unresolved pronoun: “he said” in paragraph 9"],
};

const draft = () => draftKnowledge(ARTICLE, ATTRIBUTION, { id: "millbrook-bridge" });

describe("draftKnowledge", () => {
  it("writes a file the loader accepts, quotes checked word for word against the written text", () => {
    const d = draft();
    const yaml = draftYaml(d, "millbrook.txt");
    const k = parseKnowledgeFile("millbrook-bridge.yaml", yaml, (name) =>
      name === "millbrook-bridge.txt" ? d.text : undefined,
    );
    expect(k.sources[0]!.id).toBe("millbrook-bridge");
    expect(k.entries.filter((e) => e.kind === "quote")).toHaveLength(3);
    // A quote the loader cannot find in the text fails, so the check is real.
    expect(() =>
      parseKnowledgeFile("x.yaml", yaml.replace("twice as long", "three times as long"), () => d.text),
    ).toThrow(/word for word/);
  });

  it("writes the text as headline, byline, blank line, paragraphs", () => {
    const lines = draft().text.split("\n");
    expect(lines[0]).toBe(ARTICLE.title);
    expect(lines[1]).toBe("By Jo Tester");
    expect(lines[2]).toBe("");
    expect(lines[3]).toBe(PARAGRAPHS[0]);
    expect(lines[4]).toBe("");
  });

  it("stores a quote without the comma the sentence needed", () => {
    expect(storedQuoteText("We cannot take the risk,")).toBe("We cannot take the risk");
    expect(storedQuoteText("and that person will never be a judge.")).toBe("and that person will never be a judge.");
    const quotes = draft().doc.quotes.map((q) => q.text);
    expect(quotes).toContain("We cannot take the risk of a collapse with a lorry on it");
  });

  it("gives each quote the sentence around it as context, a quotation inside the reporting marked “…”", () => {
    const quotes = draft().doc.quotes;
    expect(quotes[0]!.context).toBe("said Petra Lund, the council's head of roads");
    expect(quotes[1]!.context).toBe(
      "Lund said the repairs would cost an estimated £2.4 million and that the council had “…” for them",
    );
    const a: Attribution = {
      ...ATTRIBUTION,
      quotes: [{ ...ATTRIBUTION.quotes[0]!, context: "she said" }],
    };
    const paragraphs = [
      '"We cannot take the risk of a collapse with a lorry on it," she said.',
      ...PARAGRAPHS.slice(1),
    ];
    const d = draftKnowledge(
      { ...ARTICLE, paragraphs },
      { ...a, quotes: [{ ...a.quotes[0]!, paragraph: 0, start: 1, end: 58 }] },
    );
    expect(d.doc.quotes[0]!.context).toBeUndefined(); // "she said" adds nothing to the speaker line
  });

  it("gives two quotes of one reporting sentence each its own lead-in, not the other's", () => {
    const paragraphs = [
      ...PARAGRAPHS.slice(0, 3),
      'Lund said the council would "find the money somehow" but that the date of 3 March was "not up for debate at all."',
      ...PARAGRAPHS.slice(4),
    ];
    const p = paragraphs[3]!;
    const at = (t: string) => ({ paragraph: 3, start: p.indexOf(t), end: p.indexOf(t) + t.length });
    const base = ATTRIBUTION.quotes[1]!;
    const d = draftKnowledge(
      { ...ARTICLE, paragraphs },
      {
        ...ATTRIBUTION,
        quotes: [
          ATTRIBUTION.quotes[0]!,
          { ...base, text: "find the money somehow", ...at("find the money somehow") },
          { ...base, text: "not up for debate at all.", ...at("not up for debate at all.") },
          ...ATTRIBUTION.quotes.slice(2),
        ],
      },
    );
    const contexts = d.doc.quotes.map((q) => q.context);
    expect(contexts[1]).toBe("Lund said the council would");
    expect(contexts[2]).toBe("Lund said the council would “…” but that the date of 3 March was");
  });

  it("makes pure-quote sentences quotes, not facts, and keeps reporting around a partial quote as a fact", () => {
    const facts = draft().doc.facts.map((f) => f.text);
    expect(facts.some((f) => f.includes("We cannot take the risk"))).toBe(false);
    expect(facts.some((f) => f.includes("My deliveries"))).toBe(false);
    expect(facts.some((f) => f.startsWith("Lund said the repairs would cost an estimated £2.4 million"))).toBe(true);
  });

  it("splits 'according to' out as the attribution and keeps the claim", () => {
    const fact = draft().doc.facts.find((f) => f.text.includes("4,200 vehicles"))!;
    expect(fact.text).toBe("The bridge carries about 4,200 vehicles a day.");
    expect(fact.attribution).toBe("a survey by the Harbour Traffic Trust");
    expect(splitAttribution("According to the police, 12 phones were taken.")).toEqual({
      text: "12 phones were taken.",
      attribution: "the police",
    });
  });

  it("drops debris and the dateline", () => {
    const facts = draft().doc.facts.map((f) => f.text);
    expect(facts.some((f) => /Read more/.test(f))).toBe(false);
    expect(facts).toContain(
      "The Millbrook council voted on Tuesday to close the old harbour bridge to lorries from 3 March, after engineers found cracks in two of its steel supports.",
    );
  });

  it("gives lower-case slug tags, a handful per entry", () => {
    for (const e of [...draft().doc.quotes, ...draft().doc.facts]) {
      expect(e.tags.length).toBeGreaterThan(0);
      expect(e.tags.length).toBeLessThanOrEqual(5);
      for (const t of e.tags) expect(t).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    const first = draft().doc.facts.find((f) => f.text.startsWith("The Millbrook council"))!;
    expect(first.tags).toContain("millbrook");
  });

  it("generates who-is and what-did-X-say questions, kept apart from hand-written questions", () => {
    const d = draft();
    const yaml = parse(draftYaml(d, "x")) as { quotes: Record<string, unknown>[]; facts: Record<string, unknown>[] };
    for (const e of [...yaml.quotes, ...yaml.facts]) expect(e.questions).toBeUndefined();
    const who = d.doc.facts.find((f) => f.text === "Petra Lund is the council's head of roads.")!;
    expect(who.generated_questions).toEqual(
      expect.arrayContaining([
        "Who is Petra Lund?",
        "What is Petra Lund's job?",
        "What does Petra Lund do for a living?",
      ]),
    );
    // No workplace named ("at …", "for …"): no "Where does she work?".
    expect(who.generated_questions).not.toContain("Where does Petra Lund work?");
    const q = d.doc.quotes.find((x) => x.text.startsWith("We cannot"))!;
    expect(q.generated_questions.some((g) => /^What did Petra Lund say about .+\?$/.test(g))).toBe(true);
    // Omar has no role: none is invented ("Omar is …"); the article's own relative clause says who he is.
    expect(d.doc.facts.some((f) => f.text.startsWith("Omar is"))).toBe(false);
    const omar = d.doc.facts.find((f) => f.text === "Omar, who runs a bakery beside the bridge.")!;
    expect(omar.generated_questions).toEqual(["Who is Omar?", "What does Omar do for a living?"]);
    // Numbers and dates get a how-many / when question.
    const traffic = d.doc.facts.find((f) => f.text.includes("4,200"))!;
    expect(traffic.generated_questions).toContain("How many vehicles?");
  });

  it("the loader feeds generated questions to the ranking after the hand-written ones", () => {
    const d = draft();
    const k = parseKnowledgeFile("m.yaml", draftYaml(d, "x"), () => d.text);
    const e = k.entries.find((x) => x.kind === "fact" && x.text.startsWith("Petra Lund is"))!;
    expect(e.questions).toContain("Who is Petra Lund?");
  });

  it("omits a role the article does not give, and says so", () => {
    const d = draft();
    const omar = d.doc.speakers.find((s) => s.id === "omar")!;
    expect("role" in omar).toBe(false);
    expect(d.warnings.some((w) => w.includes("speaker without role: Omar"))).toBe(true);
    expect(d.warnings.some((w) => w.includes("check the speaker (Omar)"))).toBe(true);
    expect(d.warnings).toContain("unresolved pronoun: “he said” in paragraph 9");
  });

  it("leaves an unattributed quotation in its sentence's fact and flags it", () => {
    const a: Attribution = {
      ...ATTRIBUTION,
      quotes: ATTRIBUTION.quotes.map((q, i) => (i === 2 ? { ...q, speakerId: null } : q)),
    };
    const d = draftKnowledge(ARTICLE, a, { id: "m" });
    expect(d.doc.quotes.some((q) => q.text.startsWith("My deliveries"))).toBe(false);
    expect(d.doc.facts.some((f) => f.text.includes("My deliveries will take twice as long now"))).toBe(true);
    expect(d.warnings.some((w) => w.startsWith("unattributed quote"))).toBe(true);
    expect(d.doc.speakers.some((s) => s.id === "omar")).toBe(false);
  });

  it("makes every id unique, readable and valid, also against the ids the folder already uses", () => {
    const plain = draft();
    const ids = [...plain.doc.quotes, ...plain.doc.facts].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    expect(plain.doc.quotes[0]!.id.startsWith("lund-")).toBe(true);

    const taken = {
      sources: new Set<string>(),
      entries: new Set(ids),
      speakers: new Map([
        ["petra-lund", { name: "Petra Lund", role: "the council's head of roads" }],
        ["omar", { name: "Omar", role: "a fisherman" }],
      ]),
    };
    const d = draftKnowledge(ARTICLE, ATTRIBUTION, { id: "millbrook-2", taken });
    for (const e of [...d.doc.quotes, ...d.doc.facts]) expect(taken.entries.has(e.id)).toBe(false);
    // The same person keeps the shared id; another Omar gets his own.
    expect(d.doc.speakers.map((s) => s.id)).toEqual(["petra-lund", "omar-2"]);
  });

  it("defaults the id to a slug of the headline, within the schema's rules", () => {
    const d = draftKnowledge(
      {
        ...ARTICLE,
        title: "Ärger am Hafen: “The bridge’s cracks” — a very long headline that goes on and on for many words",
      },
      ATTRIBUTION,
    );
    expect(d.id).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    expect(d.id.startsWith("arger-am-hafen-the-bridge-cracks")).toBe(true);
    expect(d.doc.source.text).toBe(`${d.id}.txt`);
  });

  it("names a speaker by the fullest form of the name the article gives, the short one kept as an alias", () => {
    const article = {
      ...ARTICLE,
      paragraphs: [...ARTICLE.paragraphs, "Petra Ilse Marie Lund has led the roads department since 2019."],
    };
    const d = draftKnowledge(article, ATTRIBUTION, { id: "m" });
    const lund = d.doc.speakers.find((s) => s.aliases.includes("Petra Lund"))!;
    expect(lund.name).toBe("Petra Ilse Marie Lund");
    expect(d.doc.facts.some((f) => f.text.startsWith("Petra Ilse Marie Lund is"))).toBe(true);
    // Without a fuller form in the text the name stays as the quotes give it.
    expect(draft().doc.speakers.map((s) => s.name)).toContain("Petra Lund");
  });

  it("states the byline as a fact whose generated questions leave out the headline's words", () => {
    const byline = draft().doc.facts.find((f) => f.id.endsWith("-byline"))!;
    expect(byline.text).toContain("Jo Tester");
    // "Who closed the harbour bridge?" must not find the byline through "harbour bridge" in its questions.
    for (const q of byline.generated_questions) expect(q).not.toMatch(/harbour|bridge|millbrook|lorries/i);
  });

  it("accepts an article without byline or date, and warns", () => {
    const d = draftKnowledge(
      { ...ARTICLE, reporters: [], byline: null, published: null, publisher: null },
      ATTRIBUTION,
      { id: "nb" },
    );
    expect(d.doc.source.reporters).toEqual([]);
    expect(d.doc.source.date).toBeUndefined();
    expect(d.text.split("\n")[1]).toBe("");
    expect(d.warnings).toEqual(expect.arrayContaining(["no publication date found", "no byline (no named reporter)"]));
    expect(d.warnings.some((w) => w.startsWith("no publisher"))).toBe(true);
    expect(() => parseKnowledgeFile("nb.yaml", draftYaml(d, "x"), () => d.text)).not.toThrow();
  });
});

describe("facts", () => {
  it("one fact per informative sentence; two long clauses joined by ';' give two", () => {
    const p = [
      "The council met for four hours on Monday evening; the vote to close the bridge passed by seven votes to two.",
    ];
    const facts = makeFacts(p, [], articleVocabulary(p));
    expect(facts.map((f) => f.text)).toEqual([
      "The council met for four hours on Monday evening.",
      "The vote to close the bridge passed by seven votes to two.",
    ]);
  });
  it("a quotation opening its sentence with the speech verb after it, or after a colon, is not a fact", () => {
    const p = [
      '"We have paid every driver for four years. This Friday, for the first time, I cannot promise them that," Iorga told the paper in an interview at the company\'s offices.',
      'The minister wrote on the social network Quill on Wednesday: "Thousands of families did not buy a single camera. They bought a car."',
      'Iorga said the company had "done nothing wrong" and that it had offered to place the stake in a trust.',
    ];
    const spans = [
      { paragraph: 0, start: 1, end: p[0]!.indexOf('," Iorga') + 1 },
      { paragraph: 1, start: p[1]!.indexOf('"') + 1, end: p[1]!.length - 1 },
      { paragraph: 2, start: p[2]!.indexOf('"') + 1, end: p[2]!.indexOf('" and') },
    ];
    expect(makeFacts(p, spans, articleVocabulary(p)).map((f) => f.text)).toEqual([p[2]]);
  });
  it("drops photo credits and very short lines", () => {
    const p = [
      "A lorry crosses the bridge. Photo by Jo Tester / AP",
      "Related stories",
      "The bridge opened in 1931 and was last repaired in 1988.",
    ];
    expect(makeFacts(p, [], articleVocabulary(p)).map((f) => f.text)).toEqual([
      "A lorry crosses the bridge.",
      "The bridge opened in 1931 and was last repaired in 1988.",
    ]);
  });
});

describe("review", () => {
  it("lists title, byline, date, publisher, counts, speakers with role and quotes, and the warnings", () => {
    const text = reviewText(draft(), null);
    expect(text).toContain("“Millbrook closes harbour bridge to lorries after cracks found”");
    expect(text).toContain("by Jo Tester · 2026-02-10 · Test Wire");
    expect(text).toMatch(/2 speakers, 3 quotes, \d+ facts/);
    expect(text).toContain("Petra Lund, the council's head of roads: 2 quotes");
    expect(text).toContain("Omar (no role): 1 quote");
    expect(text).toContain("! speaker without role: Omar");
    expect(text).toContain("dry run: nothing written");
  });
});

describe("rendering imported knowledge", () => {
  const source: Source = { id: "s", title: "T", publisher: "P", reporters: [] };
  it("shows a speaker without role by name alone and a source without reporters without 'by'", () => {
    const a: Answer = { id: "q", kind: "quote", text: "x", speaker: { name: "Omar" }, source, confidence: 1 };
    expect(speakerLine(a)).toBe("Omar");
    expect(speakerLine({ ...a, speaker: { name: "Petra Lund", role: "head of roads" } })).toBe(
      "Petra Lund, head of roads",
    );
    expect(sourceLine(source)).toBe("P, “T”");
  });
});

describe("any article", () => {
  it("gives a file the loader accepts (paragraphs of the samples shuffled, cut and mixed with odd text)", async () => {
    const fc = await import("fast-check");
    const { readFileSync, readdirSync } = await import("node:fs");
    const { attributeQuotes } = await import("../../src/import/attribute.js");
    const dir = new URL("../fixtures/articles/", import.meta.url);
    const pool = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .flatMap((f) => readFileSync(new URL(f, dir), "utf8").split("\n").slice(2))
      .filter((p) => p.trim() !== "");
    const odd = fc.oneof(
      fc.constantFrom(...pool),
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '"',
        "“unclosed quote, said nobody",
        'She said: "',
        "— : ;",
        "«a» « b »",
        "a long list of words with no end in sight ".repeat(90),
        "’s ’s",
      ),
    );
    fc.assert(
      fc.property(fc.array(odd, { minLength: 1, maxLength: 12 }), fc.string({ maxLength: 80 }), (paragraphs, title) => {
        const cleaned = paragraphs.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p !== "");
        if (cleaned.length === 0) return;
        const article: ExtractedArticle = { ...ARTICLE, title, paragraphs: cleaned };
        const d = draftKnowledge(article, attributeQuotes(cleaned, { reporters: article.reporters }));
        expect(() => parseKnowledgeFile(`${d.id}.yaml`, draftYaml(d, "x"), () => d.text)).not.toThrow();
      }),
      { numRuns: 60, seed: 10 },
    );
  });
});

describe("definition questions", () => {
  it("asks what a named thing is", async () => {
    const { definitionQuestions } = await import("../../src/import/facts.js");
    expect(definitionQuestions("Critics have nicknamed the system “the Glass Wall”, because they say so.")).toEqual([
      "What is the Glass Wall?",
    ]);
    expect(
      definitionQuestions("Sasha is one of thousands running what creators call “clip farms”: small crews."),
    ).toEqual(["What are clip farms?"]);
    expect(definitionQuestions("The project, officially called the National Digital Shield, has cost a lot.")).toEqual([
      "What is the National Digital Shield?",
    ]);
    expect(definitionQuestions("He spoke of what he called “the chaos of an ungoverned network”.")).toEqual([]);
    expect(definitionQuestions("The council voted on Tuesday.")).toEqual([]);
  });
});

describe("what the article says around a quote and a speaker", () => {
  // Written for this test; the names are invented.
  const paragraphs = [
    "Harbourmaster Ilsa Brennick said the new pontoon would open in May, two months late.",
    '"We underestimated the tides," Brennick said. "Nobody here will make that mistake twice."',
    '"The queue was gone by nine," said Tomas Reyl, 63, who has fished from the harbour since 1981.',
  ];
  const at = (p: number, text: string) => {
    const start = paragraphs[p]!.indexOf(text);
    return { paragraph: p, start, end: start + text.length };
  };
  const attribution: Attribution = {
    speakers: [
      {
        id: "brennick",
        name: "Ilsa Brennick",
        role: "harbourmaster",
        aliases: ["Brennick"],
        kind: "person",
        gender: "f",
      },
      { id: "reyl", name: "Tomas Reyl", role: null, aliases: ["Reyl"], kind: "person", gender: "m" },
    ],
    quotes: [
      {
        text: "We underestimated the tides,",
        speakerId: "brennick",
        ...at(1, "We underestimated the tides,"),
        context: "Brennick said",
        confident: true,
      },
      {
        text: "Nobody here will make that mistake twice.",
        speakerId: "brennick",
        ...at(1, "Nobody here will make that mistake twice."),
        context: "",
        confident: true,
      },
      {
        text: "The queue was gone by nine,",
        speakerId: "reyl",
        ...at(2, "The queue was gone by nine,"),
        context: "said Tomas Reyl, 63, who has fished from the harbour since 1981",
        confident: true,
      },
    ],
    warnings: [],
  };
  const d = draftKnowledge({ ...ARTICLE, paragraphs }, attribution, { id: "harbour" });

  it("gives a quote with a bare attribution the reporting sentence it follows up, past the speaker's other quote", () => {
    const lead = "Harbourmaster Ilsa Brennick said the new pontoon would open in May, two months late.";
    expect(d.doc.quotes.find((q) => q.text.startsWith("We underestimated"))!.context).toBe(lead);
    expect(d.doc.quotes.find((q) => q.text.startsWith("Nobody here"))!.context).toBe(lead);
    // A quote whose own sentence says enough keeps it.
    expect(d.doc.quotes.find((q) => q.text.startsWith("The queue"))!.context).toContain("who has fished");
  });

  it("says who a speaker without a role is from the article's relative clause, with the age it gives", () => {
    const reyl = d.doc.facts.find((f) => f.text.startsWith("Tomas Reyl"))!;
    expect(reyl.text).toBe("Tomas Reyl, 63, has fished from the harbour since 1981.");
    expect(reyl.generated_questions).toEqual([
      "Who is Tomas Reyl?",
      "How old is Tomas Reyl?",
      "What does Tomas Reyl do for a living?",
    ]);
  });

  it("takes no relative clause that only reports ('who asked not to be named' is kept; 'who said' is not)", async () => {
    const { relativeClause } = await import("../../src/import/draft.js");
    expect(relativeClause({ name: "Ana Pell", aliases: [] }, "Ana Pell, who said nothing, left.")).toBeNull();
    expect(relativeClause({ name: "Ana Pell", aliases: [] }, "Ana Pell left early.")).toBeNull();
    expect(
      relativeClause({ name: "Ana Pell", aliases: ["Pell"] }, "Later Pell, a nurse, who runs the clinic, spoke."),
    ).toEqual({
      appositives: ["a nurse"],
      clause: "runs the clinic",
    });
  });
});

describe("splitAttribution with the source's own relative clause", () => {
  it("moves 'according to X, which …' whole into the attribution", () => {
    expect(
      splitAttribution("The outage ended at 12:10 p.m., according to the Harbour Authority, which runs the ferries."),
    ).toEqual({ text: "The outage ended at 12:10 p.m.", attribution: "the Harbour Authority, which runs the ferries" });
    expect(
      splitAttribution("Prices rose, according to the ministry, which blamed the drought, and shops closed."),
    ).toEqual({
      text: "Prices rose, and shops closed.",
      attribution: "the ministry, which blamed the drought",
    });
  });
});
