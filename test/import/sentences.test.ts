import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/import/sentences.js";

const CASES: [string, string[]][] = [
  [`"Why now?" she asked. The answer came later.`, [`"Why now?" she asked.`, "The answer came later."]],
  [`“Why now?” she asked. “Because,” he said.`, [`“Why now?” she asked.`, `“Because,” he said.`]],
  [`"Stop!" the officer shouted. Nobody moved.`, [`"Stop!" the officer shouted.`, "Nobody moved."]],
  [
    "Mr. Smith went to Washington. He met Dr. Jones there.",
    ["Mr. Smith went to Washington.", "He met Dr. Jones there."],
  ],
  [
    "Mrs. Okafor and Ms. Lee arrived. Prof. Haldane did not.",
    ["Mrs. Okafor and Ms. Lee arrived.", "Prof. Haldane did not."],
  ],
  [
    "The U.S. economy grew 3.5 percent last year. Analysts were surprised.",
    ["The U.S. economy grew 3.5 percent last year.", "Analysts were surprised."],
  ],
  [
    "It happened in the U.S. The president spoke on Monday.",
    ["It happened in the U.S.", "The president spoke on Monday."],
  ],
  ["He lives at No. 10 Downing St. in London. It is old.", ["He lives at No. 10 Downing St. in London.", "It is old."]],
  [
    "No. Henrik Solvang wrote to me after the first round.",
    ["No.", "Henrik Solvang wrote to me after the first round."],
  ],
  [
    "The ordinance takes effect Aug. 24, the first day of school. Parents were told.",
    ["The ordinance takes effect Aug. 24, the first day of school.", "Parents were told."],
  ],
  [
    "The vote was set for Sept. 3 and then moved to Oct. 9. Nobody said why.",
    ["The vote was set for Sept. 3 and then moved to Oct. 9.", "Nobody said why."],
  ],
  [
    "She left at 5 p.m. The next day she returned at 9 a.m. sharp.",
    ["She left at 5 p.m.", "The next day she returned at 9 a.m. sharp."],
  ],
  [
    "Sen. Warren and Rep. Alvarez spoke. Gen. Milley did not.",
    ["Sen. Warren and Rep. Alvarez spoke.", "Gen. Milley did not."],
  ],
  ["What now? Nobody knows! The end.", ["What now?", "Nobody knows!", "The end."]],
  [
    "Velora Inc. said it would appeal. Its shares fell 4.2%.",
    ["Velora Inc. said it would appeal.", "Its shares fell 4.2%."],
  ],
  ["He earned $3.5m in 2024. That was a record.", ["He earned $3.5m in 2024.", "That was a record."]],
  [
    `"It's a floor, not a ceiling," she said. "If the next app behaves the same way, it goes on the list too."`,
    [`"It's a floor, not a ceiling," she said.`, `"If the next app behaves the same way, it goes on the list too."`],
  ],
  ["She asked him, and he said no. Then she left.", ["She asked him, and he said no.", "Then she left."]],
  [
    "The meeting ran from 9.30 to 11.45 on Jan. 5. It was long.",
    ["The meeting ran from 9.30 to 11.45 on Jan. 5.", "It was long."],
  ],
  [
    "Dario Mendel is 34. He has a mortgage and a job repairing ferry engines.",
    ["Dario Mendel is 34.", "He has a mortgage and a job repairing ferry engines."],
  ],
  ["1. Open the app and tap Settings.", ["1. Open the app and tap Settings."]],
  ["Lakers 105, Celtics 98. The game went to overtime.", ["Lakers 105, Celtics 98.", "The game went to overtime."]],
  [
    "They used the W.M. Keck Observatory in Hawaii. Author J.K. Rowling agreed.",
    ["They used the W.M. Keck Observatory in Hawaii.", "Author J.K. Rowling agreed."],
  ],
  ["He lives in Washington, D.C. He left in May.", ["He lives in Washington, D.C.", "He left in May."]],
  [
    "The case went to the F.B.I. The agency declined. It reached the C.I. The end came.",
    ["The case went to the F.B.I.", "The agency declined.", "It reached the C.I.", "The end came."],
  ],
  ["One sentence with no final stop", ["One sentence with no final stop"]],
  ["  Spaces   inside\nand a newline.  Second one.  ", ["Spaces inside and a newline.", "Second one."]],
];

describe("splitSentences", () => {
  it.each(CASES)("%s", (paragraph, expected) => {
    expect(splitSentences(paragraph)).toEqual(expected);
  });

  it("gives each caller its own list: changing one split does not change the next split of the same paragraph", () => {
    const p = "The ferry left at nine. It came back at noon.";
    const first = splitSentences(p);
    first.pop();
    first.push("changed");
    expect(splitSentences(p)).toEqual(["The ferry left at nine.", "It came back at noon."]);
  });

  it("returns nothing for an empty paragraph", () => {
    expect(splitSentences("   ")).toEqual([]);
  });

  it("loses no text on the sample articles: the sentences rejoin to each paragraph", () => {
    const dir = new URL("../fixtures/articles/", import.meta.url);
    for (const slug of [
      "kestrel-point-whisperly-school-ban",
      "velora-karsovia-sanctions",
      "tarvosia-national-firewall",
      "teen-clip-farms-pivvo",
    ]) {
      const paragraphs = readFileSync(new URL(`${slug}.txt`, dir), "utf8")
        .split("\n")
        .slice(1)
        .filter((l) => l.trim() && !l.startsWith("By "));
      for (const p of paragraphs) expect(splitSentences(p).join(" ")).toBe(p.replace(/\s+/g, " ").trim());
    }
  });
});
