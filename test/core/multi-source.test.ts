import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import { tinyKnowledge, type TinyArticle } from "../support/tiny-kb.js";
import { bakery, velmar, zembla } from "../support/tiny-articles.js";

const core = createCore(tinyKnowledge([zembla, velmar, bakery]));

describe("several imported articles in one knowledge base", () => {
  it("answers from a sentence that leaves out what its article is about (the article's topic prior)", () => {
    // The answering sentence never says "Zembla" or "Quorra": its article is about both.
    const r = core.ask("When did the Quorra block in Zembla take effect?");
    expect(r.answer?.id).toBe("zembla-quorra-f2");
  });

  it("a headline word no sentence repeats is still known, not an unknown word that sinks the question", () => {
    const r = core.ask("When is the vote in Zembla?");
    expect(r.answered).toBe(true);
    expect(r.answer!.text).toContain("30 May");
  });

  it("a word only one article is about picks that article", () => {
    const r = core.ask("Who imposed sanctions on Velmar?");
    expect(r.answer?.id).toBe("velmar-sanctions-f1");
    expect(r.answer!.source.id).toBe("velmar-sanctions");
  });

  it("declines a near miss across articles: the founding of one company is not another's", () => {
    expect(core.ask("Who founded Quorra?").answered).toBe(false);
    expect(core.ask("Who founded Velmar?").answer?.text).toContain("2015");
  });

  it("two articles answering differently: the best answer, and the other article's among the alternatives", () => {
    const r = core.ask("How many users does Quorra have?");
    expect(r.answered).toBe(true);
    const sources = [r.answer!, ...r.alternatives].map((a) => a.source.id);
    expect(sources).toContain("zembla-quorra");
    expect(sources).toContain("velmar-sanctions");
    // The other article's answer is the first alternative, not buried after the first article's other sentences.
    expect(r.alternatives[0]!.source.id).not.toBe(r.answer!.source.id);
  });

  it("'how many drivers' prefers the sentence with a number before 'drivers' over one with a date", () => {
    expect(core.ask("How many drivers does Velmar have?").answer?.text).toContain("38,000");
  });

  it("a people's word finds its place: 'Zemblan' questions find 'Zembla'", () => {
    const r = core.ask("How many Zemblan websites were restricted?");
    expect(r.answer?.text).toContain("37 websites");
  });

  it("a sentence that refers back ('It was downloaded…') is read with the sentence before it", () => {
    expect(core.ask("How many times was the Velmar wallet app downloaded?").answer?.text).toContain("200,000");
  });

  it("a plain sentence without the question's heavy verb answers another question", () => {
    // The sentence names the group and a year, but not when it was founded.
    expect(core.ask("When was Kalvestad Digital Watch founded?").answered).toBe(false);
    expect(core.ask("When did Kalvestad Digital Watch say the block was the fifth?").answered).toBe(true);
  });

  it("the answer names its own article", () => {
    const r = core.ask("How much does bread cost in Harrowgate?");
    expect(r.answer?.source.title).toBe("Bread prices rise in Harrowgate");
  });
});

describe("who runs an organisation", () => {
  const leaders = createCore(
    tinyKnowledge([
      zembla,
      {
        id: "quorra-people",
        title: "The people behind Quorra",
        facts: [
          "Ilse Marrow is the chief executive of Quorra.",
          "Teodor Vance is director of Kalvestad Digital Watch.",
          "Quorra moved its offices to the port district in 2021.",
        ],
      },
    ]),
  );

  it("'who runs / leads / is in charge of X' finds X's chief executive or director", () => {
    expect(leaders.ask("who runs Quorra?").answer?.text).toContain("Ilse Marrow");
    expect(leaders.ask("Who leads Kalvestad Digital Watch?").answer?.text).toContain("Teodor Vance");
    expect(leaders.ask("who is in charge of quorra").answer?.text).toContain("Ilse Marrow");
  });

  it("one way only: a director is not the chief executive a question asks about", () => {
    const r = leaders.ask("Who is the chief executive of Kalvestad Digital Watch?");
    expect(r.answer?.text ?? "").not.toContain("Teodor Vance");
  });
});

describe("what someone said", () => {
  // As an import writes them: the speaker's who-is fact, and a quote tagged with the surname and asked about.
  const kb = tinyKnowledge(
    [
      zembla,
      {
        id: "harbour-nurse",
        title: "A nurse backs the app ban",
        facts: ["Mira Tolvanen is a nurse from Harrowgate."],
        quotes: [["mira-tolvanen", "My sons were on that app until midnight every night."]],
      },
    ],
    [{ id: "mira-tolvanen", name: "Mira Tolvanen", role: "a nurse from Harrowgate", aliases: ["Tolvanen"] }],
  );
  const quote = kb.entries.find((e) => e.id === "harbour-nurse-q1")!;
  Object.assign(quote, {
    tags: ["tolvanen", "app"],
    questions: ["What did Mira Tolvanen say about the app?", "What did Mira Tolvanen say about her sons?"],
    context: "Mira Tolvanen said the ban came too late for her family.",
  });
  const said = createCore(kb);

  it("a quote's speaker without a role is defined by the sentence around the quote", () => {
    const board = tinyKnowledge(
      [
        velmar,
        {
          id: "museum",
          title: "The museum that nearly closed",
          facts: ["The museum opened in 1911."],
          quotes: [["oddvar-lien", "You have until Christmas to tell us why we should keep the building."]],
        },
      ],
      [{ id: "oddvar-lien", name: "Oddvar Lien", aliases: ["Lien"] }],
    );
    const q = board.entries.find((e) => e.id === "museum-q1")!;
    const mentions = createCore(board).ask("Who is Oddvar Lien?");
    expect(mentions.answered).toBe(false);
    Object.assign(q, { context: "On my first day the head of the board, Oddvar Lien, came to see me." });
    expect(createCore(board).ask("Who is Oddvar Lien?").answer?.id).toBe("museum-q1");
  });

  it("'what did X say?' is answered by X's words, not by a sentence about X that reports no speech", () => {
    expect(said.ask("What did Mira Tolvanen say?").answer?.kind).toBe("quote");
    expect(said.ask("Who is Mira Tolvanen?").answer?.text).toContain("nurse");
  });
});

describe("what something is called", () => {
  const crash = createCore(
    tinyKnowledge([
      velmar,
      {
        id: "velmar-crash",
        title: "A Velmar bus crash",
        facts: [
          "A rival, Tandem, signed up 2,300 new drivers.",
          "The driver, Osric Naylor, who has driven buses in the city for nine years and was treated in hospital for cuts, has not spoken publicly.",
        ],
      },
    ]),
  );

  it("'what is the driver's name?' ranks the sentence that names the driver first", () => {
    const r = crash.ask("What is the driver's name?");
    expect(r.answer?.id ?? r.suggestionIds?.[0]).toBe("velmar-crash-f2");
  });

  it("a sentence naming something else beside the thing does not give its name", () => {
    const family = createCore(
      tinyKnowledge([
        velmar,
        {
          id: "border-family",
          title: "A grandmother cut off by the border closure",
          facts: [
            "Vera Solberg's son lives in Aldhaven and her granddaughter was born there.",
            "Vera Solberg's daughter, Ines, drives her to the border every Sunday.",
          ],
        },
      ]),
    );
    expect(family.ask("What is the name of Vera Solberg's son?").answered).toBe(false);
    expect(family.ask("What is the name of Vera Solberg's daughter?").answer?.text).toContain("Ines");
  });
});

describe("words a sentence implies", () => {
  const sales = createCore(
    tinyKnowledge([
      bakery,
      {
        id: "car-sales",
        title: "October car sales in Harrowgate",
        facts: [
          "Truck and van sales are down 2.6 percent, while sedan sales are down 12.3 percent.",
          "Dealers sold 30,154 new cars in October.",
          "Interest rates on car loans dropped for the third month in a row.",
        ],
      },
    ]),
  );

  it("'down 12.3 percent' answers how much something dropped", () => {
    expect(sales.ask("how much have sedan sales dropped?").answer?.text).toContain("12.3 percent");
  });
});

describe("a measure", () => {
  const moon = createCore(
    tinyKnowledge([
      bakery,
      {
        id: "vessa-moon",
        title: "Water found on the moon Vessa",
        facts: [
          "A probe will fly past Vessa 45 times from 2031.",
          "Astronomers watched the 1,900-mile-wide Vessa for 17 nights over two years.",
        ],
      },
    ]),
  );

  it("'how big is X?' prefers a size with its unit over any other number", () => {
    expect(moon.ask("how big is vessa").answer?.text).toContain("1,900-mile-wide");
  });
});

describe("a person named in full once, then by surname", () => {
  const farm: TinyArticle = {
    id: "cider-farm",
    title: "The cider maker who bought back her family's farm",
    facts: [
      "Mornings at Hollin Farm start in the dark, with Bettany Quennell walking the rows of old trees.",
      "Quennell, 39, spent twelve years as a tax accountant before buying the farm back.",
      "Her neighbour, Tove Ramstad, 61, farms barley.",
      "Tonight there are two pickers, Quennell and a new colleague, Callum Breathnach, 23.",
      "The farm sells most of its cider within 40 kilometres.",
      "A fungal canker killed 31 of the orchard's 600 trees in 2023.",
      "Her mother, Harriet Quennell, 68, runs the shop three days a week.",
      "Bettany Quennell bought the farm in 2020.",
      "Quennell took over the press from her father, Caspar, in 2016.",
      "Some of the trees were planted in the 1950s.",
      "The cider is pressed in October.",
      "A supermarket chain offered to stock it nationally.",
      "The bank lent most of the money.",
      "The old barn was rebuilt last year.",
    ],
  };
  const other: TinyArticle = {
    id: "harbour",
    title: "The harbour master",
    facts: ["Anna Quennell, 52, has run the harbour at Keel Bay since 2009."],
  };
  const kb = createCore(tinyKnowledge([farm, other, bakery]));

  it("the surname alone stands for the full name the article writes most, and the age beside it wins", () => {
    expect(kb.ask("How old is Bettany Quennell?").answer?.text).toContain("Quennell, 39,");
    expect(kb.ask("How old is Harriet Quennell?").answer?.text).toContain("68");
  });

  it("a full name whose surname the article gives someone else is about another person", () => {
    const hers = kb.ask("When did Bettany Quennell take over the press?").answer!;
    expect(hers.text).toContain("2016");
    const his = kb.ask("When did Caspar Quennell take over the press?");
    expect(his.answer?.confidence ?? 0).toBeLessThan(0.75 * hers.confidence);
  });

  it("not in another article, and not for a given name the article never wrote with that surname", () => {
    expect(kb.ask("How old is Anna Quennell?").answer?.text).toContain("52");
    expect(kb.ask("How old is Marit Quennell?").answered).toBe(false);
  });
});

describe("an age in someone's words", () => {
  const referees: TinyArticle = {
    id: "referee-chief",
    title: "The referees' chief on body cameras",
    facts: [
      "Tobias Quaye-Holm has led the referees' association since 2019.",
      "Referees wear cameras in three regions.",
    ],
  };
  const kb = tinyKnowledge([referees, velmar, bakery]);
  kb.entries.push({
    kind: "fact",
    id: "referee-chief-i1",
    text: "A referee in Nordby, a 17-year-old girl, rang me in tears after a match.",
    tags: [],
    questions: [],
    sourceId: "referee-chief",
    attribution: "Tobias Quaye-Holm (interview)",
  });
  const core = createCore(kb);

  it("is not the speaker's age, but answers a question about the one it belongs to", () => {
    expect(core.ask("How old is Tobias Quaye-Holm?").answered).toBe(false);
    expect(core.ask("How old was the referee from Nordby?").answer?.id).toBe("referee-chief-i1");
  });
});

describe("a real word is not a typo of another", () => {
  const talks: TinyArticle = {
    id: "fishing-talks",
    title: "Fishing talks collapse",
    facts: [
      "The minister called the walkout theatre for the cameras.",
      "Orchard owners have planted 150 young trees this winter.",
      "Three fishermen were rescued off the coast.",
      "Which apps are legal in Orlany is set by the fisheries ministry.",
    ],
  };
  const kb = createCore(tinyKnowledge([talks, bakery]));

  it("a word WordNet knows is not 'corrected' into a different word of the knowledge base", () => {
    expect(kb.ask("What's a good workout?").answered).toBe(false);
    expect(kb.ask("How many planets are there?").answered).toBe(false);
  });

  it("but a misspelling, or another form of a word here, still finds it", () => {
    expect(kb.ask("who called the walkuot theatre").answer?.id).toBe("fishing-talks-f1");
    expect(kb.ask("How many fisherman were rescued?").answer?.id).toBe("fishing-talks-f3");
    expect(kb.ask("which apps can be used legally in orlany").answer?.confidence).toBeGreaterThan(0.75);
  });
});

describe("'how many X' counts X", () => {
  const rescue: TinyArticle = {
    id: "harbour-rescue",
    title: "Lifeboat crew rescue five fishermen off Keel Head",
    facts: [
      "The Keel Head lifeboat, crewed by six volunteers, reached the trawler 34 minutes after the call.",
      "The trawler had 1,600 litres of diesel on board.",
      "About 1,600 students were kept indoors during the storm.",
    ],
  };
  const kb = createCore(tinyKnowledge([rescue, velmar, bakery]));

  it("a number beside another noun counts the thing asked with less confidence than one beside it", () => {
    const counts = kb.ask("How many volunteers crewed the Keel Head lifeboat?").answer!;
    expect(counts.id).toBe("harbour-rescue-f1");
    // Every word matches, but "six" counts volunteers, not lifeboats.
    const other = kb.ask("How many lifeboats does Keel Head have?");
    expect(other.answer?.confidence ?? 0).toBeLessThan(0.75 * counts.confidence);
  });

  it("a misspelt counted thing is counted as the word it was corrected to", () => {
    const r = kb.ask("how many studnets were kept indoors").answer!;
    expect(r.id).toBe("harbour-rescue-f3");
    expect(r.confidence).toBeGreaterThan(0.9);
  });
});

describe("requests for instructions or a recommendation", () => {
  const kb = createCore(
    tinyKnowledge([
      velmar,
      bakery,
      {
        id: "night-bakery",
        title: "The night bakers keep a town fed",
        facts: [
          "Her mother downloaded the videos, and they now sit on the family laptop in the bakery.",
          "A kettle that has not boiled in a century sits on the bakery's range.",
          "The bakery is the best roof in town, the children say.",
        ],
      },
    ]),
  );

  it("'how do I…' and 'what's a good…' are not answered by a sentence that merely shares their words", () => {
    expect(kb.ask("How do I clean a kettle?").answered).toBe(false);
    expect(kb.ask("What's a good laptop?").answered).toBe(false);
  });

  it("a sentence that says it outright still answers", () => {
    expect(kb.ask("What is the best roof in town?").answer?.id).toBe("night-bakery-f3");
  });
});

describe("what someone said", () => {
  const kb = tinyKnowledge([
    velmar,
    {
      id: "ferry-strike",
      title: "Ferry strike ends after eleven days",
      facts: ["Sealink's chief executive, Anders Moe, said the deal would cost every passenger something."],
    },
  ]);
  kb.entries.push({
    kind: "fact",
    id: "ferry-strike-i1",
    text: "The Kiln Review wrote that Anders Moe says the deal will cost passengers.",
    tags: [],
    questions: [],
    sourceId: "ferry-strike",
    attribution: "Marit Hallgren (interview)",
  });
  kb.speakers.push({ id: "anders-moe", name: "Anders Moe", aliases: ["Moe"] });
  const core = createCore(kb);

  it("'what did X say?' prefers X's words to someone else's words about X", () => {
    expect(core.ask("What did Moe say about the deal?").answer?.id).toBe("ferry-strike-f1");
  });
});

describe("'when…' asks the time of the question's event", () => {
  const lighthouse = createCore(
    tinyKnowledge([
      zembla,
      bakery,
      {
        id: "corran-lighthouse",
        title: "Corran lighthouse reopens to visitors",
        facts: [
          "The Corran lighthouse was repainted in June.",
          "Its keeper, Ada Venn, has guided visitors up the tower for twenty years.",
          "The tower reopens to visitors on 3 May.",
          "Ada Venn says the 2009 storms nearly took the lantern.",
        ],
      },
      // "built" must be a word of the knowledge base: an unknown verb is read as a paraphrase.
      {
        id: "harbour-wall",
        title: "Harbour wall repairs",
        facts: ["The old harbour wall was built of granite.", "Fishermen fear repeating last winter's losses."],
      },
    ]),
  );

  it("an entry without the question's verb gives the time of something else", () => {
    expect(lighthouse.ask("When was the Corran lighthouse built?").answered).toBe(false);
  });

  it("the entry that says the event still answers", () => {
    expect(lighthouse.ask("When was the Corran lighthouse repainted?").answer?.text).toContain("June");
    expect(lighthouse.ask("When does the tower reopen?").answer?.text).toContain("3 May");
  });

  it("'which year's X…' asks the time of X, not of its verbs", () => {
    expect(lighthouse.ask("Which year's storms does Ada Venn fear repeating?").answer?.text).toContain("2009");
  });
});

describe("a sentence that asks", () => {
  const ferry = createCore(
    tinyKnowledge([
      zembla,
      {
        id: "ferry-timetable",
        title: "Ferry timetable changes",
        facts: ["What will the timetable change for commuters?", "Ferries will leave Port Aske every 20 minutes."],
      },
    ]),
  );

  it("a question in an article (a subheading) is not an answer", () => {
    expect(ferry.ask("What will the timetable change for commuters?").answered).toBe(false);
    expect(ferry.ask("How often will ferries leave Port Aske?").answer?.text).toContain("20 minutes");
  });
});

describe("a role the question asks about", () => {
  const town = createCore(
    tinyKnowledge([
      zembla,
      velmar,
      {
        id: "aske-bridge",
        title: "Port Aske bridge reopens",
        facts: [
          "The Port Aske bridge reopened on Friday after two years of repairs.",
          "Port Aske's harbour master, Ilse Marrow, said the repairs had cost the port its busiest summer.",
          "The mayor of Harlow, Teodor Vance, praised the engineers.",
          "Rhona Tate interviewed Teodor Vance on the quay.",
        ],
      },
    ]),
  );

  it("'what did the mayor of X say?' is not answered by someone else in X", () => {
    expect(town.ask("What did the mayor of Port Aske say?").answered).toBe(false);
  });

  it("an entry that names the role still answers", () => {
    expect(town.ask("What did the harbour master of Port Aske say?").answer?.text).toContain("Ilse Marrow");
    expect(town.ask("What did the mayor of Harlow say?").answer?.text).toContain("Teodor Vance");
  });

  it("a role after the verb 'who' asks is its object, not the one asked", () => {
    expect(town.ask("Who interviewed the mayor on the quay?").answer?.text).toContain("Rhona Tate");
  });
});

describe("the thing 'what is the X…' asks", () => {
  const singer = createCore(
    tinyKnowledge([
      zembla,
      {
        id: "aske-singer",
        title: "Port Aske singer fills the harbour hall",
        facts: [
          "Lena Voss, a singer from Port Aske, posts new songs on Instagram every Friday.",
          "The harbour office will handle ticket complaints.",
          "The hall's ticket price is 12 crowns.",
        ],
      },
    ]),
  );

  it("an entry that does not say the thing gives something else about the subject", () => {
    expect(singer.ask("What is Lena Voss's Instagram handle?").answered).toBe(false);
  });

  it("an entry that says it still answers", () => {
    expect(singer.ask("What is the hall's ticket price?").answer?.text).toContain("12 crowns");
  });
});

describe("'which X…' asks for an X", () => {
  const street = createCore(
    tinyKnowledge([
      zembla,
      {
        id: "quay-street",
        title: "Night bakers of Quay Street",
        facts: [
          "Not everyone on Quay Street loves the night bakery.",
          "The busiest shop on the harbour is run by Tilde Mainsworth.",
        ],
      },
      { id: "harrowgate-shops", title: "Harrowgate shops", facts: ["Supermarkets in Harrowgate sell bread cheaply."] },
    ]),
  );

  it("an entry that names no X and nothing else the question lacks does not answer", () => {
    expect(street.ask("Which supermarket is on Quay Street?").answered).toBe(false);
  });

  it("an entry that gives a name still answers ('which shop…' → the shop run by someone named)", () => {
    expect(street.ask("Which shop is the busiest on the harbour?").answer?.text).toContain("Tilde Mainsworth");
  });
});

describe("'won' is a word, 'won't' is not", () => {
  const cup = createCore(
    tinyKnowledge([
      zembla,
      {
        id: "aske-cup",
        title: "Harbour Cup final in Port Aske",
        facts: [
          "The Harbour Cup final was played in Port Aske on Sunday.",
          "The rowing club won a new boat in a raffle last year.",
          "Fans who won't travel can watch it on the harbour screen.",
        ],
      },
    ]),
  );

  it("a sentence that does not say who won covers less of 'who won…'", () => {
    expect(cup.ask("Who won the Harbour Cup final?").answer?.confidence ?? 0).toBeLessThan(1);
  });

  it("'won't' adds no word to match", () => {
    expect(cup.ask("What can fans who won't travel do?").answer?.confidence).toBe(1);
  });
});

describe("'what time…' asks a time of day", () => {
  const pharmacy = (extra: string[]) =>
    createCore(
      tinyKnowledge([
        zembla,
        {
          id: "aske-pharmacy",
          title: "Port Aske pharmacy",
          facts: ["The Port Aske pharmacy opened in 2019 in the old bank.", ...extra],
        },
      ]),
    );

  it("a year is not the time of day asked", () => {
    expect(pharmacy([]).ask("What time does the Port Aske pharmacy open?").answered).toBe(false);
  });

  it("a clock time is", () => {
    const r = pharmacy(["The pharmacy opens at 8:30 every weekday."]).ask(
      "What time does the Port Aske pharmacy open?",
    );
    expect(r.answer?.text).toContain("8:30");
  });
});
