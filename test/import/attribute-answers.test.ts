import { describe, expect, it } from "vitest";
import { attributeQuotes } from "../../src/import/attribute.js";
import { who } from "./article.js";

// A quote that answers a question put in the paragraph before: its pronoun is the one questioned, not the questioner.

describe("an answer after a question put to 'him' or 'her'", () => {
  it("counsel 'put it to him that …', then '“…,” he said': the witness answers", () => {
    const r = attributeQuotes([
      '"I rang the foreman twice," said Aled Ostrow, the site manager.',
      "Prosecuting, Mr Gareth Pengelly put it to him that the phone records showed a single call.",
      '"Then the records are wrong," he said.',
    ]);
    expect(who(r, "Then the records")).toBe("Aled Ostrow");
  });

  it("'The chair asked her whether …' then '“…,” she said': the one asked", () => {
    const r = attributeQuotes([
      'Councillor Mared Hollis said the library "would not close while I chair this committee".',
      "Residents' spokeswoman Ingrid Sayle-Barton was then called. Ms Hollis asked her whether the petition had been checked.",
      '"Every one of the 3,000 names has an address," she said.',
    ]);
    expect(who(r, "Every one of the")).toBe("Ingrid Sayle-Barton");
  });

  it("without a question in the paragraph before, the last subject still speaks", () => {
    const r = attributeQuotes([
      '"I rang the foreman twice," said Aled Ostrow, the site manager.',
      "Prosecuting, Mr Gareth Pengelly said the phone records showed a single call.",
      '"The records do not lie," he said.',
    ]);
    expect(who(r, "The records do not")).toBe("Gareth Pengelly");
  });
});
