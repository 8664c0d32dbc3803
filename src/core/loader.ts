import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  realpathSync,
  statSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { knowledgeFileSchema, type KnowledgeFile } from "./schema.js";
import { KnowledgeError, readYaml } from "./yaml-file.js";
import type { Entry, Knowledge, Source, Speaker } from "./types.js";
import { cleanText } from "./normalise.js";
import { KnowledgeCache, sha256, type KnowledgeCacheOptions } from "./knowledge-cache.js";

export { KnowledgeError, type KnowledgeCacheOptions };

/**
 * Parses and validates one knowledge file's text. `readSourceText` reads the source text the file names
 * (`source.text`): every quote must appear in it word for word. Throws a {@link KnowledgeError} on the first problem.
 */
export function parseKnowledgeFile(
  file: string,
  yamlText: string,
  readSourceText?: (name: string) => string | undefined,
): Knowledge {
  const { data: data0, fail, failIssue } = readYaml(file, yamlText);
  const parsed = knowledgeFileSchema.safeParse(data0);
  if (!parsed.success) return failIssue(parsed.error.issues[0]!);
  const data: KnowledgeFile = parsed.data;

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
  const speakers: Speaker[] = data.speakers.map((s) => Object.assign({}, s));
  const speakerIds = new Set<string>();
  data.speakers.forEach((s, i) => {
    if (speakerIds.has(s.id)) fail(["speakers", i, "id"], `duplicate speaker id "${s.id}"`);
    speakerIds.add(s.id);
  });

  let sourceText: string | undefined;
  if (data.source.text !== undefined && readSourceText) {
    try {
      sourceText = readSourceText(data.source.text);
    } catch (err) {
      if (!(err instanceof FileRefused)) throw err;
      fail(["source", "text"], err.message);
    }
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
  const speakerIds = new Set<string>();
  for (const { file, knowledge } of parts) {
    knowledge.sources.forEach((s) => claim("source", s.id, file));
    knowledge.entries.forEach((e) => claim("entry", e.id, file));
    // Speakers may recur across sources (the same minister in two articles): the first definition wins.
    for (const s of knowledge.speakers) {
      if (speakerIds.has(s.id)) continue;
      speakerIds.add(s.id);
      out.speakers.push(s);
    }
    // One push per item: spreading 100,000 entries as arguments can overflow the stack.
    for (const s of knowledge.sources) out.sources.push(s);
    for (const e of knowledge.entries) out.entries.push(e);
  }
  return out;
}

/**
 * The largest knowledge file (YAML or source text) the loader reads: 64 MiB, about 100,000 entries. A larger file is
 * refused with its name before a byte is parsed, so a runaway export or a wrong file cannot exhaust memory.
 */
export const MAX_KNOWLEDGE_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadOptions {
  /** Per-file size cap in bytes (default {@link MAX_KNOWLEDGE_FILE_BYTES}). */
  maxFileBytes?: number;
  /**
   * A cache of validated files ({@link loadKnowledgeDir} only), for a start that should not parse and validate again
   * what an earlier start of the same build already did: a file whose bytes (and source text) are unchanged is taken
   * from it; any other is read and validated in full, as without a cache. Default none.
   */
  cache?: KnowledgeCacheOptions;
}

/** A file the loader will not read (not a regular file, too large, not UTF-8), with the reason and the fix. */
class FileRefused extends Error {}

/** What a non-regular file is, in words, for an error message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** Offset of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (b[i + 1]! < lo || b[i + 1]! > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a knowledge file as UTF-8 text, refusing at once (FileRefused) what cannot be one: a FIFO, device, socket
 * or directory (checked before opening, symlinks resolved; opened non-blocking in case the file is swapped in
 * between), a file over `maxBytes`, and bytes that are not UTF-8 (named, with the line, instead of surfacing later as
 * a quote that "does not appear word for word"). Returns undefined when the file does not exist.
 */
export function readKnowledgeFile(
  path: string,
  maxBytes = MAX_KNOWLEDGE_FILE_BYTES,
  directoryFix = "name a file",
): string | undefined {
  const bytes = readKnowledgeBytes(path, maxBytes, directoryFix);
  return bytes === undefined ? undefined : decodeKnowledgeText(bytes);
}

/** {@link readKnowledgeFile}'s checks and read, before the bytes are decoded. */
function readKnowledgeBytes(path: string, maxBytes: number, directoryFix: string): Buffer | undefined {
  let st: Stats;
  try {
    st = statSync(path); // follows symlinks: the target is what is checked
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && lstatOrNull(path)?.isSymbolicLink())
      throw new FileRefused("is a symlink to a file that does not exist");
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new FileRefused(`cannot be read (${code ?? String(err)})`);
  }
  const via = lstatOrNull(path)?.isSymbolicLink() ? ` (a symlink to ${safeRealpath(path)})` : "";
  if (st.isDirectory()) throw new FileRefused(`is a directory${via}, not a file: ${directoryFix}`);
  if (!st.isFile()) throw new FileRefused(`is ${kindOf(st)}${via}, not a regular file: only regular files are read`);
  if (st.size > maxBytes) throw new FileRefused(tooLarge(st.size, maxBytes));
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new FileRefused(`cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let bytes: Buffer;
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) throw new FileRefused(`is ${kindOf(fst)}, not a regular file: only regular files are read`);
    // Read to the end, not to the size stat gave: the file may grow; never past the cap.
    bytes = Buffer.allocUnsafe(Math.min(maxBytes + 1, fst.size + 1));
    let got = 0;
    for (;;) {
      if (got === bytes.length) {
        if (got > maxBytes) throw new FileRefused(tooLarge(got, maxBytes));
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, 2 * bytes.length));
        bytes.copy(grown, 0, 0, got);
        bytes = grown;
      }
      const n = readSync(fd, bytes, got, bytes.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > maxBytes) throw new FileRefused(tooLarge(got, maxBytes));
    bytes = bytes.subarray(0, got);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The bytes of a knowledge file as text: UTF-8, or a FileRefused naming the first byte that is not. */
function decodeKnowledgeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new FileRefused("is UTF-16 text, not UTF-8: save it as UTF-8");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) throw new FileRefused("is UTF-16 text, not UTF-8: save it as UTF-8");
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? null : countLines(bytes, at);
    const byte =
      at < 0
        ? ""
        : ` (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, "0")}${line === null ? "" : ` on line ${line}`})`;
    throw new FileRefused(
      `is not UTF-8 text${byte}: save it as UTF-8 (Latin-1 and Windows-1252 files are common culprits)`,
    );
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return "?";
  }
}

function countLines(b: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) line++;
  return line;
}

function tooLarge(size: number, max: number): string {
  const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  return `is too large (${size > max ? `over ${mib(max)}` : mib(size)}; the limit is ${mib(max)} per file): split the source into several files`;
}

/**
 * Loads one knowledge file with the source text it names (beside it), exactly as {@link loadKnowledgeDir} loads each
 * of its files: for `briefbot check FILE`, and for tests that use the shipped article as a fixture whatever else the
 * folder holds.
 */
export function loadKnowledgeFile(path: string, options: LoadOptions = {}): Knowledge {
  return loadOne(dirname(path), basename(path), options.maxFileBytes ?? MAX_KNOWLEDGE_FILE_BYTES);
}

function loadOne(dir: string, name: string, maxBytes: number, cache?: KnowledgeCache): Knowledge {
  const rel = join(basename(dir), name);
  let yamlText: string;
  let yamlHash = "";
  try {
    const bytes = readKnowledgeBytes(
      join(dir, name),
      maxBytes,
      "rename it so its name does not end in .yaml, or move it out of the knowledge folder",
    );
    // Listed a moment ago, gone now (an editor's rename): as good as absent.
    if (bytes === undefined) throw new KnowledgeError(rel, null, "", "file not found");
    if (cache) {
      yamlHash = sha256(bytes);
      const textBytes = (textName: string) => readKnowledgeBytes(join(dir, textName), maxBytes, "");
      const hit = cache.lookup(name, yamlHash, (textName) => {
        const b = textBytes(textName);
        return b === undefined ? undefined : sha256(b);
      });
      if (hit) return hit;
    }
    yamlText = decodeKnowledgeText(bytes);
  } catch (err) {
    if (err instanceof FileRefused) throw new KnowledgeError(rel, null, "", err.message);
    throw err;
  }
  let text: { name: string; hash: string } | null = null;
  const readText = (textName: string) => {
    const bytes = readKnowledgeBytes(join(dir, textName), maxBytes, "source.text names the article's .txt file");
    if (bytes === undefined) return undefined;
    if (cache) text = { name: textName, hash: sha256(bytes) };
    return decodeKnowledgeText(bytes);
  };
  const knowledge = parseKnowledgeFile(rel, yamlText, readText);
  cache?.store(name, yamlHash, text, knowledge);
  return knowledge;
}

/**
 * Loads every `*.yaml` / `*.yml` file in `dir`, each with the source text it names. Call it at start-up and on each
 * reload; it throws a {@link KnowledgeError} rather than return a partial knowledge base, so a caller that already
 * serves a good one can keep it. Only regular files are read (see {@link readKnowledgeFile}): a FIFO, a device or a
 * directory among them is refused at once, by name, instead of stalling the read.
 */
export function loadKnowledgeDir(dir: string, options: LoadOptions = {}): Knowledge {
  const maxBytes = options.maxFileBytes ?? MAX_KNOWLEDGE_FILE_BYTES;
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new KnowledgeError(dir, null, "", "knowledge folder not found");
  }
  if (!dirStat.isDirectory())
    throw new KnowledgeError(
      dir,
      null,
      "",
      `is ${dirStat.isFile() ? "a file" : kindOf(dirStat)}, not a folder: KNOWLEDGE_DIR names the folder that holds the .yaml files`,
    );
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  if (files.length === 0) throw new KnowledgeError(dir, null, "", "no .yaml knowledge files in this folder");
  const cache = options.cache && new KnowledgeCache(options.cache, resolve(dir));
  const parts = files.map((name) => ({
    file: join(basename(dir), name),
    knowledge: loadOne(dir, name, maxBytes, cache),
  }));
  const merged = mergeKnowledge(parts);
  cache?.save();
  return merged;
}
