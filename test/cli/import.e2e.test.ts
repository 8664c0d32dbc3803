import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../src/cli/import.js";
import { loadKnowledgeDir } from "../../src/core/loader.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const FIXTURES = join(ROOT, "test/fixtures/articles");
const TXT = join(FIXTURES, "velora-karsovia-sanctions.txt");

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "briefbot-import-cli-"));
  dirs.push(d);
  return d;
}

function sink() {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[], dir: string, fetch?: { timeoutMs?: number }) {
  const out = sink();
  const err = sink();
  const code = await runImport(args, dir, out.stream, err.stream, fetch ? { fetch } : {});
  return { code, out: out.text(), err: err.text() };
}

// A local web server: pages, a 404, a hang and a redirect loop, all on 127.0.0.1.
let server: Server;
let base = "";
const hanging: import("node:http").ServerResponse[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/article.html")
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(readFileSync(join(FIXTURES, "teen-clip-farms-pivvo.html")));
    else if (url === "/login.html")
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html><head><title>Sign in | Example</title></head><body><h1>Sign in</h1><form method="post"><input name="user"><input type="password" name="pw"><button>Sign in</button></form><p>Forgot your password?</p></body></html>`,
        );
    else if (url === "/hang") hanging.push(res);
    else if (url === "/loop-a") res.writeHead(302, { location: "/loop-b" }).end();
    else if (url === "/loop-b") res.writeHead(302, { location: "/loop-a" }).end();
    else res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`;
});
afterAll(() => {
  hanging.forEach((r) => r.destroy());
  server.close();
});

describe("briefbot import", () => {
  it("imports a text file: writes <id>.txt and <id>.yaml that load, and prints the review", async () => {
    const dir = tempDir();
    const r = await run([TXT], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]!.endsWith(".txt") && files[1]!.endsWith(".yaml")).toBe(true);
    const k = loadKnowledgeDir(dir);
    expect(k.entries.some((e) => e.kind === "quote")).toBe(true);
    expect(r.out).toMatch(/^“Velora drivers/);
    expect(r.out).toMatch(/\d+ speakers, \d+ quotes, \d+ facts/);
    expect(r.out).toContain(`wrote ${join(dir, files[0]!)}`);
  });

  it("imports a page over http with --id", async () => {
    const dir = tempDir();
    const r = await run([`${base}/article.html`, "--id", "clip-farms"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["clip-farms.txt", "clip-farms.yaml"]);
    expect(loadKnowledgeDir(dir).sources[0]!.url).toBe(`${base}/article.html`);
  });

  it("--dry-run prints the YAML and the review and writes nothing", async () => {
    const dir = join(tempDir(), "knowledge");
    const r = await run([TXT, "--dry-run"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Imported by `briefbot import`/);
    expect(r.out).toContain("\nsource:\n");
    expect(r.out).toContain("dry run: nothing written");
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses to overwrite without --force, and replaces with it", async () => {
    const dir = tempDir();
    expect((await run([TXT, "--id", "v"], dir)).code).toBe(0);
    writeFileSync(
      join(dir, "v.yaml"),
      readFileSync(join(dir, "v.yaml"), "utf8").replace("# Imported", "# Edited by hand. Imported"),
    );
    const again = await run([TXT, "--id", "v"], dir);
    expect(again.code).toBe(1);
    expect(again.err.trim().split("\n")).toHaveLength(1);
    expect(again.err).toMatch(/already/);
    expect(readFileSync(join(dir, "v.yaml"), "utf8")).toContain("# Edited by hand.");
    expect((await run([TXT, "--id", "v", "--force"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "v.yaml"), "utf8")).not.toContain("# Edited by hand.");
  });

  it("usage errors exit 2", async () => {
    const dir = tempDir();
    expect((await run([], dir)).code).toBe(2);
    expect((await run([TXT, "--bogus"], dir)).code).toBe(2);
    expect((await run([TXT, TXT], dir)).code).toBe(2);
  });
});

describe("bad input: one line on stderr, non-zero exit, nothing written", () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ["an empty file", (d) => [file(d, "empty.txt", "")], /empty/],
    [
      "a binary file",
      (d) => [
        file(d, "blob.txt", Buffer.from([0x00, 0x01, 0xff, 0x00, 0x10, 0x00, 0x7f, 0x00].concat(Array(300).fill(0)))),
      ],
      /not text|binary/,
    ],
    [
      "a PDF",
      (d) => [
        file(
          d,
          "paper.pdf",
          Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), Buffer.alloc(500, 0x20)]),
        ),
      ],
      /PDF/i,
    ],
    ["a 50 MB file", (d) => [sparse(d, "huge.txt", 50 * 1024 * 1024)], /too large/],
    ["an HTML page that is not an article", () => [`${base}/login.html`], /not an article/],
    ["a page in another script", (d) => [file(d, "ru.txt", cyrillic())], /another script/],
    ["a page in another language", (d) => [file(d, "fr.txt", french())], /another language/],
    ["a URL that 404s", () => [`${base}/missing.html`], /404/],
    ["a URL that hangs", () => [`${base}/hang`], /time|timed out|abort/i],
    ["a URL that redirects in a loop", () => [`${base}/loop-a`], /redirect/i],
    ["a missing file", (d) => [join(d, "nope.txt")], /no such file/],
    ["a directory", (d) => [d], /directory/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const scratch = tempDir();
      const out = join(tempDir(), "knowledge");
      const r = await run(args(scratch), out, { timeoutMs: 500 });
      expect(r.code).not.toBe(0);
      const lines = r.err.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^briefbot import: /);
      expect(lines[0]).toMatch(message);
      expect(r.out).toBe("");
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe("through the real command line", () => {
  it("src/cli.ts import writes into KNOWLEDGE_DIR and a failure exits 1 with one line", () => {
    const dir = tempDir();
    const ok = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "import", TXT, "--id", "velora"], {
      cwd: ROOT,
      env: { ...process.env, KNOWLEDGE_DIR: dir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["velora.txt", "velora.yaml"]);
    const check = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "check", dir], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("velora:");

    // "-" reads the article from stdin.
    const stdin = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "import", "-", "--id", "from-stdin"], {
      cwd: ROOT,
      env: { ...process.env, KNOWLEDGE_DIR: dir },
      input: readFileSync(TXT),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(stdin.stderr).toBe("");
    expect(stdin.status).toBe(0);
    expect(
      loadKnowledgeDir(dir)
        .sources.map((s) => s.id)
        .sort(),
    ).toEqual(["from-stdin", "velora"]);
    rmSync(join(dir, "from-stdin.yaml"));
    rmSync(join(dir, "from-stdin.txt"));

    const bad = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "import", join(dir, "missing.txt")], {
      cwd: ROOT,
      env: { ...process.env, KNOWLEDGE_DIR: dir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(["velora.txt", "velora.yaml"]);
  }, 120_000);
});

function file(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A file of `size` bytes that takes no disk: the import must refuse it by its size, without reading it. */
function sparse(dir: string, name: string, size: number): string {
  const p = file(dir, name, "");
  truncateSync(p, size);
  return p;
}

function cyrillic(): string {
  const para =
    "Городской совет проголосовал за запрет приложения в школьных сетях после волны слухов и анонимных сообщений. ".repeat(
      8,
    );
  return `Городской совет запретил приложение\n\n${para}\n\n${para}\n`;
}

function french(): string {
  const para =
    "Le conseil municipal a voté mardi pour interdire une application de messagerie anonyme dans les écoles, après une vague de rumeurs qui visaient des élèves et des enseignants de la ville. ".repeat(
      5,
    );
  return `Le conseil interdit une application\n\n${para}\n\n${para}\n`;
}
