import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRequest } from "../../../src/adapters/discord/rest-request.js";

const require = createRequire(import.meta.url);
const TSX = pathToFileURL(require.resolve("tsx")).href;
const PROBE = fileURLToPath(new URL("../../support/rest-gc-probe.ts", import.meta.url));

/** A local server that records each request and answers with a JSON echo of what it got. */
let server: Server;
let base: string;
const seen: { method: string; type: string; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.setEncoding("latin1").on("data", (d: string) => (body += d));
    req.on("end", () => {
      seen.push({ method: req.method!, type: req.headers["content-type"] ?? "", body });
      if (req.url === "/empty") return void res.writeHead(204).end();
      res.writeHead(req.url === "/missing" ? 404 : 200, {
        "content-type": "application/json",
        "x-ratelimit-bucket": "abc",
      });
      res.end(JSON.stringify({ got: body.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the REST strategy under discord.js (makeRequest)", () => {
  it("sends a JSON body and returns the response as @discordjs/rest reads it", async () => {
    const res = await makeRequest(`${base}/ok`, {
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.statusText).toBe("OK");
    expect(res.headers.get("X-RateLimit-Bucket")).toBe("abc");
    expect(res.bodyUsed).toBe(false);
    expect(await res.json()).toEqual({ got: 7 });
    expect(res.bodyUsed).toBe(true);
    expect(seen.at(-1)).toEqual({ method: "POST", type: "application/json", body: '{"a":1}' });
  });

  it("reports a failure status and an empty 204 as they are", async () => {
    const missing = await makeRequest(`${base}/missing`, { method: "GET" });
    expect([missing.status, missing.ok, missing.statusText]).toEqual([404, false, "Not Found"]);
    expect(await missing.text()).toBe('{"got":0}');
    const empty = await makeRequest(`${base}/empty`, { method: "POST", body: new Uint8Array([104, 105]) });
    expect(empty.status).toBe(204);
    expect((await empty.arrayBuffer()).byteLength).toBe(0);
    expect(seen.at(-1)?.body).toBe("hi");
  });

  it("hands a body it does not handle itself (a file upload's FormData) to @discordjs/rest's default", async () => {
    const form = new FormData();
    form.append("payload_json", '{"content":"x"}');
    const res = await makeRequest(`${base}/upload`, { method: "POST", body: form as never }); // the global FormData, as @discordjs/rest builds it
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(seen.at(-1)?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.at(-1)?.body).toContain('name="payload_json"');
  });

  /**
   * Why the module exists: @discordjs/rest's default strategy returns an object literal with a getter, whose accessor
   * pair V8 (Node 20) allocates in the old generation; through the getter's closure it keeps every response alive past
   * young collections. The probe runs 6,000 replies with each strategy, with an old generation large enough that no
   * full collection runs, so its growth is what was promoted.
   */
  it("promotes far less per reply than @discordjs/rest's default strategy", () => {
    const probe = (strategy: string) => {
      const out = execFileSync(
        process.execPath,
        [
          "--max-semi-space-size=64",
          "--no-allocation-site-pretenuring",
          "--initial-old-space-size=512",
          "--import",
          TSX,
          PROBE,
          strategy,
          "6000",
        ],
        { encoding: "utf8", timeout: 60_000 },
      );
      return JSON.parse(out.trim().split("\n").pop()!) as { sent: number; grownMB: number; majors: number };
    };
    const ours = probe("ours");
    const theirs = probe("default");
    expect(ours.sent).toBe(6000);
    expect(theirs.sent).toBe(6000);
    expect(ours.majors + theirs.majors).toBe(0); // otherwise growth would not measure promotion
    expect(ours.grownMB).toBeLessThan(theirs.grownMB * 0.7);
  }, 90_000);
});
