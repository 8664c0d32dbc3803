import { describe, expect, it } from "vitest";
import { answerTypeOf } from "../../src/core/intent.js";
import { createCore } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";

const typeOf = (q: string) => answerTypeOf(q)?.type ?? null;
const gives = (q: string, text: string) => answerTypeOf(q)!.test(text);

describe("answerTypeOf", () => {
  it("tells a duration from a length in 'how long'", () => {
    expect(typeOf("How long was the gallery closed?")).toBe("duration");
    expect(typeOf("how long until the roof fell in")).toBe("duration");
    expect(typeOf("How long did the repairs take?")).toBe("duration");
    expect(typeOf("How long was she a nurse?")).toBe("duration");
    expect(typeOf("How long was the strike?")).toBe("duration");
    expect(typeOf("How long is the new pier?")).toBe("length");
    expect(typeOf("how long was the barge")).toBe("length");
  });
  it("reads a duration, not a compound or an age", () => {
    expect(gives("How long was the gallery closed?", "It stayed shut for nearly three weeks.")).toBe(true);
    expect(gives("How long has the gallery been open?", "It has been open since 2019.")).toBe(true);
    expect(gives("How long was the gallery closed?", "It has been run by the trust since 2019.")).toBe(false);
    expect(gives("How long did the lockout last?", "a three-week lockout at the yard")).toBe(true);
    expect(gives("How long was the gallery closed?", "It signed a four-year lease in May.")).toBe(false);
    expect(gives("How long was the gallery closed?", "Its curator is 40 years old.")).toBe(false);
  });
  it("reads a length with its unit", () => {
    expect(gives("How long is the new pier?", "The 240-metre pier opens in June.")).toBe(true);
    expect(gives("How long is the new pier?", "The letter was three pages long.")).toBe(true);
    expect(gives("How long is the new pier?", "It took 14 months to build.")).toBe(false);
  });
  it("reads how often, how far, how tall and how fast", () => {
    expect(typeOf("How often does the ferry run?")).toBe("frequency");
    expect(gives("How often does the ferry run?", "It sails twice a day in winter.")).toBe(true);
    expect(gives("How often does the ferry run?", "It carries 90 cars.")).toBe(false);
    expect(gives("How often does the ferry run?", "Buses run more often than the ferry.")).toBe(false);
    expect(typeOf("How far is the nearest clinic?")).toBe("distance");
    expect(gives("How far is the nearest clinic?", "The clinic is 30 miles from the village.")).toBe(true);
    expect(gives("How far is the nearest clinic?", "The clinic has four doctors.")).toBe(false);
    expect(typeOf("How far behind the leaders are they?")).toBeNull();
    expect(typeOf("How tall is the mast?")).toBe("measure");
    expect(gives("How tall is the mast?", "the 40-metre mast")).toBe(true);
    expect(gives("How tall is the mast?", "the mast was put up in 1998")).toBe(false);
    expect(typeOf("How fast was the car going?")).toBe("speed");
    expect(gives("How fast was the car going?", "It was doing 70 mph.")).toBe(true);
    expect(gives("How fast was the car going?", "It had 70 owners.")).toBe(false);
  });
  it("reads colours, shares and names", () => {
    expect(typeOf("What colour was the van?")).toBe("colour");
    expect(gives("What colour was the van?", "a dark-coloured van")).toBe(true);
    expect(gives("What colour was the van?", "a van with a roof rack")).toBe(false);
    expect(typeOf("What proportion of members voted?")).toBe("share");
    for (const t of ["Two-thirds voted.", "About 40% voted.", "One in five voted.", "Half voted."])
      expect(gives("What proportion of members voted?", t)).toBe(true);
    expect(gives("What proportion of members voted?", "Members voted on Friday.")).toBe(false);
    expect(typeOf("What was the boat called?")).toBe("called");
    expect(gives("What was the boat called?", "a boat known locally as “the Heron”")).toBe(true);
    expect(gives("What was the boat called?", "The boat sank.")).toBe(false);
  });
  it("reads what day, year and month", () => {
    expect(typeOf("What day did the shop reopen?")).toBe("day");
    expect(gives("What day did the shop reopen?", "It reopened on Thursday.")).toBe(true);
    expect(gives("What day did the shop reopen?", "It reopened in 2021.")).toBe(false);
    expect(typeOf("In what year was the mill built?")).toBe("year");
    expect(gives("In what year was the mill built?", "The mill was built in 1887.")).toBe(true);
    expect(typeOf("Which month is the vote?")).toBe("month");
    expect(gives("Which month is the vote?", "The vote is in October.")).toBe(true);
    expect(gives("Which month is the vote?", "The vote is close.")).toBe(false);
  });
  it("leaves other questions alone", () => {
    expect(typeOf("Who runs the ferry?")).toBeNull();
    expect(typeOf("How many cars does the ferry carry?")).toBeNull();
  });
});

function kb(texts: string[]): Knowledge {
  return {
    sources: [{ id: "s", title: "Harbour news", kind: "article" }],
    speakers: [],
    entries: texts.map((text, i) => ({ id: `f${i}`, kind: "fact", sourceId: "s", text, tags: [], questions: [] })),
  } as unknown as Knowledge;
}

describe("the core prefers the asked answer type", () => {
  it("answers 'how long was X closed' with a duration, not another number about X", () => {
    const core = createCore(
      kb([
        "The Corrin swimming baths were closed after a boiler failure, the council signed a ten-year deal for the Corrin baths in 2020.",
        "The Corrin swimming baths were closed for eleven weeks after a boiler failure.",
      ]),
    );
    expect(core.ask("How long were the Corrin swimming baths closed?").answer?.text).toContain("eleven weeks");
  });
  it("answers 'how long is X' with a length, not a time", () => {
    const core = createCore(
      kb([
        "The Tavish footbridge was a long job: workers finished it 14 months after the flood.",
        "The Tavish footbridge is 85 metres long.",
      ]),
    );
    expect(core.ask("How long is the Tavish footbridge?").answer?.text).toContain("85 metres");
  });
});

describe("an entry of the asked type says the type's word", () => {
  it("answers 'how often' with a frequency though the entry never says 'often'", () => {
    const core = createCore(
      kb([
        "The Dunmere night ferry crosses the estuary twice a week in winter.",
        "The Dunmere night ferry was painted green in spring.",
      ]),
    );
    const r = core.ask("How often does the Dunmere night ferry cross?");
    expect(r.answered).toBe(true);
    expect(r.answer?.text).toContain("twice a week");
  });
});

describe("a type alone is no question", () => {
  it("does not answer 'how long did it take?' from any sentence with a duration", () => {
    const core = createCore(
      kb(["Repairs to the Dunmere slipway will take three weeks.", "The Dunmere ferry sails at noon."]),
    );
    expect(core.ask("how long did it take?").answered).toBe(false);
    expect(core.ask("How long will the Dunmere slipway repairs take?").answer?.text).toContain("three weeks");
  });
});
