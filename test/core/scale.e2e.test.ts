import { beforeAll, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";
import { prng, syntheticKnowledge, syntheticQueries } from "../../bench/synthetic.js";

// The benchmark's generator (bench/synthetic.ts) at 10,000 entries: behaviour at scale, never wall-clock time.
const SIZE = 10_000;
let k: Knowledge;
let core: Core;

beforeAll(() => {
  k = syntheticKnowledge(SIZE, 1);
  core = createCore(k);
});

const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;

describe("core at 10,000 synthetic entries", () => {
  it("the generator is seeded: the same seed gives the same knowledge base, another seed another", () => {
    const again = syntheticKnowledge(SIZE, 1);
    expect(again.entries.length).toBe(SIZE);
    expect(again.entries.map((e) => e.text)).toEqual(k.entries.map((e) => e.text));
    expect(syntheticKnowledge(50, 2).entries[0]!.text).not.toBe(syntheticKnowledge(50, 1).entries[0]!.text);
    expect(new Set(k.entries.map((e) => e.id)).size).toBe(SIZE);
  });

  it("answers an entry's own question with that entry", () => {
    const rng = prng(7);
    const picks = Array.from({ length: 200 }, () => k.entries[Math.floor(rng() * SIZE)]!);
    const hits = picks.map((e) => core.ask(e.questions[0]!).answer?.id === e.id);
    expect(share(hits)).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks the intended entry first for most derived queries, typos included", () => {
    const queries = syntheticQueries(k, 300, 11);
    const first = queries.map((q) => core.ask(q.text).answer?.id === q.id);
    expect(share(first)).toBeGreaterThanOrEqual(0.85);
    const typos = queries.filter((q) => q.typo);
    expect(typos.length).toBeGreaterThan(50);
    const found = typos.map((q) => {
      const r = core.ask(q.text);
      return r.answer?.id === q.id || r.alternatives.some((a) => a.id === q.id);
    });
    expect(share(found)).toBeGreaterThanOrEqual(0.75);
  });

  it("gives well-formed results for every query, and the same ones from a second build", () => {
    const queries = syntheticQueries(k, 500, 13).map((q) => q.text);
    // Cut-off and run-together variants of real queries, too.
    const odd = queries
      .slice(0, 100)
      .flatMap((q) => [q.slice(0, 7), q.replace(/ /g, ""), `${q} ${q} ${q}`.toUpperCase()]);
    for (const q of [...queries, ...odd]) {
      const r = core.ask(q);
      expect(r.answered).toBe(r.answer !== null);
      for (const a of [r.answer, ...r.alternatives]) {
        if (!a) continue;
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
      }
      expect(r.suggestions.length).toBeLessThanOrEqual(3);
    }
    const second = createCore(syntheticKnowledge(SIZE, 1));
    for (const q of queries.slice(0, 100)) expect(second.ask(q)).toEqual(core.ask(q));
  });

  it("finds a speaker by surname and facts by tag", () => {
    const quote = k.entries.find((e) => e.kind === "quote")!;
    const speaker = k.speakers.find((s) => quote.kind === "quote" && s.id === quote.speakerId)!;
    const surname = speaker.name.split(" ").pop()!;
    const found = core.quotesBySpeaker(surname.toLowerCase());
    expect(found?.speaker.name.endsWith(surname)).toBe(true);
    expect(found!.quotes.length).toBeGreaterThan(0);

    const fact = k.entries.find((e) => e.kind === "fact")!;
    const tag = fact.tags[0]!;
    const byTopic = core.factsByTopic(tag);
    expect(byTopic.topic).toBe(tag);
    expect(byTopic.facts.length).toBeGreaterThan(0);
    for (const f of byTopic.facts) expect(k.entries.find((e) => e.id === f.id)!.tags).toContain(tag);
  });

  it("suggests at most 25 questions of at most 100 characters for a partial question", () => {
    const e = k.entries[123]!;
    const partial = e.questions[0]!.slice(0, 18);
    const out = core.suggest(partial);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(25);
    for (const s of out) expect(s.length).toBeLessThanOrEqual(100);
  });
});
