import { LineCounter, isNode, parseDocument, type Document } from "yaml";

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

/** A parsed YAML file, and how to fail at a path in it with that path's line. */
export interface YamlFile {
  data: unknown;
  /** Throws a {@link KnowledgeError} at `path` ("quotes[3].speaker"), with the line of the nearest node on it. */
  fail(path: readonly PropertyKey[], reason: string): never;
  /** Throws for a schema issue; an unknown key is reported at the key itself ("quotes[0].speeker"). */
  failIssue(issue: { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }): never;
}

/**
 * Parses YAML text with line numbers kept, for files a person edits (knowledge, small talk): invalid YAML, an alias
 * with no anchor or an alias bomb is a {@link KnowledgeError} naming the file and line, never a raw parser error.
 */
export function readYaml(file: string, yamlText: string): YamlFile {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? counter.linePos(yamlError.pos[0]).line;
    throw new KnowledgeError(file, line, "", `invalid YAML: ${yamlError.message.split("\n")[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // An alias with no anchor, or an alias bomb: yaml throws while building the value.
    throw new KnowledgeError(file, null, "", `invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fail = (path: readonly PropertyKey[], reason: string): never => {
    throw new KnowledgeError(file, lineOf(doc, counter, path), fieldName(path), reason);
  };
  return {
    data,
    fail,
    failIssue: (issue) =>
      fail(
        issue.code === "unrecognized_keys" && issue.keys?.[0] ? [...issue.path, issue.keys[0]] : issue.path,
        issue.message,
      ),
  };
}
