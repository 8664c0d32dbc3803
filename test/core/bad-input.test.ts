import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createCore, type Core } from "../../src/core/core.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import { MAX_QUESTION_CHARS } from "../../src/core/normalise.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/paths.js";

let core: Core;
beforeAll(() => {
  core = createCore(loadKnowledgeDir(DEFAULT_KNOWLEDGE_DIR));
});

const BAD: [string, string][] = [
  ["empty", ""],
  ["whitespace", " \t\n\r  "],
  ["1 MB on one line", "telegram ".repeat(116_000)],
  ["control characters", "\u0000\u0001\u0007tele\u0008gram\u001B[31m ban"],
  ["zero-width characters", "\u200B\u200C\u200D\uFEFF"],
  ["lone surrogates", "\uD800\uDFFF\uDC00 telegram \uD83D"],
  ["emoji", "😀🔥🇮🇷 telegram? 👍🏽"],
  ["right-to-left text", "تلگرام در ایران فیلتر شد؟"],
  ["bidi override", "\u202Emargelet\u202C"],
  ["HTML", "<script>alert(1)</script><b>telegram</b>"],
  ["Markdown", "**telegram** `ban` [x](http://e.com) ||spoiler||"],
  ["mass mention", "@everyone @here who banned telegram"],
  ["regex metacharacters", ".*+?^${}()|[]\\ (((( telegram"],
  ["only punctuation", "?!?!...,,;;"],
  ["binary", String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))],
];

describe("bad input gets a clear answer and never an exception", () => {
  it.each(BAD)("%s", (_name, input) => {
    const r = core.ask(input);
    expect(typeof r.answered).toBe("boolean");
    expect(r.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    if (!r.answered) expect(r.answer).toBeNull();
    expect(() => core.suggest(input)).not.toThrow();
    expect(() => core.quotesBySpeaker(input)).not.toThrow();
    expect(() => core.factsByTopic(input)).not.toThrow();
  });

  it("notes an empty question and offers examples", () => {
    const r = core.ask("\u200B  ");
    expect(r.answered).toBe(false);
    expect(r.notes).toContain("question was empty");
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it("cuts an over-long question and says so", () => {
    const r = core.ask(`${"how many iranians used telegram ".repeat(100)}`);
    expect(r.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(r.notes.some((n) => n.includes("cut"))).toBe(true);
  });

  it("matches a question on its words, not on the markup, pings or links around them", () => {
    for (const q of [
      "@everyone when was telegram banned",
      "<b>When</b> was <i>Telegram</i> banned?",
      "When was Telegram banned? https://example.com/x?y=1 <@123456789>",
    ])
      expect(core.ask(q).answer?.text, q).toMatch(/April 2018/);
  });

  it("declines right-to-left questions it cannot read rather than guess", () => {
    expect(core.ask("تلگرام در ایران فیلتر شد؟").answered).toBe(false);
  });
});

describe("property: the core never throws on any string", () => {
  it("ask, suggest and browse on thousands of random strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          fc.string({ maxLength: 2000 }),
        ),
        (s) => {
          const r = core.ask(s);
          if (r.answer) {
            expect(r.answer.confidence).toBeGreaterThanOrEqual(0);
            expect(r.answer.confidence).toBeLessThanOrEqual(1);
          }
          expect(r.suggestions.length).toBeLessThanOrEqual(3);
          const s25 = core.suggest(s);
          expect(s25.length).toBeLessThanOrEqual(25);
          core.quotesBySpeaker(s);
          core.factsByTopic(s);
        },
      ),
      { numRuns: 3000, seed: 42 },
    );
  });
});
