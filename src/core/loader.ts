import { readFileSync, readdirSync, existsSync } from "node:fs";
import { basename, join } from "node:path";
import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import { knowledgeFileSchema, type KnowledgeFile } from "./schema.js";
import type { Entry, Knowledge, Source, Speaker } from "./types.js";
import { cleanText } from "./normalise.js";

/**
 * A knowledge file that cannot be used, with where and why. `toString()` reads like a compiler error:
 * `knowledge/nbc.yaml:12: quotes[3].speaker: unknown speaker "rohani"`.
 */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${field ? `${field}: ` : ""}${reason}`);
    this.name = "KnowledgeError";
  }
}

/** Turns a path like ["quotes", 3, "speaker"] into "quotes[3].speaker". */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | null {
  // Walk up the path until a node exists (a missing field is reported at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/**
 * Parses and validates one knowledge file's text. `readSourceText` reads the source text the file names
 * (`source.text`): every quote must appear in it word for word. Throws a {@link KnowledgeError} on the first problem.
 */
export function parseKnowledgeFile(
  file: string,
  yamlText: string,
  readSourceText?: (name: string) => string | undefined,
): Knowledge {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? counter.linePos(yamlError.pos[0]).line;
    throw new KnowledgeError(file, line, "", `invalid YAML: ${yamlError.message.split("\n")[0]}`);
  }
  let data0: unknown;
  try {
    data0 = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // An alias with no anchor, or an alias bomb: yaml throws while building the value.
    throw new KnowledgeError(file, null, "", `invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = knowledgeFileSchema.safeParse(data0);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key is reported at the key itself ("quotes[0].speeker"), not at the object that holds it.
    const path = issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
    throw new KnowledgeError(file, lineOf(doc, counter, path), fieldName(path), issue.message);
  }
  const data: KnowledgeFile = parsed.data;
  const fail = (path: PropertyKey[], reason: string): never => {
    throw new KnowledgeError(file, lineOf(doc, counter, path), fieldName(path), reason);
  };

  const source: Source = {
    id: data.source.id,
    title: data.source.title,
    publisher: data.source.publisher,
    reporters: data.source.reporters,
    ...(data.source.place && { place: data.source.place }),
    ...(data.source.date && { date: data.source.date }),
    ...(data.source.url && { url: data.source.url }),
    ...(data.source.text && { textFile: data.source.text }),
  };
  const speakers: Speaker[] = data.speakers.map((s) => ({ ...s }));
  const speakerIds = new Set<string>();
  data.speakers.forEach((s, i) => {
    if (speakerIds.has(s.id)) fail(["speakers", i, "id"], `duplicate speaker id "${s.id}"`);
    speakerIds.add(s.id);
  });

  let sourceText: string | undefined;
  if (data.source.text !== undefined && readSourceText) {
    sourceText = readSourceText(data.source.text);
    if (sourceText === undefined) fail(["source", "text"], `file ${data.source.text} not found`);
  }
  const trace = sourceText === undefined ? null : cleanText(sourceText);
  const entries: Entry[] = [];
  data.quotes.forEach((q, i) => {
    if (!speakerIds.has(q.speaker)) fail(["quotes", i, "speaker"], `unknown speaker "${q.speaker}"`);
    if (trace !== null && !trace.includes(cleanText(q.text)))
      fail(["quotes", i, "text"], "this quote does not appear word for word in the source text");
    entries.push({
      kind: "quote",
      id: q.id,
      text: q.text,
      speakerId: q.speaker,
      ...(q.context && { context: q.context }),
      tags: q.tags,
      questions: q.generated_questions.length ? q.questions.concat(q.generated_questions) : q.questions,
      sourceId: source.id,
    });
  });
  data.facts.forEach((f) => {
    entries.push({
      kind: "fact",
      id: f.id,
      text: f.text,
      ...(f.attribution && { attribution: f.attribution }),
      tags: f.tags,
      questions: f.generated_questions.length ? f.questions.concat(f.generated_questions) : f.questions,
      sourceId: source.id,
    });
  });
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id)) {
      // Entries are the quotes then the facts, in file order: report the second use of the id, not the first.
      const list = e.kind === "quote" ? "quotes" : "facts";
      const at = e.kind === "quote" ? i : i - data.quotes.length;
      fail([list, at, "id"], `duplicate id "${e.id}"`);
    }
    seen.add(e.id);
  });
  return { sources: [source], speakers, entries };
}

/** Merges per-file knowledge, rejecting ids that two files share. */
export function mergeKnowledge(parts: { file: string; knowledge: Knowledge }[]): Knowledge {
  const out: Knowledge = { sources: [], speakers: [], entries: [] };
  const owner = new Map<string, string>();
  const claim = (kind: string, id: string, file: string) => {
    const key = `${kind}:${id}`;
    const prev = owner.get(key);
    if (prev !== undefined) throw new KnowledgeError(file, null, `${kind} ${id}`, `id is also used in ${prev}`);
    owner.set(key, file);
  };
  for (const { file, knowledge } of parts) {
    knowledge.sources.forEach((s) => claim("source", s.id, file));
    knowledge.entries.forEach((e) => claim("entry", e.id, file));
    // Speakers may recur across sources (the same minister in two articles): the first definition wins.
    for (const s of knowledge.speakers) {
      if (!out.speakers.some((x) => x.id === s.id)) out.speakers.push(s);
    }
    out.sources.push(...knowledge.sources);
    out.entries.push(...knowledge.entries);
  }
  return out;
}

/**
 * Loads every `*.yaml` / `*.yml` file in `dir`, each with the source text it names. Call it at start-up and on each
 * reload; it throws a {@link KnowledgeError} rather than return a partial knowledge base, so a caller that already
 * serves a good one can keep it.
 */
export function loadKnowledgeDir(dir: string): Knowledge {
  if (!existsSync(dir)) throw new KnowledgeError(dir, null, "", "knowledge folder not found");
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  if (files.length === 0) throw new KnowledgeError(dir, null, "", "no .yaml knowledge files in this folder");
  const parts = files.map((name) => {
    const path = join(dir, name);
    const yamlText = readFileSync(path, "utf8");
    const rel = join(basename(dir), name);
    const readText = (textName: string) => {
      const textPath = join(dir, textName);
      return existsSync(textPath) ? readFileSync(textPath, "utf8") : undefined;
    };
    return { file: rel, knowledge: parseKnowledgeFile(rel, yamlText, readText) };
  });
  return mergeKnowledge(parts);
}
