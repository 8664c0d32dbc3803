import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import type { Speaker } from "../../src/core/types.js";
import { tinyKnowledge, type TinyArticle } from "../support/tiny-kb.js";
import { bakery, zembla } from "../support/tiny-articles.js";

// A fictional article with quotes, imported the naive way, beside two others: what a question asks of a person or a
// thing must be in the answer, not only the person's or the thing's name.
const lunetta: TinyArticle = {
  id: "lunetta-couriers",
  title: "Lunetta couriers wait for their pay",
  facts: [
    "Couriers made up 4% of city jobs last year, and Lunetta alone paid its couriers about 2 billion lira.",
    "Lunetta's chief executive, Odile Banner, said the company's bank had frozen its payroll account on Monday.",
    "Councillor Mara Quill said the city would lend Lunetta money so that couriers could be paid.",
    "The council election in Lunetta's home city is due in May.",
    "Couriers gathered outside the council building on Wednesday.",
    "The mayor said she would not stand for re-election, as rents in the city stayed high.",
    "A study by the city university found that couriers earn less than the minimum wage.",
  ],
  quotes: [
    ["banner", "We have 12,500 couriers who have been paid every week for three years."],
    ["quill", "Nobody who delivered our dinners should go without their wages because of a bank's paperwork."],
    ["banner", "This is the first week I cannot promise anyone that the money will arrive."],
  ],
};
const speakers: Speaker[] = [
  { id: "banner", name: "Odile Banner", role: "Lunetta's chief executive", aliases: ["Banner"] },
  { id: "quill", name: "Mara Quill", role: "city councillor", aliases: ["Quill", "the councillor"] },
];
const core = createCore(tinyKnowledge([lunetta, zembla, bakery], speakers));

describe("what a question asks, not only whom it names", () => {
  it("'how many couriers': the quote that counts them beats a sentence that names them beside other numbers", () => {
    expect(core.ask("How many couriers does Lunetta have?").answer?.text).toContain("12,500 couriers");
  });

  it("declines a question about a quoted person that none of their words or the article answers", () => {
    // Her quote matches her name, and "go" ("should go without"), but says nothing of a school.
    expect(core.ask("What high school does Mara Quill go to?").answered).toBe(false);
    expect(core.ask("Which university did Odile Banner study at?").answered).toBe(false);
  });

  it("still answers what the person said about something their words do cover", () => {
    expect(core.ask("What did Mara Quill say about the couriers' wages?").answer?.text).toContain("wages");
    expect(core.ask("What did Odile Banner say about the money?").answer?.text).toContain("money will arrive");
  });

  it("a long message with its question among other words is still answered from the one sentence that fits", () => {
    const q =
      "ok so I deliver dinners in the evenings and my whole street keeps arguing about this, is it true the bank froze " +
      "the payroll account of Lunetta on Monday or is that just a rumour going around the couriers' group chat?";
    expect(core.ask(q).answer?.text).toContain("frozen its payroll account");
  });
});

describe("a word the articles never use", () => {
  const few = createCore(
    tinyKnowledge([
      {
        id: "harbour-fees",
        title: "Harbour fees rise again",
        facts: [
          "The harbour board raised mooring fees by a fifth on Monday.",
          "Fishers said the rise was an economic disaster for the village.",
          "The board said the money would pay for a new sea wall.",
        ],
      },
      zembla,
    ]),
  );
  it("finds its related form through the thesaurus ('economically' → 'economic')", () => {
    expect(few.ask("How did the fee rise hurt the village economically?").answer?.text).toContain("economic disaster");
  });
});

describe("how old is a quoted person", () => {
  const cafe: TinyArticle = {
    id: "harbour-cafe",
    title: "Harbour café closes its doors",
    facts: [
      "Dena Orr, 52, has run the harbour café since 1998.",
      "The café will close at the end of the month because the rent has doubled.",
      "Its building, the old harbour master's office, will be sold.",
    ],
    quotes: [["orr", "I have served the same fishermen breakfast for twenty years."]],
  };
  const few = createCore(
    tinyKnowledge([cafe, zembla], [{ id: "orr", name: "Dena Orr", role: "café owner", aliases: ["Orr"] }]),
  );
  it("is answered by the sentence that gives her age, though 'old' is not in it", () => {
    expect(few.ask("How old is Dena Orr?").answer?.text).toContain("52");
  });
});

describe("a name only another article uses", () => {
  const hearth: TinyArticle = {
    id: "hearth-law",
    title: "Dalvenia's encryption law and the Hearth app",
    facts: [
      "Hearth's chief executive, Ilse Marr, said the app would not leave Dalvenia.",
      "The encryption law takes effect on 1 March.",
      "Hearth has about 2 million users in Dalvenia.",
    ],
  };
  const rival: TinyArticle = {
    id: "vantel-growth",
    title: "Messaging apps gain users after the shutdown",
    facts: [
      "Vantel, a rival messaging app, said it had received no order from the ministry.",
      "Downloads of messaging apps doubled in the week after the shutdown.",
    ],
  };
  const few = createCore(tinyKnowledge([hearth, rival, zembla]));
  it("is not answered by an entry about another company that lacks it", () => {
    expect(few.ask("Who is the chief executive of Vantel?").answered).toBe(false);
    expect(few.ask("Who is the chief executive of Hearth?").answer?.text).toContain("Ilse Marr");
  });
});
