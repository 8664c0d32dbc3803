import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { who, speaker } from "./article.js";

// Titles and second names a match report or a wire story gives a speaker, each rule with a case that must not change.

describe("a nationality opening the sentence stands for the person just named", () => {
  it("'The Scotsman added that …' is the manager named before, not someone called Scotsman", () => {
    const r = attributeQuotes([
      "Kelso Athletic manager Ruairidh Banks-Tully watched from the stand.",
      'The Scotsman added that the pitch had been "like a ploughed field all afternoon".',
    ]);
    expect(who(r, "like a ploughed field")).toBe("Ruairidh Banks-Tully");
    expect(speaker(r, "Scotsman")).toBeUndefined();
  });

  it("a capitalised name after 'The' is still a name: 'The Harbourmaster' is not a nationality", () => {
    const r = attributeQuotes(['"We close the gates at six," said Nessa Pryor-Lund.']);
    expect(who(r, "We close the gates")).toBe("Nessa Pryor-Lund");
  });
});

describe("a title of the form 'director of X' before a name", () => {
  it("'Linfield director of football Oren Castile was furious' introduces him for a later 'the Israeli'", () => {
    const r = attributeQuotes([
      "Linfield director of football Oren Castile was furious with the decision.",
      '"Nobody in the ground saw a foul," the Israeli said.',
    ]);
    expect(who(r, "Nobody in the ground")).toBe("Oren Castile");
    expect(speaker(r, "Oren Castile")?.role).toContain("Linfield director of football");
  });
});

describe("a sports position as a title", () => {
  it("'Hooker Matiu Rangi-Paul threw …' then 'the hooker said'", () => {
    const r = attributeQuotes([
      "Loose-head replacement Matiu Rangi-Paul came on early. Hooker Dafydd Ormsby-Lane threw in crooked twice.",
      '"The wind took both of them, honestly," the hooker said.',
    ]);
    expect(who(r, "The wind took")).toBe("Dafydd Ormsby-Lane");
  });

  it("'Scrum-half Tomos Brannagh kicked …' then 'Brannagh said': the position is a role, not a first name", () => {
    const r = attributeQuotes([
      "Scrum-half Tomos Brannagh kicked the last penalty.",
      '"I just tried not to think about it," Brannagh said.',
    ]);
    expect(who(r, "I just tried")).toBe("Tomos Brannagh");
    expect(speaker(r, "Tomos Brannagh")?.role).toContain("Scrum-half");
  });
});

describe("a side's possessive before a surname's first use", () => {
  it("'Her opposite number, Millbrook's Seini Fakahua,' then 'Fakahua said': the club is not part of her name", () => {
    const r = attributeQuotes([
      "Her opposite number, Millbrook's Seini Fakahua, had a quiet game until the last minute.",
      '"I saw her cut inside and just went," Fakahua said.',
    ]);
    expect(who(r, "I saw her cut inside")).toBe("Seini Fakahua");
  });
});

describe("a person's name stops at 'of' before where they are from", () => {
  it("'Councillor Ines Varga of Lower Brenton waited …' then 'she said': Ines Varga, not the last woman quoted", () => {
    const r = attributeQuotes([
      '"The money is there," said Rep. Sally Ferrand-Kyle.',
      'Councillor Ines Varga of Lower Brenton waited outside the hall. "Nobody has asked us what we need," she said.',
    ]);
    expect(who(r, "Nobody has asked")).toBe("Ines Varga");
  });

  it("a body's name keeps its 'of': 'the Northern Bank of Ostria said'", () => {
    const r = attributeQuotes(['The Northern Bank of Ostria said it was "reviewing every branch in the region".']);
    expect(who(r, "reviewing every branch")).toBe("Northern Bank of Ostria");
  });
});
