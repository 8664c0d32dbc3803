import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderAnswers, renderDiscord } from "../../src/render/discord.js";
import { clip, escapeDiscord } from "../../src/render/discord-text.js";
import { didYouMeanId, otherAnswersId, parseButtonId } from "../../src/render/discord-buttons.js";
import type { Answer, AskResult, Source } from "../../src/core/types.js";
import { customIds, expectWithinLimits } from "../adapters/discord/limits.js";

const source = (over: Partial<Source> = {}): Source => ({
  id: "s",
  title: "Title",
  publisher: "NBC News",
  reporters: ["A", "B"],
  ...over,
});
const answer = (over: Partial<Answer> = {}): Answer => ({
  id: "e1",
  kind: "fact",
  text: "A fact.",
  source: source(),
  confidence: 1,
  ...over,
});
const result = (over: Partial<AskResult> = {}): AskResult => ({
  question: "q",
  answered: true,
  answer: answer(),
  alternatives: [],
  suggestions: [],
  notes: [],
  ...over,
});

describe("escapeDiscord", () => {
  it("shows Markdown as typed", () => {
    expect(escapeDiscord("**b** _i_ `c` ~~s~~ ||sp||")).toBe(
      "\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~ \\|\\|sp\\|\\|",
    );
    expect(escapeDiscord("> quoted\n# head\n- item\n-# small\n[x](http://e.com)")).toBe(
      "\\> quoted\n\\# head\n\\- item\n\\-# small\n\\[x](http://e.com)",
    );
  });

  it("keeps @everyone and @here from reading as mentions", () => {
    expect(escapeDiscord("@everyone @here")).not.toMatch(/@everyone|@here/);
  });
});

describe("clip", () => {
  it("never exceeds the limit, never leaves half a surrogate pair or a dangling backslash", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (s, max) => {
        const out = clip(escapeDiscord(s), max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
        if (out.endsWith("…")) {
          const body = out.slice(0, -1);
          expect(/[\ud800-\udbff]$/.test(body)).toBe(false);
          expect((/\\+$/.exec(body)?.[0].length ?? 0) % 2).toBe(0);
        }
      }),
    );
  });
});

describe("button custom_id", () => {
  it("carries as many alternative ids as fit in 100 characters and reads them back", () => {
    const ids = Array.from({ length: 5 }, (_, i) => `${"x".repeat(60)}-${i}`);
    const id = otherAnswersId(ids)!;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseButtonId(id)).toEqual({ kind: "alt", ids: ids.slice(0, 1) });
    const short = otherAnswersId(["a", "b-2", "c"])!;
    expect(parseButtonId(short)).toEqual({ kind: "alt", ids: ["a", "b-2", "c"] });
    expect(parseButtonId(didYouMeanId("telegram-ban")!)).toEqual({ kind: "dym", id: "telegram-ban" });
  });

  it("rejects anything else", () => {
    for (const bad of ["", "bb:alt:", "bb:dym:", "bb:alt:a,,b", "bb:dym:../x", "bb:xyz:a", "other", "bb:dym:A"])
      expect(parseButtonId(bad)).toBeNull();
  });
});

describe("renderDiscord", () => {
  it("an answer: the words, speaker and role, context, source; a low confidence shows, with 'Did you mean…'", () => {
    const a = answer({
      kind: "quote",
      text: "We are not losing",
      speaker: { name: "Jahromi", role: "minister" },
      context: "told NBC",
      confidence: 0.65,
    });
    const alt = answer({ id: "e2", confidence: 0.5 });
    const [m] = renderDiscord({ type: "answer", result: result({ answer: a, alternatives: [alt] }) });
    const e = m!.embeds[0]!;
    expect(e.description).toBe("“We are not losing”");
    expect(e.fields!.map((f) => f.name)).toEqual(["Speaker", "Context", "Source"]);
    expect(e.fields![0]!.value).toBe("**Jahromi**, minister");
    expect(e.fields![2]!.value).toContain("NBC News");
    expect(e.footer!.text).toMatch(/65%/);
    expect(customIds(m)).toEqual(["bb:dym:e2", "bb:alt:e2"]);
    expect(m!.ephemeral).toBe(false);
  });

  it("a confident answer has no confidence note and no 'Did you mean…'", () => {
    const [m] = renderDiscord({ type: "answer", result: result({ alternatives: [answer({ id: "e2" })] }) });
    expect(m!.embeds[0]!.footer).toBeUndefined();
    expect(customIds(m)).toEqual(["bb:alt:e2"]);
  });

  it("a declined question is ephemeral, echoes the question escaped, one button per suggestion", () => {
    const [m] = renderDiscord({
      type: "answer",
      result: result({
        question: "**why**",
        answered: false,
        answer: null,
        suggestions: ["Q1?", "Q2?"],
        suggestionIds: ["a", "b"],
      }),
    });
    expect(m!.ephemeral).toBe(true);
    expect(m!.embeds[0]!.description).toContain("\\*\\*why\\*\\*");
    expect(customIds(m)).toEqual(["bb:dym:a", "bb:dym:b"]);
  });

  it("stays within every Discord limit for any text, however long or strange", () => {
    const text = fc.string({ unit: "binary", maxLength: 6000 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        text,
        fc.array(text, { maxLength: 5 }),
        (body, name, role, context, question, reporters) => {
          const a = answer({
            kind: "quote",
            text: body,
            speaker: { name, role },
            context,
            source: source({ title: question, reporters }),
            confidence: 0.61,
          });
          const alts = Array.from({ length: 3 }, (_, i) => answer({ id: `alt-${i}`, text: body }));
          for (const m of renderDiscord({
            type: "answer",
            result: result({ question, answer: a, alternatives: alts, notes: ["question was cut to 500 characters"] }),
          }))
            expectWithinLimits(m);
          for (const m of renderDiscord({
            type: "quotes",
            query: question,
            speaker: { id: "x", name, role, aliases: [] },
            answers: [a, a, a, a, a, a, a, a, a, a, a, a],
            suggestions: [],
          }))
            expectWithinLimits(m);
          for (const m of renderAnswers([a, a, a], "Other answers")) expectWithinLimits(m);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("splits many answers over follow-up messages", () => {
    const long = answer({ text: "x".repeat(3000) });
    const msgs = renderDiscord({
      type: "facts",
      query: "t",
      topic: "t",
      answers: Array.from({ length: 12 }, () => long),
      suggestions: [],
    });
    expect(msgs.length).toBeGreaterThan(1);
    expect(msgs.reduce((n, m) => n + m.embeds.length, 0)).toBe(12);
    for (const m of msgs) expectWithinLimits(m);
  });

  it("help, sources and prompts render", () => {
    for (const m of renderDiscord({ type: "help", commands: [], examples: ["How?"], entries: 3 }))
      expectWithinLimits(m);
    for (const m of renderDiscord({
      type: "sources",
      sources: [{ source: source({ url: "https://example.com" }), quotes: 1, facts: 2 }],
    }))
      expectWithinLimits(m);
    const [p] = renderDiscord({ type: "prompt", text: "What would you like to know?" });
    expect(p).toMatchObject({ content: "What would you like to know?", ephemeral: true });
  });
});
