import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";

/** The speaker's name of each quote, in order. */
function speakers(paragraphs: string[]): (string | null)[] {
  const r = attributeQuotes(paragraphs);
  return r.quotes.map((q) => r.speakers.find((s) => s.id === q.speakerId)?.name ?? null);
}

describe("attributions with no verb of saying before the quote", () => {
  it("gives a quote after a colon to the clause's subject", () => {
    expect(
      speakers(["Ilse Marwood, the club's treasurer, was blunt: “We cannot pay for a new roof this year.”"]),
    ).toEqual(["Ilse Marwood"]);
  });

  it("gives a quote to the owner of a verdict noun after it", () => {
    expect(
      speakers(["Tomas Quaine ran the bakery for forty years.", "“A lovely street to work on,” was Quaine's verdict."]),
    ).toEqual(["Tomas Quaine"]);
  });

  it("gives a quote to the name signing it after a dash", () => {
    expect(speakers(["“I have never seen the river this high.” — Jim Haskell, 54, a fisherman"])).toEqual([
      "Jim Haskell",
    ]);
  });

  it("gives a quote to the owner of the words in 'in his words'", () => {
    expect(
      speakers([
        "Councillor Arno Vell opposed the plan.",
        "The closure was, in his words, “not yet a done deal and never will be.”",
      ]),
    ).toEqual(["Arno Vell"]);
  });
});
