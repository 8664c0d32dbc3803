import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A small valid knowledge file whose one fact says the sky is `colour`. */
export function skyYaml(colour: string): string {
  return `source:
  id: test-source
  title: A test article
  publisher: Test News
  reporters: [Ann Reporter]

facts:
  - id: sky-colour
    text: The sky over the test city is ${colour}.
    tags: [sky, weather]
    questions: ["What colour is the sky over the test city?"]
  - id: river-length
    text: The test river is 12 kilometres long.
    tags: [river]
    questions: ["How long is the test river?"]
`;
}

/** A temporary knowledge folder holding {@link skyYaml}; `cleanup()` removes it. */
export function tempKnowledge(colour = "green") {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-ops-"));
  const file = join(dir, "test.yaml");
  writeFileSync(file, skyYaml(colour));
  return { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { memoryLogger } from "../support/runtime.js";

/** Polls `check` until it returns true or `timeoutMs` passes; resolves to the last result. */
export async function eventually(check: () => boolean, timeoutMs = 5_000, everyMs = 20): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
