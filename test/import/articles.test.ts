import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/import/extract.js";

const DIR = fileURLToPath(new URL("../fixtures/articles/", import.meta.url));
const SLUGS = [
  "kestrel-point-whisperly-school-ban",
  "velora-karsovia-sanctions",
  "tarvosia-national-firewall",
  "teen-clip-farms-pivvo",
];

interface Meta {
  title: string;
  publisher: string;
  reporters: string[];
  date: string;
}

/**
 * Paragraphs of the fixture .txt as the README describes it: headline, optional byline, blank, one per line; a wire's
 * closing credit line ("(Reporting by …; Editing by …)") is not body (docs/import-extract.md: credit lines are dropped).
 */
function txtParagraphs(slug: string): string[] {
  const lines = readFileSync(join(DIR, `${slug}.txt`), "utf8").split("\n");
  return lines.slice(1).filter((l) => l.trim() !== "" && !/^By /.test(l) && !/^\(Reporting by\b/.test(l));
}

/** Lines of page furniture that must never reach the body. */
const DEBRIS = [
  /\bAdvertisement\b/,
  /Read more/i,
  /Read Next/i,
  /Related Stories/i,
  /\bcookies?\b/i,
  /Photo credit|AN Photo|Caption:/i,
  /Sign up|newsletter/i,
  /Save for later/i,
  /How we report/i,
  /Story continues below/i,
  /Comments/,
  /Copy Link|Share on|^Share$/m,
];

describe.each(SLUGS)("sample article %s", (slug) => {
  const meta = JSON.parse(readFileSync(join(DIR, `${slug}.meta.json`), "utf8")) as Meta;
  const expected = txtParagraphs(slug);

  it("from the saved page: metadata as in meta.json, every .txt paragraph, in order, and no debris", () => {
    const a = extractArticle(readFileSync(join(DIR, `${slug}.html`)), { file: `${slug}.html` });
    expect(a.title).toBe(meta.title);
    expect(a.publisher).toBe(meta.publisher);
    expect(a.reporters).toEqual(meta.reporters);
    expect(a.byline).toBe(meta.reporters.length ? meta.reporters.join(" and ") : null);
    expect(a.published).toBe(meta.date);
    // The body is the article's paragraphs and nothing else: the same list as the .txt.
    expect(a.paragraphs).toEqual(expected);
    const text = a.paragraphs.join("\n\n");
    for (const re of DEBRIS) expect(text).not.toMatch(re);
    expect(text).not.toContain(meta.title);
  });

  it("from the plain text: headline, reporters and the same paragraphs", () => {
    const a = extractArticle(readFileSync(join(DIR, `${slug}.txt`)), { file: `${slug}.txt` });
    expect(a.title).toBe(meta.title);
    expect(a.reporters).toEqual(meta.reporters);
    expect(a.paragraphs).toEqual(expected);
    expect(a.published).toBeNull();
    expect(a.warnings).toContain("no publication date found");
  });
});

describe("sample pages, the details each one tests", () => {
  it("windows-1252 page: curly quotes, guillemets and £ decoded, not left as C1 controls", () => {
    const a = extractArticle(readFileSync(join(DIR, "tarvosia-national-firewall.html")), { file: "t.html" });
    const text = a.paragraphs.join("\n");
    expect(text).toContain("country’s");
    expect(text).toContain("«one nation, one network»");
    expect(text).toContain("£310m");
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it("an organisation as JSON-LD author gives no byline and says so", () => {
    const a = extractArticle(readFileSync(join(DIR, "tarvosia-national-firewall.html")), { file: "t.html" });
    expect(a.reporters).toEqual([]);
    expect(a.warnings).toContain("no byline (no named reporter)");
  });

  it("the same body from the page served as text/html with a URL", () => {
    const bytes = readFileSync(join(DIR, "velora-karsovia-sanctions.html"));
    const a = extractArticle(bytes, {
      file: "https://x.example/a",
      url: "https://x.example/a",
      contentType: "text/html; charset=utf-8",
    });
    expect(a.url).toBe("https://x.example/a");
    expect(a.paragraphs).toEqual(txtParagraphs("velora-karsovia-sanctions"));
  });
});
