import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { importArticle } from "../../src/import/index.js";
import { readInterview } from "../../src/import/interview.js";

// Interviews written for this test: the same fictional conversation in three layouts.
const INTRO = [
  "Lorna Vesk took charge of Pellam's Online Safety Office in March.",
  "She spoke to the Harbour Ledger about age checks, encrypted apps and the fines her office can impose.",
];
const TURNS: [string, string][] = [
  [
    "Why does Pellam need an online safety office at all?",
    "Because until this year nobody in government was responsible for what happens to children online.",
  ],
  [
    "Your office can fine platforms. How large can those fines be?",
    "Up to 6 percent of a company's turnover in Pellam. We have not fined anyone yet.",
  ],
  [
    "Will you ask messaging apps to break encryption?",
    "No. We will ask them to give parents better tools, not to read their users' messages.",
  ],
];
const TITLE = "Five questions for Lorna Vesk, the head of Pellam's new online safety office";

describe("readInterview", () => {
  it("reads Q: / A: turns: the questions are not the answers, and the title names who answers", () => {
    const paragraphs = [...INTRO, ...TURNS.flatMap(([q, a]) => [`Q: ${q}`, `A: ${a}`])];
    const iv = readInterview(paragraphs, TITLE, ["Tomas Greer"])!;
    expect([...iv.questions]).toEqual([2, 4, 6]);
    expect(iv.answers.get(3)).toEqual({ question: TURNS[0]![0], prefix: 3 });
    expect(iv.speaker).toBe("Lorna Vesk");
  });

  it("reads named turns ('Greer: …?' / 'Vesk: …'); the reporter asks, the other answers", () => {
    const paragraphs = [...INTRO, ...TURNS.flatMap(([q, a]) => [`Greer: ${q}`, `Vesk: ${a}`])];
    const iv = readInterview(paragraphs, "An interview", ["Tomas Greer"])!;
    expect(iv.speaker).toBe("Vesk");
    expect(iv.questions.has(2)).toBe(true);
    expect(iv.answers.get(5)?.prefix).toBe("Vesk: ".length);
  });

  it("reads an announced interview whose questions were bold on the page (no marks left in the text)", () => {
    const paragraphs = [...INTRO, ...TURNS.flat()];
    const iv = readInterview(paragraphs, TITLE, [])!;
    expect([...iv.questions]).toEqual([2, 4, 6]);
    expect(iv.answers.get(7)?.question).toBe(TURNS[2]![0]);
  });

  it("names a double-barrelled interviewee whole from the title ('Tove Amundsen-Reyes')", () => {
    const paragraphs = [...INTRO, ...TURNS.flatMap(([q, a]) => [`Q: ${q}`, `A: ${a}`])];
    const iv = readInterview(paragraphs, "Interview: Tove Amundsen-Reyes on the fishing talks", [])!;
    expect(iv.speaker).toBe("Tove Amundsen-Reyes");
  });

  it("an ordinary report with a rhetorical question is not an interview", () => {
    const paragraphs = [
      "The council voted to close the bridge on Tuesday.",
      "Who will pay for the repairs?",
      "The council said the money would come from next year's budget.",
      "Engineers found cracks in two supports.",
    ];
    expect(readInterview(paragraphs, "Bridge closed after cracks found", [])).toBeNull();
  });
});

describe("importing an interview", () => {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-interview-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers from the interviewee's answer, credited to them, never with the interviewer's question", async () => {
    const text = [
      TITLE,
      "",
      "By Tomas Greer",
      "",
      ...[...INTRO, ...TURNS.flatMap(([q, a]) => [`Q: ${q}`, `A: ${a}`])].join("\n\n").split("\n"),
    ].join("\n");
    const file = join(mkdtempSync(join(tmpdir(), "briefbot-interview-src-")), "vesk.txt");
    writeFileSync(file, text);
    const r = await importArticle(file, { dir, id: "vesk" });
    rmSync(file);
    expect(r.draft.doc.facts.map((f) => f.text).join(" ")).not.toMatch(/\?/);
    const core = createCore(loadKnowledgeDir(dir));
    const a = core.ask("Will Pellam ask messaging apps to break encryption?").answer!;
    expect(a.text).toContain("better tools");
    expect(a.attribution).toContain("Lorna Vesk");
    expect(core.ask("How big can the safety office's fines be?").answer?.text).toContain("6 percent");
  });
});

describe("the interviewee named by the title", () => {
  it("is not a possessive place in the title ('Port Velmar's new chief Anselm Korvacs')", () => {
    const iv = readInterview(
      [
        "Anselm Korvacs took over the transit agency in October.",
        "Korvacs spoke to us at the depot.",
        "Q: What did you do first?",
        "A: I rode every route.",
        "Q: And then?",
        "A: I rode them again.",
      ],
      "Q&A: Port Velmar's new transit chief Anselm Korvacs on fares and strikes",
      [],
    )!;
    expect(iv.speaker).toBe("Anselm Korvacs");
  });
});
