import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Knowledge } from "../src/core/types.js";

/**
 * Writes a knowledge base (e.g. bench/synthetic.ts's) as knowledge files, one YAML file per source, replacing what
 * `dir` held. JSON strings are valid YAML double-quoted scalars. Returns the bytes written.
 */
export function writeKnowledge(k: Knowledge, dir: string): number {
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  let bytes = 0;
  const q = JSON.stringify;
  for (const source of k.sources) {
    const entries = k.entries.filter((e) => e.sourceId === source.id);
    const used = new Set(entries.map((e) => (e.kind === "quote" ? e.speakerId : "")));
    const lines = [
      `source:`,
      `  id: ${source.id}`,
      `  title: ${q(source.title)}`,
      `  publisher: ${q(source.publisher)}`,
      `  reporters: ${q(source.reporters)}`,
    ];
    lines.push("speakers:");
    for (const s of k.speakers.filter((s) => used.has(s.id)))
      lines.push(
        `  - id: ${s.id}`,
        `    name: ${q(s.name)}`,
        ...(s.role ? [`    role: ${q(s.role)}`] : []),
        `    aliases: ${q(s.aliases)}`,
      );
    for (const kind of ["quote", "fact"] as const) {
      lines.push(`${kind}s:`);
      for (const e of entries) {
        if (e.kind !== kind) continue;
        lines.push(
          `  - id: ${e.id}`,
          `    text: ${q(e.text)}`,
          `    tags: ${q(e.tags)}`,
          `    questions: ${q(e.questions)}`,
        );
        if (e.kind === "quote")
          lines.push(`    speaker: ${e.speakerId}`, ...(e.context ? [`    context: ${q(e.context)}`] : []));
      }
    }
    const text = `${lines.join("\n")}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `${source.id}.yaml`), text);
  }
  return bytes;
}
