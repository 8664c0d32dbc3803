import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { who, speaker } from "./article.js";

// Styles from outside the dev articles' range (match reports, earnings stories, live blogs, foreign-desk reports),
// each rule with a case that must not change.

describe("an unnamed source counted with 'one'", () => {
  it("a proper adjective may qualify the noun: 'One Dunstable fan, who …, said'", () => {
    const r = attributeQuotes([
      "One Dunstable fan, who would not give his name, said the away end had been “louder than the home end”.",
    ]);
    expect(who(r, "louder than")).toBe("One Dunstable fan");
  });

  it("so may a possessive: 'One fisherman's daughter … said through an interpreter:'", () => {
    const r = attributeQuotes([
      "One fisherman's daughter, who asked not to be named, said through an interpreter: “We eat what the boats bring.”",
    ]);
    expect(who(r, "We eat what")).toBe("One fisherman's daughter");
  });

  it("'one Tuesday' is still a time, not a speaker", () => {
    const r = attributeQuotes(["One Tuesday morning, Orla Vanstone said: “We had run out of bread by nine.”"]);
    expect(who(r, "We had run out")).toBe("Orla Vanstone");
  });
});

describe("a described source taken up again as 'the person' or 'the source'", () => {
  it("'according to a person familiar with the plans' … 'said the person'", () => {
    const r = attributeQuotes([
      "The chain has spoken to three possible buyers, according to a person familiar with the plans.",
      '"Nobody will pay what they paid in 2019," said the person, who asked not to be identified.',
    ]);
    expect(who(r, "Nobody will pay")).toBe("a person familiar with the plans");
  });

  it("'a source close to the minister' … 'the source added'", () => {
    const r = attributeQuotes([
      'A source close to the minister said she was "furious about the leak".',
      '"She wants the name by Friday," the source added.',
    ]);
    expect(who(r, "She wants the name")).toBe("a source close to the minister");
  });
});

describe("a place's name in apposition is not the speaker", () => {
  it("'A banker in the capital, Osk, who …, said': the banker speaks", () => {
    const r = attributeQuotes([
      "A banker in the capital, Osk, who spoke on condition of anonymity, said the reserves were lower than reported.",
      '"They have weeks, not months," the banker said.',
    ]);
    expect(who(r, "They have weeks")).toBe("a banker in the capital");
    expect(speaker(r, "Osk")).toBeUndefined();
  });

  it("a person's name after 'of the town' still names the speaker", () => {
    const r = attributeQuotes(['The mayor of the town, Anna Brekke, said: "We will rebuild the pier."']);
    expect(who(r, "We will rebuild")).toBe("Anna Brekke");
  });
});

describe("a reader named with where they are", () => {
  it("'Tobias in Hallowmere writes:' is Tobias, not the place", () => {
    const r = attributeQuotes(['Tobias in Hallowmere writes: "The river is over the footpath again."']);
    expect(who(r, "The river is")).toBe("Tobias");
    expect(speaker(r, "Hallowmere")).toBeUndefined();
  });

  it("a full name with 'from' keeps the full name", () => {
    const r = attributeQuotes(['"I drove four hours for this," said Marit Olausson from Dellbrook.']);
    expect(who(r, "I drove four hours")).toBe("Marit Olausson");
  });
});

describe("a two-word partial quote that judges", () => {
  it("after a copula, adverb first: 'said the offer was “barely adequate”' is the speaker's", () => {
    const r = attributeQuotes(['Renske Albury said the pay offer was "barely adequate" given the cost of rent.']);
    expect(who(r, "barely adequate")).toBe("Renske Albury");
  });

  it("a two-word noun in quotes stays a scare quote: 'were “content mills”'", () => {
    const r = attributeQuotes(['Renske Albury said the sites were "content mills" run from abroad.']);
    expect(r.quotes.find((q) => q.text.startsWith("content mills"))).toBeUndefined();
  });
});

describe("'the company said' of a body whose name has no company word", () => {
  it("the subject of an earlier sentence in the paragraph", () => {
    const r = attributeQuotes([
      'Northern Tide has restored supply to 4,000 homes. "Crews will work through the night," the company said.',
    ]);
    expect(who(r, "Crews will work")).toBe("Northern Tide");
    expect(speaker(r, "Northern Tide")?.kind).toBe("organisation");
  });

  it("not a person who was that subject", () => {
    const r = attributeQuotes([
      'Marta Oyen has confirmed the closure. "Crews will work through the night," the company said.',
    ]);
    expect(who(r, "Crews will work")).not.toBe("Marta Oyen");
  });
});

describe("the outlet's own reporter, quoted on the spot", () => {
  it("a byline name introduced as 'our correspondent' is quoted as a source", () => {
    const r = attributeQuotes(
      [
        "Our correspondent Lise Ambrose is in the square, where the crowd has grown all afternoon.",
        "“It is tense but quiet,” she says. “Nobody is moving.”",
      ],
      { reporters: ["Lise Ambrose"] },
    );
    expect(who(r, "It is tense")).toBe("Lise Ambrose");
  });

  it("a byline name not introduced that way is never a speaker", () => {
    const r = attributeQuotes(
      ["Lise Ambrose walked through the square at noon.", "“It is tense but quiet,” she says."],
      { reporters: ["Lise Ambrose"] },
    );
    expect(who(r, "It is tense")).not.toBe("Lise Ambrose");
  });
});

describe("an unnamed source introduced in a sentence without a quote", () => {
  it("'After the vote, a senior party official played it down' … 'the official said'", () => {
    const r = attributeQuotes([
      "After the vote, a senior party official played down the defeat.",
      '"Nobody will remember this by Easter," the official said.',
    ]);
    expect(who(r, "Nobody will remember")).toBe("a senior party official");
  });
});

describe("a document's writer named where it is first mentioned", () => {
  it("'read out a letter from a nurse in Cobham' … 'the letter said'", () => {
    const r = attributeQuotes([
      "Halvorsen then read out a letter from a nurse in Cobham, who works nights at the district hospital.",
      '"I have not had a full weekend off since June," the letter said.',
    ]);
    expect(who(r, "I have not had")).toBe("a nurse in Cobham");
  });

  it("with no writer named, 'the letter said' stays unclaimed rather than guessed", () => {
    const r = attributeQuotes([
      "Halvorsen then read out a letter to the board.",
      '"I have not had a full weekend off since June," the letter said.',
    ]);
    expect(who(r, "I have not had")).not.toBe("Halvorsen");
  });
});

describe("a relative of the other gender as the sentence's subject", () => {
  it("'His wife … disagrees. “…,” she says' is the wife's, not the last woman quoted", () => {
    const r = attributeQuotes([
      'Ilse, 19, works Saturdays at the bakery. "It pays the phone bill," Ilse says.',
      'One stallholder says trade has never been worse. "Nobody buys on a Tuesday," he says.',
      'His wife, stacking crates, disagrees. "They buy if you smile," she says.',
    ]);
    expect(who(r, "They buy if")).toBe("his wife");
  });

  it("a relative of the same gender does not take the pronoun from the story's subject", () => {
    const r = attributeQuotes([
      'Corin Waddell has fished from the harbour for 30 years. His father worked the same boat. "It was his before it was mine," he says.',
    ]);
    expect(who(r, "It was his")).toBe("Corin Waddell");
  });
});

describe("a name given after the quotes", () => {
  it("'She gives her name only as Odile' names the woman quoted as 'she'", () => {
    const r = attributeQuotes([
      "A woman in a hospital cleaner's uniform is waiting at the stop.",
      '"The last bus has gone," she says. She gives her name only as Odile, because her manager has told staff not to talk.',
    ]);
    expect(who(r, "The last bus")).toBe("Odile");
  });
});

describe("a lede's speaker described by a role, named later", () => {
  it("'A coroner has said …' then 'the senior coroner, Ruth Gallan, said'", () => {
    const r = attributeQuotes([
      'A coroner has said a care home "failed at every step" before a resident died.',
      "Ida Penrose, 88, died in hospital in May.",
      'Recording her conclusion, the senior coroner, Ruth Gallan, said: "The warnings were there."',
    ]);
    expect(who(r, "failed at every step")).toBe("Ruth Gallan");
  });

  it("not when the person named is given the role as someone new ('a coroner')", () => {
    const r = attributeQuotes([
      'A coroner has said a care home "failed at every step" before a resident died.',
      "Ida Penrose, 88, died in hospital in May.",
      'Ruth Gallan, a coroner from the next county, said: "The warnings were there."',
    ]);
    expect(who(r, "failed at every step")).not.toBe("Ruth Gallan");
  });
});

describe("a title's first word as the later reference", () => {
  it("'the detective said' is Detective Sergeant Ilona Varga", () => {
    const r = attributeQuotes([
      "Det Sgt Ilona Varga said officers had spoken to 40 witnesses.",
      '"We are not short of leads," the detective said.',
    ]);
    expect(who(r, "We are not short")).toBe("Ilona Varga");
  });
});

describe("'the band said' of a name given that noun in apposition earlier", () => {
  it("'Marigold Static, the folk band whose …' … 'the band wrote'", () => {
    const r = attributeQuotes([
      "Marigold Static, the folk band whose 2011 album Ember sold more than a million copies, have announced their first tour in a decade.",
      'Tickets will be refunded. "We are gutted and we are sorry," the band wrote.',
    ]);
    expect(who(r, "We are gutted")).toBe("Marigold Static");
  });
});

describe("the possessor of a person is not the subject", () => {
  it("'Brennan's daughter, Ada, said …' then 'she said' is Ada's, not the woman named before", () => {
    const r = attributeQuotes([
      "The hall is named after Moira Brennan, who ran it for 30 years.",
      'Brennan\'s granddaughter, Ada, said the family was proud. "She would have hated the fuss," she said.',
    ]);
    expect(who(r, "She would have hated")).toBe("Ada");
  });

  it("the possessor of a thing still is: 'Mia Lorne's bus was late. “…,” she said'", () => {
    const r = attributeQuotes(["Mia Lorne's bus was late again on Monday.", '"Third time this week," she said.']);
    expect(who(r, "Third time")).toBe("Mia Lorne");
  });
});

describe("a participle clause with 'with' and a name", () => {
  it("'with Tarrant telling the paper that …' gives the partial quote to Tarrant", () => {
    const r = attributeQuotes([
      'The duo split in 2016, with Ines Tarrant telling a local paper that they had "stopped enjoying the same songs".',
    ]);
    expect(who(r, "stopped enjoying")).toBe("Ines Tarrant");
  });
});

describe("', which said' after a body's name", () => {
  it("a body speaks through 'which said'", () => {
    const r = attributeQuotes([
      'The survey was paid for by the Harbour Fishing Association, which said it "never saw the questions in advance".',
    ]);
    expect(who(r, "never saw the questions")).toBe("Harbour Fishing Association");
  });

  it("not a place: 'Dellmoor, which said …' is no speaker", () => {
    const r = attributeQuotes(['The festival moved to Dellmoor, which said nothing "of any consequence" about it.']);
    expect(who(r, "of any consequence")).toBeUndefined();
  });
});

describe("the same speaker's second partial quote in a sentence", () => {
  it("'called it “…” but said the rise was “a small step”': three words, after 'but said'", () => {
    const r = attributeQuotes([
      'Bettany Crole called the plan "the least bad option on the table" but said the rise was "a small step".',
    ]);
    expect(who(r, "a small step")).toBe("Bettany Crole");
  });
});

describe("a definite description opening the sentence, then an indefinite one", () => {
  it("'The woman who called the ambulance, a nurse who …, said': the first is the speaker", () => {
    const r = attributeQuotes([
      'The woman who called the ambulance, a nurse who lives nearby, said: "He was breathing, just."',
    ]);
    expect(who(r, "He was breathing")).toBe("the woman who called the ambulance");
  });
});

describe("an agency 'quoted X as saying'", () => {
  it("the one quoted speaks, with the role in apposition", () => {
    const r = attributeQuotes([
      'The state news agency, RNA, quoted the port director, Halina Voskuijl, as saying the cranes were "safe to use by Friday".',
      '"We found nothing structural," Voskuijl said later.',
    ]);
    expect(who(r, "safe to use")).toBe("Halina Voskuijl");
    expect(who(r, "We found nothing")).toBe("Halina Voskuijl");
  });
});

describe("'according to' after a speech verb says where the words were found", () => {
  it("'“…,” she said, according to a video posted by …' stays hers, and so does her next quote", () => {
    const r = attributeQuotes([
      'Marisa Colle, 80, refused to leave at first. "This is my house," she said, according to a video posted by a local paper. "Where would I go?"',
    ]);
    expect(who(r, "This is my house")).toBe("Marisa Colle");
    expect(who(r, "Where would I go")).toBe("Marisa Colle");
  });
});

describe("a name given with a title", () => {
  it("'who gave her name only as Nonna Greta' keeps both words", () => {
    const r = attributeQuotes([
      'An old woman who gave her name only as Nonna Greta said: "The water came up to the second step."',
    ]);
    expect(who(r, "The water came")).toBe("Nonna Greta");
  });
});

describe("a role naming its body with the body's kind before the name", () => {
  it("'X, director of the Leeds-based charity Quiet Streets, said' is X's, not the charity's", () => {
    const r = attributeQuotes([
      'Ronja Bakketun, director of the Leeds-based charity Quiet Streets, said the scheme was "a start, not a fix".',
    ]);
    expect(who(r, "a start, not a fix")).toBe("Ronja Bakketun");
  });
});

describe("a three-word partial quote followed by a preposition", () => {
  it("'had been the subject of “weeks of rows” inside the firm' is the speaker's", () => {
    const r = attributeQuotes([
      'A former designer, who asked not to be named, said the logo had been the subject of "weeks of rows" inside the firm.',
    ]);
    expect(who(r, "weeks of rows")).toBe("a former designer");
  });
});

describe("the same speaker's second partial quote after 'and would …'", () => {
  it("'said ministers were “…” and would reply “in due course”'", () => {
    const r = attributeQuotes([
      'A spokeswoman for the ministry said officials were "reading the report carefully" and would reply "in due course".',
    ]);
    expect(who(r, "in due course")).toBe("a spokeswoman for the ministry");
  });

  it("not when a new subject comes between: 'and the mayor called it “a good start”' is the mayor's", () => {
    const r = attributeQuotes([
      'Hana Oduro said the plan was "late but welcome" and the mayor called it "a good start".',
    ]);
    expect(who(r, "a good start")).not.toBe("Hana Oduro");
  });
});

describe("a letter 'sent to her by' someone", () => {
  it("'read from a letter sent to her by a farmer in Wedmore' … 'the letter said'", () => {
    const r = attributeQuotes([
      "The MP read from a letter sent to her by a farmer in Wedmore, whose barn had flooded twice.",
      '"We have stopped insuring anything," the letter said.',
    ]);
    expect(who(r, "We have stopped")).toBe("a farmer in Wedmore");
  });
});
