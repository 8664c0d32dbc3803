import { describe, expect, it } from "vitest";
import { articleVocabulary } from "../../src/import/facts.js";
import { maskQuotes, personFacts, restates, withBodyNames } from "../../src/import/people-facts.js";

/** The derived facts of a short made-up article, as "text | questions" lines. */
function facts(...paragraphs: string[]) {
  return personFacts(paragraphs, articleVocabulary(paragraphs));
}
const texts = (...paragraphs: string[]) => facts(...paragraphs).map((f) => f.text);
const questionsOf = (text: string, ...paragraphs: string[]) =>
  facts(...paragraphs).find((f) => f.text === text)?.generated ?? [];

describe("appositives after a name", () => {
  it("reads an age and a home town", () => {
    const p = "Orwin Paskell-Dane, 63, of Briar Lane, Fennick Cross, was fined on Monday.";
    expect(texts(p)).toEqual(["Orwin Paskell-Dane is 63.", "Orwin Paskell-Dane is from Briar Lane, Fennick Cross."]);
    expect(questionsOf("Orwin Paskell-Dane is 63.", p)).toContain("How old is Orwin Paskell-Dane?");
    expect(questionsOf("Orwin Paskell-Dane is from Briar Lane, Fennick Cross.", p)).toContain(
      "Where does Orwin Paskell-Dane live?",
    );
  });

  it("restates a description, with where the person is from and the post asked about", () => {
    const p = "Hollis Marrak, a beekeeper from Stenmoor, lost every hive in the frost.";
    expect(texts(p)).toEqual(["Hollis Marrak is a beekeeper from Stenmoor.", "Hollis Marrak is from Stenmoor."]);
    const q = "Edda Lorrimer, 48, the choir's former treasurer, denied the charge.";
    expect(texts(q)).toEqual(["Edda Lorrimer, 48, is the choir's former treasurer."]);
    expect(questionsOf("Edda Lorrimer, 48, is the choir's former treasurer.", q)).toEqual(
      expect.arrayContaining([
        "Who is Edda Lorrimer?",
        "How old is Edda Lorrimer?",
        "Who is the choir's former treasurer?",
      ]),
    );
  });

  it("leaves places, dates, lists and quotations alone", () => {
    expect(texts("The bus runs to Harrowby Green, 40 miles away, twice a day.")).toEqual([]);
    expect(texts("They met in Cold Ashby, a village of 300 people.")).toEqual([]);
    expect(texts("Last August, the pair opened a shop.")).toEqual([]);
    expect(texts("Jorun Vell and Ailsa Brede, two nurses from the ward, wrote the letter.")).toEqual([]);
    expect(texts("“Tamsin Oake, the best baker in town, made it,” he said.")).toEqual([]);
  });

  it("asks what a body is, and who owns what it bought", () => {
    const p = "Garrow Mills, a regional flour group that bought the bakery in 2020, said it would close the site.";
    expect(questionsOf("Garrow Mills is a regional flour group that bought the bakery in 2020.", p)).toEqual(
      expect.arrayContaining(["What is Garrow Mills?", "Who owns the bakery?"]),
    );
  });
});

describe("titles and roles before a name", () => {
  it("reads a title noun and the team or place written with it", () => {
    expect(texts("The game turned when referee Delphine Arkwright-Soyer sent off two players.")).toEqual([
      "Delphine Arkwright-Soyer is the referee.",
    ]);
    expect(texts("Rovers boss Emlyn Tarrant-Hughes praised the crowd.")).toEqual([
      "Emlyn Tarrant-Hughes is the Rovers boss.",
    ]);
    expect(
      questionsOf("Emlyn Tarrant-Hughes is the Rovers boss.", "Rovers boss Emlyn Tarrant-Hughes praised the crowd."),
    ).toContain("Who is the boss of Rovers?");
    expect(texts("Drummer Joss Pendry-Maddox left the band.")).toEqual(["Joss Pendry-Maddox is the drummer."]);
    expect(texts("Defender Mabli Tregear-Hoyle was booked.")).toEqual(["Mabli Tregear-Hoyle is a defender."]);
  });

  it("leaves a person named in passing after a preposition or in a list", () => {
    expect(texts("Tariffs imposed by President Aldous Verren-Hale hit exports.")).toEqual([]);
    expect(texts("Leaders post often, including Premier Ilse Varn-Oduya, Mayor Pell Ostrander and others.")).toEqual(
      [],
    );
  });

  it("reads an age written before the name", () => {
    expect(texts("The oldest of the crew, 71-year-old Brannock Heale, steered.")).toEqual(["Brannock Heale is 71."]);
  });

  it("reads a post with its owner before the name", () => {
    const p = "Kestwick's harbour master, Olwen Brightmore, closed the slipway.";
    expect(texts(p)).toEqual(["Olwen Brightmore is Kestwick's harbour master."]);
    expect(questionsOf("Olwen Brightmore is Kestwick's harbour master.", p)).toContain(
      "Who is the harbour master of Kestwick?",
    );
    const q = "Marlow Tide, the ferry firm, said sailings would resume. Its owner, Ivo Castellan-Reed, apologised.";
    expect(questionsOf("Ivo Castellan-Reed is Marlow Tide's owner.", q)).toContain("Who owns Marlow Tide?");
  });
});

describe("relations", () => {
  it("names the person a pronoun stands for from the sentence before", () => {
    const p = ["Wenna Polglase-Hart has run the stall for ten years.", "Her husband, Tobiah, keeps the accounts."];
    expect(texts(...p)).toContain("Tobiah is Wenna Polglase-Hart's husband.");
    expect(questionsOf("Tobiah is Wenna Polglase-Hart's husband.", ...p)).toContain(
      "What is the name of Wenna Polglase-Hart's husband?",
    );
  });

  it("follows he/she back to the person, and stops at a sentence about no one", () => {
    expect(
      texts("Ansel Morrow-Vane retired in May.", "He kept bees.", "His daughter, Linnea Morrow, runs the farm now."),
    ).toContain("Linnea Morrow is Ansel Morrow-Vane's daughter.");
    expect(
      texts("Ansel Morrow-Vane retired in May.", "The farm was sold.", "His daughter, Linnea Morrow, runs a shop."),
    ).not.toContain("Linnea Morrow is Ansel Morrow-Vane's daughter.");
  });

  it("declines when the pronoun's gender or a pronoun between says someone else", () => {
    expect(texts("Maelle Dorrin said a post named him and his tutor, Bram Oakes-Lyle, in a rumour.")).toEqual([]);
    expect(texts("Margaret Kestrel-Moor moved away.", "His brother, Tobin, stayed.")).toEqual([]);
  });

  it("keeps a possessive as the start of a title before a name", () => {
    expect(texts("A photo of Aldo Vantie Norland's Communications minister Ilse Morrow-Kade at work.")).toContain(
      "Ilse Morrow-Kade is Norland's Communications minister.",
    );
  });

  it("declines when two people could be meant", () => {
    expect(texts("Ilse Brandt met Oren Falk in Kestle.", "Her brother, Jonas, drove them.")).toEqual([]);
  });

  it("resolves a first name used as the owner", () => {
    const p = ["Rowan Tegwyn, 15, fell on the ice.", "Rowan's older sister, Mair, 18, found him."];
    expect(texts(...p)).toContain("Mair, Rowan Tegwyn's older sister, is 18.");
  });
});

describe("who-clauses that say what a person runs, owns or where they live", () => {
  it("restates the clause and asks by its verb", () => {
    const p = "Feargal Onslow-Reid, who owns the Cobbled Yard bakery, said the rent had doubled.";
    expect(texts(p)).toContain("Feargal Onslow-Reid owns the Cobbled Yard bakery.");
    expect(questionsOf("Feargal Onslow-Reid owns the Cobbled Yard bakery.", p)).toContain(
      "Who owns the Cobbled Yard bakery?",
    );
    expect(texts("Feargal Onslow-Reid, who was at home that night, heard nothing.")).toEqual([]);
  });
});

describe("restates: one fact per person when the derived words say more", () => {
  it("takes over a terser or pronoun-bound role fact about the same person", () => {
    expect(restates("Ola Brent is the singer.", "Ola Brent is singer.", "Ola Brent")).toBe(true);
    expect(restates("Idris is Mervyn Cole's son.", "Idris is Cole's son.", "Idris")).toBe(true);
    expect(restates("Ffion Rees is Owain Rees's daughter.", "Ffion Rees is her daughter.", "Ffion Rees")).toBe(true);
  });

  it("keeps two facts that say different things", () => {
    expect(restates("Ola Brent is from Tarrow.", "Ola Brent is the singer.", "Ola Brent")).toBe(false);
    expect(restates("Ola Brent, 40, is the singer.", "Ola Brent, 41, is singer.", "Ola Brent")).toBe(false);
  });
});

describe("a relation's first name", () => {
  it("is read even when it is also an English word", () => {
    expect(texts("Greta Haldane-Moor taught for years. Her husband, Per, died in 2001.")).toContain(
      "Per is Greta Haldane-Moor's husband.",
    );
  });
});

describe("withBodyNames: a body's common noun asked by its name", () => {
  it("adds the name when the article names one body with that noun", () => {
    const p = ["The Hallow Vale Water Trust raised its charges.", "The trust's chair, Odile Renk, said so."];
    const vocab = articleVocabulary(p);
    expect(withBodyNames(["Who is the trust's chair?"], vocab)).toEqual([
      "Who is the trust's chair?",
      "Who is the Hallow Vale Water Trust's chair?",
      "Who is the chair of the Hallow Vale Water Trust?",
    ]);
  });

  it("leaves the noun when two bodies share it", () => {
    const p = ["The Hallow Vale Water Trust met the Orrin Arts Trust.", "The trust's chair, Odile Renk, said so."];
    expect(withBodyNames(["Who owns the trust?"], articleVocabulary(p))).toEqual(["Who owns the trust?"]);
  });
});

describe("maskQuotes", () => {
  it("blanks double and single quotations, keeps apostrophes", () => {
    expect(maskQuotes("“Ada Vell, a nurse, came,” she said of Ada's shift.")).toBe("“…” she said of Ada's shift.");
    expect(maskQuotes("'It was late,' Mr Pask said.")).toBe("'…' Mr Pask said.");
  });
});
