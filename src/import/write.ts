/**
 * Validates an imported knowledge file with the loader a hand edit goes through, then writes it without ever leaving
 * a half-written file: the text first, then the YAML (a hot reload never sees a YAML without its text), each as a
 * temporary file in the same folder renamed into place. Refuses to replace an existing file unless forced.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, join } from "node:path";
import { KnowledgeError, mergeKnowledge, parseKnowledgeFile, readKnowledgeFile } from "../core/index.js";
import type { Knowledge } from "../core/index.js";
import type { TakenIds } from "./draft.js";

/** An import that cannot be written. The message is one line, printed as is. */
export class ImportError extends Error {
  override name = "ImportError";
}

export interface FolderState {
  /** The other knowledge files in the folder, loaded and validated (empty for a new folder). */
  parts: { file: string; knowledge: Knowledge }[];
  taken: TakenIds;
}

/**
 * Loads the knowledge folder's other files (all but `<id>.yaml`, which a forced import replaces), so the new file's
 * ids can be made unique and checked against them. A folder that does not load now is refused: the running bot
 * could not load it either, whatever the new file holds.
 */
export function readFolder(dir: string, id: string): FolderState {
  const parts: FolderState["parts"] = [];
  const sources = new Set<string>();
  const entries = new Set<string>();
  const speakers = new Map<string, { name: string; role?: string }>();
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new ImportError(`${dir} is not a folder: --dir / KNOWLEDGE_DIR names the knowledge folder`);
    const files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f) && f !== `${id}.yaml` && f !== `${id}.yml`)
      .sort();
    for (const name of files) {
      const rel = join(basename(dir), name);
      let knowledge: Knowledge;
      try {
        // The loader's own reader: a FIFO or device named *.yaml is refused at once, never read (it would hang).
        const readText = (t: string) => readKnowledgeFile(join(dir, t));
        knowledge = parseKnowledgeFile(rel, readKnowledgeFile(join(dir, name)) ?? "", readText);
      } catch (e) {
        throw new ImportError(
          `the knowledge folder does not load now (${e instanceof Error ? e.message : String(e)}); fix that first`,
        );
      }
      parts.push({ file: rel, knowledge });
      knowledge.sources.forEach((s) => sources.add(s.id));
      knowledge.entries.forEach((e) => entries.add(e.id));
      for (const s of knowledge.speakers)
        if (!speakers.has(s.id))
          speakers.set(s.id, s.role === undefined ? { name: s.name } : { name: s.name, role: s.role });
    }
  }
  return { parts, taken: { sources, entries, speakers } };
}

/**
 * Checks the new file exactly as the loader will: schema, every quote word for word in `text`, unique ids; then
 * against the folder's other files (no shared source or entry id). Throws an {@link ImportError} naming the problem.
 */
export function validateImport(
  dir: string,
  id: string,
  yamlText: string,
  text: string,
  folder: FolderState,
): Knowledge {
  const rel = join(basename(dir), `${id}.yaml`);
  try {
    const knowledge = parseKnowledgeFile(rel, yamlText, (name) => (name === `${id}.txt` ? text : undefined));
    mergeKnowledge([...folder.parts, { file: rel, knowledge }]);
    return knowledge;
  } catch (e) {
    const why = e instanceof KnowledgeError ? e.message : e instanceof Error ? e.message : String(e);
    throw new ImportError(`the imported file does not validate: ${why}`);
  }
}

/** Writes `<id>.txt` then `<id>.yaml` in `dir` (created if missing). Without `force`, an existing file is never replaced. */
export function writeImport(
  dir: string,
  id: string,
  yamlText: string,
  text: string,
  force: boolean,
): { yaml: string; text: string } {
  const yamlPath = join(dir, `${id}.yaml`);
  const textPath = join(dir, `${id}.txt`);
  if (!force) {
    for (const p of [yamlPath, join(dir, `${id}.yml`), textPath]) {
      if (existsSync(p))
        throw new ImportError(`${p} already exists; use --force to replace it, or --id to choose another id`);
    }
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ImportError(`cannot create ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const textTmp = tempFile(dir, `${id}.txt`, text);
  let yamlTmp: string | undefined;
  try {
    yamlTmp = tempFile(dir, `${id}.yaml`, yamlText);
    place(textTmp, textPath, force);
    try {
      place(yamlTmp, yamlPath, force);
    } catch (e) {
      if (!force) unlinkQuiet(textPath); // the text we just placed has no YAML: take it back
      throw e;
    }
  } finally {
    unlinkQuiet(textTmp);
    if (yamlTmp) unlinkQuiet(yamlTmp);
  }
  return { yaml: yamlPath, text: textPath };
}

/** A temporary file beside the target whose name a reload ignores (it does not end in .yaml or .txt). */
function tempFile(dir: string, name: string, content: string): string {
  const path = join(dir, `.${name}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (e) {
    throw new ImportError(`cannot write in ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkQuiet(path);
    throw new ImportError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  closeSync(fd);
  return path;
}

/** Moves a temp file into place: rename when replacing is allowed, else a hard link, which fails if the target exists. */
function place(tmp: string, target: string, force: boolean): void {
  try {
    if (force) renameSync(tmp, target);
    else linkSync(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!force && (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP") && !existsSync(target)) {
      // A filesystem without hard links: checked just above, then renamed (a narrow race, no half-written file).
      renameSync(tmp, target);
      return;
    }
    if (code === "EEXIST") throw new ImportError(`${target} already exists; use --force to replace it`);
    throw new ImportError(`cannot write ${target}: ${code ?? String(e)}`);
  }
}

function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
