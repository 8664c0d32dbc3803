import type { Entry, Knowledge, Source, Speaker } from "../../src/core/types.js";

/** One article for a test knowledge base: plain sentences as facts, quotes as [speaker id, text]. */
export interface TinyArticle {
  id: string;
  title: string;
  facts: string[];
  quotes?: [string, string][];
}

/**
 * A knowledge base built the way an untouched import looks: several articles, sentences as facts, no questions and no
 * tags. Ids are `<article>-f<n>` and `<article>-q<n>`.
 */
export function tinyKnowledge(articles: TinyArticle[], speakers: Speaker[] = []): Knowledge {
  const sources: Source[] = [];
  const entries: Entry[] = [];
  for (const a of articles) {
    sources.push({ id: a.id, title: a.title, publisher: "Test Wire", reporters: [] });
    (a.quotes ?? []).forEach(([speakerId, text], i) =>
      entries.push({
        kind: "quote",
        id: `${a.id}-q${i + 1}`,
        text,
        speakerId,
        tags: [],
        questions: [],
        sourceId: a.id,
      }),
    );
    a.facts.forEach((text, i) =>
      entries.push({ kind: "fact", id: `${a.id}-f${i + 1}`, text, tags: [], questions: [], sourceId: a.id }),
    );
  }
  return { sources, speakers, entries };
}
