import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { who, speaker } from "./article.js";

describe("attribution forms", () => {
  it('A: "…," said Name, role', () => {
    const r = attributeQuotes([
      '"The bridge has been closed three times this winter alone," said Orla Benedek, a ferry pilot in the harbour town.',
    ]);
    expect(who(r, "The bridge has been")).toBe("Orla Benedek");
    expect(speaker(r, "Orla Benedek")?.role).toBe("a ferry pilot in the harbour town");
    expect(r.quotes[0]!.text).toBe("The bridge has been closed three times this winter alone,");
  });

  it('B: "…," Name said — a surname refers back to the full name', () => {
    const r = attributeQuotes([
      "Farid Noorani, a baker on the high street, opened at dawn.",
      '"We sold out of bread before eight o\'clock," Noorani said.',
    ]);
    expect(who(r, "We sold out")).toBe("Farid Noorani");
    expect(speaker(r, "Farid Noorani")?.aliases).toContain("Noorani");
  });

  it('C: Name said: "…"', () => {
    const r = attributeQuotes(['Councillor Brigit Mahon said: "This budget protects the libraries and nothing else."']);
    expect(who(r, "This budget protects")).toBe("Brigit Mahon");
    expect(speaker(r, "Brigit Mahon")?.role).toBe("Councillor");
  });

  it('D: Name said that "<partial quote>"', () => {
    const r = attributeQuotes([
      'Dana Whitlow, a hydrologist, said that the river had "never risen this fast in living memory" and that more rain was due.',
    ]);
    expect(r.quotes.map((q) => q.text)).toEqual(["never risen this fast in living memory"]);
    expect(who(r, "never risen")).toBe("Dana Whitlow");
    expect(r.quotes[0]!.context).toContain("Dana Whitlow, a hydrologist, said that the river had");
  });

  it('E: "First," she said. "Second." gives two quotes by the same speaker', () => {
    const r = attributeQuotes([
      "Mirela Costa runs the shelter.",
      '"We have room for forty people tonight," she said. "Tomorrow we may have room for none."',
    ]);
    expect(r.quotes).toHaveLength(2);
    expect(who(r, "We have room")).toBe("Mirela Costa");
    expect(who(r, "Tomorrow we may")).toBe("Mirela Costa");
  });

  it('F: "First," said Name, "second."', () => {
    const r = attributeQuotes([
      '"The vote was closer than anyone admits," said Tobias Reyne, a party organiser, "and the next one will be closer still."',
    ]);
    expect(who(r, "The vote was closer")).toBe("Tobias Reyne");
    expect(who(r, "and the next one")).toBe("Tobias Reyne");
  });

  it("G: a later he/she refers back", () => {
    const r = attributeQuotes([
      "Joaquin Ferro, a fisherman, has worked the bay for thirty years.",
      'He said the catch had halved since 2020. "Some weeks I come home with nothing at all," he added.',
    ]);
    expect(who(r, "Some weeks I come")).toBe("Joaquin Ferro");
  });

  it("H: two people of different genders named, then she said", () => {
    const r = attributeQuotes([
      '"I never planned to run a café," said Agnes Holloway, who opened hers in 2019.',
      "Holloway said her business partner, Lucas Brandt, handled the money while she handled the customers. " +
        '"He keeps us solvent and I keep us busy," she said.',
      'Brandt said he had doubted the plan at first. "I thought we would last six months," he said.',
    ]);
    expect(who(r, "He keeps us solvent")).toBe("Agnes Holloway");
    expect(who(r, "I thought we would")).toBe("Lucas Brandt");
  });

  it("I: role before the name", () => {
    const r = attributeQuotes([
      'The city\'s fire chief, Ronan Adeyemi, said crews had reached the blaze within minutes. "Nobody was hurt, which is a small miracle," Adeyemi said.',
    ]);
    expect(who(r, "Nobody was hurt")).toBe("Ronan Adeyemi");
    expect(speaker(r, "Ronan Adeyemi")?.role).toBe("the city's fire chief");
    expect(speaker(r, "Ronan Adeyemi")?.aliases).toContain("the fire chief");
  });

  it("J and L: role after the name, then the role alone", () => {
    const r = attributeQuotes([
      "Sunita Rao, the headteacher, said the school would reopen on Monday.",
      '"Every classroom has been checked twice," the headteacher said.',
    ]);
    expect(who(r, "Every classroom")).toBe("Sunita Rao");
  });

  it("K: honorific + surname, with two people of one surname told apart by gender", () => {
    const r = attributeQuotes([
      "Helena Varga, a pharmacist, and her husband, Peter Varga, a carpenter, lost their shop in the flood.",
      '"We had insurance, but it covers nothing like this," Ms Varga said.',
      '"I will rebuild it with my own hands if I have to," Mr Varga said.',
    ]);
    expect(who(r, "We had insurance")).toBe("Helena Varga");
    expect(who(r, "I will rebuild")).toBe("Peter Varga");
  });

  it("M: a quote-only paragraph continues the previous speaker", () => {
    const r = attributeQuotes([
      '"The pier is older than anyone in this town," said Elspeth Morrow, a historian.',
      '"If it goes, a piece of the town goes with it."',
    ]);
    expect(who(r, "If it goes")).toBe("Elspeth Morrow");
  });

  it("N: a quote over several paragraphs, one entry per paragraph", () => {
    const r = attributeQuotes([
      'Inspector Yusuf Kaplan told the hearing: "We found the first warehouse in March. It was empty by the time we arrived.',
      '"The second one was not.',
      '"That is where the trail began."',
    ]);
    expect(r.quotes.map((q) => q.text)).toEqual([
      "We found the first warehouse in March. It was empty by the time we arrived.",
      "The second one was not.",
      "That is where the trail began.",
    ]);
    expect(r.quotes.map((q) => who(r, q.text))).toEqual(["Yusuf Kaplan", "Yusuf Kaplan", "Yusuf Kaplan"]);
    expect(r.quotes[1]!.paragraph).toBe(1);
  });

  it("O: an organisation in a statement, then 'the statement said' and 'the company said'", () => {
    const r = attributeQuotes([
      'Northwind Rail said in a statement that it was "working around the clock to restore services".',
      '"Passenger safety will always come before punctuality," the statement said.',
      '"We apologise to everyone whose journey was disrupted," the company said.',
    ]);
    expect(who(r, "working around the clock")).toBe("Northwind Rail");
    expect(who(r, "Passenger safety")).toBe("Northwind Rail");
    expect(who(r, "We apologise")).toBe("Northwind Rail");
    expect(speaker(r, "Northwind Rail")?.kind).toBe("organisation");
  });

  it("O: a report speaks for its author", () => {
    const r = attributeQuotes([
      "According to a report by the research group Tidewater Analytics, rents rose 14% last year.",
      'The report warns that the city "is pricing out the people who keep it running".',
    ]);
    expect(who(r, "is pricing out")).toBe("Tidewater Analytics");
  });

  it("O: a post on social media", () => {
    const r = attributeQuotes([
      'Marta Ilves, the transport minister, wrote on the social network Chirp on Friday: "The tunnel will open in May, not a day later."',
    ]);
    expect(who(r, "The tunnel will open")).toBe("Marta Ilves");
  });

  it("P: scare quotes, titles and product names are not quotes", () => {
    const r = attributeQuotes([
      'The app\'s "Night Owl" feature and a campaign called "Lights Out, Books Open" were both launched in June, alongside what fans call "the big reset".',
    ]);
    expect(r.quotes).toEqual([]);
  });

  it("Q: a phrase in the reporter's question is not a quote; the answer after it is the speaker's", () => {
    const r = attributeQuotes([
      'Asked whether the club had "given up on the youth academy," Karlsson said the academy would get a new coach.',
      'Asked if the deal was "a step too far", the mayor, Ilse Brandauer, said: "No, it is a step we should have taken years ago."',
    ]);
    expect(r.quotes.map((q) => q.text)).toEqual(["No, it is a step we should have taken years ago."]);
    expect(who(r, "No, it is a step")).toBe("Ilse Brandauer");
  });
});

describe("patterns the blind hold-out batches exposed", () => {
  it("refers by age: the 41-year-old said", () => {
    const r = attributeQuotes([
      "Noor Haddad, 41, a bus driver, was told her route would be cut.",
      '"I have driven that route since my son was born," the 41-year-old said.',
    ]);
    expect(who(r, "I have driven")).toBe("Noor Haddad");
  });

  it("skips a dateline and takes the sentence subject for 'calling it'", () => {
    const r = attributeQuotes([
      'PORT ELLIS — Senator Idris Mallory on Monday rejected the plan, calling it "a tax on people who cannot move house".',
    ]);
    expect(who(r, "a tax on people")).toBe("Idris Mallory");
  });

  it('attributes "…?" asked Name after a question', () => {
    const r = attributeQuotes(['"Who decided that the bus stop was the problem?" asked Wren Talbot, a resident.']);
    expect(who(r, "Who decided")).toBe("Wren Talbot");
  });

  it("keeps an acronym in brackets as an alias of the organisation", () => {
    const r = attributeQuotes([
      'The National Union of Porters (NUP) said the offer was "nowhere near what our members need".',
    ]);
    expect(who(r, "nowhere near")).toBe("National Union of Porters");
    expect(speaker(r, "National Union of Porters")?.aliases).toContain("NUP");
  });

  it("reads a bare surname shared by two people as the one introduced first", () => {
    const r = attributeQuotes([
      "Olga Petrenko has run the pharmacy since 1998. Her son, Ivan Petrenko, 30, now runs the night shift.",
      '"She thinks I work too little," Ivan said. "She is right, but so is she."',
      '"Somebody in this family has to sleep," Petrenko says.',
    ]);
    expect(who(r, "She thinks I work")).toBe("Ivan Petrenko");
    expect(who(r, "Somebody in this family")).toBe("Olga Petrenko");
  });

  it("takes a role given only in the sentence before", () => {
    const r = attributeQuotes([
      'The ministry sent its director of planning to the meeting. "We will publish the full costs in June," said Tarik Amsel.',
    ]);
    expect(speaker(r, "Tarik Amsel")?.role).toBe("director of planning");
  });

  it("makes a described speaker of 'The victim's brother, speaking outside court,'", () => {
    const r = attributeQuotes([
      'The victim\'s brother, speaking outside court, said the family would appeal. "We are not finished with this case," he said.',
    ]);
    expect(who(r, "We are not finished")).toBe("the victim's brother");
  });
});

describe("quote marks", () => {
  it("keeps nested single quotes inside the outer quote", () => {
    const r = attributeQuotes([
      "\"My manager told me, 'Take the week off, we will manage,' and then called me every day,\" said Rhea Castellano, a nurse.",
    ]);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]!.text).toBe(
      "My manager told me, 'Take the week off, we will manage,' and then called me every day,",
    );
    expect(who(r, "My manager")).toBe("Rhea Castellano");
  });

  it("reads curly quotes with « » nested inside", () => {
    const r = attributeQuotes([
      "“They print «safe streets for all» on every poster,” said Anouk Verhagen, a cyclist, “but the lane ends at the bridge.”",
    ]);
    expect(r.quotes.map((q) => q.text)).toEqual([
      "They print «safe streets for all» on every poster,",
      "but the lane ends at the bridge.",
    ]);
  });

  it("reads « » guillemets as the outer quotes", () => {
    const r = attributeQuotes([
      "«The glacier has lost forty metres since last spring,» said Claude Perrin, a mountain guide. «We change the route every month now.»",
    ]);
    expect(r.quotes.map((q) => q.text)).toEqual([
      "The glacier has lost forty metres since last spring,",
      "We change the route every month now.",
    ]);
    expect(r.quotes.map((q) => who(r, q.text))).toEqual(["Claude Perrin", "Claude Perrin"]);
  });

  it("gives offsets that point at the quoted text", () => {
    const paragraph = 'After the vote, "We will appeal this decision in every court we can," said Ada Lindqvist.';
    const r = attributeQuotes([paragraph]);
    const q = r.quotes[0]!;
    expect(paragraph.slice(q.start, q.end)).toBe(q.text);
  });
});

describe("pronouns and warnings", () => {
  it("resolves he and she by gender when a man and a woman were both named", () => {
    const r = attributeQuotes([
      "Rosa Lindgren and her neighbour, Tomas Eklund, both lost power for three days.",
      'Eklund said his freezer had thawed twice. "I threw away a month of food," he said.',
      'Lindgren said she had borrowed a generator from her brother. "It was loud, but it kept the heating on," she said.',
    ]);
    expect(who(r, "I threw away")).toBe("Tomas Eklund");
    expect(who(r, "It was loud")).toBe("Rosa Lindgren");
  });

  it("warns about an unattributed quote and a speaker without a role", () => {
    const r = attributeQuotes([
      '"Nobody told us the school would close until the morning it did."',
      '"We will be back next year with a bigger stall," said Hamish Doyle.',
    ]);
    expect(r.warnings.some((w) => w.startsWith("unattributed quote") && w.includes("Nobody told us"))).toBe(true);
    expect(r.warnings.some((w) => w.includes("no role") && w.includes("Hamish Doyle"))).toBe(true);
    expect(r.quotes.find((q) => q.text.startsWith("We will be back"))!.context).not.toBe("");
  });

  it("never takes a reporter from the byline as a speaker", () => {
    const r = attributeQuotes(['"The harvest came in early this year," said Ines Moreau.'], {
      reporters: ["Ines Moreau"],
    });
    expect(r.speakers).toEqual([]);
    expect(who(r, "The harvest came")).toBe("(none)");
  });

  it("gives unique, surname-based ids", () => {
    const r = attributeQuotes([
      '"The market opens at six and closes when the fish run out," said Carmen Oyelowo, a trader.',
      '"I have sold fish here since I was twelve years old," said Daniel Oyelowo, her father.',
    ]);
    const ids = r.speakers.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.includes("oyelowo"))).toBe(true);
  });
});

describe("garbage input", () => {
  it("handles empty input, empty paragraphs and text without quotes", () => {
    expect(attributeQuotes([])).toEqual({ speakers: [], quotes: [], warnings: [] });
    expect(attributeQuotes(["", "   ", "\n"]).quotes).toEqual([]);
    expect(attributeQuotes(["The council met on Tuesday and approved the budget."]).quotes).toEqual([]);
  });

  it("survives unbalanced marks without throwing", () => {
    const r = attributeQuotes(['He said "this never closes', "” stray closer and « another", '"', "“", "»«"]);
    expect(Array.isArray(r.quotes)).toBe(true);
    for (const q of r.quotes) expect(q.end).toBeGreaterThanOrEqual(q.start);
  });

  it("never throws on random text full of quote marks, and offsets always point at the quoted text", () => {
    const piece = fc.constantFrom(
      '"',
      "“",
      "”",
      "«",
      "»",
      "‘",
      "’",
      "'",
      " said ",
      " she said. ",
      " Anna Berg",
      ", a nurse,",
      "Mr ",
      ". ",
      ", ",
      "He",
      " told ",
      "according to ",
      "Asked whether ",
      "the minister",
      " word",
      "\u2219",
      "—",
      "(",
      ")",
      ":",
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 40 }).map((a) => a.join("")),
          { maxLength: 6 },
        ),
        (paras) => {
          const r = attributeQuotes(paras);
          for (const q of r.quotes) expect(paras[q.paragraph]!.slice(q.start, q.end)).toBe(q.text);
          for (const q of r.quotes) if (q.speakerId) expect(r.speakers.some((s) => s.id === q.speakerId)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("handles a 1 MB paragraph", () => {
    const unit = 'The committee met again. "We need more time to study the proposal," said Lena Park, a member. ';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const r = attributeQuotes([big]);
    expect(r.quotes.length).toBeGreaterThan(1000);
    expect(r.quotes.every((q) => q.speakerId === r.quotes[0]!.speakerId)).toBe(true);
    const noPunct = attributeQuotes(["word ".repeat(200_000) + '"' + "x ".repeat(100_000)]);
    expect(noPunct.quotes.length).toBeLessThanOrEqual(1);
  });
});
