import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runExtract } from "../../src/cli/extract.js";

const ARTICLES = fileURLToPath(new URL("../fixtures/articles/", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "briefbot-cli-extract-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sink(): { write(s: string): void; text: string } {
  return {
    text: "",
    write(s: string) {
      this.text += s;
    },
  };
}

describe("briefbot extract", () => {
  it("prints one JSON line per input with the body as paragraphs separated by blank lines", async () => {
    const out = sink();
    const err = sink();
    const html = join(ARTICLES, "kestrel-point-whisperly-school-ban.html");
    const txt = join(ARTICLES, "tarvosia-national-firewall.txt");
    expect(await runExtract([html, txt], true, out, err)).toBe(0);
    expect(err.text).toBe("");
    const lines = out.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]!)).toEqual(["file", "title", "byline", "published", "publisher", "text"]);
    expect(lines[0]).toMatchObject({
      file: html,
      byline: "Corinne Halvorsen and Deshawn Pruitt",
      published: "2026-03-11",
      publisher: "Allied Newswire",
    });
    const body = readFileSync(html.replace(/\.html$/, ".txt"), "utf8")
      .split("\n")
      .slice(3)
      .filter(Boolean);
    expect(lines[0]!.text).toBe(body.join("\n\n"));
    expect(lines[1]).toMatchObject({ file: txt, byline: null, published: null, publisher: null });
  });

  it("prints a short readable form without --json", async () => {
    const out = sink();
    expect(await runExtract([join(ARTICLES, "teen-clip-farms-pivvo.html")], false, out, sink())).toBe(0);
    expect(out.text).toContain("title:     The Teens Running ‘Clip Farms’ Out of Their Bedrooms\n");
    expect(out.text).toContain("byline:    Wren Castellano\n");
    expect(out.text).toMatch(/body: +24 paragraphs, 957 words\n/);
  });

  it("reports each failing input on one stderr line, goes on with the rest, and fails the run", async () => {
    const out = sink();
    const err = sink();
    const empty = join(tmp, "empty.txt");
    writeFileSync(empty, "");
    const code = await runExtract(
      [empty, join(ARTICLES, "velora-karsovia-sanctions.txt"), tmp, "ftp://x.example/a"],
      true,
      out,
      err,
    );
    expect(code).toBe(1);
    expect(out.text.trimEnd().split("\n")).toHaveLength(1);
    expect(err.text.trimEnd().split("\n")).toEqual([
      `${empty} is empty`,
      `${tmp} is a directory, not a file`,
      "unsupported URL scheme ftp: (only http and https): ftp://x.example/a",
    ]);
  });

  it("is wired into the CLI, reads stdin for -, and exits non-zero on failure", () => {
    const txt = readFileSync(join(ARTICLES, "velora-karsovia-sanctions.txt"));
    const ok = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "extract", "-", "--json"], {
      cwd: ROOT,
      input: txt,
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ file: "-", byline: "Anneliese Droste and Kofi Marangu" });
    const bad = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "extract", join(tmp, "nope.html")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`no such file: ${join(tmp, "nope.html")}\n`);
  });
});
