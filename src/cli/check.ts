import { summariseSources, loadKnowledgeDir, loadKnowledgeFile } from "../core/index.js";
import { statSync } from "node:fs";

/**
 * `briefbot check [dir | file.yaml]`: validates the knowledge folder (or one knowledge file with its source text) and
 * prints counts per source and kind. Returns the exit code. Never waits on a FIFO or a device: the loader refuses
 * anything but regular files, by name, before opening them.
 */
export function runCheck(dir: string, out = process.stdout, err = process.stderr): number {
  try {
    const oneFile = /\.ya?ml$/i.test(dir) && statSync(dir, { throwIfNoEntry: false })?.isFile() === true;
    const k = oneFile ? loadKnowledgeFile(dir) : loadKnowledgeDir(dir);
    for (const { source, quotes, facts } of summariseSources(k))
      out.write(`${source.id}: ${quotes} quotes, ${facts} facts\n`);
    out.write(`ok: ${k.sources.length} sources, ${k.speakers.length} speakers, ${k.entries.length} entries\n`);
    return 0;
  } catch (e) {
    err.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
