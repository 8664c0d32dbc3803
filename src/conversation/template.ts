/** Small-talk reply templates filled from the knowledge loaded now. */
import type { Core } from "../core/index.js";

function about(core: Core): string {
  const sources = core.knowledge.sources;
  const first = sources[0];
  if (!first) return "nothing yet";
  const one = `“${first.title}” (${first.publisher})`;
  return sources.length === 1 ? one : `${sources.length} sources, such as ${one}`;
}

/** Fills {example}, {examples} and {about} from the knowledge loaded now. */
export function fillTemplate(template: string, core: Core, seed: string): string {
  const examples = core.exampleQuestions(6);
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  const pick = examples.length ? examples[Math.abs(h) % examples.length]! : "";
  return template
    .replace(/\{about\}/g, about(core))
    .replace(/\{example\}/g, pick)
    .replace(
      /\{examples\}/g,
      examples
        .slice(0, 3)
        .map((q) => `  • ${q}`)
        .join("\n"),
    );
}
