import { describe, expect, it } from "vitest";
import {
  askedAttribute,
  asksClock,
  givesClock,
  intentOf,
  measureOf,
  namedThing,
  namer,
  satisfies,
  timeStrength,
  whichThing,
} from "../../src/core/intent.js";
import type { Entry } from "../../src/core/types.js";

describe("intentOf", () => {
  it.each([
    ["How many Iranians used Telegram?", "number"],
    ["by how much did users grow", "number"],
    ["When was Telegram banned?", "time"],
    ["so when did that happen", "time"],
    ["what year was the ban", "time"],
    ["What did the minister say when asked about the war?", null],
    ["Who banned Telegram?", "person"],
    ["Why did the regime want a domestic internet?", "reason"],
    ["telegram ban", null],
    ["What fraction of Iranians used Telegram?", "number"],
    ["which month was it banned", "time"],
    ["When will the network be finished?", "future"],
    ["What is the name of the coffee shop?", "name"],
    ["whats her instagram account name", "name"],
    ["Which groups criticised the apps? names pls", "name"],
    ["how much is a vpn subscription there", "money"],
    ["How much is the fine for using one?", "money"],
    ["how much is the internet slower now", "number"],
    ["How much did the festival's sponsors give?", "money"],
    ["How much would the council get for the land?", "money"],
    ["How much did the board fine businesses?", "money"],
    ["How much scaffolding gave way?", "number"],
    ["What time does the bakery open?", "time"],
    ["What age did the face scan think he was?", "age"],
    ["what age is she", "age"],
    ["what age check methods are in the draft guidance", null],
  ])("%s → %s", (q, intent) => {
    expect(intentOf(q)).toBe(intent);
  });
});

describe("satisfies: a number after 'is' is an age only where the sentence stops there", () => {
  const fact = (text: string): Entry => ({ kind: "fact", id: "f", text, tags: [], questions: [], sourceId: "s" });
  const none = new Set<string>();
  it("'is 12 kilometres long' answers 'how long', and is no age", () => {
    expect(satisfies(fact("The test river is 12 kilometres long."), "number", none)).toBe(true);
    expect(satisfies(fact("The test river is 12 kilometres long."), "age", none)).toBe(false);
  });
  it("'She is 17.' is an age, not a quantity", () => {
    expect(satisfies(fact("She is 17."), "age", none)).toBe(true);
    expect(satisfies(fact("She is 17."), "number", none)).toBe(false);
  });
});

describe("askedAttribute", () => {
  it.each([
    ["What is Khamenei's Twitter handle?", "handle"],
    ["What is the penalty for using a VPN in Iran?", "penalty"],
    ["what was the limit for a second signature", "limit"],
    ["What is Karavan?", null],
    ["What's Harlan Voss's job?", null],
    ["What was the result of Apple blocking Iranians?", null],
    ["What are rights groups worried about?", null],
  ])("%s → %s", (q, head) => {
    expect(askedAttribute(q)).toBe(head);
  });
});

describe("a time of day", () => {
  it("'what time…' asks one, and a clock time, 'at six' or 'midnight' gives one; a year or a month does not", () => {
    expect(asksClock("What time does the bakery open?")).toBe(true);
    expect(asksClock("What time of year do the boats come?")).toBe(false);
    expect(givesClock("The bakery opens at 2:15 in the morning.")).toBe(true);
    expect(givesClock("The first call came at six.")).toBe(true);
    expect(givesClock("The pharmacy opened in 2019 and closes in March.")).toBe(false);
  });
});

describe("whichThing", () => {
  it.each([
    ["Which supermarket is on Corran Street?", "supermarket"],
    ["Which cruise line made the bookings?", "line"],
    ["Which year was it?", null],
    ["What is the penalty?", null],
  ])("%s → %s", (q, head) => {
    expect(whichThing(q)).toBe(head);
  });
});

describe("satisfies: an amount of money", () => {
  const fact = (text: string): Entry => ({ kind: "fact", id: "f", text, tags: [], questions: [], sourceId: "s" });
  const none = new Set<string>();
  it("'2.3 million crowns' and '41 million krone' are sums; 'fined 14 businesses' and 'lost two sponsors' are not", () => {
    expect(satisfies(fact("The company was fined 2.3 million crowns."), "money", none)).toBe(true);
    expect(satisfies(fact("The catch is worth about 41 million krone."), "money", none)).toBe(true);
    expect(satisfies(fact("The board has fined 14 businesses since May."), "money", none)).toBe(false);
    expect(satisfies(fact("The festival has lost two sponsors."), "money", none)).toBe(false);
  });
});

describe("satisfies: an age in a quote is the speaker's only when it is theirs", () => {
  const quote = (text: string, context?: string): Entry => ({
    kind: "quote",
    id: "q",
    text,
    speakerId: "s",
    tags: [],
    questions: [],
    sourceId: "s",
    ...(context ? { context } : {}),
  });
  const none = new Set<string>();
  it("'My mother was 88' does not give the speaker's age, but answers the age of someone else they speak of", () => {
    expect(satisfies(quote("My mother was 88 and on her own."), "age", none)).toBe(false);
    expect(satisfies(quote("My mother was 88 and on her own."), "age", none, "Fen Ode", undefined, true)).toBe(true);
  });
  it("the speaker's own age: said by them, in their role, or in the sentence around the quote", () => {
    expect(satisfies(quote("I'm 58 and I have never been so scared."), "age", none)).toBe(true);
    expect(satisfies(quote("We went out.", "Mr Ode, 58, said"), "age", none)).toBe(true);
    expect(satisfies(quote("We went out."), "age", none, "Fen Ode", "a 58-year-old skipper")).toBe(true);
  });
});

describe("timeStrength", () => {
  it("a clock time is an exact time, also with a.m./p.m. before a full stop", () => {
    expect(timeStrength("The outage began shortly after 5:40 a.m. and was fixed until 12:10 p.m.")).toBe(2);
    expect(timeStrength("The ferries stopped at 9 pm.")).toBe(2);
    expect(timeStrength("The gates shut at 22:15 on the dot.")).toBe(2);
    expect(timeStrength("It happened last year.")).toBe(1);
    expect(timeStrength("The score was 3 to 1 and I am happy.")).toBe(0);
  });
});

describe("times told by their place in the story or calendar", () => {
  const fact = (text: string): Entry => ({ kind: "fact", id: "f", text, tags: [], questions: [], sourceId: "s" });
  const none = new Set<string>();
  it.each([
    ["Three years later, the mast was switched off.", true],
    ["There's a public meeting on the 14th.", true],
    ["A toilet that shuts at six.", true],
    ["The council leader rang me on the ninth day.", true],
    ["Passengers will be refunded within five working days.", true],
    ["There were six at six tables.", false],
    ["The 14th floor was empty.", false],
  ])("%s → a time: %s", (text, time) => {
    expect(satisfies(fact(text), "time", none)).toBe(time);
  });
  it("'we'll' speaks of the future; 'I'll never' says it will not happen", () => {
    expect(satisfies(fact("We'll share a full account by Friday."), "future", none)).toBe(true);
    expect(satisfies(fact("My partner says I'll never retire."), "future", none)).toBe(false);
    expect(satisfies(fact("Passengers would be refunded within five working days."), "future", none)).toBe(true);
    expect(satisfies(fact("The farm sells within 40 kilometres."), "future", none)).toBe(false);
  });
});

describe("namedThing / namer", () => {
  it("reads which thing's name a question asks", () => {
    expect(namedThing("What is the driver's name?")).toBe("driver");
    expect(namedThing("What is the name of Zembla's Uber-like ride-hailing app?")).toBe("app");
    expect(namedThing("what's the app called")).toBe("app");
    expect(namedThing("whats the make up artists name")).toBe("artist");
    expect(namedThing("what are the names of the apps")).toBe("app");
    expect(namedThing("Who is the driver?")).toBeNull();
  });

  it("finds a name put beside that thing, not any name in the sentence", () => {
    const driver = namer("driver");
    expect(driver("The driver, Osric Naylor, has not spoken publicly.")).toBe(true);
    expect(driver("Osric Naylor, the bus driver, has not spoken publicly.")).toBe(true);
    expect(driver("A smaller rival, Tandem, said it had signed up 2,300 new drivers since June 9.")).toBe(false);
    expect(driver("He spoke to the driver Monday morning.")).toBe(false);
  });

  it("reads a possessor of several words, a name given by a copula, and 'a series she called …'", () => {
    expect(namedThing("What is the name of Vera Solberg's son?")).toBe("son");
    expect(namer("minister")("Ilse Varn, also called Ilse, is Tarvosia's digital minister.")).toBe(true);
    // A possessive of a full name: "X is Hester Lund's husband" names him.
    expect(namer("husband")("Per is Hester Lund's husband.")).toBe(true);
    expect(namedThing("What was Hester Lund's husband's name?")).toBe("husband");
    expect(namer("series")("she had 3,000 followers for a series she called “Bus Stop Reviews”")).toBe(true);
    expect(namer("son")("Vera Solberg's son lives in Aldhaven.")).toBe(false);
  });
});

describe("measureOf", () => {
  it("'how big' wants a size with its unit, 'how long' a length or a duration", () => {
    const big = measureOf("how big is europa")!;
    expect(big("the 1,900-mile-wide (3,100 kilometers) moon")).toBe(true);
    expect(big("observed for 17 nights in 2016")).toBe(false);
    const long = measureOf("How long did the assembly debate the bill?")!;
    expect(long("The act passed by 112 votes to 64 after a nine-hour debate.")).toBe(true);
    expect(long("The act passed by 112 votes to 64.")).toBe(false);
    expect(measureOf("How many votes did it get?")).toBeNull();
  });

  it("'how big' takes a sum of money as the size of a loan or a grant; 'how far' does not", () => {
    const big = measureOf("How big are the loans?")!;
    expect(big("interest-free loans of up to 200,000 crowns")).toBe(true);
    expect(big("a grant of £4,000")).toBe(true);
    expect(big("a car loan and 2 daughters")).toBe(false);
    expect(measureOf("How far is the port?")!("a ticket costs 40 crowns")).toBe(false);
  });
});
