import type { Draft } from "./draft.js";

/**
 * The review `briefbot import` ends with: what was imported and what a person should check, readable in ten seconds.
 * Title, byline, date and publisher; counts; each speaker with role and number of quotes; then the warnings.
 */
export function reviewText(draft: Draft, written: { yaml: string; text: string } | null): string {
  const s = draft.doc.source;
  const lines: string[] = [];
  lines.push(`“${s.title}”`);
  lines.push(
    [s.reporters.length ? `by ${joinNames(s.reporters)}` : "no byline", s.date ?? "no date", s.publisher].join(" · "),
  );
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  lines.push(
    `${n(draft.doc.speakers.length, "speaker")}, ${n(draft.doc.quotes.length, "quote")}, ${n(draft.doc.facts.length, "fact")}`,
  );
  for (const sp of draft.speakers)
    lines.push(`  ${sp.name}${sp.role ? `, ${sp.role}` : " (no role)"}: ${n(sp.quotes, "quote")}`);
  if (draft.warnings.length) {
    lines.push(`${n(draft.warnings.length, "warning")}:`);
    for (const w of draft.warnings) lines.push(`  ! ${w}`);
  } else lines.push("no warnings");
  if (written) lines.push(`wrote ${written.text} and ${written.yaml}; check with \`briefbot check\``);
  else lines.push(`dry run: nothing written (would write ${s.id}.yaml and ${s.text})`);
  return `${lines.join("\n")}\n`;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
