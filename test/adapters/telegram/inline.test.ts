import { describe, expect, it } from "vitest";
import { FEATURED_CACHE_SECONDS, INLINE_CACHE_SECONDS, INLINE_RESULTS } from "../../../src/adapters/telegram/inline.js";
import { fixtureCore } from "./fixture.js";
import { harness, htmlProblem } from "../../fakes/telegram-harness.js";

const user = { id: 9, first_name: "Ina" };

function lastInlineAnswer(calls: { method: string; payload: Record<string, any> }[]) {
  const call = calls.filter((c) => c.method === "answerInlineQuery").at(-1);
  expect(call, "answerInlineQuery was called").toBeDefined();
  return call!.payload as { inline_query_id: string; results: any[]; cache_time: number; is_personal: boolean };
}

describe("telegram inline mode (in process)", () => {
  it("an empty query offers the featured quotes", async () => {
    const h = harness();
    await h.inline(user, "");
    const a = lastInlineAnswer(h.calls);
    const featured = fixtureCore().featuredQuotes(INLINE_RESULTS);
    expect(a.results.map((r) => r.id)).toEqual(featured.map((q) => q.id));
    expect(a.cache_time).toBe(FEATURED_CACHE_SECONDS);
    for (const r of a.results) {
      expect(r.type).toBe("article");
      expect(r.title).toMatch(/^Sam "The Minister" O'Neil: “/);
      expect(r.input_message_content.parse_mode).toBe("HTML");
      expect(htmlProblem(r.input_message_content.message_text)).toBeNull();
    }
  });

  it("a question offers the answer first, then alternatives, with the full sourced answer as the message", async () => {
    const h = harness();
    await h.inline(user, "Why was Telegram banned?");
    const a = lastInlineAnswer(h.calls);
    expect(a.cache_time).toBe(INLINE_CACHE_SECONDS);
    expect(a.is_personal).toBe(false);
    expect(a.results[0].id).toBe("q-telegram-ban");
    expect(a.results.length).toBeLessThanOrEqual(INLINE_RESULTS);
    expect(new Set(a.results.map((r) => r.id)).size).toBe(a.results.length);
    const text: string = a.results[0].input_message_content.message_text;
    expect(text).toContain("&lt;national security&gt;");
    expect(text).toContain("Source: Test &lt;News&gt; &amp; Co");
    expect(a.results[0].description).toContain("communications <minister> & spokesman"); // plain text: not parsed
    for (const r of a.results) expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
  });

  it("a declined question offers its near misses as 'Did you mean' articles; nonsense offers nothing", async () => {
    const h = harness();
    await h.inline(user, "telegram weather");
    const a = lastInlineAnswer(h.calls);
    expect(a.results.length).toBeGreaterThan(0);
    for (const r of a.results) expect(r.title.startsWith("Did you mean: ")).toBe(true);
    await h.inline(user, "qqqq zzzz");
    expect(lastInlineAnswer(h.calls).results).toEqual([]);
  });

  it("bad input is answered, never thrown", async () => {
    const h = harness({ inlineFlood: { limit: 100, timeFrameMs: 60_000 } });
    const inputs = [
      "\u0000\u0001",
      "\u200b",
      "‮ltr",
      "<b>",
      "&amp;",
      "@everyone",
      "😀".repeat(128),
      "a".repeat(256),
      "(.*)+[",
      "\ud800",
    ];
    for (const q of inputs) await h.inline(user, q);
    expect(h.calls.filter((c) => c.method === "answerInlineQuery")).toHaveLength(inputs.length);
    expect(h.rt.errors).toEqual([]);
  });

  it("inline queries have their own, silent flood limit", async () => {
    const h = harness({ inlineFlood: { limit: 2, timeFrameMs: 60_000 } });
    for (let i = 0; i < 5; i++) await h.inline(user, "telegram");
    expect(h.calls.filter((c) => c.method === "answerInlineQuery")).toHaveLength(2);
    expect(h.sent()).toHaveLength(0);
  });
});
