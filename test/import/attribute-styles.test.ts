import { describe, expect, it } from "vitest";
import { attributeQuotes, type Attribution } from "../../src/import/attribute.js";

/** The speaker's name for the quote whose text starts with `start`, "(none)" if unattributed, undefined if not found. */
function who(r: Attribution, start: string): string | undefined {
  const q = r.quotes.find((x) => x.text.startsWith(start));
  if (!q) return undefined;
  if (q.speakerId === null) return "(none)";
  return r.speakers.find((s) => s.id === q.speakerId)?.name;
}

function speaker(r: Attribution, name: string) {
  return r.speakers.find((s) => s.name === name);
}

describe("a person is not taken for an organisation", () => {
  it("a person's role outweighs 'its' after the verb", () => {
    const r = attributeQuotes([
      "Brindle's managing director, Ysolde Fenwarra, said its ovens had passed every test since June.",
      "“We have nothing to hide,” she said.",
    ]);
    expect(speaker(r, "Ysolde Fenwarra")?.kind).toBe("person");
    expect(who(r, "We have nothing")).toBe("Ysolde Fenwarra");
  });

  it("a 'which' clause about the body in the role is not about the person", () => {
    const r = attributeQuotes([
      "Quillon Adebesi, chair of the Tenants Forum, which is suing the landlord, said the repairs were “years overdue”.",
      "“Every winter the same walls get wet,” she said.",
    ]);
    expect(speaker(r, "Quillon Adebesi")?.kind).toBe("person");
    expect(who(r, "Every winter")).toBe("Quillon Adebesi");
  });

  it("a role with a participle ends before it: 'the lawyer representing the group'", () => {
    const r = attributeQuotes([
      '"We will appeal on Monday," said Ottavio Renmark, the solicitor representing the association.',
    ]);
    expect(speaker(r, "Ottavio Renmark")?.kind).toBe("person");
  });
});

describe("a role-only reference finds a title given as another noun", () => {
  it("'the judge' is the Justice named before", () => {
    const r = attributeQuotes([
      "Justice Corvina Halden said the tenants had made “a case worth hearing in full”.",
      "“Nobody should read this as a verdict on the rent rises,” the judge said.",
    ]);
    expect(who(r, "Nobody should read")).toBe("Corvina Halden");
  });

  it("'the officer' is the sergeant named before", () => {
    const r = attributeQuotes([
      "Sergeant Mabry Olofsson said the road would stay closed overnight.",
      '"We found the van in the river at about 2 a.m.," the officer said.',
    ]);
    expect(who(r, "We found the van")).toBe("Mabry Olofsson");
  });
});
