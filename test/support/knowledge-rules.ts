import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadKnowledgeDir } from "../../src/core/loader.js";
import type { Knowledge } from "../../src/core/types.js";

/**
 * The rules every knowledge folder must keep, checked on their own (re-reading the YAML and the texts, not through the
 * loader, so a loader bug cannot hide a broken rule) for whatever the folder holds. These are the written rules (the
 * schema and the loader's checks, docs/faults-loading.md); a curation choice of one source is tested on that source.
 */
export function knowledgeFolderProblems(dir: string): { knowledge: Knowledge; problems: string[] } {
  const knowledge = loadKnowledgeDir(dir);
  const problems: string[] = [];
  const plain = (s: string) =>
    s
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/\s+/g, " ")
      .trim();
  const sourceIds = new Set<string>();
  const entryIds = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f))) {
    const raw = parse(readFileSync(join(dir, name), "utf8")) as {
      source: { id: string; text?: string };
      speakers?: { id: string }[];
      quotes?: { id: string; text: string; speaker: string }[];
      facts?: { id: string }[];
    };
    if (sourceIds.has(raw.source.id)) problems.push(`${name}: source id ${raw.source.id} used twice`);
    sourceIds.add(raw.source.id);
    const text = raw.source.text ? plain(readFileSync(join(dir, raw.source.text), "utf8")) : null;
    const speakers = new Set((raw.speakers ?? []).map((s) => s.id));
    for (const q of raw.quotes ?? []) {
      if (!speakers.has(q.speaker)) problems.push(`${name}: quote ${q.id} by unlisted speaker ${q.speaker}`);
      if (text !== null && !text.includes(plain(q.text)))
        problems.push(`${name}: quote ${q.id} is not word for word in ${raw.source.text}`);
    }
    for (const e of [...(raw.quotes ?? []), ...(raw.facts ?? [])]) {
      if (entryIds.has(e.id)) problems.push(`${name}: entry id ${e.id} used twice`);
      entryIds.add(e.id);
    }
  }
  if (knowledge.entries.length !== entryIds.size)
    problems.push(`the loader gave ${knowledge.entries.length} entries, the files hold ${entryIds.size}`);
  if (knowledge.sources.length !== sourceIds.size)
    problems.push(`the loader gave ${knowledge.sources.length} sources, the files hold ${sourceIds.size}`);
  return { knowledge, problems };
}
