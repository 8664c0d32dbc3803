import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { who } from "./article.js";

/**
 * Classes found on the fictional articles of eval/holdout-articles written for issue 10 (a magazine long read, quotes
 * over several paragraphs, a Q&A interview, a wire report), each tested here in new words.
 */
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

  it("a surname that is also a word, given with a first name before, speaks alone ('“…,” Haste says')", () => {
    const r = attributeQuotes([
      "Corwin Haste has been a lighthouse keeper on Skerry Point for 31 years.",
      "“The light was automated in 2019,” Haste says. “After that, the job was mostly paint and weather.",
      "“The whole truth is I’d do it again tomorrow.”",
    ]);
    expect(who(r, "The light was automated")).toBe("Corwin Haste");
    expect(who(r, "After that")).toBe("Corwin Haste");
    expect(who(r, "The whole truth")).toBe("Corwin Haste");
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

describe("a Q&A interview whose answers quote other people", () => {
  const article = [
    "Maren Oddvik, 52, is Tolland’s chief trade negotiator. Tolland’s finance minister, Jorunn Sele, has backed her walkout from the tariff talks.",
    "We spoke to Oddvik in her office in Brask. The interview has been edited for length.",
    "Havel: Why did you leave the table?",
    "Oddvik: Their lead negotiator, Ansgar Brede, put a new schedule on the table. He told me, “We will not discuss the old quotas.” I said, “Then there is nothing to discuss,” and I left.",
    "Havel: How did your own side take it?",
    "Oddvik: Tomas Lerke, who chairs the Brask Farmers’ Union, wrote to me that night. His letter said, “Do not come home with less than we had.” My minister, Jorunn Sele, called me the next morning. She said, “Take the weekend and go back on Monday.”",
    "Havel: And at home?",
    "Oddvik: My husband laughs at me. He told me once, “You would walk out of your own birthday party.”",
  ];
  const r = attributeQuotes(article);

  it("'I said' in an answer is the interviewee", () => {
    expect(who(r, "Then there is nothing")).toBe("Maren Oddvik");
  });

  it("'he'/'she' in an answer is someone the answer names, never the interviewee", () => {
    expect(who(r, "We will not discuss")).toBe("Ansgar Brede");
    expect(who(r, "Take the weekend")).toBe("Jorunn Sele");
  });

  it("'His letter said' is the letter's writer; 'my husband' is a person the answer describes", () => {
    expect(who(r, "Do not come home")).toBe("Tomas Lerke");
    expect(who(r, "You would walk out")).toMatch(/husband/i);
  });

  it("a turn's name ('Oddvik:') is not a speaker of the quotes in that answer", () => {
    expect(r.quotes.filter((q) => r.speakers.find((s) => s.id === q.speakerId)?.name === "Maren Oddvik")).toHaveLength(
      1,
    );
  });
});

describe("a magazine long read in the present tense", () => {
  it("a person first named inside a clause ('The first thing Yetunde Maronek shows me') is who 'she says' means next", () => {
    const r = attributeQuotes([
      "The first thing Yetunde Maronek shows me is a drawer of broken phones. Her repair shop in Varde, Fixwell, opened in 2017.",
      "“Every one of these was thrown away by someone who thought it was dead,” she says. “Most of them weren’t.”",
    ]);
    expect(who(r, "Every one of these")).toBe("Yetunde Maronek");
    expect(who(r, "Most of them")).toBe("Yetunde Maronek");
  });

  it("present-tense verbs of a profile ('Renwick remembers', 'he deadpans') attribute like 'says'", () => {
    const r = attributeQuotes([
      "Hollis Quarme, 52, has taught woodwork at Brackley High for 23 years. His colleague Ada Renwick teaches metalwork next door.",
      "“Her students are braver than mine,” Quarme says.",
      "“The first year, a girl nearly lost a thumb,” Renwick remembers. “After that I wrote the rules on the wall.”",
      "Quarme nods. “Nobody ever reads them,” he deadpans, “but at least they are there.”",
    ]);
    expect(who(r, "The first year")).toBe("Ada Renwick");
    expect(who(r, "After that I wrote")).toBe("Ada Renwick");
    expect(who(r, "Nobody ever reads them")).toBe("Hollis Quarme");
  });

  it("a named person 'from' somewhere before the verb ('Dr Aino Lusk from the hospital told') speaks", () => {
    const r = attributeQuotes([
      "The ward closed in June. Dr Aino Lusk from the city hospital told the council that the plan was “safe only on paper”, and left.",
    ]);
    expect(who(r, "safe only on paper")).toBe("Aino Lusk");
  });
});

describe("quotes running over several paragraphs", () => {
  it("an opening paragraph with no closing mark and no speaker is the speaker's who finishes the quote next", () => {
    const r = attributeQuotes([
      "The jury heard from Wilf Orlander, who drove the night bus on the route for a decade.",
      "“We were promised a second driver on the late runs.",
      "“It never happened,” Orlander told the court. “Not once in four years.”",
    ]);
    expect(who(r, "We were promised")).toBe("Wilf Orlander");
    expect(who(r, "It never happened")).toBe("Wilf Orlander");
  });
});

describe("subjects a few words away from the verb", () => {
  it("'He used to say that …' and 'He called me … and said' are the person the pronoun means", () => {
    const r = attributeQuotes([
      "Q: What did your predecessor teach you?",
      "A: Halvard Steen ran this port for twenty years. He used to say that “a harbour is only as good as its worst crane.” He called me when I got the job and said, “Never sign anything on a Friday.”",
      "Q: Did you listen?",
      "A: Mostly.",
    ]);
    expect(who(r, "a harbour is only")).toBe("Halvard Steen");
    expect(who(r, "Never sign anything")).toBe("Halvard Steen");
  });

  it("'the regulator' is the public body named before, though its name does not say regulator", () => {
    const r = attributeQuotes([
      "The Coastal Safety Executive, which brought the case, said the firm had ignored two warnings.",
      "In a statement, the regulator said the ruling showed “that warnings are not optional.”",
    ]);
    expect(who(r, "that warnings are not optional")).toBe("Coastal Safety Executive");
  });

  it("'She told me' after 'the woman who sits behind the driver' is her, not a woman quoted before", () => {
    const r = attributeQuotes([
      "“The rota is a disgrace,” said Ingrid Pahl, who leads the drivers’ union.",
      "I take the 9 bus every morning. When it is late I hear about it first, usually from the woman who sits behind the driver. She told me on Monday, “You run the buses, so why am I standing here?”",
    ]);
    expect(who(r, "You run the buses")).not.toBe("Ingrid Pahl");
  });
});

describe("the first person", () => {
  it("outside an interview, the reporter's own quoted question ('“Why stay?” I ask') is no one's quote", () => {
    const r = attributeQuotes([
      "Mirelle Ostrow has run the ferry café for 22 years. She wipes the counter as we talk.",
      "“Why do you stay?” I ask. “Because nobody else would open at five,” she says.",
      "“Would you do it again?” I ask her. She laughs. “Every single day, without thinking twice.”",
    ]);
    expect(who(r, "Why do you stay?")).toBeUndefined();
    expect(who(r, "Would you do it again?")).toBeUndefined();
    expect(who(r, "Because nobody else")).toBe("Mirelle Ostrow");
    expect(who(r, "Every single day")).toBe("Mirelle Ostrow");
  });

  it("in an answer, 'X told me, “…” I said, “…”' gives each quote its own speaker", () => {
    const r = attributeQuotes([
      "Q: What happened in the room?",
      "A: Their negotiator, Pavo Renning, stood up. He told me, “We are not signing today.” I said, “Then neither are we,” and I left.",
      "Q: And then?",
      "A: Nothing, for a week.",
    ]);
    expect(who(r, "We are not signing")).toBe("Pavo Renning");
    expect(who(r, "Then neither are we")).not.toBe("Pavo Renning");
  });

  it("'one nurse in Breck wrote to me' and 'my colleague Anders Lund likes to say' name who speaks", () => {
    const r = attributeQuotes([
      "Q: What do your members say?",
      "A: One nurse in Breck wrote to me: “I love the job but I can’t afford it.” My colleague Anders Lund likes to say that “a rota is a promise.”",
      "Q: Is it?",
      "A: It should be.",
    ]);
    expect(who(r, "I love the job")).toMatch(/^one nurse in Breck$/i);
    expect(who(r, "a rota is a promise")).toBe("Anders Lund");
  });
});

describe("single quotation marks after a verb of saying, in a double-quote article", () => {
  it("'He told me, ‘we cannot sign this.’' is a quote in an answer; a ‘scare quote’ is not", () => {
    const r = attributeQuotes(
      [
        "“She is the toughest negotiator we have,” said Bram Ekholm, a former trade official.",
        "Q: Why did you leave?",
        "A: Their chief negotiator, Pavo Renning, stood up. He told me, ‘we cannot sign this.’ I said, ‘Then we are done here,’ and left. Everyone calls it the ‘big walkout’ now, which is fine.",
        "Q: Any regrets?",
        "A: None at all.",
      ],
      { title: "Interview: Lise Aaberg on the trade talks" },
    );
    expect(who(r, "we cannot sign this")).toBe("Pavo Renning");
    expect(who(r, "Then we are done here")).toBe("Lise Aaberg");
    expect(who(r, "big walkout")).toBeUndefined();
  });
});

describe("an interview's answers naming the people they quote in passing", () => {
  const r = attributeQuotes([
    "Wenna Throssel founded the Carrow kite festival in 2015 and is stepping down this year.",
    "HALE: Did you ever nearly cancel it?",
    "THROSSEL: Once. My doctor told me, “Rest or you will not see the next one.” Then our sponsor left, so I rang the council’s events officer, Gideon Parr, and he said, “How much do you need by Friday?”",
    "HALE: Who helped most?",
    "THROSSEL: Our treasurer, Ken Adeyemi-Hart, sat me down in 2021 and said, “Either we sell tickets or we stop.” One of the teenagers in his kite class told me, “You are the only adult who listens.”",
    "HALE: And now?",
    "THROSSEL: Sleep. My husband, Tunde, has plans. He says, “The list is not a threat, it is a plan.”",
  ]);

  it("'I rang the officer, Gideon Parr, and he said' is Parr, not someone quoted before", () => {
    expect(who(r, "How much do you need")).toBe("Gideon Parr");
  });

  it("'X, the treasurer, sat me down … and said' and 'One of the teenagers in his class told me'", () => {
    expect(who(r, "Either we sell tickets")).toBe("Ken Adeyemi-Hart");
    expect(who(r, "You are the only adult")).toMatch(/^one of the teenagers/i);
  });

  it("'One of their delegation came up to me … and said' is that person, described", () => {
    const q = attributeQuotes([
      "Their negotiator, Pavo Renning, said nothing all week.",
      "One of their delegation came up to me in the car park after I walked out and said, “You did what we could not.”",
    ]);
    expect(who(q, "You did what we could not")).toMatch(/^one of their delegation$/i);
  });

  it("'My husband, Tunde, has plans. He says' is Tunde", () => {
    expect(who(r, "The list is not a threat")).toBe("Tunde");
  });
});

describe("the reporter's own clause before a pronoun", () => {
  it("'When I mention this to X at 4 a.m., she laughs' then '“…,” she says' is X, not the woman quoted before", () => {
    const r = attributeQuotes([
      "Esther Adeyemi-Lowe, 52, has worked nights on ward 9 for 19 years.",
      "The chief nurse, Fenella Osgood-Barre, says recruitment is improving. “We know nights are where the pressure is greatest,” Osgood-Barre says.",
      "When I mention this to Adeyemi-Lowe at 4 a.m., she laughs, not unkindly.",
      "“She came to the ward in June and said help was on the way,” she says. “I am still waiting for the help.”",
    ]);
    expect(who(r, "She came to the ward")).toBe("Esther Adeyemi-Lowe");
    expect(who(r, "I am still waiting")).toBe("Esther Adeyemi-Lowe");
  });
});

describe("a bare quote after the reporter's own sentence", () => {
  it("'When I put it to X that …, she shakes her head.' then a bare quote is X's, a scare quote in between", () => {
    const r = attributeQuotes([
      "Its operations director, Ffion Caradoc, agreed to meet me at the site office.",
      "“We have never forced anybody out,” Caradoc says.",
      "When I put it to Caradoc that the company had “surrounded” the house, she shakes her head.",
      "“We’ve kept our distance. There’s a buffer we agreed with the council.”",
    ]);
    expect(who(r, "We’ve kept our distance")).toBe("Ffion Caradoc");
  });
});

describe("a British report quoting in straight single marks", () => {
  it("a sentence then 'I knew,' he said: the owner in 'Mrs Roskilly's husband, Piran,' is not who speaks", () => {
    const r = attributeQuotes([
      "'It was as rough as anything I have seen,' said Coxswain Tamsin Roskilly. 'Everybody came home safe.'",
      "Mrs Roskilly's husband, Piran, who was away on Saturday night, said he had heard about it on the radio. 'I knew she would be on it,' he said. 'She always is.'",
    ]);
    expect(who(r, "I knew she would")).toBe("Piran");
    expect(who(r, "She always is")).toBe("Piran");
  });
});

describe("an interview whose questions were bold on the page", () => {
  it("answers quoting people named in passing: 'One of them, Amara Oduya, is 17 … She told me', 'He came … and said'", () => {
    const r = attributeQuotes(
      [
        "Saoirse Brannagh runs the last glass studio in Tarrow. We spoke between firings.",
        "How are the apprentices getting on?",
        "Better than I did. One of them, Amara Oduya, is 17 and has better hands than mine. She told me last week, “I dream about the furnace.” Another, Tobiah Reske, nearly quit in March. He came to my office and said, “I am not fast enough.” We talked for an hour.",
        "What does the town think?",
        "It is fond of us. The mayor came to the open day.",
        "What happens when you retire?",
        "Not yet. Not for a long time.",
      ],
      { title: "Five questions for Saoirse Brannagh, the glassblower" },
    );
    expect(who(r, "I dream about the furnace")).toBe("Amara Oduya");
    expect(who(r, "I am not fast enough")).toBe("Tobiah Reske");
  });
});

describe("relatives in an interview's answers", () => {
  const r = attributeQuotes([
    "Marit Hallgren, 49, led the ferry crews' union through an eleven-day strike. Sealink's chief executive, Anders Moe, said the deal would “cost every passenger something.”",
    "Kiln Review: Did you ever think of calling it off?",
    "Marit: Once. My father was a ferry engineer for 35 years. I rang him, because I always ring him, and he said, “If you stop now, they will know you always stop.”",
    "Kiln Review: What about Edvin Solbakk's mother, and people like her?",
    "Marit: I met her, actually. She came to the picket line with a flask of coffee. She said to me, “I missed my appointments, and I would miss them again.”",
    "Kiln Review: What next?",
    "Marit: The deal runs for two years.",
  ]);

  it("'My father was … and he said' is the father, not a man quoted before", () => {
    expect(who(r, "If you stop now")).toMatch(/^my father$/i);
  });

  it("a relative the question names ('Edvin Solbakk's mother') is who 'She said' means in the answer", () => {
    expect(who(r, "I missed my appointments")).toBe("Edvin Solbakk's mother");
  });
});

describe("a profile opening on its subject mid-sentence", () => {
  it("'…, with Bettany Quennell walking the rows' is who 'she says' means next", () => {
    const r = attributeQuotes([
      "Mornings at Hollybrook Farm start in the dark, with Bettany Quennell walking the rows of old trees with a head torch. She counts the fallen apples.",
      "“My grandfather talked to the trees,” she says. “I used to think he was mad.”",
    ]);
    expect(who(r, "My grandfather talked")).toBe("Bettany Quennell");
  });
});

describe("people met in an answer's story", () => {
  const r = attributeQuotes(
    [
      "Halvard Brask has run the museum since 2021. A curator at the national museum once called free entry “a way to teach people that history is worthless.”",
      "Q: What do visitors love?",
      "A: The loom. An old woman came in last spring and stood in front of it for twenty minutes. Afterwards she told me, “I worked one of those for forty years.” Then she asked for a go.",
      "Q: Does your own past help?",
      "A: Every day. My grandfather was a joiner at the shipyard, and he always said, “A thing made well tells you how it was made.”",
    ],
    { title: "Q&A: Halvard Brask on the museum" },
  );

  it("'An old woman came in … Afterwards she told me' is her", () => {
    expect(who(r, "I worked one of those")).toMatch(/^an old woman$/i);
  });

  it("'My grandfather was a joiner …, and he always said' is the grandfather", () => {
    expect(who(r, "A thing made well")).toMatch(/^my grandfather$/i);
  });
});

describe("people introduced in an answer, then 'she said'", () => {
  const r = attributeQuotes([
    "Tobias Quaye-Holm heads the referees' association. Its vice-chair, Linnea Strand-Okafor, said the cameras “have changed how players behave.”",
    "Oskar Lind: Why the cameras?",
    "Tobias Quaye-Holm: A referee in Nordby, a 17-year-old girl, rang me in tears. A parent had followed her to her bike. She said, “I do not want to stop, but I do not want to be scared.”",
    "Oskar Lind: And the players' union?",
    "Tobias Quaye-Holm: I spoke to their general secretary, Benedikta Runsvold, that day. I told her, “Come and referee one match with me.” She came. Afterwards she said, “Fine, I understand now.” I've repeated that to everyone since.",
    "Oskar Lind: Your family?",
    "Tobias Quaye-Holm: My own father used to stand on the touchline, and he told me once, “The day you hear me shout at a referee, take me home.”",
  ]);

  it("'A referee in Nordby, a 17-year-old girl, rang me … She said' is the referee, not a woman from the introduction", () => {
    expect(who(r, "I do not want to stop")).toMatch(/^a referee in Nordby$/i);
  });

  it("'I spoke to their general secretary, Benedikta Runsvold … she said' is Runsvold", () => {
    expect(who(r, "Fine, I understand now")).toBe("Benedikta Runsvold");
  });

  it("'My own father …, and he told me' is the father; \"I've\" is never a speaker's name", () => {
    expect(who(r, "The day you hear me")).toMatch(/^my own father$/i);
    expect(r.speakers.some((s) => /^I['’]/.test(s.name))).toBe(false);
  });
});

describe("described speakers keep a clean name", () => {
  it("'A driver stopped me at the depot and said' is 'a driver'; 'a retired teacher called Ruth Okonjo-Berg' is Ruth Okonjo-Berg", () => {
    const r = attributeQuotes(
      [
        "Q: What do drivers ask for?",
        "A: Small things. A driver stopped me at the Northgate depot last week and said, “Just give us toilets at the end of the line.”",
        "Q: And the volunteers?",
        "A: One of our volunteers, a retired teacher called Ruth Okonjo-Berg, came to my office and said, “I have not worked this hard since 1985.”",
      ],
      { title: "Q&A: Anselm Korvacs on the buses" },
    );
    expect(who(r, "Just give us toilets")).toMatch(/^a driver$/i);
    expect(who(r, "I have not worked this hard")).toBe("Ruth Okonjo-Berg");
    expect(r.speakers.find((x) => x.name === "Ruth Okonjo-Berg")?.role).toBe("a retired teacher");
  });
});

describe("an interview's answer: subjects before 'and said', groups, places", () => {
  const r = attributeQuotes(
    [
      "Lorcan Feeney-Marsh, 61, is the harbour master at Kilbrannan.",
      "Q: Why say no?",
      "A: Because I counted. The mayor rang me the week before the first booking and said, “Lorcan, I cannot get a bus company to touch it.”",
      "Q: Would you let a small ship in?",
      "A: Yes. My daughter works in tourism in Galway, and she keeps telling me, “Dad, it is not all or nothing.”",
    ],
    { title: "Q&A: Lorcan Feeney-Marsh, the harbour master" },
  );

  it("'The mayor rang me the week before the first booking and said' is the mayor", () => {
    expect(who(r, "Lorcan, I cannot get")).toMatch(/^the mayor$/i);
  });

  it("'My daughter works in tourism in Galway, and she keeps telling me' is the daughter, not Galway", () => {
    expect(who(r, "Dad, it is not")).toMatch(/^my daughter$/i);
  });
});
