import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { findQuoteSpans } from "../../src/import/quotes.js";
import { who } from "./article.js";

// Clauses around a subject that hid the speaker: each rule with a case that must not change.

describe("a time word before an appositive role", () => {
  it("'Brynjar Holloway-Ek, now the club's treasurer, resigned …' then 'she said'", () => {
    const r = attributeQuotes([
      'Brynjar Holloway-Ek, now the club\'s treasurer, resigned from the board in a letter. "I could not sign those accounts," she said.',
    ]);
    expect(who(r, "I could not sign")).toBe("Brynjar Holloway-Ek");
  });
});

describe("'described X as “…”' with a longer object", () => {
  it("'described the mood in the village hall that night as “…”'", () => {
    const r = attributeQuotes([
      'Wenna Trask described the mood in the village hall that night as "quieter than any funeral I have been to".',
    ]);
    expect(who(r, "quieter than any")).toBe("Wenna Trask");
  });
});

describe("', which said' after a body's name", () => {
  it("'run by Calloway Transit, which said …': the company speaks, and 'the statement said' after it", () => {
    const r = attributeQuotes([
      'The route is run by Calloway Transit, which said in a statement that drivers had been "fully briefed on the diversion".',
      '"We apologise to every passenger affected," the statement said.',
    ]);
    expect(who(r, "fully briefed")).toBe("Calloway Transit");
    expect(who(r, "We apologise")).toBe("Calloway Transit");
  });

  it("'which' after a person's name is not theirs: 'a report by Ann Lee, which said'", () => {
    const r = attributeQuotes(['Councillors read a report by Ann Lee, which said the roof was "beyond repair now".']);
    expect(who(r, "beyond repair")).not.toBe("Ann Lee");
  });
});

describe("', of the X,' after a name", () => {
  it("'Sgt Ryan Oduya, of the Harbour Police, said' is the officer, not the force", () => {
    const r = attributeQuotes([
      'Sgt Ryan Oduya, of the Harbour Police, said the search was "going as fast as it can".',
    ]);
    expect(who(r, "going as fast")).toBe("Ryan Oduya");
  });
});

describe("an abbreviated rank before a name", () => {
  it("'Det Insp Amara Quell, of Northfield Police's traffic unit, said' then 'the detective said'", () => {
    const r = attributeQuotes([
      "Det Insp Amara Quell, of Northfield Police's traffic unit, said the junction had been resurfaced in May.",
      '"Somebody must have seen the car," she said.',
      '"Every call helps us, however small," the detective said.',
    ]);
    expect(who(r, "Somebody must have")).toBe("Amara Quell");
    expect(who(r, "Every call helps")).toBe("Amara Quell");
  });
});

describe("'said one of them, a …'", () => {
  it("the description after 'one of them' is the speaker", () => {
    const r = attributeQuotes([
      'Four nurses spoke to us. "We cover two wards at night now," said one of them, a charge nurse with ten years on the ward.',
    ]);
    expect(who(r, "We cover two wards")).toBe("a charge nurse with ten years on the ward");
  });
});

describe("a name inside a relative clause", () => {
  it("'Brannock, who runs the farm with her husband, Tomas Brannock, called it “…”': she speaks", () => {
    const r = attributeQuotes([
      '"We have no choice," said Elin Brannock.',
      'Brannock, who runs the farm with her husband, Tomas Brannock, called the ruling "a disaster for every dairy in the valley".',
    ]);
    expect(who(r, "a disaster for every")).toBe("Elin Brannock");
  });
});

describe("a definite subject before an indefinite appositive", () => {
  it("'The tenants' association, a volunteer group …, said': the association", () => {
    const r = attributeQuotes([
      'The tenants\' association, a volunteer group with no paid staff, said it was "shocked by the size of the rise".',
    ]);
    expect(who(r, "shocked by the size")).not.toBe("a volunteer group with no paid staff");
  });

  it("'Lowmoor's parish council, a body of nine volunteers, said': the council", () => {
    const r = attributeQuotes([
      'Lowmoor\'s parish council, a body of nine volunteers, said it would "fight the plan at every stage".',
    ]);
    expect(who(r, "fight the plan")).toBe("Lowmoor's parish council");
  });
});

describe("a plural 's’' closing a single quote", () => {
  it("'had watched lorries ‘clip the kerbs’ for years. ‘Nobody listens,’ she said': two quotes", () => {
    const text = "She said she had watched lorries ‘clip the kerbs’ for years. ‘Nobody listens to us, ever,’ she said.";
    const spans = findQuoteSpans(text, 0, "single");
    expect(spans.map((s) => s.text)).toEqual(["clip the kerbs", "Nobody listens to us, ever,"]);
  });

  it("'the residents’ group' inside a quote is still an apostrophe", () => {
    const text = "‘The residents’ group will meet on Friday,’ she said.";
    expect(findQuoteSpans(text, 0, "single").map((s) => s.text)).toEqual(["The residents’ group will meet on Friday,"]);
  });
});

describe("a passive verb of calling with 'by'", () => {
  it("'was described by the critic Juno Halloway as “…”': the critic speaks", () => {
    const r = attributeQuotes([
      'The exhibition was described by the critic Juno Halloway as "the bravest hang this gallery has attempted".',
    ]);
    expect(who(r, "the bravest hang")).toBe("Juno Halloway");
  });
});
