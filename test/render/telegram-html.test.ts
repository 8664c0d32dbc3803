import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Answer, AskResult, Source } from "../../src/core/types.js";
import {
  TELEGRAM_MESSAGE_LIMIT,
  answerButtonData,
  entryIdFromButton,
  escapeHtml,
  renderTelegram,
  splitHtml,
} from "../../src/render/telegram-html.js";
import { htmlProblem } from "../fakes/telegram-harness.js";

const source = (s: string): Source => ({
  id: "s",
  title: s,
  publisher: s,
  reporters: [s, s],
  url: `https://example.com/?q=${encodeURIComponent(s)}`,
  date: "2018",
});
const answer = (id: string, text: string, s: string, confidence = 1, quote = true): Answer => ({
  id,
  kind: quote ? "quote" : "fact",
  text,
  ...(quote ? { speaker: { name: s, role: s }, context: s } : { attribution: s }),
  source: source(s),
  confidence,
});
const result = (a: Answer | null, extra: Partial<AskResult> = {}): AskResult => ({
  question: "q",
  answered: a !== null,
  answer: a,
  alternatives: [],
  suggestions: [],
  notes: [],
  ...extra,
});

describe("telegram HTML render", () => {
  it("escapes & < > and both quotes", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
  });

  it("button data carries an entry id within 64 bytes, and reads back", () => {
    const id = "a".repeat(63);
    expect(Buffer.byteLength(answerButtonData(id)!)).toBe(64);
    expect(entryIdFromButton(answerButtonData(id)!)).toBe(id);
    expect(answerButtonData("é".repeat(40))).toBeNull(); // 81 bytes: no button rather than a broken one
    expect(entryIdFromButton("#")).toBeNull();
    expect(entryIdFromButton("other")).toBeNull();
  });

  it("a low-confidence answer says so and offers its alternatives as buttons", () => {
    const low = answer("low", "Maybe this.", "Sam", 0.62);
    const alt = answer("alt", "Or this one.", "Kim", 0.5, false);
    const msg = renderTelegram({ type: "answer", result: result(low, { alternatives: [alt] }) });
    expect(msg.chunks.join("\n")).toMatch(/not fully sure/);
    expect(msg.chunks.join("\n")).toContain("Did you mean");
    expect(msg.buttons).toEqual([{ text: "Or this one.", data: "#alt" }]);
    const sure = renderTelegram({
      type: "answer",
      result: result(answer("hi", "Sure.", "Sam", 0.95), { alternatives: [alt] }),
    });
    expect(sure.buttons).toEqual([]);
  });

  it("a declined question without ids lists its suggestions as text", () => {
    const msg = renderTelegram({ type: "answer", result: result(null, { suggestions: ["Who <banned> it?"] }) });
    expect(msg.buttons).toEqual([]);
    expect(msg.chunks[0]).toContain("• Who &lt;banned&gt; it?");
  });

  it("splitHtml closes a tag cut by a split and reopens it in the next chunk", () => {
    const html = `<b>${"word ".repeat(60).trim()}</b>\n<i>tail</i>`;
    const chunks = splitHtml(html, 120);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(120);
      expect(htmlProblem(c)).toBeNull();
    }
    expect(chunks[1]!.startsWith("<b>")).toBe(true);
    const link = splitHtml(`<a href="https://x.y/">${"link ".repeat(40).trim()}</a> end`, 100);
    for (const c of link) expect(htmlProblem(c)).toBeNull();
  });

  it("property: any knowledge strings render to valid HTML chunks under 4,096 characters", () => {
    const str = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom("<", ">", "&", '"', "'", "a", " ", ".", "\n", "😀", "\u0000", "\u202e", "&amp;"),
        maxLength: 3000,
      }),
    );
    fc.assert(
      fc.property(str, str, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (text, s, confidence, quote) => {
        const a = answer("id-1", text || "x", s || "y", confidence, quote);
        const replies = [
          renderTelegram({ type: "answer", result: result(a, { alternatives: [answer("id-2", s, text, 0.4)] }) }),
          renderTelegram({
            type: "answer",
            result: result(null, { suggestions: [s, text], suggestionIds: ["id-3", "id-4"] }),
          }),
          renderTelegram({
            type: "quotes",
            query: s,
            speaker: { id: "p", name: s, role: text, aliases: [] },
            answers: [a, a, a],
            suggestions: [],
          }),
          renderTelegram({ type: "facts", query: text, topic: null, answers: [], suggestions: [s] }),
          renderTelegram({ type: "prompt", text }),
        ];
        for (const r of replies) {
          expect(r.chunks.length).toBeGreaterThan(0);
          for (const c of r.chunks) {
            expect(c.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
            expect(htmlProblem(c)).toBeNull();
          }
          for (const b of r.buttons) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
        }
      }),
      { numRuns: 150 },
    );
  });
});
