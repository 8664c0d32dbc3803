import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  extractArticle,
  normaliseDate,
  readSource,
  shapeWarnings,
  splitNames,
  stripSectionPrefix,
  stripSiteSuffix,
} from "../../src/import/extract.js";
import { languageProblem } from "../../src/import/index.js";
import { SourceError } from "../../src/import/types.js";

const tmp = mkdtempSync(join(tmpdir(), "briefbot-extract-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Project-written filler: a sentence about a made-up harbour, numbered so paragraphs differ. */
function para(i: number, words = 30): string {
  const base = `Paragraph ${i} tells how the Orrin harbour board met again on Thursday to argue about dredging, ferry fares and the old grain pier that has stood empty since the storm`;
  const w = base.split(" ");
  while (w.length < words) w.push(...base.split(" "));
  return `${w.slice(0, words).join(" ")}.`;
}

function articlePage(body: string, head = ""): string {
  return `<!doctype html><html><head><title>Harbour board splits over dredging | Orrin Gazette</title>${head}</head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Harbour board splits over dredging</h1>${body}</article></main>
<footer class="site-footer"><p>© 2026 Orrin Gazette</p></footer></body></html>`;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return (e as Error).message;
  }
  throw new Error("expected a SourceError");
}

async function readError(source: string): Promise<string> {
  try {
    await readSource(source);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return (e as Error).message;
  }
  throw new Error(`expected ${source} to be refused`);
}

describe("HTML block walk", () => {
  it("never runs paragraphs together, whatever the markup", () => {
    const body = `<div class="story"><p>${para(1)}</p><p>${para(2)}</p>
      <div>${para(3)}</div><div><span>${para(4)}</span></div>
      <div class="legacy">${para(5)}<br><br>${para(6)}</div>
      <p>${para(7)}<br>continued on the same line.</p>
      <blockquote><p>${para(8)}</p></blockquote><p>* * *</p><h2>A sub\u00adhead\u200b</h2><ul><li>${para(9, 12)}</li><li>${para(10, 12)}</li></ul></div>`;
    const a = extractArticle(articlePage(body), { file: "a.html" });
    expect(a.paragraphs).toEqual([
      para(1),
      para(2),
      para(3),
      para(4),
      para(5),
      para(6),
      `${para(7)} continued on the same line.`,
      para(8),
      "A subhead",
      para(9, 12),
      para(10, 12),
    ]);
  });

  it("drops figures, captions, ads, read-more lines, share bars, newsletters, related lists and cookie text", () => {
    const body = `<div id="cookie-notice">We use cookies to improve your experience. Accept all cookies.</div>
      <p>${para(1)}</p>
      <figure><img src="x.jpg" alt="pier"><figcaption>The grain pier at dusk. (Gazette Photo/Ann Lee)</figcaption></figure>
      <p>${para(2)}</p>
      <p class="read-more"><strong>Read more:</strong> <a href="/x">Ferry fares rise again</a></p>
      <div class="ad-slot"><span>Advertisement</span></div>
      <p>Advertisement</p>
      <p>${para(3)}</p>
      <div class="share-tools"><a href="#">Share</a> <a href="#">Facebook</a></div>
      <p><a href="/other">Read more: Storm damage at the pier</a></p>
      <p>${para(4)}</p>
      <section class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the news first.</p></section>
      <div class="related-stories"><h3>Related</h3><ul><li><a href="/1">Pier sold</a></li><li><a href="/2">Ferry strike</a></li></ul></div>
      <p>Photo credit: Ann Lee</p>
      <p>Board members leave the hall in Orrin on Thursday, May 1, 2026. (Gazette Photo/Ann Lee, File)</p>`;
    const a = extractArticle(articlePage(body), { file: "a.html" });
    expect(a.paragraphs).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it("drops short furniture lines: bare links, counters, follow/newsletter/copyright/reading-time lines", () => {
    const junk = [
      "https://gazette.example/news/harbour-1234.php",
      "Caption",
      "Close",
      "Image 2 of 5",
      "You may also like...",
      "Like this story? Share it with a friend!",
      "Follow the Gazette on Twitter, Facebook and Instagram.",
      "Get the latest updates right in your inbox.",
      "Copyright © 2026 Orrin Gazette. All rights reserved.",
      "4 min read",
      "This post may contain affiliate links.",
      "ann.lee@gazette.example",
    ];
    const body = [para(1), ...junk.slice(0, 6), para(2), ...junk.slice(6), para(3)].map((t) => `<p>${t}</p>`).join("");
    expect(extractArticle(articlePage(body), { file: "a.html" }).paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("keeps a long paragraph that merely mentions a newsletter or a copyright", () => {
    const long = `${para(4, 20)} The board also said its newsletter would carry the copyright notice for the old pier photographs.`;
    const a = extractArticle(articlePage(`<p>${para(1)}</p><p>${long}</p><p>${para(2)}</p>`), { file: "a.html" });
    expect(a.paragraphs).toEqual([para(1), long, para(2)]);
  });

  it("drops a repeated headline, dek, byline and date line at the top of the body", () => {
    const head = '<meta name="description" content="The board voted 4-3 after a long night.">';
    const body = `<h1>Harbour board splits over dredging</h1><p class="article-dek">The board voted 4-3 after a long night.</p><p>Published 10:31 BST, 2 May 2026</p><p>By Ann Lee and Tom Roe</p>
      <p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p>`;
    const a = extractArticle(articlePage(body, head), { file: "a.html" });
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
  });
});

describe("HTML metadata", () => {
  const body = `<p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p>`;

  it("prefers JSON-LD (in @graph), persons only as reporters", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Orrin Gazette" },
        {
          "@type": ["NewsArticle"],
          headline: "Board splits over dredging",
          datePublished: "2026-04-30T23:10:00-07:00",
          author: [
            { "@type": "Person", name: "Ann Lee" },
            { "@type": "Person", name: "Tom Roe" },
            { "@type": "Organization", name: "Gazette Staff" },
          ],
          publisher: { "@type": "NewsMediaOrganization", name: "Orrin Gazette" },
        },
      ],
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="Other title">`;
    // Seven sentences: a shorter text earns a "few sentences" review warning.
    const long = [1, 2, 3, 4, 5, 6, 7].map((i) => `<p>${para(i)}</p>`).join("");
    const a = extractArticle(articlePage(long, head), { file: "a.html" });
    expect(a.title).toBe("Board splits over dredging");
    expect(a.reporters).toEqual(["Ann Lee", "Tom Roe"]);
    expect(a.byline).toBe("Ann Lee and Tom Roe");
    expect(a.published).toBe("2026-04-30"); // the publisher's own calendar day, not UTC's
    expect(a.publisher).toBe("Orrin Gazette");
    expect(a.warnings).toEqual([]);
  });

  it("an organisation as the only author means no byline, even with a byline-looking element", () => {
    const ld = {
      "@type": "NewsArticle",
      headline: "H",
      author: { "@type": "Organization", name: "Orrin Gazette" },
      datePublished: "2026-01-02",
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    const a = extractArticle(articlePage(`<span class="byline">By Gazette Staff</span>${body}`, head), {
      file: "a.html",
    });
    expect(a.reporters).toEqual([]);
    expect(a.byline).toBeNull();
  });

  it("falls back to og:/article: tags, then byline elements and <time>", () => {
    const head =
      '<meta property="og:title" content="Dredging vote - Orrin Gazette"><meta property="og:site_name" content="Orrin Gazette">';
    const page = articlePage(
      `<div class="byline">By ANN LEE, B. O'NEILL and TOM ROE-SMITH</div><time datetime="2026-05-01T08:00:00Z">May 1</time>${body}`,
      head,
    );
    const a = extractArticle(page, { file: "a.html" });
    expect(a.title).toBe("Dredging vote");
    expect(a.publisher).toBe("Orrin Gazette");
    expect(a.reporters).toEqual(["Ann Lee", "B. O'Neill", "Tom Roe-Smith"]);
    expect(a.byline).toBe("Ann Lee, B. O'Neill and Tom Roe-Smith");
    expect(a.published).toBe("2026-05-01");
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("reads any Article subtype, skips unreadable dates, and keeps agencies and roles out of the reporters", () => {
    const ld = {
      "@type": "ReportageNewsArticle",
      headline: "Pier sold",
      datePublished: "0001-01-01T00:00:00Z",
      author: [
        "Tom Krisher, AP Auto Writer",
        "Reuters",
        { "@type": "Person", name: "ERIC TUCKERAssociated Press" },
        "admin",
      ],
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>
      <meta itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z"><meta property="og:site_name" content="Gazette | News | Sport">`;
    const a = extractArticle(articlePage(body, head), { file: "a.html" });
    expect(a.title).toBe("Pier sold");
    expect(a.reporters).toEqual(["Tom Krisher", "Eric Tucker"]);
    expect(a.published).toBe("2019-11-19");
    expect(a.publisher).toBe("Gazette");
  });

  it("finds a written date in a date-named element when the metadata has none", () => {
    const page = articlePage(
      `<div class="byline">By Jeff Foust</div><div class="article-date">Monday, November 18, 2019</div>${body}`,
    );
    const a = extractArticle(page, { file: "a.html" });
    expect(a.published).toBe("2019-11-18");
    expect(a.reporters).toEqual(["Jeff Foust"]);
  });

  it("warns when the headline comes from <title> and there is no date", () => {
    const a = extractArticle(articlePage(body), { file: "a.html" });
    expect(a.title).toBe("Harbour board splits over dredging");
    expect(a.warnings).toContain("headline taken from the page's <title>");
    expect(a.warnings).toContain("no publication date found");
  });

  it.each([
    ["Headline here | Site", ["Site"], "Headline here"],
    ["Headline here - The Daily Site", ["The Daily Site"], "Headline here"],
    ["Headline here — Site News", ["Site News"], "Headline here"],
    ["Long headline about the harbour | Gazette Online", [], "Long headline about the harbour"],
    ["Orrin Gazette: Headline about the dredging vote", ["Orrin Gazette"], "Headline about the dredging vote"],
    ["Pro-government rally - in pictures", [], "Pro-government rally - in pictures"],
    ["Tarvosia firewall: Families fear the switch", ["FBS News"], "Tarvosia firewall: Families fear the switch"],
  ])("strips the site from %j", (title, sites, expected) => {
    expect(stripSiteSuffix(title, sites)).toBe(expected);
  });

  it.each([
    ["2026-03-11T14:32:07Z", "2026-03-11"],
    ["2026-03-11", "2026-03-11"],
    ["2026/03/11 10:00", "2026-03-11"],
    ["March 11, 2026", "2026-03-11"],
    ["Aug. 24, 2026", "2026-08-24"],
    ["1 November 2026", "2026-11-01"],
    ["Wed, 11 Mar 2026 14:32:07 GMT", "2026-03-11"],
    ["1773252340000", "2026-03-11"],
    ["not a date", null],
  ])("normalises the date %j", (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected);
  });

  it.each([
    ["By Ann Lee and Tom Roe", ["Ann Lee", "Tom Roe"]],
    ["By Ann Lee, Tom Roe and Kim Park", ["Ann Lee", "Tom Roe", "Kim Park"]],
    ["Ann Lee & Tom Roe", ["Ann Lee", "Tom Roe"]],
    ["By Ann Lee, Staff Writer", ["Ann Lee"]],
    ["By Ann Lee in Orrin", ["Ann Lee"]],
  ])("splits the byline %j", (raw, expected) => {
    expect(splitNames(raw)).toEqual(expected);
  });
});

describe("text and Markdown", () => {
  it("reads headline, byline and paragraphs, and drops page debris", () => {
    const text = [
      "Harbour board splits over dredging",
      "By Ann Lee, Tom Roe and Kim Park",
      "",
      "IE 11 is not supported. For an optimal experience visit our site on another browser.",
      "",
      para(1),
      "",
      "Advertisement",
      "",
      para(2),
      "Share this",
      "",
      "We use cookies to personalise content and ads.",
      para(3),
      "",
    ].join("\n");
    const a = extractArticle(Buffer.from(text), { file: "a.txt" });
    expect(a.title).toBe("Harbour board splits over dredging");
    expect(a.reporters).toEqual(["Ann Lee", "Tom Roe", "Kim Park"]);
    expect(a.publisher).toBeNull();
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("joins soft-wrapped lines inside a paragraph when the file has blank lines", () => {
    const text = `Headline\n\n${para(1).replace(/ (board|ferry) /g, " $1\n")}\n\n${para(2)}\n\n${para(3)}`;
    expect(extractArticle(Buffer.from(text), { file: "a.txt" }).paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("splits on single newlines when the file has no blank lines", () => {
    const text = `Headline\nBy Ann Lee\n${para(1)}\n${para(2)}\n${para(3)}\n`;
    const a = extractArticle(Buffer.from(text), { file: "a.txt" });
    expect(a.reporters).toEqual(["Ann Lee"]);
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("takes a Markdown # heading as the headline and strips links and emphasis", () => {
    const md = `# Harbour *board* splits\n\n_By Ann Lee_\n\n${para(1)} See [the minutes](https://example.com/m) and **the vote**.\n\n![pier](pier.jpg)\n\n${para(2)}\n\n${para(3)}`;
    const a = extractArticle(Buffer.from(md), { file: "a.md" });
    expect(a.title).toBe("Harbour board splits");
    expect(a.reporters).toEqual(["Ann Lee"]);
    expect(a.paragraphs).toEqual([`${para(1)} See the minutes and the vote.`, para(2), para(3)]);
  });

  it.each([
    ["Ann Lee reported from Orrin. Tom De Roe reported from Calder.", ["Ann Lee", "Tom De Roe"]],
    ["(Reporting by Ann Lee in Orrin and Tom Roe in Calder; Editing by Kim Park)", ["Ann Lee", "Tom Roe"]],
    ["Reuters contributed to this report.", []],
  ])("without a byline, takes reporters from a closing credit: %s", (credit, expected) => {
    const a = extractArticle(Buffer.from(`Headline\n\n${para(1)}\n\n${para(2)}\n\n${para(3)}\n\n${credit}`), {
      file: "a.txt",
    });
    expect(a.reporters).toEqual(expected);
    expect(a.warnings.includes("byline taken from the closing credit line")).toBe(expected.length > 0);
  });

  it("reads Markdown front matter for title, authors, date and publisher, and drops rules", () => {
    const md = [
      "---",
      "title: Harbour board splits over dredging",
      "author: [Ann Lee, Gazette Staff]",
      "date: 2026-05-02",
      "publisher: Orrin Gazette",
      "---",
      "",
      para(1),
      "",
      "---",
      "",
      para(2),
      "",
      para(3),
    ].join("\n");
    const a = extractArticle(Buffer.from(md), { file: "a.md" });
    expect(a.title).toBe("Harbour board splits over dredging");
    expect(a.reporters).toEqual(["Ann Lee"]);
    expect(a.published).toBe("2026-05-02");
    expect(a.publisher).toBe("Orrin Gazette");
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("reads a date line under the byline", () => {
    const a = extractArticle(
      Buffer.from(`Headline\nBy Ann Lee\nPublished March 3, 2026\n\n${para(1)}\n\n${para(2)}\n\n${para(3)}`),
      { file: "a.txt" },
    );
    expect(a.published).toBe("2026-03-03");
    expect(a.paragraphs[0]).toBe(para(1));
  });

  it("extracts text in other scripts: Cyrillic text and an Arabic page", () => {
    const ru =
      "Портовый совет снова собрался в четверг, чтобы обсудить углубление дна, цены на паром и старый зерновой причал, который пустует после шторма.";
    const a = extractArticle(
      Buffer.from(`Совет порта разделился\nАнна Ли\n\n${`${ru} `.repeat(3)}\n\n${`${ru} `.repeat(3)}`),
      { file: "ru.txt" },
    );
    expect(a.title).toBe("Совет порта разделился");
    expect(a.paragraphs).toHaveLength(3); // the second line is not a "By" byline, so it is body
    expect(a.paragraphs[1]).toContain("Портовый совет");
    const ar =
      "اجتمع مجلس الميناء مرة أخرى يوم الخميس لمناقشة تعميق القناة وأسعار العبارات والرصيف القديم الذي ظل فارغا منذ العاصفة.";
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مجلس الميناء</title></head><body><article><h1>مجلس الميناء</h1><p>${`${ar} `.repeat(4)}</p><p>${`${ar} `.repeat(4)}</p></article></body></html>`;
    const b = extractArticle(Buffer.from(html), { file: "ar.html" });
    expect(b.title).toBe("مجلس الميناء");
    expect(b.paragraphs).toHaveLength(2);
    expect(b.paragraphs[0]).toContain("اجتمع مجلس الميناء");
  });
});

describe("not an article", () => {
  it("refuses a home page: a list of headline links with teasers", () => {
    const cards = Array.from(
      { length: 24 },
      (_, i) =>
        `<div class="card"><h3><a href="/story/${i}">Story number ${i} about the harbour and the town</a></h3><p>A short teaser for story ${i}, about ferries, fares, the pier and what the board said.</p></div>`,
    ).join("\n");
    const html = `<!doctype html><html><head><title>Orrin Gazette - News from the harbour town</title><meta property="og:type" content="website"></head>
      <body><nav><a href="/">Home</a><a href="/news">News</a></nav><main><h2>Top stories</h2>${cards}</main><footer>© Orrin Gazette</footer></body></html>`;
    expect(errorOf(() => extractArticle(Buffer.from(html), { file: "home.html" }))).toMatch(/^not an article: /);
  });

  it("refuses a login page", () => {
    const html = `<!doctype html><html><head><title>Sign in | Orrin Gazette</title></head><body><main><h1>Sign in to your account</h1>
      <p>Subscribers can read every story. Enter your email address and password to continue.</p>
      <form action="/login" method="post"><label>Email <input type="email" name="email"></label><label>Password <input type="password" name="pw"></label><button>Sign in</button></form>
      <p><a href="/forgot">Forgot your password?</a></p></main></body></html>`;
    expect(errorOf(() => extractArticle(Buffer.from(html), { file: "login.html" }))).toMatch(
      /^not an article: .*login/,
    );
  });

  it("refuses a page with too little text, and names the word count", () => {
    const html = articlePage(`<p>${para(1, 40)}</p>`);
    expect(errorOf(() => extractArticle(Buffer.from(html), { file: "short.html" }))).toMatch(
      /^not an article: only \d+ words/,
    );
  });

  it("refuses a short text file", () => {
    expect(errorOf(() => extractArticle(Buffer.from("Title\n\nJust one line of text."), { file: "s.txt" }))).toMatch(
      /only 5 words/,
    );
  });
});

describe("readSource and bad input", () => {
  it("reads a regular file", async () => {
    const f = join(tmp, "ok.txt");
    writeFileSync(f, "hello");
    const src = await readSource(f);
    expect(src.bytes.toString()).toBe("hello");
    expect(src.file).toBe(f);
    expect(src.url).toBeUndefined();
  });

  it("refuses an empty file", async () => {
    const f = join(tmp, "empty.txt");
    writeFileSync(f, "");
    expect(await readError(f)).toBe(`${f} is empty`);
    expect(errorOf(() => extractArticle(Buffer.alloc(0), { file: "x.txt" }))).toBe("x.txt is empty");
    expect(errorOf(() => extractArticle(Buffer.from(" \n\n  \n"), { file: "x.txt" }))).toBe("x.txt is empty");
  });

  it("refuses a directory, a missing file and a FIFO (without blocking on it)", async () => {
    const d = join(tmp, "dir");
    mkdirSync(d);
    expect(await readError(d)).toBe(`${d} is a directory, not a file`);
    expect(await readError(join(tmp, "missing.html"))).toMatch(/^no such file/);
    const fifo = join(tmp, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(await readError(fifo)).toMatch(/is not a regular file/);
  });

  it("refuses a 50 MB file before reading it", async () => {
    const f = join(tmp, "huge.html");
    writeFileSync(f, "");
    truncateSync(f, 50 * 1024 * 1024);
    expect(await readError(f)).toMatch(/too large \(50\.0 MB; the limit is 5 MB\)/);
  });

  it("refuses binary and PDF content", () => {
    expect(errorOf(() => extractArticle(Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), { file: "a.pdf" }))).toMatch(
      /PDF/,
    );
    expect(
      errorOf(() =>
        extractArticle(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), { file: "a.bin" }),
      ),
    ).toMatch(/binary/);
  });
});

/** A page with a chosen head and seven body paragraphs (enough sentences for no "few sentences" warning). */
function page(head: string, bodyTop = "", title = "Harbour board splits over dredging"): string {
  const body = [1, 2, 3, 4, 5, 6, 7].map((i) => `<p>${para(i)}</p>`).join("");
  return `<!doctype html><html><head><title>${title}</title>${head}</head>
<body><main><article><h1>Harbour board splits over dredging</h1>${bodyTop}${body}</article></main></body></html>`;
}

const ldScript = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe("metadata the judge of real pages asked for", () => {
  it.each([
    ["Opinion | Harbour board splits over dredging", "Harbour board splits over dredging"],
    ["Analysis: Why the harbour board split over dredging", "Why the harbour board split over dredging"],
    ["BREAKING: Harbour board splits over dredging", "Harbour board splits over dredging"],
    ["Fact Check: Did the board vote to dredge the harbour?", "Did the board vote to dredge the harbour?"],
    [
      "Spring Design Week 2026 | Pier lamps by Ann Lee light the water",
      "Spring Design Week 2026 | Pier lamps by Ann Lee light the water",
    ],
    [
      "Dredging hearings: Key moments from the board's long night",
      "Dredging hearings: Key moments from the board's long night",
    ],
    ["Opinion | Short", "Opinion | Short"],
  ])("drops a section label in front of %j", (title, expected) => {
    expect(stripSectionPrefix(title)).toBe(expected);
  });

  it("drops the section label from the page headline and the site from <title>", () => {
    const head = '<meta property="og:title" content="Opinion | Harbour board splits over dredging">';
    const a = extractArticle(page(head, "", "Opinion | Harbour board splits over dredging - The Orrin Gazette"), {
      file: "a.html",
    });
    expect(a.title).toBe("Harbour board splits over dredging");
    expect(a.publisher).toBe("The Orrin Gazette"); // from the <title>'s tail: no other site name on the page
  });

  it.each([
    ["Analysis by Ann Lee, Senior Writer", ["Ann Lee"]],
    ["Posted by Ann Lee", ["Ann Lee"]],
    ["Ann Lee, with reporting by Tom Roe; editing by Kim Park", ["Ann Lee", "Tom Roe"]],
  ])("splits the byline %j", (raw, expected) => {
    expect(splitNames(raw)).toEqual(expected);
  });

  it("keeps desks, acronym desks and newsletter names out of the reporters", () => {
    const ld = {
      "@type": "NewsArticle",
      headline: "Harbour board splits over dredging",
      author: [
        { "@type": "Person", name: "Ann Lee" },
        { "@type": "Person", name: "OGN Business" },
        { "@type": "Person", name: "The Morning Harbour" },
        { "@type": "Person", name: "Gazette Politics Desk" },
      ],
      datePublished: "2026-05-02",
    };
    expect(extractArticle(page(ldScript(ld)), { file: "a.html" }).reporters).toEqual(["Ann Lee"]);
  });

  it("resolves a JSON-LD author given by @id, and reads an article typed as a web page", () => {
    const ld = {
      "@graph": [
        {
          "@type": "MedicalWebPage",
          headline: "Harbour water safe to swim, tests show",
          datePublished: "2026-06-01T08:00:00.000Z",
          author: { "@id": "https://gazette.example/#/person/1" },
        },
        { "@type": "Person", "@id": "https://gazette.example/#/person/1", name: "Ann Lee" },
      ],
    };
    const a = extractArticle(page(ldScript(ld)), { file: "a.html" });
    expect(a.title).toBe("Harbour water safe to swim, tests show");
    expect(a.reporters).toEqual(["Ann Lee"]);
    expect(a.published).toBe("2026-06-01");
  });

  it("reads a JSON-LD block with raw newlines, and salvages the date from one with an unescaped quote", () => {
    const raw = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour board
splits", "datePublished": "2026-05-02"}</script>`;
    expect(extractArticle(page(raw), { file: "a.html" }).published).toBe("2026-05-02");
    const broken = `<script type="application/ld+json">{"@type": "Article", "description": "the "pier" lamps", "datePublished": "2026-04-18", "author": "ANN LEE"}</script>`;
    const a = extractArticle(page(broken), { file: "a.html" });
    expect(a.published).toBe("2026-04-18");
    expect(a.reporters).toEqual(["Ann Lee"]);
  });

  it("reads the 'By … on <date>' line under the headline, and a date run into the name", () => {
    const meta = `<p class="article__meta">By\n<a href="/staff/ann-lee">Ann Lee</a>\n,\n<a href="/staff/tom-roe">Tom Roe</a> <span>on Monday, November 18th, 2019 at 11:04 a.m.</span></p>`;
    const a = extractArticle(page("", meta), { file: "a.html" });
    expect(a.reporters).toEqual(["Ann Lee", "Tom Roe"]);
    expect(a.published).toBe("2019-11-18");
    const runTogether = '<div class="post-author-date">By <a href="/a">Ann Lee</a><span>November 15, 2019</span></div>';
    expect(extractArticle(page("", runTogether), { file: "a.html" }).published).toBe("2019-11-15");
    const hidden = '<input class="published_date" type="hidden" value="2019-11-18 23:41:18">';
    expect(extractArticle(page(hidden), { file: "a.html" }).published).toBe("2019-11-18");
  });

  it("takes a byline element after a named author that is no person, but only near the headline", () => {
    const head = '<meta name="author" content="Gazette Staff">';
    const related = '<ul class="more"><li><div class="item-author-name">Kim Park</div></li></ul>';
    const late = `<!doctype html><html><head><title>Harbour board splits over dredging</title>${head}</head><body><main><article>
      <h1>Harbour board splits over dredging</h1>${[1, 2, 3, 4, 5, 6, 7].map((i) => `<p>${para(i)}</p>`).join("")}</article>${related}</main></body></html>`;
    expect(extractArticle(late, { file: "a.html" }).reporters).toEqual([]);
    const near = page(head, '<p class="byline">By Ann Lee and Tom Roe</p>');
    expect(extractArticle(near, { file: "a.html" }).reporters).toEqual(["Ann Lee", "Tom Roe"]);
  });

  it("after an organisation as author, still takes a person's byline element under the headline", () => {
    const ld = { "@type": "NewsArticle", headline: "H", author: { "@type": "Organization", name: "Orrin Sport" } };
    const card =
      '<div class="article-author"><h3 class="article-author__name"><a href="/author/ann-lee">Ann Lee</a></h3><p class="article-author__role">News reporter</p></div>';
    expect(extractArticle(page(ldScript(ld), card), { file: "a.html" }).reporters).toEqual(["Ann Lee"]);
  });

  it("chooses the publisher that names the site's domain over a section, a handle or a bare label", () => {
    const canonical = '<link rel="canonical" href="https://www.orringazette.example/news/1">';
    const tail = "Harbour board splits over dredging - Orrin Gazette";
    const og = '<meta property="og:title" content="Harbour board splits over dredging">';
    const withSite = (site: string, title = tail, extra = ""): string =>
      page(`${canonical}${og}<meta property="og:site_name" content="${site}">${extra}`, "", title);
    expect(extractArticle(withSite("U.S."), { file: "a.html" }).publisher).toBe("Orrin Gazette");
    expect(extractArticle(withSite("@orringazette"), { file: "a.html" }).publisher).toBe("Orrin Gazette");
    expect(
      extractArticle(
        withSite(
          "Hosted",
          "Harbour board splits over dredging | Hosted",
          '<meta name="twitter:site" content="@orringazette">',
        ),
        { file: "a.html" },
      ).publisher,
    ).toBe("orringazette.example");
    expect(
      extractArticle(withSite("https://www.orringazette.example", "Harbour board splits over dredging"), {
        file: "a.html",
      }).publisher,
    ).toBe("orringazette.example");
    expect(extractArticle(withSite("The Orrin Gazette"), { file: "a.html" }).publisher).toBe("The Orrin Gazette");
    const bare = page(
      `<link rel="canonical" href="https://www.orrin.example/x">${og}<meta property="og:site_name" content="orrin">`,
      "",
      "Harbour board splits over dredging - orrin.example",
    );
    expect(extractArticle(bare, { file: "a.html" }).publisher).toBe("orrin.example");
  });

  it("keeps the article's own JSON-LD publisher (an agency story on a partner site), and falls back to the copyright line", () => {
    const ld = { "@type": "NewsArticle", headline: "Harbour board splits", publisher: { name: "Wire Service One" } };
    const head = `${ldScript(ld)}<link rel="canonical" href="https://www.orringazette.example/x"><meta property="og:site_name" content="Orrin Gazette">`;
    expect(extractArticle(page(head), { file: "a.html" }).publisher).toBe("Wire Service One");
    // One word that does not spell the domain is a platform, not the outlet.
    const platform = head.replace("Wire Service One", "Blogpress");
    expect(extractArticle(page(platform), { file: "a.html" }).publisher).toBe("Orrin Gazette");
    const foot = `<!doctype html><html><head><title>Harbour board splits over dredging</title></head><body><main><article>
      <h1>Harbour board splits over dredging</h1>${[1, 2, 3, 4, 5, 6, 7].map((i) => `<p>${para(i)}</p>`).join("")}</article></main>
      <footer><p>©2026 Orrin Harbour Trust. All rights reserved.</p></footer></body></html>`;
    expect(extractArticle(foot, { file: "a.html" }).publisher).toBe("Orrin Harbour Trust");
  });
});

describe("debris the judge of real pages found", () => {
  const junk = [
    "Follow us on Twitter @orringazette.",
    "Follow @GazetteDeals on Twitter to keep up with the latest deals.",
    "Listen to Harbour Radio live at 12:45 weekdays - or listen back here.",
    "This document is subject to copyright. No part may be reproduced without the written permission.",
    "Gazette reporter Kim Park contributed to this report.",
    "Disclaimer: The views expressed by experts on this site are their own.",
    "On the toolbar, click Safari. Then, click Preferences.",
    "In the Preferences window, select General.",
    "WHAT THE BOARD DECIDED",
    "Email the writer at ann.lee@gazette.example.",
    "This article was originally published by The Harbour Review.",
    "The Gazette may earn a commission on purchases made through links on this page.",
  ];

  it("drops follow, listen, copyright, credit, disclaimer, browser, contact lines and capital subheads from HTML", () => {
    const body = [para(1), ...junk.slice(0, 6), para(2), ...junk.slice(6), para(3)].map((t) => `<p>${t}</p>`).join("");
    const a = extractArticle(articlePage(body), { file: "a.html" });
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
    expect(a.reporters).toEqual(["Kim Park"]); // the dropped credit line still names a reporter
  });

  it("drops the same lines from a text file", () => {
    const text = [
      "Harbour board splits over dredging",
      "",
      para(1),
      "",
      ...junk.flatMap((j) => [j, ""]),
      para(2),
      "",
      para(3),
    ].join("\n");
    const a = extractArticle(Buffer.from(text), { file: "a.txt" });
    expect(a.paragraphs).toEqual([para(1), para(2), para(3)]);
  });

  it("cuts closing furniture sentences off a paragraph, and keeps an 'email us' sentence inside one", () => {
    const tail = `${para(1)} Follow him on Twitter @annlee. Kim Park contributed to this report.`;
    const inside = `${para(2)} You are welcome to email us at board@harbour.example with questions. The board meets again in June.`;
    const a = extractArticle(articlePage(`<p>${tail}</p><p>${inside}</p><p>${para(3)}</p>`), { file: "a.html" });
    expect(a.paragraphs).toEqual([para(1), inside, para(3)]);
    expect(a.reporters).toEqual(["Kim Park"]);
    const opening = `Follow @GazetteDeals on Twitter to keep up with the latest deals. ${para(4)}`;
    const b = extractArticle(articlePage([opening, para(5), para(6)].map((t) => `<p>${t}</p>`).join("")), {
      file: "a.html",
    });
    expect(b.paragraphs).toEqual([para(4), para(5), para(6)]);
  });

  it("keeps a capitalised dateline and a sentence in capitals that ends like one", () => {
    const dateline = `ORRIN, NORTHLAND — ${para(1)}`;
    const shout = "THE BOARD HAS VOTED TO DREDGE THE HARBOUR.";
    const a = extractArticle(articlePage(`<p>${dateline}</p><p>${shout}</p><p>${para(2)}</p><p>${para(3)}</p>`), {
      file: "a.html",
    });
    expect(a.paragraphs).toEqual([dateline, shout, para(2), para(3)]);
  });
});

describe("hover cards", () => {
  it("drops a hover card's body inside a sentence and keeps the name that opens it", () => {
    const card = `<span class="rollover-people"><a class="rollover-people-link" href="/p/ann-lee">Ann Lee</a><span class="rollover-people-block"><span class="rollover-block"><a class="name" href="/p/ann-lee">Ann Lee</a><a href="/x">Pier lamps go dark again | Ferry fares rise</a> <a class="more" href="/p/ann-lee">MORE</a></span></span></span>`;
    const p = `<p>Board member ${card} (Harbour Party) said the vote was close, and that the ferry fares would stay as they are for now while the grain pier is surveyed.</p>`;
    const a = extractArticle(articlePage(`${p}<p>${para(1)}</p><p>${para(2)}</p>`), { file: "a.html" });
    expect(a.paragraphs[0]).toBe(
      "Board member Ann Lee (Harbour Party) said the vote was close, and that the ferry fares would stay as they are for now while the grain pier is surveyed.",
    );
  });
});

describe("review warnings for text not shaped like an article", () => {
  it("warns about few sentences", () => {
    expect(shapeWarnings([para(1), para(2)])).toEqual([
      "few sentences (2): is this an article, or a list, table or teaser?",
    ]);
  });

  it("warns when most words are in lines that are not sentences (a price list)", () => {
    const prose = [1, 2, 3, 4, 5, 6, 7].map((i) => para(i, 12));
    const list = [
      "Front stalls row A to F 40 dollars",
      "Rear stalls 30 dollars",
      "Balcony 20 dollars",
      "Boxes for four 200 dollars",
      "Students and pensioners half price on weekdays only",
      "Group bookings of ten or more one ticket free",
    ];
    expect(shapeWarnings([...prose, ...list, ...list])[0]).toMatch(/^mostly a list: \d+% of the text/);
    expect(shapeWarnings(prose)).toEqual([]);
    // Tour dates run together by <br> into one long line with hardly a full stop.
    const dates = Array.from({ length: 14 }, (_, i) => `June ${i + 1} Orrin Harbour Arena`).join(" ");
    expect(shapeWarnings([...prose, `${dates}.`])[0]).toMatch(/^mostly a list/);
  });
});

describe("languageProblem", () => {
  it("refuses a page in a language that shares short words with English", () => {
    const pt =
      "O calendário da temporada de corridas foi divulgado pela organização em janeiro e a primeira etapa será em março na pista de Orrin, com outras provas em abril e maio que são também parte do campeonato.";
    expect(languageProblem([pt, pt])).toMatch(/another language/);
  });

  it("accepts English, names and all", () => {
    expect(languageProblem([para(1), "Ana de la Cruz, a member of the board, said the vote was close."])).toBeNull();
  });
});

describe("case matters where a capital marks a name", () => {
  it("'By the time …' opening the article is no byline, and '© 2026 all rights reserved' names no publisher", () => {
    const top = "<p>By the time the ferry docked, the harbour board had already voted to dredge the channel.</p>";
    const html = page("", top).replace(
      "</article>",
      '</article><footer class="site-footer"><p>© 2026 all rights reserved</p></footer>',
    );
    const a = extractArticle(html, { file: "a.html" });
    expect(a.byline ?? "").not.toMatch(/the time/i);
    expect(a.reporters.join(" ")).not.toMatch(/the time/i);
    expect(a.publisher ?? "").not.toMatch(/rights reserved/i);
  });
});
