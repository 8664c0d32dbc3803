import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { who, speaker } from "./article.js";

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

describe("attribution in the next sentence", () => {
  it("'\"…\" Name says it flatly': the quote before is theirs, not the person the paragraph before was about", () => {
    const r = attributeQuotes([
      "Odalys Brenner runs the food bank. Her brother, Kasimir, drives the van.",
      '"We ran out of rice on Tuesday." Brenner says it quietly, counting tins. "By Friday there was no pasta either."',
    ]);
    expect(who(r, "We ran out of rice")).toBe("Odalys Brenner");
    expect(who(r, "By Friday")).toBe("Odalys Brenner");
  });
});

describe("gender from pronouns near a name", () => {
  it("'her' after a new name is the woman just named, not a vote for him", () => {
    const r = attributeQuotes([
      "Ilse Marwick started the support group in 2023.",
      "The local organiser, Bertil Oyama, puts the number of families in her group at about forty. He credits Marwick with keeping it going.",
      '"Without Ilse there would be nothing," he said.',
    ]);
    expect(who(r, "Without Ilse")).toBe("Bertil Oyama");
    expect(speaker(r, "Bertil Oyama")?.gender).toBe("m");
  });

  it("'He is 29' after a newly named person of unknown gender makes him 'he', so 'she says' is the woman", () => {
    const r = attributeQuotes([
      "Wendeline Achter, the district's bridge inspector, taps the wall with a hammer.",
      "Her deputy, Ruvan Telk, walks behind us. He is 31.",
      '"She hears what the sensors miss," Telk says.',
      'The inspector is unimpressed. "They are only as good as the person reading them," she says.',
    ]);
    expect(speaker(r, "Ruvan Telk")?.gender).toBe("m");
    expect(who(r, "They are only as good")).toBe("Wendeline Achter");
  });
});

describe("an appositive with a relative clause between the name and the verb", () => {
  it("'Name, the regulator that …, told X it expects \"…\"'", () => {
    const r = attributeQuotes([
      'The Tarrow Water Board, the regulator that will police the new tariffs, told Coastline it expects "between 3 and 5 increases" next year.',
    ]);
    expect(who(r, "between 3 and 5")).toBe("Tarrow Water Board");
  });

  it("a body's statement then speaks for it", () => {
    const r = attributeQuotes([
      'Councillor Ivo Marsk said the vote was "long overdue."',
      'Plimly, the messaging app that says it has 900,000 users in the region, said in a statement that it would "follow the rules as written."',
      '"We will say more next week," the statement said.',
    ]);
    expect(who(r, "follow the rules")).toBe("Plimly");
    expect(who(r, "We will say more")).toBe("Plimly");
  });
});

describe("'in his words' before a quote", () => {
  it("a pronoun owner: 'The plan was, in her words, \"…\"'", () => {
    const r = attributeQuotes([
      "Transport Secretary Halla Brevik spoke in parliament on Tuesday.",
      'The bypass was, in her words, "dead until someone finds the money."',
    ]);
    expect(who(r, "dead until someone")).toBe("Halla Brevik");
  });

  it("a named owner: 'in Orsted's own words'", () => {
    const r = attributeQuotes([
      "Ferris Orsted, the club's treasurer, and Mia Kallan, its chair, met the bank.",
      'The loan is, in Orsted\'s own words, "the last one anyone will give us."',
    ]);
    expect(who(r, "the last one anyone")).toBe("Ferris Orsted");
  });

  it("'in the words of' something the article never named speaks for no one", () => {
    const r = attributeQuotes(['Shops must, in the words of the guidance, take "all reasonable care."']);
    expect(who(r, "all reasonable care")).not.toBe("the guidance");
  });
});

describe("'the company said' of a body named before but not yet quoted", () => {
  it("finds the named company", () => {
    const r = attributeQuotes([
      "The regulator fined Brannock Logistics £2m after a forklift crash at its depot in Ellery.",
      '"We have learned from what happened," the company said in a statement.',
    ]);
    expect(who(r, "We have learned")).toBe("Brannock Logistics");
  });

  it("'the council' is not a company named before", () => {
    const r = attributeQuotes([
      "Brannock Logistics wants to build a depot in Ellery.",
      '"No application has been received," the council said.',
    ]);
    expect(who(r, "No application")).not.toBe("Brannock Logistics");
  });
});

describe("'Name, who said …' with a partial quote", () => {
  it("the person the relative clause is about speaks", () => {
    const r = attributeQuotes([
      "Dozens of regulars came to the hearing.",
      "Among them was Aldo Pennick, 77, who said he had bought his paper at the kiosk “every day since 1969” and would miss it.",
    ]);
    expect(who(r, "every day since 1969")).toBe("Aldo Pennick");
  });

  it("'who writes it all down' is not a verb of saying for the quote after it", () => {
    const r = attributeQuotes([
      'Elske Varn, the senior nurse, reads the chart aloud. "Bed four is stable," she tells Ilja Morrow, who writes it all down. "Bed five needs watching."',
    ]);
    expect(who(r, "Bed five")).toBe("Elske Varn");
  });
});

describe("short partial quotes in reported speech", () => {
  it("three lower-case words after 'said … had been' are the speaker's", () => {
    const r = attributeQuotes([
      "Corran Vell, who scored twice, said the bus had been “noisy, gloriously noisy” on the way home.",
    ]);
    expect(who(r, "noisy, gloriously noisy")).toBe("Corran Vell");
  });

  it("'called that ruling \"…\"' with a demonstrative object", () => {
    const r = attributeQuotes(['Defence lawyer Imre Sallow called that ruling "brave, if late."']);
    expect(who(r, "brave, if late")).toBe("Imre Sallow");
  });

  it("not a name used as a modifier or a so-called term", () => {
    const r = attributeQuotes([
      "Ostra Bank said it would add a monthly “round up savings” button and would stop what it called the so-called “fee on fees” by May.",
    ]);
    expect(who(r, "round up savings")).toBeUndefined();
    expect(who(r, "fee on fees")).toBeUndefined();
    const r2 = attributeQuotes([
      'The council vowed to build a shared depot, or "central supply hub," with the aim of cutting costs.',
    ]);
    expect(who(r2, "central supply hub")).toBeUndefined();
  });

  it("'It describes …' after a sentence about her report: the report's author", () => {
    const r = attributeQuotes([
      "Environmental health officer Pella Grandy told the panel she had visited three times.",
      "Her written report, seen by the Courier, is harsher. It describes the storeroom as “a standing invitation” and says the owners were “warned in writing twice”.",
    ]);
    expect(who(r, "a standing invitation")).toBe("Pella Grandy");
    expect(who(r, "warned in writing twice")).toBe("Pella Grandy");
  });
});

describe("a body named in full, then by its short name with 'which', then as 'the chain'", () => {
  it("stays a body and speaks as 'the chain'", () => {
    const r = attributeQuotes([
      "Residents protested a plan by Corvale Groceries to close the village shop.",
      'Corvale, which runs 80 shops in the region, said the branch had lost money for years. "We looked at every option," the chain said.',
      '"Where do we go now?" she said.',
    ]);
    expect(who(r, "We looked at every option")).toBe("Corvale Groceries");
    expect(speaker(r, "Corvale Groceries")?.kind).toBe("organisation");
  });
});

describe("documents after a colon and role-only subjects", () => {
  it("'Name's statement read: \"…\"' is the body's, and 'The headteacher was not persuaded. \"…,\" she said' the headteacher's", () => {
    const r = attributeQuotes([
      "Grenna Bakeries, which runs 30 shops, said it would close the Elmbury branch.",
      "The district nurse, Ottoline Marsh, said 200 elderly people used the shop. The school's headteacher, Wilma Corrie, said her pupils bought lunch there.",
      'Grenna\'s statement read: "We cannot keep a loss-making shop open."',
      'The headteacher was not persuaded. "A loss-making shop, they say," she said. "They sponsor the summer fair."',
    ]);
    expect(who(r, "We cannot keep")).toBe("Grenna Bakeries");
    expect(who(r, "A loss-making shop")).toBe("Wilma Corrie");
    expect(who(r, "They sponsor")).toBe("Wilma Corrie");
  });

  it("'Her account of the visit, in the newsletter, was warm: \"…\"'", () => {
    const r = attributeQuotes([
      "The trust's chair, Beatrix Olmund, visited the lock in June.",
      "Her account of the visit, in the trust's newsletter, was warm: “The keeper showed me things no survey will.”",
    ]);
    expect(who(r, "The keeper showed me")).toBe("Beatrix Olmund");
  });
});

describe("attribution after the quote in other words", () => {
  it("'So says Name, who …' after a quote-only opening paragraph", () => {
    const r = attributeQuotes([
      "“Nobody mends a net by hurrying. You have to like being slow.”",
      "So says Perpetua Lindqvist-Ames, who has mended nets on Skerry Quay for 30 years.",
    ]);
    expect(who(r, "Nobody mends a net")).toBe("Perpetua Lindqvist-Ames");
  });

  it('\'"…," she calls. Then, to me: "…"\'', () => {
    const r = attributeQuotes([
      "Marisa Oyelaran-Frey guides the boat into the lock while her deputy, Tomas Reeve, watches the gates.",
      "“The gates are heavy this year,” he says.",
      "Reeve pulls on the rope. “Left a bit. Now stop,” she calls. Then, to me: “They always think they are late.”",
    ]);
    expect(who(r, "Left a bit")).toBe("Marisa Oyelaran-Frey");
    expect(who(r, "They always think")).toBe("Marisa Oyelaran-Frey");
  });

  it("'\"…,\" was Name's verdict.'", () => {
    const r = attributeQuotes([
      "Ilse Brandvold met the new director, Piers Okafor-Lind, in June.",
      "“A decent man,” was Brandvold’s verdict. “He still wants to close us.”",
    ]);
    expect(who(r, "A decent man")).toBe("Ilse Brandvold");
    expect(who(r, "He still wants")).toBe("Ilse Brandvold");
  });
});

describe("a counted group as the subject", () => {
  it("'In a letter, 40 local doctors wrote that … \"…\"'", () => {
    const r = attributeQuotes([
      'In a letter to the board, 35 local teachers wrote that the cuts would leave pupils "without a library worth the name."',
    ]);
    expect(who(r, "without a library")).toBe("35 local teachers");
  });
});

describe("'the defendant said' when no one was given the role", () => {
  it("is the person on trial the story was just about, not the prosecutor", () => {
    const r = attributeQuotes([
      "Corwin Alsop-Reade, 58, denies stealing £40,000 from the choir.",
      "Prosecutor Maud Ferris said the money had gone on holidays. ‘It paid for three cruises,’ she said.",
      "Giving evidence, Alsop-Reade said he had meant to repay it.",
      "‘I am ashamed of it,’ the defendant said. ‘I wanted to put it back.’",
    ]);
    expect(who(r, "I am ashamed")).toBe("Corwin Alsop-Reade");
  });
});

describe("'the club said' far from where the club was named", () => {
  it("is the only club the article named", () => {
    const r = attributeQuotes([
      "Tessa Mulraine scored twice as Ostby Athletic beat Carrow Town 2-1 on Sunday.",
      "Carrow had led through a penalty in the first half.",
      "Mulraine came on as a substitute in the 60th minute.",
      "The manager praised the defence after the game.",
      "The crowd of 2,900 was a record for the ground.",
      'The club said in a post on social media that the crowd was "the best answer to anyone who doubted us".',
    ]);
    expect(who(r, "the best answer")).toBe("Ostby Athletic");
  });
});

describe("'That was Name, speaking …' after a quote-only paragraph", () => {
  it("names the speaker of the quote before, not the person the paragraph before that was about", () => {
    const r = attributeQuotes([
      "Cyril Anand, the deputy keeper, says the trust has its sums wrong.",
      "“Nobody fixes a lock by hurrying.”",
      "That was Hester Quaine, speaking at the parish meeting in May.",
    ]);
    expect(who(r, "Nobody fixes a lock")).toBe("Hester Quaine");
  });

  it("'That was Monday.' names no one", () => {
    const r = attributeQuotes([
      "Cyril Anand, the deputy keeper, says the trust has its sums wrong.",
      "“Nobody fixes a lock by hurrying,” he says.",
      "That was Monday, before the rain.",
    ]);
    expect(who(r, "Nobody fixes a lock")).toBe("Cyril Anand");
  });
});

describe("'it said' after a sentence about a report", () => {
  it("is the report's author, with a comma and a date around 'published by'", () => {
    const r = attributeQuotes([
      'The study, published by the Marsh Policy Centre on Tuesday, found that bus fares had tripled. "Nobody on a low wage can afford this," it said.',
    ]);
    expect(who(r, "Nobody on a low wage")).toBe("Marsh Policy Centre");
  });

  it("after 'A report by X found …'", () => {
    const r = attributeQuotes([
      'A report by the Fenwick Housing Trust found that rents had doubled. "Families are being priced out," it said.',
    ]);
    expect(who(r, "Families are being")).toBe("Fenwick Housing Trust");
  });
});

describe("'in the words of the act' after the act was named", () => {
  it("the named act speaks", () => {
    const r = attributeQuotes([
      "Parliament passed the Coastal Access Act in March.",
      'From June, landowners must, in the words of the act, keep "a clear path of at least two metres."',
    ]);
    expect(who(r, "a clear path")).toBe("Coastal Access Act");
  });
});
