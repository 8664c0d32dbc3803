import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Knowledge } from "./types.js";

/**
 * Where the knowledge cache lives and whose it is. The loader keeps, per knowledge file, the knowledge it validated
 * from it, under the SHA-256 of the file's bytes and of the source text it quotes: a start whose files are unchanged
 * skips the YAML parser and the schema. A changed byte is a miss, so that file is read and validated in full.
 */
export interface KnowledgeCacheOptions {
  /** The cache file (one per knowledge folder), written whole through a temporary file and a rename. */
  file: string;
  /**
   * Names the code that validates: a cache written under another key (another build or version, whose rules may
   * differ) is ignored, never trusted.
   */
  key: string;
}

const HEADER = "briefbot-knowledge-cache 1";

interface CachedFile {
  /** SHA-256 of the YAML file's bytes. */
  yaml: string;
  /** The source text the file quotes (`source.text`) and the SHA-256 of its bytes, or null when it names none. */
  text: { name: string; hash: string } | null;
  knowledge: Knowledge;
}

// node:crypto loads only when a cache is used: the library's loader without one does not need it.
let sha: ((bytes: Uint8Array) => string) | undefined;
/** The SHA-256 of `bytes`, in hex. */
export function sha256(bytes: Uint8Array | string): string {
  if (!sha) {
    const { createHash } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
    sha = (b) => createHash("sha256").update(b).digest("hex");
  }
  return sha(typeof bytes === "string" ? Buffer.from(bytes) : bytes);
}

function isKnowledge(k: unknown): k is Knowledge {
  const o = k as Knowledge | null;
  return (
    typeof o === "object" &&
    o !== null &&
    Array.isArray(o.sources) &&
    Array.isArray(o.speakers) &&
    Array.isArray(o.entries)
  );
}

function isCachedFile(f: unknown): f is CachedFile {
  const o = f as CachedFile | null;
  if (typeof o !== "object" || o === null || typeof o.yaml !== "string" || !isKnowledge(o.knowledge)) return false;
  return o.text === null || (typeof o.text?.name === "string" && typeof o.text.hash === "string");
}

/**
 * One load's view of the cache: what an earlier load validated, and what this load found. Reading never throws: a
 * missing, unreadable, corrupt (its checksum does not match), foreign (another key or folder) or malformed cache is
 * an empty one.
 */
export class KnowledgeCache {
  private readonly old = new Map<string, CachedFile>();
  private readonly now = new Map<string, CachedFile>();
  private changed = false;

  constructor(
    private readonly options: KnowledgeCacheOptions,
    private readonly dir: string,
  ) {
    let text: string;
    try {
      text = readFileSync(options.file, "utf8");
    } catch {
      return;
    }
    const newline = text.indexOf("\n");
    const body = text.slice(newline + 1);
    if (newline < 0 || text.slice(0, newline) !== `${HEADER} ${sha256(body)}`) return;
    try {
      const data = JSON.parse(body) as { key?: unknown; dir?: unknown; files?: Record<string, unknown> };
      if (data.key !== options.key || data.dir !== dir || typeof data.files !== "object" || data.files === null) return;
      for (const [name, file] of Object.entries(data.files)) if (isCachedFile(file)) this.old.set(name, file);
    } catch {
      this.old.clear();
    }
  }

  /**
   * The knowledge validated from file `name` when its bytes hash to `yamlHash` and the source text it quotes still
   * hashes as it did (`textHash` reads and hashes it; undefined, or a throw, when it is gone or refused); else
   * undefined, and the caller validates the file in full.
   */
  lookup(name: string, yamlHash: string, textHash: (textName: string) => string | undefined): Knowledge | undefined {
    const hit = this.old.get(name);
    if (!hit || hit.yaml !== yamlHash) return undefined;
    if (hit.text) {
      let hash: string | undefined;
      try {
        hash = textHash(hit.text.name);
      } catch {
        return undefined;
      }
      if (hash !== hit.text.hash) return undefined;
    }
    this.now.set(name, hit);
    return hit.knowledge;
  }

  /** Records what a full validation of file `name` gave. */
  store(name: string, yamlHash: string, text: CachedFile["text"], knowledge: Knowledge): void {
    this.now.set(name, { yaml: yamlHash, text, knowledge });
    this.changed = true;
  }

  /**
   * Writes the cache when this load validated a file afresh or a file is gone, holding exactly the files this load
   * read. Call it only after a load that succeeded. Returns false when nothing was written (nothing new, or the
   * folder cannot be written: the cache is an optimisation, never a reason to fail).
   */
  save(): boolean {
    if (!this.changed && this.now.size === this.old.size) return false;
    const body = JSON.stringify({ key: this.options.key, dir: this.dir, files: Object.fromEntries(this.now) });
    const tmp = `${this.options.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.options.file), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, `${HEADER} ${sha256(body)}\n${body}`, { mode: 0o600 });
      renameSync(tmp, this.options.file);
      return true;
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Not even a temporary file could be made there.
      }
      return false;
    }
  }
}
