import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractArticle, readSource } from "../../src/import/extract.js";
import { fetchPage, importUserAgent } from "../../src/import/fetch.js";
import { SourceError } from "../../src/import/types.js";

/** A 120-word article body in windows-1252 bytes: curly quotes (0x93/0x94), an en dash (0x96), é (0xE9). */
const SENTENCE =
  "The caf\xe9 council met on Tuesday \x96 and the mayor said \x93we will decide soon\x94 about the new harbour plan for the town. ";
const BODY_1252 = Buffer.from(
  `<p>${SENTENCE.repeat(3)}</p><p>${SENTENCE.repeat(3)}</p><p>${SENTENCE.repeat(2)}</p>`,
  "latin1",
);

function html1252(meta: string): Buffer {
  return Buffer.concat([
    Buffer.from(
      `<!doctype html><html><head>${meta}<title>Harbour plan | Town Crier</title><meta property="og:type" content="article"></head><body><article><h1>Harbour plan</h1>`,
    ),
    BODY_1252,
    Buffer.from("</article></body></html>"),
  ]);
}

let server: Server;
let base: string;
const seenAgents: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://x");
  const p = url.pathname;
  seenAgents.push(String(req.headers["user-agent"]));
  const redirect = /^\/r\/(\d+)$/.exec(p);
  if (redirect) {
    const n = Number(redirect[1]);
    if (n === 0) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>arrived</p>");
    return void res.writeHead(302, { location: `/r/${n - 1}` }).end();
  }
  switch (p) {
    case "/ok":
      return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>héllo</p>");
    case "/404":
      return void res.writeHead(404, { "content-type": "text/html" }).end("<p>not here</p>");
    case "/500":
      return void res.writeHead(503, { "content-type": "text/html" }).end("busy");
    case "/loop-a":
      return void res.writeHead(301, { location: "/loop-b" }).end();
    case "/loop-b":
      return void res.writeHead(301, { location: `${base}/loop-a` }).end();
    case "/to-file":
      return void res.writeHead(302, { location: "file:///etc/passwd" }).end();
    case "/no-location":
      return void res.writeHead(302).end();
    case "/big-declared":
      return void res.writeHead(200, { "content-type": "text/html", "content-length": "5000" }).end("x".repeat(5000));
    case "/big-streamed": {
      res.writeHead(200, { "content-type": "text/html" }); // chunked, no length: the cap must hold while reading
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || i++ > 50) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write("y".repeat(500));
      }, 2);
      return;
    }
    case "/slow-headers":
      return; // never answers
    case "/slow-body":
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>first part");
      return; // never ends
    case "/pdf":
      return void res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    case "/json":
      return void res.writeHead(200, { "content-type": "application/json" }).end("{}");
    case "/plain":
      return void res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("Title\n\nBody.");
    case "/cp1252-header":
      return void res.writeHead(200, { "content-type": "text/html; charset=windows-1252" }).end(html1252(""));
    case "/cp1252-meta":
      return void res.writeHead(200, { "content-type": "text/html" }).end(html1252('<meta charset="windows-1252">'));
    case "/ua":
      return void res.writeHead(200, { "content-type": "text/plain" }).end(String(req.headers["user-agent"]));
    default:
      return void res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(url: string, options?: Parameters<typeof fetchPage>[1]): Promise<string> {
  try {
    await fetchPage(url, options);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    const msg = (e as Error).message;
    expect(msg).not.toContain("\n");
    return msg;
  }
  throw new Error(`expected ${url} to fail`);
}

describe("fetchPage", () => {
  it("returns bytes, final URL and content type", async () => {
    const page = await fetchPage(`${base}/ok`);
    expect(page.bytes.toString("utf8")).toBe("<p>héllo</p>");
    expect(page.url).toBe(`${base}/ok`);
    expect(page.contentType).toBe("text/html; charset=utf-8");
  });

  it("sends the descriptive User-Agent", async () => {
    const page = await fetchPage(`${base}/ua`);
    expect(page.bytes.toString()).toBe(importUserAgent());
    expect(importUserAgent()).toMatch(/^briefbot-import\/\d+\.\d+\.\d+ \(\+article import\)$/);
  });

  it("follows up to five redirects and reports the final URL", async () => {
    const page = await fetchPage(`${base}/r/5`);
    expect(page.url).toBe(`${base}/r/0`);
    expect(page.bytes.toString()).toBe("<p>arrived</p>");
  });

  it("refuses a sixth redirect", async () => {
    expect(await failure(`${base}/r/6`)).toMatch(/too many redirects \(more than 5\)/);
  });

  it("catches a redirect loop", async () => {
    expect(await failure(`${base}/loop-a`)).toMatch(/redirect loop/);
  });

  it("refuses a redirect to a non-http scheme and one without Location", async () => {
    expect(await failure(`${base}/to-file`)).toMatch(/unsupported scheme file:/);
    expect(await failure(`${base}/no-location`)).toMatch(/without a Location/);
  });

  it("names the HTTP status", async () => {
    expect(await failure(`${base}/404`)).toBe(`HTTP 404 Not Found for ${base}/404`);
    expect(await failure(`${base}/500`)).toMatch(/^HTTP 503/);
  });

  it("refuses a declared length over the cap before reading", async () => {
    expect(await failure(`${base}/big-declared`, { maxBytes: 1000 })).toMatch(
      /^too large: .* is 5 KB, the limit is 1 KB/,
    );
  });

  it("stops reading a streamed body past the cap", async () => {
    expect(await failure(`${base}/big-streamed`, { maxBytes: 1000 })).toMatch(/^too large: .* over 1 KB/);
  });

  it("times out when the server never answers, and when the body stalls", async () => {
    expect(await failure(`${base}/slow-headers`, { timeoutMs: 150 })).toBe(
      `timed out after 150 ms fetching ${base}/slow-headers`,
    );
    expect(await failure(`${base}/slow-body`, { timeoutMs: 150 })).toMatch(/^timed out after 150 ms/);
  });

  it("refuses content that is not HTML or text", async () => {
    expect(await failure(`${base}/pdf`)).toBe(`not an HTML or text page: ${base}/pdf is application/pdf`);
    expect(await failure(`${base}/json`)).toMatch(/is application\/json/);
  });

  it("accepts text/plain", async () => {
    expect((await fetchPage(`${base}/plain`)).contentType).toMatch(/^text\/plain/);
  });

  it("refuses other schemes and malformed URLs", async () => {
    expect(await failure("ftp://example.com/a.html")).toMatch(/unsupported URL scheme ftp:/);
    expect(await failure("file:///etc/passwd")).toMatch(/unsupported URL scheme file:/);
    expect(await failure("http://")).toMatch(/not a valid URL/);
  });

  it("says when the connection is refused", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await failure(`http://127.0.0.1:${port}/`)).toBe(
      `cannot fetch http://127.0.0.1:${port}/: connection refused`,
    );
  });
});

describe("readSource + extractArticle over HTTP", () => {
  it.each(["/cp1252-header", "/cp1252-meta"])("decodes windows-1252 declared by %s", async (path) => {
    const src = await readSource(`${base}${path}`);
    expect(src.url).toBe(`${base}${path}`);
    const a = extractArticle(src.bytes, {
      file: src.file,
      url: src.url!,
      ...(src.contentType && { contentType: src.contentType }),
    });
    expect(a.title).toBe("Harbour plan");
    expect(a.publisher).toBe("Town Crier"); // the <title>'s tail names the site
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toContain(
      "The café council met on Tuesday – and the mayor said “we will decide soon” about",
    );
  });
});
