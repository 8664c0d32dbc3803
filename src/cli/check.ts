import { summariseSources } from "../core/core.js";
import { loadKnowledgeDir } from "../core/loader.js";

/** `briefbot check`: validates the knowledge folder and prints counts per source and kind. Returns the exit code. */
export function runCheck(dir: string, out = process.stdout, err = process.stderr): number {
  try {
    const k = loadKnowledgeDir(dir);
    for (const { source, quotes, facts } of summariseSources(k)) out.write(`${source.id}: ${quotes} quotes, ${facts} facts\n`);
    out.write(`ok: ${k.sources.length} sources, ${k.speakers.length} speakers, ${k.entries.length} entries\n`);
    return 0;
  } catch (e) {
    err.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
