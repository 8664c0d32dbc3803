import { describe, expect, it } from "vitest";
import { draftKnowledge, relativeClause, type Attribution } from "../../src/import/draft.js";
import {
  agentQuestions,
  articleVocabulary,
  possessor,
  countedThing,
  fullNameOf,
  jobQuestions,
  makeFacts,
  numberQuestions,
  personQuestions,
  personRoles,
  populationQuestions,
  quoteLeadIn,
  rankQuestions,
  topicsOf,
} from "../../src/import/facts.js";
import { readInterview } from "../../src/import/interview.js";
import { textArticle } from "./article.js";

// Short texts written for these tests; every name is invented.
const P = [
  "The first time I meet Wenna Tarrick-Lowe, she is up a ladder outside the chapel.",
  "Tarrick-Lowe, 44, is a former radio engineer who moved to the valley in 2018.",
  "Her neighbour, Osric Pellew, 61, has worked the ferry for 30 years.",
  "Pellew, 61, spoke to us on the quay at Dunmere.",
  "Hebe Calloway lives in the last house on the lane.",
  "Calloway is 74.",
];
const vocab = articleVocabulary(P);

describe("fullNameOf: the full name a surname stands for", () => {
  it("finds the one full name the article gives with the surname", () => {
    expect(fullNameOf("Tarrick-Lowe", vocab)).toBe("Wenna Tarrick-Lowe");
    expect(fullNameOf("Mr Pellew", vocab)).toBe("Osric Pellew");
    expect(fullNameOf("Osric Pellew", vocab)).toBe("Osric Pellew");
  });
  it("prefers the quoted person when two of a family share it, and knows no one else", () => {
    const v = articleVocabulary(["Ada Brisk runs the farm her father, Tobin Brisk, sold.", "Brisk, 39, was a clerk."]);
    expect(fullNameOf("Brisk", v)).toBeNull();
    expect(fullNameOf("Brisk", v, ["Ada Brisk"])).toBe("Ada Brisk");
    expect(fullNameOf("Dunmere", vocab)).toBeNull();
  });
});

describe("personQuestions: who-is and age questions under the full name", () => {
  const full = (n: string) => fullNameOf(n, vocab);
  it("asks who and how old from 'Surname, 44, is a …'", () => {
    expect(personQuestions(P[1]!, null, new Map(), full)).toEqual([
      "Who is Wenna Tarrick-Lowe?",
      "How old is Wenna Tarrick-Lowe?",
    ]);
  });
  it("asks who from 'has worked …' after an age, but only the age from 'spoke to us'", () => {
    expect(personQuestions(P[2]!, null, new Map(), full)).toContain("Who is Osric Pellew?");
    expect(personQuestions(P[3]!, null, new Map(), full)).toEqual(["How old is Osric Pellew?"]);
  });
  it("asks nothing under a surname it cannot tie to one full name", () => {
    expect(personQuestions("Marrick, 50, is a baker.", null, new Map(), full)).toEqual([]);
  });
});

describe("makeFacts: short age sentences and who-is questions", () => {
  const facts = makeFacts(P, [], vocab);
  it("keeps 'Calloway is 74.' as a fact, asking the age under the full name", () => {
    const short = facts.find((f) => f.text === "Calloway is 74.");
    expect(short?.generated).toContain("How old is Hebe Calloway?");
    expect(makeFacts(["Nobody is 74."], [], vocab).map((f) => f.text)).toEqual([]);
  });
  it("asks who a speaker without a who-is fact of their own is, on the sentence that says it", () => {
    const withSpeaker = makeFacts(P, [], vocab, ["Wenna Tarrick-Lowe"], null, [], []);
    expect(withSpeaker.find((f) => f.text.startsWith("Tarrick-Lowe, 44"))!.generated).toContain(
      "Who is Wenna Tarrick-Lowe?",
    );
    const described = makeFacts(P, [], vocab, ["Wenna Tarrick-Lowe"]);
    expect(described.flatMap((f) => f.generated)).not.toContain("Who is Wenna Tarrick-Lowe?");
  });
});

describe("draftKnowledge: who-is facts for speakers", () => {
  const paragraphs = [
    '"The boat was full by six," said Edda Morrow, who runs the chandlery on Quay Street.',
    'Mrs Morrow\'s brother, Cal, who crews the pilot boat, was ashore that night. "I heard the maroons," he said.',
    '"We had water up to our knees," Mr Brannock, 58, said. Sefton Brannock is the skipper of the Good Intent.',
    '"Nobody saw it coming," said Ilse Varrow.',
    "Varrow, 52, has worked at the lifeboat station for 19 years.",
    'The harbour master on Skarn Island, Bryn Tolley, rang me. "Hold the line," he said.',
    'In a cottage on the edge of Dunmere, Mab Kettle, 80, keeps bees. "They know me," she said.',
  ];
  const at = (p: number, text: string) => {
    const start = paragraphs[p]!.indexOf(text);
    return { paragraph: p, start, end: start + text.length };
  };
  const quote = (p: number, text: string, speakerId: string) => ({
    text,
    speakerId,
    ...at(p, text),
    context: "",
    confident: true,
  });
  const attribution: Attribution = {
    speakers: [
      { id: "morrow", name: "Edda Morrow", role: null, aliases: ["Morrow"], kind: "person", gender: "f" },
      { id: "cal", name: "Cal", role: null, aliases: [], kind: "person", gender: "m" },
      {
        id: "brannock",
        name: "Sefton Brannock",
        role: "the skipper of the Good Intent",
        aliases: ["Brannock", "Mr Brannock"],
        kind: "person",
        gender: "m",
      },
      { id: "varrow", name: "Ilse Varrow", role: null, aliases: ["Varrow"], kind: "person", gender: "f" },
      { id: "tolley", name: "Bryn Tolley", role: null, aliases: ["Tolley"], kind: "person", gender: "m" },
      { id: "kettle", name: "Mab Kettle", role: null, aliases: ["Kettle"], kind: "person", gender: "f" },
    ],
    quotes: [
      quote(0, "The boat was full by six,", "morrow"),
      quote(1, "I heard the maroons,", "cal"),
      quote(2, "We had water up to our knees,", "brannock"),
      quote(3, "Nobody saw it coming,", "varrow"),
      quote(5, "Hold the line,", "tolley"),
      quote(6, "They know me,", "kettle"),
    ],
    warnings: [],
  };
  const d = draftKnowledge(textArticle(paragraphs), attribution, { id: "harbour" });
  const fact = (start: string) => d.doc.facts.find((f) => f.text.startsWith(start));

  it("keeps 'who' when the relative clause is all that says who a speaker is", () => {
    expect(fact("Edda Morrow")?.text).toBe("Edda Morrow, who runs the chandlery on Quay Street.");
  });
  it("puts the noun phrase before the name first ('Mrs Morrow's brother, Cal, who …')", () => {
    expect(fact("Mrs Morrow's brother")?.text).toBe("Mrs Morrow's brother, Cal, who crews the pilot boat.");
    expect(relativeClause({ name: "Cal", aliases: [] }, paragraphs[1]!)?.lead).toBe("Mrs Morrow's brother");
  });
  it("gives a speaker's who-is fact the age the article puts beside the name where it quotes them", () => {
    const who = fact("Sefton Brannock")!;
    expect(who.text).toBe("Sefton Brannock, 58, is the skipper of the Good Intent.");
    expect(who.generated_questions).toContain("How old is Sefton Brannock?");
  });
  it("restates the noun phrase the article sets before a speaker's name as their who-is fact", () => {
    expect(fact("Bryn Tolley")?.text).toBe("Bryn Tolley is the harbour master on Skarn Island.");
    expect(fact("Bryn Tolley")?.generated_questions).toContain("Who is Bryn Tolley?");
    // "on the edge of Dunmere, Mab Kettle," is a place, not who she is (her age, "Mab Kettle, 80,", is a fact).
    expect(d.doc.facts.some((f) => /^Mab Kettle is (?!80\.)/.test(f.text))).toBe(false);
    expect(d.doc.facts.some((f) => f.text === "Mab Kettle is 80.")).toBe(true);
  });
  it("asks who a speaker is on the sentence that says it, not on their first quote", () => {
    expect(fact("Varrow, 52")!.generated_questions).toContain("Who is Ilse Varrow?");
    const first = d.doc.quotes.find((q) => q.speaker === "varrow")!;
    expect(first.generated_questions).not.toContain("Who is Ilse Varrow?");
  });
});

describe("makeFacts: an interview answer that opens short", () => {
  const paragraphs = [
    "Q&A: the lock keeper who kept the canal open",
    "Q: Why did you refuse?",
    "A: Because I measured it. The barges were two metres too wide for the lock at Ferrow.",
    "Q: What happens now?",
    "A: Sleep.",
  ];
  const interview = readInterview(paragraphs, "Q&A: the lock keeper", []);
  const facts = makeFacts(paragraphs, [], articleVocabulary(paragraphs), [], interview);
  it("reads the short answer with the sentence after it, under the question", () => {
    const f = facts.find((x) => x.text.startsWith("Because I measured it."));
    expect(f?.text).toBe("Because I measured it. The barges were two metres too wide for the lock at Ferrow.");
    expect(f?.generated).toContain("Why did you refuse?");
  });
  it("keeps an answer that is all short as the answer to its question", () => {
    expect(facts.find((x) => x.text === "Sleep.")?.generated).toEqual(["What happens now?"]);
  });
  it("still drops short sentences outside an interview", () => {
    expect(makeFacts(["Because I measured it.", "See?"], [], vocab).map((f) => f.text)).toEqual([]);
  });
});

describe("numberQuestions: what a number counts", () => {
  const v = articleVocabulary([""]);
  it("asks about the counted thing, adjectives kept, the words after it left out", () => {
    expect(countedThing("small radios on roofs")).toBe("small radios");
    expect(countedThing("acres back in 2020")).toBe("acres");
    expect(countedThing("passengers held signs")).toBe("passengers");
    expect(countedThing("Iranians, or roughly half")).toBe("Iranians");
  });
  it("asks nothing of a year, a clock time, a label or a name after the number", () => {
    expect(numberQuestions("In February 2025 Threadwell announced it would shut down on 30 April.", v)).toEqual([]);
    expect(numberQuestions("At 7:45 p.m. the day shift at ward 9 hands over to the night.", v)).toEqual([]);
    expect(numberQuestions("Nobody edits after 11 pm on a school night here.", v)).toEqual([]);
  });
  it("passes a year or a label to count what comes after", () => {
    expect(numberQuestions("In 2020 the company had 9,000 drivers in three cities.", v)).toEqual(["How many drivers?"]);
    expect(numberQuestions("The firm employs 140 people and checks ages.", v)).toEqual(["How many people?"]);
  });
});

describe("makeFacts: an explainer's subheadings", () => {
  const paragraphs = [
    "The canal law, explained: what changes for boat owners and what happens next this spring.",
    "Who has to register?",
    "Every boat longer than seven metres that moors on the canal for more than two nights must be registered.",
    "Houseboats moored at a private wharf are exempt from the rule entirely.",
    "The first inspections begin at the Ferrow lock in March, the waterways board said.",
    '"Why now?" asked one owner at the meeting in Ferrow last week.',
  ];
  const facts = makeFacts(paragraphs, [], articleVocabulary(paragraphs));
  it("is no fact, and is the question the first two facts under it answer", () => {
    expect(facts.map((f) => f.text)).not.toContain("Who has to register?");
    const asked = facts.filter((f) => f.generated.includes("Who has to register?")).map((f) => f.text);
    expect(asked).toEqual([paragraphs[2], paragraphs[3]]);
  });
  it("is not read into a quoted question", () => {
    expect(facts.some((f) => f.text.startsWith('"Why now?"'))).toBe(true);
  });
});

describe("quoteLeadIn: what the reporting before a quotation says", () => {
  const lead = (s: string, q: string) => {
    const start = s.indexOf(q);
    return quoteLeadIn(s, 0, [{ paragraph: 0, start, end: start + q.length }]);
  };
  it("keeps the reporting as a fact, the speech formula cut", () => {
    expect(
      lead(
        'My uncle was a cooper at the brewery, and he always said, "Oak forgives nothing."',
        "Oak forgives nothing.",
      ),
    ).toBe("My uncle was a cooper at the brewery.");
    expect(
      lead('On my first day the chair of the trust, Edda Vorn, showed me the ledgers and said, "Fix it."', "Fix it."),
    ).toBe("On my first day the chair of the trust, Edda Vorn, showed me the ledgers.");
  });
  it("gives nothing for a bare attribution or a quotation that opens the sentence", () => {
    expect(lead('Vorn said: "We have to admit it was late."', "We have to admit it was late.")).toBeNull();
    expect(lead('"It is over," she said to the crowd at the quay.', "It is over,")).toBeNull();
  });
  it("makes the lead-in a fact beside the quote entry", () => {
    const p = 'My uncle was a cooper at the brewery, and he always said, "Oak forgives nothing, and neither do I."';
    const q = "Oak forgives nothing, and neither do I.";
    const start = p.indexOf(q);
    const facts = makeFacts([p], [{ paragraph: 0, start, end: start + q.length }], articleVocabulary([p]));
    expect(facts.map((f) => f.text)).toEqual(["My uncle was a cooper at the brewery."]);
  });
});

describe("populationQuestions: a place's size as news gives it", () => {
  it("asks the population of a place described as 'a country of N people'", () => {
    expect(populationQuestions("Drivers in Marvessa, a country of 3.4 million people, went on strike.")).toEqual([
      "What is the population of Marvessa?",
      "How many people live in Marvessa?",
    ]);
    expect(populationQuestions("The ferry is all the town of 900 residents has.")).toEqual([
      "How many people live in the town?",
    ]);
  });
  it("asks nothing of a place with no head count", () => {
    expect(populationQuestions("The city of Drummel has 40 cafes and one cinema.")).toEqual([]);
  });
});

describe("personRoles: a vessel or a machine is no one's job", () => {
  it("does not read 'the trawler Morwenna Belle' as a person's role", () => {
    const ps = ["The 18-metre trawler Kittiwake Rose began taking on water south of Penhallow Head at 1am."];
    expect(personRoles(ps, articleVocabulary(ps)).has("Kittiwake Rose")).toBe(false);
  });
});

describe("topicsOf: what a quote is about", () => {
  const v = articleVocabulary(["Marit Hallgren met the crews on the quay."]);
  it("is never a pronoun's contraction or a word that opened a quotation", () => {
    const topics = topicsOf("I'm with your crews, but I have a school with no teachers on the island.", v);
    expect(topics).not.toContain("I'm");
    expect(topics).toContain("teachers");
    expect(topicsOf("My manager asked me, 'Have you ever made cider?' and I said no.", v)).not.toContain("Have");
  });
  it("keeps the names a quote mentions", () => {
    expect(topicsOf("The crews will wait for Marit Hallgren on the quay.", v)).toContain("Marit Hallgren");
  });
});

describe("rankQuestions: a sentence that ranks something", () => {
  it("asks the rank where an ordinal stands before a superlative", () => {
    expect(rankQuestions("Exports rose 12 percent, the third-largest rise in the region.")).toEqual([
      "How does it rank in the region?",
    ]);
    expect(rankQuestions("Harwick is now the 4th busiest port worldwide.")).toEqual(["How does it rank worldwide?"]);
  });
  it("asks nothing of an ordinal alone or a superlative alone", () => {
    expect(rankQuestions("It was the third time the ferry had broken down this year.")).toEqual([]);
    expect(rankQuestions("It is the biggest port on the coast.")).toEqual([]);
  });
});

describe("jobQuestions: how readers ask what a person does", () => {
  it("asks for a living, and where they work when the words name a workplace", () => {
    expect(jobQuestions("Halima Vostrikova", "studies rural connectivity at the University of Lorne")).toEqual([
      "What does Halima Vostrikova do for a living?",
      "Where does Halima Vostrikova work?",
    ]);
    expect(jobQuestions("Ilse Varga", "runs a flower shop in the port city of Drummel")).toEqual([
      "What does Ilse Varga do for a living?",
    ]);
  });
  it("a relation, a defendant or a pupil is no job", () => {
    expect(jobQuestions("Rhona Ashcombe", "her daughter")).toEqual([]);
    expect(jobQuestions("Piran Roskilly", "Mrs Roskilly's husband")).toEqual([]);
    expect(jobQuestions("Dane Urquell", "the defendant")).toEqual([]);
    expect(jobQuestions("Mina Calder", "a 15-year-old sophomore at Harbor View High School")).toEqual([]);
  });
  it("a relative clause says a job only by a verb of work, and not of a relation named before", () => {
    expect(jobQuestions("Anke Loria", "runs a flower shop", true)).toEqual(["What does Anke Loria do for a living?"]);
    expect(jobQuestions("Nadia Orrel", "had her second child at the ward in August", true)).toEqual([]);
    expect(jobQuestions("Mikkel", "runs the ferry kiosk", true, "Her husband")).toEqual([]);
  });
});

describe("agentQuestions: who owns, chairs or runs a thing, asked by the verb", () => {
  it("reads the agent noun of a possessive or a compound beside the name it gives", () => {
    expect(agentQuestions("The mill's owner, the Tessing Family Trust, has sold the looms.", true)).toEqual([
      "Who owns the mill?",
      "Who runs the mill?",
    ]);
    expect(agentQuestions("the allotment society's chair", true)).toEqual([
      "Who chairs the allotment society?",
      "Who runs the allotment society?",
    ]);
    // "Who runs the bus?" would ask where it goes: an operator is only asked by "operates".
    expect(agentQuestions("The bus operator, Dunfold Coaches, cut the route.", true)).toEqual([
      "Who operates the bus?",
    ]);
  });
  it("asks nothing without a name to answer, or of an office ('head of roads') or a pronoun's thing", () => {
    expect(agentQuestions("The mill's owner has sold the looms.", false)).toEqual([]);
    expect(agentQuestions("the council's head of roads", true)).toEqual([]);
    expect(agentQuestions("Her manager, Jo Bell, said no.", true)).toEqual([]);
  });
});

describe("agentQuestions with 'Its chair, X, …': the body the sentence before names", () => {
  it("asks of the body a possessive pronoun stands for", () => {
    const owner = possessor(null, "Most farms are too far away, according to the upland growers' cooperative.");
    expect(owner).toBe("the upland growers' cooperative");
    expect(agentQuestions("Its chair, Brenna Vossholm, said the herds would go.", true, owner)).toEqual([
      "Who chairs the upland growers' cooperative?",
      "Who runs the upland growers' cooperative?",
    ]);
    // The name the fact leans on comes first.
    expect(possessor("Tessing Trust", "It met on Monday with the parish council.")).toBe("Tessing Trust");
  });
  it("asks nothing when no body is named before, or no name is given beside the agent", () => {
    expect(possessor(null, "It rained all week.")).toBeNull();
    expect(agentQuestions("Its chair said the herds would go.", false, "the cooperative")).toEqual([]);
  });
});
