import { describe, expect, it } from "vitest";
import { attributeQuotes, type Attribution } from "../../src/import/attribute.js";

/**
 * Classes found on the fictional articles of eval/holdout-articles written for issue 10 (a magazine long read, quotes
 * over several paragraphs, a Q&A interview, a wire report), each tested here in new words.
 */
function who(r: Attribution, start: string): string | undefined {
  const q = r.quotes.find((x) => x.text.startsWith(start));
  if (!q) return undefined;
  if (q.speakerId === null) return "(none)";
  return r.speakers.find((s) => s.id === q.speakerId)?.name;
}

describe("bodies named in apposition", () => {
  it("a body named before its kind ('X, a software company') is what 'the company' means later", () => {
    const r = attributeQuotes([
      "Commuters were stranded after Wavecard, the app the port uses for tickets, stopped working, according to the Brennick Port Authority.",
      "Wavecard is run by Lorrin Digital, a payments company based in Sela. In a statement, the company said it was “working around the clock to restore the service.”",
    ]);
    expect(who(r, "working around the clock")).toBe("Lorrin Digital");
  });

  it("a body named after a kind with a possessive ('the town’s transit authority, X') is not a person", () => {
    const r = attributeQuotes([
      "Ida Marsk, 44, an engineer at the town’s transit authority, Fennick Metro, gave evidence for three hours.",
      "“I warned them twice about the valves,” the engineer said.",
    ]);
    expect(who(r, "I warned them twice")).toBe("Ida Marsk");
  });
});

describe("people named beside a role", () => {
  it("a surname that is also an ordinary word, beside a role, is a person ('Her partner, Teun Waiting,')", () => {
    const r = attributeQuotes([
      "Leni Ortsberg started the bakery in 2015. Her business partner, Teun Waiting, remembers the first winter differently.",
      "“We lost money every single week,” he says. “Nobody wanted rye bread in July.”",
      "“Honestly, I was ready to quit,” says Waiting, “but Leni was not.”",
    ]);
    expect(who(r, "We lost money")).toBe("Teun Waiting");
    expect(who(r, "Nobody wanted rye")).toBe("Teun Waiting");
    expect(who(r, "Honestly, I was ready")).toBe("Teun Waiting");
    expect(who(r, "but Leni was not")).toBe("Teun Waiting");
  });

  it("'the prime minister' is the person given that whole phrase, not another minister", () => {
    const r = attributeQuotes([
      "Osland’s prime minister, Vera Lindqvist-Moe, met the opposition on Monday. The finance minister, Per Haugland, said “the budget is not up for negotiation.”",
      "“We will find the money somewhere,” the prime minister said.",
    ]);
    expect(who(r, "We will find the money")).toBe("Vera Lindqvist-Moe");
    expect(who(r, "the budget is not")).toBe("Per Haugland");
  });

  it("'the researcher' is the person whose role names the research ('director of research')", () => {
    const r = attributeQuotes([
      "Tomas Ekdahl, the institute’s director of research, led the survey of 900 households.",
      "“The results surprised all of us,” the researcher says.",
    ]);
    expect(who(r, "The results surprised")).toBe("Tomas Ekdahl");
  });
});
