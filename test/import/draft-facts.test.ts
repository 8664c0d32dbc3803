import { describe, expect, it } from "vitest";
import { draftKnowledge } from "../../src/import/draft.js";
import { attributeQuotes } from "../../src/import/attribute.js";
import { textArticle } from "./article.js";
import {
  antecedent,
  articleSetting,
  articleVocabulary,
  leadingClause,
  relativeClauses,
  makeFacts,
  mentions,
  personQuestions,
  personRoles,
} from "../../src/import/facts.js";

// Short texts written for these tests; every name is invented.
const P = [
  "Velora, a ride-hailing company based in Drenic, said on Monday that it would stop paying drivers.",
  "It was founded in 2015 by two engineers and now has 9,000 drivers.",
  "The company said the payments would resume in June.",
  "Hana Lindqvist, a transport analyst at Borrow Capital, said the delay was the longest she had seen.",
  "She said most drivers had no savings to fall back on.",
  "Miro Kastelan, 52, has driven for Velora since 2019.",
  "He is 52.",
  "They drive cars in three cities.",
];
const vocab = articleVocabulary(P);

describe("antecedent: what a leading pronoun or 'the company' stands for", () => {
  it("resolves 'It' to the named thing in the sentence before", () => {
    expect(antecedent(P[1]!, [P[0]!], vocab)).toBe("Velora");
  });
  it("resolves 'The company' to the name written next to 'company'", () => {
    expect(antecedent(P[2]!, [P[0]!, P[1]!], vocab)).toBe("Velora");
  });
  it("resolves 'She' to a person's name, not to the firm in the same sentence", () => {
    expect(antecedent(P[4]!, [P[3]!], vocab)).toBe("Hana Lindqvist");
  });
  it("does not guess for 'They', nor for a sentence that opens with a name", () => {
    expect(antecedent(P[7]!, [P[6]!], vocab)).toBeNull();
    expect(antecedent(P[3]!, [P[2]!], vocab)).toBeNull();
  });
  it("does not resolve 'The company' when no name stands next to the noun", () => {
    expect(
      antecedent("The company said nothing more about it.", ["Drivers waited all week in Drenic."], vocab),
    ).toBeNull();
  });
});

describe("personRoles: what the article calls a named person", () => {
  const roles = personRoles(P, vocab);
  it("takes the head noun of the appositive, for the full name and the surname", () => {
    expect(roles.get("Hana Lindqvist")).toBe("analyst");
    expect(roles.get("Lindqvist")).toBe("analyst");
  });
  it("leaves out a place or a body ('based in Drenic', 'at Borrow Capital')", () => {
    expect(roles.has("Borrow Capital")).toBe(false);
    expect(roles.has("Drenic")).toBe(false);
  });
  it("needs a noun that names a person", () => {
    const v = articleVocabulary(["Marta Quell, the center of attention, left early."]);
    expect(personRoles(["Marta Quell, the center of attention, left early."], v).size).toBe(0);
  });
});

describe("makeFacts: self-contained search aids", () => {
  const facts = makeFacts(P, [], vocab);
  const fact = (start: string) => facts.find((f) => f.text.startsWith(start))!;
  it("tags a pronoun fact with the name it stands for, the text kept verbatim", () => {
    expect(fact("It was founded").text).toBe(P[1]);
    expect(fact("It was founded").tags[0]).toBe("velora");
    expect(fact("The company said").tags).toContain("velora");
  });
  it("tags a fact about a named person with their role noun", () => {
    expect(fact("She said most drivers").tags).toEqual(expect.arrayContaining(["hana-lindqvist", "analyst"]));
  });
  it("asks who a non-speaker is where the article says it, and how old from 'X, 52,'", () => {
    expect(fact("Hana Lindqvist").generated).toEqual(
      expect.arrayContaining(["Who is Hana Lindqvist?", "What is Hana Lindqvist's job?"]),
    );
    expect(fact("Miro Kastelan").generated).toContain("How old is Miro Kastelan?");
  });
  it("keeps a short 'He is 52.' when its pronoun resolves, asking the age", () => {
    const short = makeFacts(["Miro Kastelan drives for Velora in Drenic.", "He is 52."], [], vocab);
    expect(short.map((f) => f.text)).toContain("He is 52.");
    expect(short.find((f) => f.text === "He is 52.")!.generated).toContain("How old is Miro Kastelan?");
    // Without a person before it, it is too short to be a fact.
    expect(makeFacts(["He is 52."], [], vocab).map((f) => f.text)).not.toContain("He is 52.");
  });
  it("does not ask who a speaker is (the speaker has a who-is fact of their own)", () => {
    const withSpeaker = makeFacts(P, [], vocab, ["Hana Lindqvist"]);
    expect(withSpeaker.flatMap((f) => f.generated)).not.toContain("Who is Hana Lindqvist?");
  });
  it("asks nothing about a person from a sentence that does not say who they are", () => {
    expect(personQuestions("Lindqvist left the meeting early on Monday.", null, personRoles(P, vocab))).toEqual([]);
  });
});

describe("draftKnowledge: the lead fact", () => {
  it("carries its own keyphrases only, not the headline's (the core credits a source's title words itself)", () => {
    const article = textArticle(P, "Sanctions leave Velora drivers unpaid", "velora.txt");
    const draft = draftKnowledge(article, { speakers: [], quotes: [], warnings: [] });
    const lead = draft.doc.facts.find((f) => f.text === P[0])!;
    expect(lead.tags).not.toContain("sanctions");
    expect(lead.tags).not.toContain("unpaid");
  });
});

describe("makeFacts: tags", () => {
  it("gives a fact three of its own keyphrases, after the name it leans on", () => {
    const facts = makeFacts(P, [], vocab);
    const own = facts.find((f) => f.text.startsWith("Velora, a ride-hailing"))!;
    expect(own.tags).toHaveLength(3);
    const leaning = facts.find((f) => f.text.startsWith("It was founded"))!;
    expect(leaning.tags).toHaveLength(4);
    expect(leaning.tags[0]).toBe("velora");
  });
});

describe("leadingClause: a leading subordinate clause is a claim of its own", () => {
  it("restates the clause before the main one", () => {
    expect(
      leadingClause("While Quill and Parrot are officially blocked, officials allow residents to use Loomr."),
    ).toBe("Quill and Parrot are officially blocked.");
    expect(
      leadingClause(
        "After regulators banned Parrot in May 2021 on security grounds, officials pushed local apps instead.",
      ),
    ).toBe("Regulators banned Parrot in May 2021 on security grounds.");
  });
  it("takes no phrase without a verb, no clause about the reporter, no short main clause", () => {
    expect(leadingClause("After street protests last year, the court banned the popular Parrot service.")).toBeNull();
    expect(leadingClause("As a result, entrepreneurs have come up with homegrown versions of apps.")).toBeNull();
    expect(leadingClause("When I put it to her that the firm had grown too fast, she laughed at the idea.")).toBeNull();
    expect(leadingClause("Although the ministry had warned everyone, nothing changed.")).toBeNull();
  });
  it("adds the clause as a fact beside the whole sentence", () => {
    const s = "While Quill and Parrot are officially blocked, officials allow residents of Vantara to use Loomr.";
    const texts = makeFacts([s], [], articleVocabulary([s])).map((f) => f.text);
    expect(texts).toEqual([s, "Quill and Parrot are officially blocked."]);
  });
});

describe("articleSetting: the place an article is set in", () => {
  const paragraphs = [
    "Regulators in Vantara blocked the messaging app Parrot on Monday.",
    "Vantarans have used Parrot since 2015, and Loomr since 2019.",
    "Authorities banned Quill in May on security grounds.",
    "Parrot said it would appeal, Loomr said nothing.",
  ];
  const v = articleVocabulary(paragraphs);
  it("is the name written in a quarter of the paragraphs or more that reads as a place", () => {
    // Parrot is written more often, but nothing says it is a place.
    expect(articleSetting(paragraphs, v)).toBe("Vantara");
    expect(articleSetting(paragraphs, v, ["Vantara"])).toBeNull();
    expect(articleSetting(paragraphs.slice(2), articleVocabulary(paragraphs.slice(2)))).toBeNull();
  });
  it("is mentioned by its people too", () => {
    expect(mentions("Vantarans have used Parrot since 2015.", "Vantara")).toBe(true);
    expect(mentions("Vantaran apps", "Vantara")).toBe(true);
    expect(mentions("Authorities banned Quill in May.", "Vantara")).toBe(false);
  });
  it("tags the facts and quotes that leave it unsaid", () => {
    const draft = draftKnowledge(textArticle(paragraphs, "Vantara blocks Parrot", "vantara.txt"), {
      speakers: [],
      quotes: [],
      warnings: [],
    });
    const tags = (start: string) => draft.doc.facts.find((f) => f.text.startsWith(start))!.tags;
    expect(tags("Authorities banned Quill")).toContain("vantara");
    expect(tags("Vantarans have used")).not.toContain("vantara");
  });
});

describe("makeFacts: a list joins the sentence that announces it", () => {
  it("makes one fact of 'X have come up with versions of apps.' and 'There is an app like Y, …'", () => {
    const p = [
      "As a result, Vantaran founders have come up with homegrown versions of foreign apps. There is a ride app similar to Parrot, another for groceries, and a local version of Loomr.",
      "There were no complaints at the hearing on Monday, officials in the capital said.",
    ];
    const texts = makeFacts(p, [], articleVocabulary(p)).map((f) => f.text);
    expect(texts[0]).toBe(p[0]);
    // Not across paragraphs: the second paragraph's sentence stands alone.
    expect(texts).toContain(p[1]);
    expect(texts).toHaveLength(2);
  });

  it("joins the list to the sentence itself, not to a clause fact made beside it", () => {
    const p = [
      "While Quill and Loomr are officially blocked, authorities allow Vantarans to use Parrot. There is an alternative ride app similar to Uber, called Snapp.",
    ];
    const texts = makeFacts(p, [], articleVocabulary(p)).map((f) => f.text);
    expect(texts[0]).toBe(p[0]);
    expect(texts).toContain("Quill and Loomr are officially blocked.");
    expect(texts.some((t) => t.startsWith("Quill and Loomr are officially blocked. There is"))).toBe(false);
  });
});

describe("relativeClauses: what a sentence says of a named person in passing", () => {
  it("restates 'Name, who …,' as a claim", () => {
    expect(
      relativeClauses(
        "Residents told Vantara Radio's Ines Obuya, who reported from the port this week, that they queue.",
      ),
    ).toEqual(["Vantara Radio's Ines Obuya reported from the port this week."]);
    expect(relativeClauses("Selma Ruddock, who runs a shop with 150,000 customers, closed it.")).toEqual([
      "Selma Ruddock runs a shop with 150,000 customers.",
    ]);
  });
  it("leaves out speakers, lists of names and reporting clauses", () => {
    const s = "Pia Lund, who chairs the board, spoke first.";
    expect(relativeClauses(s, ["Pia Lund"])).toEqual([]);
    expect(relativeClauses("Ministers including Pia Lund and Ivo Brandt, who often use the app, object.")).toEqual([]);
    expect(relativeClauses("Ivo Brandt, who said he was tired, left.")).toEqual([]);
    expect(relativeClauses("So, who should buy it?")).toEqual([]);
    expect(relativeClauses("Dr Ana Pell, who studies tides at Lorne, agreed.")).toEqual([
      "Dr Ana Pell studies tides at Lorne.",
    ]);
  });
});

describe("a paragraph that is no prose", () => {
  it("a 40,000-character run without a full stop is left out with a warning, its names read in passing only", () => {
    const names = ["the minister", "Velora", "Karsovia", "she added that", "officials in Drenic", "the company"];
    const run = Array.from({ length: 5000 }, (_, i) => names[i % names.length]).join(" said ");
    const paragraphs = ["Velora drivers in Drenic were not paid this week.", run];
    const draft = draftKnowledge(textArticle(paragraphs), attributeQuotes(paragraphs));
    expect(draft.warnings.some((w) => /left out a sentence over/.test(w))).toBe(true);
    expect(draft.doc.facts.map((f) => f.text)).toContain(paragraphs[0]);
  });
});
