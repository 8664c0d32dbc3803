import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import { asksRole, countsNoun, definitionSubject, defines, intentOf, satisfies } from "../../src/core/intent.js";
import type { Entry, Speaker } from "../../src/core/types.js";
import { tinyKnowledge } from "../support/tiny-kb.js";
import { velmar, zembla } from "../support/tiny-articles.js";

const speakers: Speaker[] = [
  { id: "oskin", name: "Ilse Oskin", role: "Zembla's communications minister", aliases: [] },
  { id: "brodd", name: "Teo Brodd", role: "a 52-year-old florist in Drummel", aliases: [] },
];
const zemblaWithQuotes = {
  ...zembla,
  facts: [
    ...zembla.facts,
    "Quorra is officially blocked in Zembla.",
    "The sanctions introduced by the Dorn administration hit exports.",
  ],
  quotes: [
    ["oskin", "Quorra should never be blocked in Zembla"],
    ["brodd", "My customers don't call, they message, and now they cannot message me"],
  ] as [string, string][],
};
const core = createCore(tinyKnowledge([zemblaWithQuotes, velmar], speakers));
const fact = (text: string): Entry => ({ kind: "fact", id: "x", text, tags: [], questions: [], sourceId: "s" });

describe("confidence that means something in conversation (issue 11, item 0)", () => {
  it("a question made only of the knowledge base's own subject is not answered with an arbitrary entry", () => {
    expect(core.ask("What is Zembla?").answered).toBe(false);
    expect(core.ask("Zembla?").answered).toBe(false);
    // …but answered once an entry says what it is.
    const told = createCore(
      tinyKnowledge(
        [
          {
            ...zemblaWithQuotes,
            facts: [...zemblaWithQuotes.facts, "Zembla, a small coastal republic, has 12 million people."],
          },
        ],
        speakers,
      ),
    );
    expect(told.ask("What is Zembla?").answer?.text).toContain("coastal republic");
  });

  it("'who is X' is answered by an entry that says who X is, not one that only names X", () => {
    // "the Dorn administration" names Dorn without saying who Dorn is.
    expect(core.ask("Who is Dorn?").answered).toBe(false);
    // A speaker's quote carries the role.
    const r = core.ask("who is ilse oskin");
    expect(r.answer?.speaker?.role).toBe("Zembla's communications minister");
    expect(core.ask("what's teo brodd's job").answer?.speaker?.role).toContain("florist");
  });

  it("an aside or greeting around a clear question does not sink it", () => {
    const plain = core.ask("When did the Quorra block take effect?");
    expect(plain.answer?.text).toContain("3 May");
    for (const q of [
      "hey, quick one: when did the Quorra block take effect?",
      "When did the Quorra block take effect, my friend Bob asked",
      "When did the Quorra block take effect? my cousin Marguerite wants to know",
    ]) {
      const r = core.ask(q);
      expect(r.answer?.id, q).toBe(plain.answer!.id);
    }
  });

  it("when a fact and a quote tie, the one that states the answer wins, unless the question asks what was said", () => {
    const r = core.ask("Is Quorra blocked in Zembla?");
    expect(r.answer?.kind).toBe("fact");
    expect(r.answer?.text).toBe("Quorra is officially blocked in Zembla.");
    expect(core.ask("What did the minister say about blocking Quorra?").answer?.kind).toBe("quote");
  });

  it("'how old' wants an age; an age or a date does not answer 'how many' or 'how much'", () => {
    expect(core.ask("How old is Teo Brodd?").answered).toBe(true);
    expect(core.ask("How old is Ilse Oskin?").answered).toBe(false);
    expect(satisfies(fact("Lidia Marrow, 52, sells hand-knitted jumpers."), "number", new Set())).toBe(false);
    expect(satisfies(fact("DRENIC, June 18 - Velora cannot pay its drivers."), "number", new Set())).toBe(false);
    expect(satisfies(fact("He relied on Instagram two years ago."), "number", new Set())).toBe(false);
    expect(satisfies(fact("Eighty thousand users could still open it."), "number", new Set())).toBe(true);
    expect(satisfies(fact("She is 17 and runs the crew."), "age", new Set())).toBe(true);
  });

  it("reads what a question asks for", () => {
    expect(intentOf("How old is Sasha?")).toBe("age");
    expect(intentOf("what did Brandt say about banning apps by name")).toBe(null);
    expect(definitionSubject("who is aurel dragomir")).toEqual(["aurel", "dragomir"]);
    expect(definitionSubject("who is velora's ceo")).toBeNull();
    expect(definitionSubject("who is the minister")).toBeNull();
    expect(definitionSubject("what was ali wearing")).toBeNull();
    expect(asksRole("What's Harlan Voss's job?")).toBe(true);
    expect(countsNoun("We have 38,000 drivers who are paid", "drivers")).toBe(true);
    expect(countsNoun("DRENIC, June 18 - Velora pays its drivers", "drivers")).toBe(false);
    // A year before a noun dates it: "a 1911 power loom" is one loom, "1,911 looms" many.
    expect(countsNoun("It's a 1911 power loom from the mill", "looms")).toBe(false);
    expect(countsNoun("The mill ran 1,911 looms", "looms")).toBe(true);
  });

  it("tells a definition from a mention", () => {
    expect(defines("sanctions imposed by President Donald Trump", ["trump"])).toBe(true);
    expect(defines("sanctions imposed by the Trump administration", ["trump"])).toBe(false);
    // A relation by name or pronoun says who someone is; another person's possession does not.
    expect(defines("Kristin Lindqvist-Hale is Hester Lindqvist's daughter.", ["kristin", "lindqvist", "hale"])).toBe(
      true,
    );
    expect(defines("Mikkel is her husband.", ["mikkel"])).toBe(true);
    expect(defines("Mikkel is everyone's favourite driver.", ["mikkel"])).toBe(false);
    expect(defines("announced a state-run app store, Karavan, which", ["karavan"])).toBe(true);
    expect(defines("what creators call “clip farms”: small crews of teens", ["clip", "farm"])).toBe(true);
    expect(defines("In Iran, the regime banned it", ["iran"])).toBe(false);
  });

  it("a full name after a preposition with a noun appositive, or 'became …', says who someone is", () => {
    const farrant = ["lionel", "farrant"];
    expect(defines("The court heard evidence from Lionel Farrant, a site foreman who worked there", farrant)).toBe(
      true,
    );
    expect(defines("The court heard evidence from Lionel Farrant, a man was later told", farrant)).toBe(false);
    expect(defines("In New Harbour, a man was arrested", ["new", "harbour"])).toBe(false);
    expect(defines("Anselm Korvacs became general manager of Velmar Transit in October", ["anselm", "korvacs"])).toBe(
      true,
    );
    expect(defines("Anselm Korvacs went to Velmar Transit in October", ["anselm", "korvacs"])).toBe(false);
  });

  it("what someone does by name ('X runs the grocery'), or a role with its place before the name, says who they are", () => {
    const edda = ["edda", "morrow"];
    expect(defines("Edda Morrow runs the bakery on Keel Street.", edda)).toBe(true);
    expect(defines("Edda Morrow leads the Harbour Pilots Union.", edda)).toBe(true);
    expect(defines("Edda Morrow has been director of the town museum since 2019.", edda)).toBe(true);
    expect(defines("The harbour master at Keel Bay, Edda Morrow, said the berth was full.", edda)).toBe(true);
    expect(defines("Edda Morrow runs every morning before work.", edda)).toBe(false);
    expect(defines("Edda Morrow has been climbing on roofs.", edda)).toBe(false);
    expect(defines("Edda Morrow said the berth was full.", edda)).toBe(false);
  });

  it("a typo of a filler word is dropped, not weighed as an unknown topic", () => {
    expect(core.ask("how many drivers does velmar have in veiw of the sanctions").answer?.text).toContain("38,000");
  });
});
