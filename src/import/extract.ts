import { readFileSync, statSync } from "node:fs";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parse as parseYaml } from "yaml";
import { decodeBytes } from "./decode.js";
import { fetchPage, MAX_SOURCE_BYTES, type FetchOptions } from "./fetch.js";
import { SourceError, type ExtractedArticle, type SourceBytes } from "./types.js";

/** Fewer body words than this and the page is not taken for an article. */
export const MIN_ARTICLE_WORDS = 80;
/** The floor for a page whose metadata says it is an article (JSON-LD Article, og:type article): paywalled teasers. */
const MIN_DECLARED_ARTICLE_WORDS = 30;
/** Text and Markdown files above this are refused too (an article is a few KB; a 50 MB file is a mistake). */
const MAX_TEXT_BYTES = MAX_SOURCE_BYTES;

export interface ExtractOptions {
  /** The source as given, echoed in the result. */
  file: string;
  /** HTTP Content-Type, used for the charset and to tell HTML from text. */
  contentType?: string;
  /** The final URL, echoed in the result. */
  url?: string;
}

/**
 * Reads what `import` and `extract` are given: an http(s) URL (fetched with fetchPage's limits), "-" for stdin,
 * or a path to a regular file (directories, FIFOs and devices refused; empty and over-5-MB files refused).
 * Errors are SourceErrors with one-line messages.
 */
export async function readSource(source: string, fetchOptions?: FetchOptions): Promise<SourceBytes> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const page = await fetchPage(source, fetchOptions);
    if (page.bytes.length === 0) throw new SourceError(`empty response from ${page.url}`);
    return page.contentType === undefined
      ? { bytes: page.bytes, url: page.url, file: source }
      : { bytes: page.bytes, url: page.url, contentType: page.contentType, file: source };
  }
  if (source === "-") {
    const bytes = await readStdin(MAX_TEXT_BYTES);
    if (bytes.length === 0) throw new SourceError("empty input on stdin");
    return { bytes, file: "-" };
  }
  let st;
  try {
    st = statSync(source, { throwIfNoEntry: false });
  } catch (e) {
    throw new SourceError(`cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!st) throw new SourceError(`no such file: ${source}`);
  if (st.isDirectory()) throw new SourceError(`${source} is a directory, not a file`);
  if (!st.isFile()) throw new SourceError(`${source} is not a regular file (a FIFO, socket or device)`);
  if (st.size === 0) throw new SourceError(`${source} is empty`);
  if (st.size > MAX_TEXT_BYTES) {
    throw new SourceError(
      `${source} is too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1048576} MB)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(source);
  } catch (e) {
    throw new SourceError(`cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { bytes, file: source };
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += b.length;
    if (total > maxBytes) throw new SourceError(`stdin is too large (over ${maxBytes / 1048576} MB)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Turns a page or a text/Markdown file into an article: body paragraphs plus title, reporters, date and
 * publisher. HTML goes through Readability over linkedom and is then walked block by block; text is split on
 * blank lines. Throws SourceError for binary input and for pages that are not articles (too little text,
 * a list of links, a login form).
 */
export function extractArticle(input: string | Buffer, opts: ExtractOptions): ExtractedArticle {
  let text: string;
  if (typeof input === "string") text = input.replace(/^\uFEFF/, "");
  else {
    if (input.length === 0) throw new SourceError(`${opts.file} is empty`);
    text = decodeBytes(input, opts.contentType).text;
  }
  if (text.trim() === "") throw new SourceError(`${opts.file} is empty`);
  const html = isHtml(text, opts);
  const body = html ? extractHtml(text, opts.url) : extractText(text, opts.file);
  const words = countWords(body.paragraphs);
  if (words < (body.declaredArticle ? MIN_DECLARED_ARTICLE_WORDS : MIN_ARTICLE_WORDS)) {
    const hint = html ? "a home, list or login page?" : `an article has at least ${MIN_ARTICLE_WORDS}`;
    throw new SourceError(`not an article: only ${words} words of body text in ${opts.file} (${hint})`);
  }
  if (words < MIN_ARTICLE_WORDS) body.warnings.push(`short body: ${words} words (a paywalled teaser?)`);
  body.warnings.push(...shapeWarnings(body.paragraphs));
  if (body.published === null) body.warnings.push("no publication date found");
  if (body.reporters.length === 0 && !body.authorIsOrg) {
    const credited = reportersFromCredits(body.paragraphs, body.credits);
    if (credited.length) {
      body.reporters = credited;
      body.warnings.push("byline taken from the closing credit line");
    }
  }
  if (body.reporters.length === 0) body.warnings.push("no byline (no named reporter)");
  return {
    file: opts.file,
    ...(opts.url !== undefined && { url: opts.url }),
    title: body.title,
    reporters: body.reporters,
    byline: body.reporters.length ? joinNames(body.reporters) : null,
    published: body.published,
    publisher: body.publisher,
    paragraphs: body.paragraphs,
    warnings: body.warnings,
  };
}

/** Fewer sentences than this and the review asks whether the page is an article at all (a results list, a teaser). */
const FEW_SENTENCES = 7;

/**
 * Review warnings for text that is not shaped like an article: few sentences, or most of the words in lines that
 * are not sentences (a results table, a schedule, a price list). Imported anyway; the person reading the review
 * decides.
 */
export function shapeWarnings(paragraphs: string[]): string[] {
  const out: string[] = [];
  let sentences = 0;
  let words = 0;
  let listWords = 0;
  for (const p of paragraphs) {
    const n = p.split(" ").length;
    const ends = (p.match(/[.!?]["”’)]*(?=\s|$)/g) ?? []).length;
    sentences += ends;
    words += n;
    // A line that does not end like a sentence, or a long run with hardly a full stop (dates run together by <br>).
    if (!/[.!?:]["”’)]*$/.test(p) || (n > 60 && ends * 50 < n)) listWords += n;
  }
  if (sentences < FEW_SENTENCES)
    out.push(`few sentences (${sentences}): is this an article, or a list, table or teaser?`);
  else if (listWords >= 60 && listWords >= words * 0.4) {
    out.push(
      `mostly a list: ${Math.round((100 * listWords) / words)}% of the text is in lines that are not sentences (a table, schedule or price list?)`,
    );
  }
  return out;
}

interface Body {
  title: string;
  reporters: string[];
  published: string | null;
  publisher: string | null;
  paragraphs: string[];
  warnings: string[];
  /** The page's own metadata calls it an article. */
  declaredArticle?: boolean;
  /** The page names an organisation as its author: no byline, and none looked for elsewhere. */
  authorIsOrg?: boolean;
  /** Credit lines dropped from the text ("Jane Doe contributed to this report."), read for reporters. */
  credits?: string[];
}

const CREDIT_REPORTING = /^\(?\s*(?:additional )?reporting by ([^;)]+)/i;
const CREDIT_SENTENCE =
  /(\p{Lu}(?:[\p{L}'’-]+|\.)(?: \p{Lu}(?:[\p{L}'’-]+|\.)){1,3}) (?:reported from|contributed (?:reporting|to this report)|reported)\b/gu;

/**
 * Reporters named in a closing credit line when the article has no byline: "(Reporting by A in X and B in Y;
 * Editing by C)" or "A reported from Tehran. B reported from Washington."
 */
export function reportersFromCredits(paragraphs: string[], credits: string[] = []): string[] {
  for (const p of [...credits.slice().reverse(), ...paragraphs.slice(-3).reverse()]) {
    if (p.split(" ").length > 40) continue;
    const reporting = CREDIT_REPORTING.exec(p);
    const names = reporting
      ? reporting[1]!
          .replace(/[,;]?\s*(editing|edited|graphics?|photos?)\b.*$/i, "")
          .split(/\s*(?:,\s*and\s+|\s+and\s+|,\s*)\s*/)
          .flatMap((n) => splitNames(n))
      : [...p.matchAll(CREDIT_SENTENCE)].map((m) => m[1]!);
    const people = dedupe(names.map(tidyName).filter(isPersonName));
    if (people.length) return people;
  }
  return [];
}

function isHtml(text: string, opts: ExtractOptions): boolean {
  const ct = opts.contentType?.toLowerCase() ?? "";
  if (ct.includes("html") || ct.includes("xml")) return true;
  if (ct.startsWith("text/plain") || ct.includes("markdown")) return false;
  if (/\.(x?html?|xht)$/i.test(opts.file)) return true;
  if (/\.(txt|md|markdown|text)$/i.test(opts.file)) return false;
  const head = text
    .slice(0, 2048)
    .replace(/<!--[\s\S]*?-->/g, "")
    .trimStart();
  return (
    /^<(!doctype\s+html|html|head|body|meta|title|article|div|p)\b/i.test(head) ||
    /<\/(p|div|body|html)>/i.test(text.slice(0, 65536))
  );
}

export function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += (p.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  return n;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

type El = Element;

function extractHtml(html: string, url?: string): Body {
  const { document: doc } = parseHTML(html) as unknown as { document: Document };
  const meta = readMetadata(doc, url);
  const warnings: string[] = [];
  if (doc.querySelector('input[type="password"]') && countWords([textOf(doc.body ?? doc.documentElement)]) < 400) {
    throw new SourceError("not an article: the page is a login form");
  }
  const credits: string[] = [];
  const paragraphs = bodyParagraphs(doc, meta, credits);
  if (paragraphs === null) throw new SourceError("not an article: no article body found (a home, list or login page?)");
  const title = meta.title;
  if (!title) warnings.push("no headline found");
  return {
    title,
    reporters: meta.reporters,
    published: meta.published,
    publisher: meta.publisher,
    paragraphs,
    warnings: meta.warnings.concat(warnings),
    declaredArticle: meta.declaredArticle,
    authorIsOrg: meta.authorIsOrg,
    credits,
  };
}

const REMOVE_TAGS =
  "script,style,noscript,template,svg,canvas,iframe,object,embed,video,audio,figure,figcaption,picture,button,select,textarea,input,dialog";

/** Class/id words that mark page furniture, matched as whole words of class, id and data-* names. */
const DEBRIS_WORDS = new Set(
  [
    "advert advertisement advertisements adslot adunit ads ad dfp gpt sponsored promo promos newsletter",
    "newsletters subscribe subscription signup paywall related recirc recirculation share sharing",
    "sharebar social cookie cookies consent gdpr caption credit credits breadcrumb breadcrumbs ticker",
    "outbrain taboola comments comment disqus byline dateline timestamp standfirst dek toolbar actionbar",
    "popup modal banner masthead nav navigation menu footer sidebar tags tag topics trust badge",
  ]
    .join(" ")
    .split(" "),
);
const DEBRIS_PAIRS = [
  "read more",
  "read next",
  "more stories",
  "most read",
  "most popular",
  "you may",
  "also like",
  "see also",
  "save for",
  "story continues",
  "in content ad",
  "inline ad",
];

function attrWords(el: El): string[] {
  let s = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("data-component") ?? ""} ${el.getAttribute("data-testid") ?? ""} ${el.getAttribute("data-module") ?? ""} ${el.getAttribute("role") ?? ""}`;
  if (s.trim() === "") return [];
  s = s.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return s.split(/[^a-z0-9]+/).filter(Boolean);
}

function isDebrisByAttr(el: El): boolean {
  const words = attrWords(el);
  if (words.length === 0) return false;
  if (words.some((w) => DEBRIS_WORDS.has(w))) return true;
  const joined = ` ${words.join(" ")} `;
  return DEBRIS_PAIRS.some((p) => joined.includes(` ${p} `));
}

/** Elements never worth keeping whatever Readability thinks, removed before it scores the page. */
function preClean(doc: Document): void {
  for (const el of [...doc.querySelectorAll(REMOVE_TAGS)]) el.remove();
  for (const el of [
    ...doc.querySelectorAll(
      "nav,aside,footer,[role=dialog],[role=navigation],[role=complementary],[hidden],[aria-hidden=true]",
    ),
  ]) {
    el.remove();
  }
  const body = doc.body;
  if (!body) return;
  const total = textLength(body);
  // Small forms only: ASP.NET pages wrap the whole page, story included, in one <form>.
  for (const el of [...body.querySelectorAll("form")]) if (textLength(el) <= total * 0.3) el.remove();
  for (const el of [...body.querySelectorAll("[class],[id],[data-component],[data-testid],[data-module]")]) {
    if (el.isConnected && isDebrisContainer(el, total)) el.remove();
  }
}

/**
 * An element named like page furniture (class, id, data-component… words) that is small next to the page.
 * The size guard keeps the story's own wrapper when it carries such a word ("l-sidebar-fixed l-article-body").
 */
function isDebrisContainer(el: El, total: number): boolean {
  const tag = el.tagName;
  if (tag === "BODY" || tag === "HTML" || tag === "ARTICLE" || tag === "MAIN" || /^readability-/.test(el.id))
    return false;
  if (!isDebrisByAttr(el)) return false;
  return textLength(el) <= total * 0.3 && el.querySelectorAll("p").length <= 4;
}

function textLength(el: El): number {
  return (el.textContent ?? "").replace(/\s+/g, " ").length;
}

/** Paragraphs of the article body, debris removed; null when Readability finds nothing. */
function bodyParagraphs(doc: Document, meta: Metadata | null, credits: string[]): string[] | null {
  preClean(doc);
  let parsed: { content: unknown } | null;
  try {
    parsed = new Readability(doc, { serializer: (el: unknown) => el, keepClasses: true } as ConstructorParameters<
      typeof Readability
    >[1]).parse() as { content: unknown } | null;
  } catch {
    parsed = null;
  }
  const root = parsed?.content as El | undefined;
  if (!root || typeof root !== "object") return null;
  const blocks: Block[] = [];
  walk(root, blocks, { text: "", links: 0 }, textLength(root));
  if (meta && !meta.declaredArticle && isLinkList(blocks)) {
    throw new SourceError("not an article: the page is mostly a list of links (a home or section page?)");
  }
  return cleanBlocks(blocks, meta, credits);
}

interface Block {
  text: string;
  /** Characters of the block inside links. */
  links: number;
  tag: string;
}

const BLOCK_TAGS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "TD",
  "TH",
  "CAPTION",
  "ADDRESS",
  "DETAILS",
  "SUMMARY",
  "CENTER",
  "FIELDSET",
  "HR",
  "FIGURE",
  "FIGCAPTION",
  "FORM",
]);
const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "FIGURE",
  "FIGCAPTION",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "INPUT",
  "IFRAME",
  "PICTURE",
  "VIDEO",
  "AUDIO",
  "CAPTION",
]);

interface Buf {
  text: string;
  links: number;
}

function flush(buf: Buf, out: Block[], tag: string): void {
  // Zero-width spaces, word joiners and soft hyphens would split words for later stages (ZWNJ/ZWJ are kept: Persian
  // and Indic spelling needs them). A block without a letter or digit ("* * *", "•") is a separator.
  const text = buf.text
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  if (/[\p{L}\p{N}]/u.test(text)) out.push({ text, links: Math.min(buf.links, text.length), tag });
  buf.text = "";
  buf.links = 0;
}

const HOVER = new Set(["rollover", "tooltip", "popover", "hovercard", "flyout"]);
const HOVER_PART = new Set(["block", "card", "box", "content", "body", "panel", "inner"]);

/**
 * The body of a hover card inside the text ("rollover-people-block": a photo, the name again, three headlines,
 * "MORE"). The link that opens it stays: its words are the sentence's.
 */
function isHoverCard(el: El): boolean {
  const words = attrWords(el);
  return words.some((w) => HOVER.has(w)) && words.some((w) => HOVER_PART.has(w));
}

/** Collects the text of each block-level element as one block, so adjacent paragraphs never run together. */
function walk(node: El, out: Block[], buf: Buf, total: number, inLink = false, blockTag = "P"): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const t = child.textContent ?? "";
      buf.text += t;
      if (inLink) buf.links += t.replace(/\s+/g, " ").trim().length;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as El;
    const tag = el.tagName;
    if (SKIP_TAGS.has(tag) || el.hasAttribute("hidden") || isHoverCard(el)) continue;
    if (tag === "BR") {
      // Two line breaks in a row separate paragraphs in "div soup"; a single one is a soft break.
      if (/\n\n$/.test(buf.text)) flush(buf, out, blockTag);
      else buf.text += "\n\n";
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      if (isDebrisContainer(el, total)) continue;
      flush(buf, out, blockTag);
      walk(el, out, buf, total, inLink, tag);
      flush(buf, out, tag);
    } else {
      if (tag !== "A" && isDebrisByAttr(el) && textLength(el) < 200 && textLength(el) <= total * 0.3) continue;
      walk(el, out, buf, total, inLink || tag === "A", blockTag);
    }
  }
  // A lone "\n\n" marker from a single <br> is just a space.
  buf.text = buf.text.replace(/\n\n(?=\S)/g, " ");
}

const DEBRIS_LINE = [
  /^advertisement\b/i,
  /^(ad|sponsored|story continues below( advertisement)?|continue reading( below)?)$/i,
  /^(read more|read next|more from|related|see also|also read|watch|listen|recommended|most read|most popular)\s*[:|»›-]/i,
  /^(share|share this( article| story)?|share on \w+|copy link|print|save for later|save|bookmark|follow us.*)$/i,
  /^(sign up|subscribe)\b.{0,100}$/i,
  /\b(this (site|website) (uses|stores)|we use) cookies?\b/i,
  /\bcookie (settings|policy|preferences)\b/i,
  /^(photo|image|picture|video)( credit)?\s*:/i,
  /^(credit|caption|photograph|illustration)\s*:/i,
  /^\(?[A-Z][\w.&' -]{0,40} (Photo|Images?|Pictures)\s*\/\s*[^)]{1,60}\)?$/,
  // A caption ending in its credit: "… on Tuesday. (AP Photo/Jane Doe)", "(NASA via AP, File)", "(Getty Images)".
  /\((?:[^()]*\b(?:Photo|Photograph|via AP|File|Getty Images)\b[^()]*)\)$/,
  /^(getty images|reuters|ap photo|afp)\b.{0,60}$/i,
  /^(ie|internet explorer) ?11 is not supported/i,
  /\bfor (the )?(best|optimal) experience,? (please )?(use|visit)\b/i,
  /^how we report\s*:/i,
  /^(updated|published|last updated|first published)\b.{0,60}$/i,
  /^\d{1,2}:\d{2}\s?(am|pm|a\.m\.|p\.m\.)?\s?[A-Z]{2,4}$/i,
  /^\d+ comments?$/i,
  /^(comments|leave a comment|read and add comments|join the conversation)$/i,
  /^(advertisement|ad)\s*[·•|-]\s*.{0,40}$/i,
];

/** Page furniture that only ever comes as a short line of its own (checked on blocks of at most 14 words). */
const SHORT_DEBRIS = [
  /^https?:\/\/\S+$/i,
  /^(www\.|twitter\.com\/|@)\S+$/i,
  /^[\w.+-]+@[\w-]+\.[\w.]+$/,
  /^(caption|close|advert|trending|highlights|breaking news|by|more:?|opinion columnist|about the author)$/i,
  /^(you may also like|recent articles|popular this week|don'?t miss|related news|more great .{0,30} stories)\b.{0,20}$/i,
  /^(image|photo|slide)?\s*\d+ of \d+$/i,
  /^this slideshow requires javascript\.?$/i,
  /\b(share it with a friend|join the conversation|tell us what you think|want more stories like this)\b/i,
  /^follow .{1,40} on (twitter|facebook|instagram|youtube)\b/i,
  /\b(in|to) your inbox\b|\bsend (you )?an email\b|\bnewsletters?\b/i,
  /^(copyright|©)\s/i,
  /\ball rights reserved\b/i,
  /^\d+ min(ute)?s? read$|^(reading time|tempo de leitura|temps de lecture|lesezeit)\s*:/i,
  /\b(affiliate|referral) links?\b/i,
  /^make .{1,20} my homepage$/i,
];

/**
 * Furniture that comes as a sentence of its own, up to about 40 words: follow/listen/contact lines, copyright and
 * disclaimer notices, reprint notes, affiliate notices, browser instructions.
 */
const SENTENCE_DEBRIS = [
  /^follow\b.{0,80}\b(on|at|via)\s+(twitter|facebook|instagram|linkedin|youtube|tiktok|threads|x)\b/i,
  /^follow @\w+/i,
  /^(listen|tune in)( to\b| live\b| back\b| now\b)/i,
  /\bsubject to copyright\b|\bno part may be reproduced\b/i,
  /^(citation|more information|disclaimer|editor'?s note|correction)\s*:/i,
  /^disclaimer\b/i,
  /^this (article|story|post|piece|content) (was |is )?(originally |first )?(appeared|published|republished|produced|adapted)\b/i,
  /^(a version of )?this (article|story) (originally |first )?appeared\b/i,
  /\b(may|might|will|could) (earn|receive|get) (an? |small )?(affiliate )?commission\b/i,
  /\b(subscribe to|sign up for) (this|our|the) .{0,40}newsletter\b/i,
  // Browser instructions ("On the toolbar, click Safari.", "In the Preferences window, select General.").
  /^(on|in|from|at) the .{0,40}\b(toolbar|menu|window|box|tab|dialog|bar|settings)\b.{0,40}\b(click|select|type|choose|tap|enter)\b/i,
  /^(then,? )?(click|select|choose|tap)\b.{0,60}\b(preferences|settings|options|toolbar|safari|chrome|firefox|edge|home ?page)\b/i,
  /\bhome ?page\b.{0,40}\b(simply )?type\b/i,
];

/** Contact lines: an e-mail address with "email", "write to", "reach", "let us know" (up to 40 words). */
const CONTACT = /\b(e-?mail|write to|contact|reach(ed)?|let us know|send|tips?)\b/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

/** The reporter's bio at the end of a story ("Ann Lee is a senior editor at …"), dropped when it gives a contact. */
const AUTHOR_BIO =
  /^(\p{Lu}[\p{L}'’.-]+ ){1,3}(is|has been|was) (a|an|the|our) ([\p{L}-]+ ){0,4}(editor|writer|reporter|journalist|correspondent|columnist|contributor|producer)\b/iu;

/** Credit lines: dropped from the text, kept to name the reporters when the page has no byline. */
const CREDIT_LINE = [
  /\bcontributed( reporting)? to this (report|story|article)\.?\)?$/i,
  /\bcontributed reporting\.?\)?$/i,
  /^[([]?\s*(additional )?reporting by\b.{0,300}$/i,
];

/** A subhead set in capitals ("WHAT YOU NEED TO MAKE JAM"): a label, never a sentence to state as a fact. */
function isCapsSubhead(text: string): boolean {
  const words = text.split(" ");
  return (
    words.length >= 2 &&
    words.length <= 12 &&
    !/[.!?]["”’]?$/.test(text) &&
    /\p{Lu}{2}/u.test(text) &&
    !/\p{Ll}/u.test(text) &&
    (text.match(/\p{Lu}/gu)?.length ?? 0) >= 8
  );
}

/** Furniture that also comes as the last (or first) sentence of a real paragraph: follow, contact, reprint notes. */
const TRAILING_DEBRIS = [
  /^(is there|do you have|have you got) (something|a tip|a story|information)\b.{0,80}\?$/i,
  /^(signal|whatsapp|phone|tel)\s*:\s*[\d +().-]{7,}\.?$/i,
  /^join (us|our) .{0,40}\b(forums?|community|discord|newsletter|mailing list)\b/i,
  /^have a (news )?tip\?/i,
  /^follow\b.{0,80}\b(on|at|via)\s+(twitter|facebook|instagram|linkedin|youtube|tiktok|threads|x)\b/i,
  /^follow @\w+/i,
  /\bsubject to copyright\b/i,
  /^this (article|story|post|piece) (was |is )?(originally |first )?(appeared|published|republished)\b/i,
  /\b(may|might|will|could) (earn|receive) (an? |small )?(affiliate )?commission\b/i,
  /\b(subscribe to|sign up for) (this|our|the) .{0,40}newsletter\b/i,
];

/**
 * A paragraph without the furniture sentences that close or open it ("… on Tuesday. Follow him on Twitter @jdoe.",
 * "Follow @GazetteDeals on Twitter … Prices may change."); credit sentences go to `credits`. Only a run at either
 * end is cut: mid-paragraph, "email us at …" is the story's own text.
 */
function dropDebrisSentences(p: string, credits: string[]): string {
  const parts = sentencesOf(p);
  const isJunk = (x: string): boolean =>
    x.split(" ").length <= 40 &&
    (TRAILING_DEBRIS.some((re) => re.test(x)) || (EMAIL.test(x) && CONTACT.test(x)) || isSentenceCredit(x));
  let end = parts.length;
  while (end > 0 && isJunk(parts[end - 1]!)) end--;
  let start = 0;
  while (start < end && isJunk(parts[start]!)) start++;
  if (start === 0 && end === parts.length) return p;
  credits.push(...parts.slice(0, start).concat(parts.slice(end)).filter(isSentenceCredit));
  return parts.slice(start, end).join(" ");
}

function isSentenceCredit(x: string): boolean {
  return isCreditLine(x) && /\bcontributed\b/i.test(x);
}

/** A credit on a line of its own: one sentence (a paragraph that ends with one is cut by dropDebrisSentences). */
export function isCreditLine(text: string): boolean {
  return text.split(" ").length <= 60 && CREDIT_LINE.some((re) => re.test(text)) && sentencesOf(text).length === 1;
}

/** A paragraph split where a sentence ends and a capital (or an @handle) starts the next: rough, but lossless. */
function sentencesOf(p: string): string[] {
  return p.split(/(?<=[\p{Ll}\d)]{2}[.!?]["”’)]?|[!?]["”’)]?)\s+(?=["“‘]?[\p{Lu}@])/u);
}

/** Page furniture or a credit line, in HTML blocks and text paragraphs alike. */
export function isDebrisLine(text: string): boolean {
  if (DEBRIS_LINE.some((re) => re.test(text))) return true;
  const words = text.split(" ").length;
  if (words <= 14 && SHORT_DEBRIS.some((re) => re.test(text))) return true;
  if (words <= 40 && SENTENCE_DEBRIS.some((re) => re.test(text))) return true;
  if (words <= 80 && AUTHOR_BIO.test(text) && (EMAIL.test(text) || /\bfollow\b.{0,30}(twitter|@)/i.test(text)))
    return true;
  return isCapsSubhead(text) || isCreditLine(text);
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function cleanBlocks(blocks: Block[], meta: Metadata | null, credits: string[]): string[] {
  const out: string[] = [];
  const titles = new Set((meta?.titles ?? []).map(norm));
  // The preamble runs until the first real paragraph: headline, dek, byline and date lines repeated there go.
  let preamble = true;
  for (const b of blocks) {
    const words = b.text.split(" ").length;
    if (isDebrisLine(b.text)) {
      if (isCreditLine(b.text)) credits.push(b.text);
      continue;
    }
    // Link-only lines and lists (related stories, "Read more: <link>", tag lists).
    if (isLinkOnly(b) && words < 20) continue;
    if (preamble && meta) {
      const n = norm(b.text);
      if (titles.has(n)) continue;
      if (/^by\s/i.test(b.text) && words <= 12) continue;
      if (
        words <= 8 &&
        !/[.!?]["”’]?$/.test(b.text) &&
        normaliseDate(b.text.replace(/^(published|updated|posted)\s*:?\s*/i, "")) !== null
      )
        continue;
      if (words <= 15 && /\b(published|updated|posted)\b/i.test(b.text) && /\d/.test(b.text)) continue;
    }
    if (words >= 12) preamble = false;
    const text = dropDebrisSentences(b.text, credits);
    if (text) out.push(text);
  }
  return out;
}

function isLinkOnly(b: Block): boolean {
  return b.links > 0 && b.links >= b.text.length * 0.6;
}

/** A page whose "body" is mostly headline links: a home page, section front or search result list. */
function isLinkList(blocks: Block[]): boolean {
  const linkOnly = blocks.filter(isLinkOnly).length;
  return linkOnly >= 6 && linkOnly >= blocks.length * 0.3;
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata

interface Metadata {
  title: string;
  /** Every headline the page gives (JSON-LD, og:title, <title> without the site, h1), to drop repeats from the body. */
  titles: string[];
  reporters: string[];
  published: string | null;
  publisher: string | null;
  warnings: string[];
  declaredArticle: boolean;
  authorIsOrg: boolean;
}

/** schema.org's Article and every subtype (NewsArticle, ReportageNewsArticle, BlogPosting, …). */
const ARTICLE_TYPE = /(Article|BlogPosting|Posting)$/;

function ldObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      out.push(o);
      if (o["@graph"]) visit(o["@graph"]);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    // Raw newlines and tabs inside strings are common and invalid JSON; as whitespace they are harmless.
    const raw = (s.textContent ?? "")
      .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, "")
      .replace(/(-->|\/\/\s*\]\]>)\s*$/, "")
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
      .replace(/[\u0000-\u001f]+/g, " ");
    try {
      visit(JSON.parse(raw));
    } catch {
      // Malformed (an unescaped quote in a description): salvage the plain string fields that matter.
      const salvaged = salvageLd(raw);
      if (salvaged) out.push(salvaged);
    }
  }
  return out;
}

/** The first `@type`, headline, dates and a string author of a JSON-LD block that does not parse. */
function salvageLd(raw: string): Record<string, unknown> | null {
  const o: Record<string, unknown> = {};
  for (const key of ["@type", "headline", "datePublished", "dateCreated", "author"]) {
    const m = new RegExp(`"${key}"\\s*:\\s*"([^"]{1,300})"`).exec(raw);
    if (m) o[key] = m[1]!.replace(/\\\//g, "/");
  }
  return o["@type"] && Object.keys(o).length > 1 ? o : null;
}

/** A reference (`{"@id": …}` alone) replaced by the object of that id elsewhere in the page's JSON-LD. */
function resolveRef(v: unknown, byId: Map<string, Record<string, unknown>>): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveRef(x, byId));
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const id = o["@id"];
    if (typeof id === "string" && o["name"] === undefined) return byId.get(id) ?? v;
  }
  return v;
}

function types(o: Record<string, unknown>): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === "object" && "name" in v) return str((v as { name: unknown }).name);
  return null;
}

/** <meta> contents by lower-cased property, name and itemprop word, read once per page. */
type MetaIndex = Map<string, string[]>;

function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of doc.querySelectorAll("meta[content]")) {
    const v = el.getAttribute("content")?.trim();
    if (!v) continue;
    const keys = [
      el.getAttribute("property"),
      el.getAttribute("name"),
      ...(el.getAttribute("itemprop") ?? "").split(/\s+/),
    ];
    for (const k of new Set(keys.filter((x): x is string => !!x).map((x) => x.toLowerCase()))) {
      const list = index.get(k);
      if (list) list.push(v);
      else index.set(k, [v]);
    }
  }
  return index;
}

function metaContent(metas: MetaIndex, ...keys: string[]): string | null {
  return metaContents(metas, ...keys)[0] ?? null;
}

/** Every content of <meta property|name|itemprop=key>, in key order. */
function metaContents(metas: MetaIndex, ...keys: string[]): string[] {
  return keys.flatMap((k) => metas.get(k.toLowerCase()) ?? []);
}

const DATE_KEYS = [
  "article:published_time",
  "og:published_time",
  "article:published",
  "datePublished",
  "parsely-pub-date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "publication_date",
  "date_published",
  "sailthru.date",
  "sn-post-date",
  "dcterms.date",
  "dcterms.created",
  "dc.date",
  "DC.date",
  "DC.date.issued",
  "article.published",
  "pdate",
  "date",
];

/** The object describing the article: a schema.org Article subtype, else any object with a headline and a date or
 * author (a `MedicalWebPage`, a `WebPage` that is the story). */
function articleObject(objects: Record<string, unknown>[]): Record<string, unknown> | undefined {
  return (
    objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t))) ??
    objects.find(
      (o) =>
        typeof o["headline"] === "string" &&
        (o["datePublished"] !== undefined || o["author"] !== undefined) &&
        !types(o).some((t) => /Organization|WebSite|Person|BreadcrumbList/.test(t)),
    )
  );
}

function readMetadata(doc: Document, url?: string): Metadata {
  const warnings: string[] = [];
  const metas = indexMeta(doc);
  const objects = ldObjects(doc);
  const byId = new Map<string, Record<string, unknown>>();
  for (const o of objects) if (typeof o["@id"] === "string" && o["name"] !== undefined) byId.set(o["@id"], o);
  const article = articleObject(objects);

  // Title candidates first: the site name is also read off the <title> ("Headline - Site").
  const h1 = doc.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim() || null;
  const ldTitle = str(article?.["headline"]) ?? str(article?.["name"]);
  const og = metaContent(metas, "og:title", "twitter:title");
  const tag = doc.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim() || null;

  const ldPublisher = str(resolveRef(article?.["publisher"] ?? article?.["sourceOrganization"], byId));
  const publisher = choosePublisher(doc, metas, objects, article, ldPublisher, url, [ldTitle, og, tag, h1]);
  const ogSite = cleanSiteName(metaContent(metas, "og:site_name", "application-name"));
  const siteNames = [publisher, ogSite, ...titleTails([tag, og], [ldTitle, og, h1])].filter((x): x is string => !!x);

  // Reporters: JSON-LD persons; an organisation as author means no byline.
  let authorIsOrg = false;
  const ldNames: string[] = [];
  const ldAuthors = resolveRef(article?.["author"] ?? article?.["creator"], byId);
  if (ldAuthors !== undefined) {
    for (const a of Array.isArray(ldAuthors) ? ldAuthors : [ldAuthors]) {
      if (typeof a === "string") ldNames.push(...splitNames(a));
      else if (a && typeof a === "object") {
        const o = a as Record<string, unknown>;
        const name = str(o["name"]);
        if (!name) continue;
        if (types(o).some((x) => /Organization|Organisation|Corporation|NewsMedia/.test(x))) authorIsOrg = true;
        else ldNames.push(...splitNames(name));
      }
    }
  }
  const people = (names: string[]): string[] =>
    dedupe(names.map(tidyName).filter((n) => isPersonName(n) && !(publisher && isSameSite(n, publisher))));
  let reporters = people(ldNames);
  if (reporters.length === 0 && !authorIsOrg) {
    const metaAuthor = metaContent(
      metas,
      "author",
      "article:author",
      "parsely-author",
      "byl",
      "sailthru.author",
      "dc.creator",
    );
    if (metaAuthor && !/^https?:/i.test(metaAuthor)) reporters = people(splitNames(metaAuthor));
  }
  // After a named author that is no person ("HNN Staff"), only a byline near the headline is taken, never one of a
  // related-stories list further down.
  const hadAuthor = ldNames.length > 0 || metaContent(metas, "author", "article:author", "parsely-author") !== null;
  if (reporters.length === 0) reporters = people(bylineFromElements(doc, hadAuthor || authorIsOrg));
  if (reporters.length === 0 && !authorIsOrg) {
    const byLine = bylineText(doc);
    if (byLine) reporters = people(splitNames(byLine));
  }

  // Date: the first candidate that reads as a real date (some pages ship "0001-01-01" or "" in JSON-LD).
  const dateCandidates = [
    str(article?.["datePublished"]),
    ...metaContents(metas, ...DATE_KEYS),
    ...[...doc.querySelectorAll("[itemprop~=datePublished]")].map(
      (e) => e.getAttribute("datetime") ?? e.getAttribute("content"),
    ),
    ...[...doc.querySelectorAll("time[datetime]")].slice(0, 3).map((e) => e.getAttribute("datetime")),
    str(article?.["dateCreated"]),
    ...objects.map((o) => str(o["datePublished"])),
    ...[...doc.querySelectorAll('input[type="hidden"][value]')]
      .filter((e) => /publish/i.test(`${e.getAttribute("class") ?? ""} ${e.getAttribute("name") ?? ""}`))
      .map((e) => e.getAttribute("value")),
  ].filter((x): x is string => !!x && x.trim() !== "");
  let published: string | null = null;
  for (const c of dateCandidates) {
    published = normaliseDate(c);
    if (published) break;
  }
  if (!published) published = dateFromElements(doc);
  if (!published && dateCandidates.length) warnings.push(`could not read the date "${dateCandidates[0]}"`);

  // Title.
  let title = "";
  let from = "";
  for (const [cand, src] of [
    [ldTitle, "json-ld"],
    [og, "og:title"],
    [tag, "<title>"],
    [h1, "h1"],
  ] as const) {
    if (cand) {
      title = cleanTitle(decodeEntities(cand), siteNames, h1);
      from = src;
      break;
    }
  }
  if (from === "<title>" || from === "h1") warnings.push(`headline taken from the page's ${from}`);
  const titles = [ldTitle, og, tag, h1]
    .filter((x): x is string => !!x)
    .flatMap((t) => [stripSiteSuffix(decodeEntities(t), siteNames, h1), cleanTitle(decodeEntities(t), siteNames, h1)]);
  return {
    title,
    titles,
    reporters,
    published,
    publisher,
    warnings,
    authorIsOrg,
    declaredArticle: article !== undefined || /^article$/i.test(metaContent(metas, "og:type") ?? ""),
  };
}

/** The headline without the site's name and without a section label in front ("Opinion | …", "Analysis: …"). */
function cleanTitle(title: string, siteNames: string[], h1: string | null): string {
  return stripSectionPrefix(stripSiteSuffix(title, siteNames, h1));
}

const SECTION_LABEL =
  /^(opinion|analysis|column|editorial|commentary|op-?ed|perspective|viewpoint|breaking|breaking news|exclusive|watch|video|live|update|updated|just in|fact check|review)\s*[:|]\s+/i;

/**
 * "Opinion | Headline" → "Headline": a section label in front of the headline, either a known label before ":" or
 * "|", or any label of at most three words before " | ".
 */
export function stripSectionPrefix(title: string): string {
  const m = SECTION_LABEL.exec(title);
  if (m && title.length - m[0].length >= 15) return title.slice(m[0].length).trim();
  const bar = /^([\p{L}][\p{L}'’&.-]*(?: [\p{L}'’&.-]+){0,2}) \| (.+)$/u.exec(title);
  if (bar && bar[2]!.split(" ").length >= 4 && !bar[2]!.includes(" | ")) return bar[2]!.trim();
  return title;
}

// ---------------------------------------------------------------------------------------------------------------
// Publisher

/** The first `|`/`·` segment of a site name, or null for junk: a handle, a URL, no letters, a sentence. */
function cleanSiteName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = decodeEntities(raw)
    .split(/\s+[|·•]\s+/)[0]!
    .replace(/\s+/g, " ")
    .trim();
  if (!s || s.startsWith("@") || /^(https?:|www\.)/i.test(s) || !/\p{L}/u.test(s) || s.split(" ").length > 7)
    return null;
  return s;
}

/** Host of a URL without "www.", and its main label ("news.example.co.uk" → "example"). */
function siteOf(url: string | null | undefined): { host: string; label: string } | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\d?\./, "");
  const parts = host.split(".");
  if (parts.length < 2 || !/[a-z]/.test(host)) return null;
  // "example.co.uk", "example.com.br": a two-letter country code after a short second level.
  const cut =
    parts.length >= 3 && parts[parts.length - 1]!.length === 2 && parts[parts.length - 2]!.length <= 3 ? 3 : 2;
  return { host, label: parts[parts.length - cut]! };
}

function compact(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** A name that spells the site's domain: "Los Angeles Times" / latimes, "Reuters" / reuters, "nj.com" / nj. */
function namesDomain(name: string, site: { host: string; label: string }): boolean {
  for (const c of [compact(name), compact(name).replace(/^the/, "")]) {
    for (const l of [site.label, site.label.replace(/^the/, "")]) {
      if (!c || !l) continue;
      if (c === l || c === compact(site.host)) return true;
      if (Math.min(c.length, l.length) >= 4 && (c.includes(l) || l.includes(c))) return true;
      if (l.length >= 3 && c[0] === l[0] && isSubsequence(l, c)) return true;
      if (l.length >= 5 && c.startsWith(l.slice(0, 5))) return true;
    }
  }
  return false;
}

/** Two spellings of one site ("Gazette" and "The Gazette", "Space.com" and "Space"). */
function isSameSite(a: string, b: string): boolean {
  const x = compact(a)
    .replace(/^the/, "")
    .replace(/(com|net|org)$/, "");
  const y = compact(b)
    .replace(/^the/, "")
    .replace(/(com|net|org)$/, "");
  return x !== "" && x === y;
}

/** "Headline - Site" in a <title> whose head is the headline given elsewhere: the tail, the site's name. */
function titleTails(titles: (string | null)[], headlines: (string | null)[]): string[] {
  const heads = new Set(headlines.filter((h): h is string => !!h).map((h) => norm(decodeEntities(h))));
  const out: string[] = [];
  for (const t of titles) {
    if (!t) continue;
    const text = decodeEntities(t);
    for (const sep of SEPARATORS) {
      const i = text.lastIndexOf(sep);
      if (i <= 0) continue;
      if (heads.has(norm(text.slice(0, i)))) {
        const tail = cleanSiteName(text.slice(i + sep.length));
        if (tail && tail.split(" ").length <= 5) out.push(tail);
      }
    }
  }
  return out;
}

/** "@SPACEdotcom" → "SPACE.com", "@ap" → "AP", "@Reuters" → "Reuters". */
function tidyHandle(raw: string | null): string | null {
  if (!raw) return null;
  const h = raw
    .trim()
    .replace(/^@/, "")
    .replace(/^https?:\/\/(www\.)?(twitter|x)\.com\//i, "")
    .replace(/dotcom$/i, ".com");
  if (!/^[\w.]{2,30}$/.test(h)) return null;
  return /^[a-z]{2,4}$/.test(h) ? h.toUpperCase() : h;
}

/**
 * The outlet's name. Candidates in order: JSON-LD publisher, og:site_name / application-name, the <title>'s tail,
 * a JSON-LD Organization, the Twitter handle, the domain. With the page's domain known (URL, canonical, og:url), the
 * first candidate that spells the domain wins, so a section ("U.S.", "Hosted") or a platform ("Blogger") loses to
 * the site; a bare lower-case label ("nj") loses to "nj.com". Without a match, the first clean name, else the
 * domain itself.
 */
function choosePublisher(
  doc: Document,
  metas: MetaIndex,
  objects: Record<string, unknown>[],
  article: Record<string, unknown> | undefined,
  ldPublisher: string | null,
  url: string | undefined,
  headlines: (string | null)[],
): string | null {
  const pageUrl =
    url ??
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    metaContent(metas, "og:url") ??
    str(article?.["url"]) ??
    (typeof article?.["mainEntityOfPage"] === "string"
      ? (article["mainEntityOfPage"] as string)
      : str((article?.["mainEntityOfPage"] as Record<string, unknown> | undefined)?.["@id"]));
  const site = siteOf(pageUrl) ?? siteOf(metaContent(metas, "og:site_name"));
  const org = objects.find((o) => types(o).some((t) => /^(NewsMediaOrganization|Organization)$/.test(t)));
  const names = [
    cleanSiteName(ldPublisher),
    cleanSiteName(metaContent(metas, "og:site_name")),
    cleanSiteName(metaContent(metas, "application-name")),
    ...titleTails([headlines[2]!, headlines[1]!], [headlines[0]!, headlines[1]!, headlines[3]!]),
    cleanSiteName(str(org?.["name"])),
  ].filter((x): x is string => !!x);
  // The article's own JSON-LD publisher is trusted (an agency story on a partner site names the agency).
  // A name of two words or more, or a domain ("SpaceNews.com"), is taken as it is; one word ("U.S.", "Hosted",
  // the platform "Blogger") only when it spells the domain.
  const strong = (n: string): boolean => n.includes(" ") || /\p{L}\.\p{L}{2,}$/u.test(n);
  const declared = cleanSiteName(ldPublisher);
  if (declared && (!site || (declared !== site.label && (strong(declared) || namesDomain(declared, site)))))
    return declared;
  if (site) {
    const bare = (n: string): boolean => n === site.label;
    const handle = tidyHandle(metaContent(metas, "twitter:site"));
    const all = [...names, ...(handle ? [handle] : [])];
    for (const n of all) if (!bare(n) && (strong(n) || namesDomain(n, site))) return n;
    // "nj" or "@hawaiinewsnow" is the domain's label: the domain says it better than any other single word.
    if (all.some(bare)) return site.host;
    return names[0] ?? site.host;
  }
  return names[0] ?? copyrightHolder(doc);
}

/** The holder named in the page's copyright line ("© 2019 Orrin Media. All rights reserved."): a last resort. */
function copyrightHolder(doc: Document): string | null {
  for (const el of doc.querySelectorAll('footer,[class*="copyright" i],[id*="copyright" i],[class*="footer" i]')) {
    const text = (el.textContent ?? "").replace(/\s+/g, " ");
    const m =
      /(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[\p{L}\d&.'’ -]{1,40}?)\s*(?:[.,|•·]\s|[Aa]ll [Rr]ights|ALL RIGHTS|$)/u.exec(
        text,
      );
    const name = m ? cleanSiteName(m[1]!.replace(/\s+(inc|ltd|llc|gmbh|ag|plc)\.?$/i, "")) : null;
    if (name && !/^(all|the)$/i.test(name)) return name;
  }
  return null;
}

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s.trim();
  const { document } = parseHTML(`<!doctype html><html><body><p>${s.replace(/</g, "&lt;")}</p></body></html>`);
  return (document.querySelector("p")?.textContent ?? s).trim();
}

const SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / "];

/** "Headline | Site" → "Headline" when the tail is the site (or the h1 confirms the head). */
export function stripSiteSuffix(title: string, siteNames: string[], h1: string | null = null): string {
  const t = title.replace(/\s+/g, " ").trim();
  for (const sep of SEPARATORS) {
    const i = t.lastIndexOf(sep);
    if (i <= 0) continue;
    const head = t.slice(0, i).trim();
    const tail = norm(t.slice(i + sep.length));
    const isSite = siteNames.some((s) => {
      const n = norm(s);
      return n === tail || n.replace(/ /g, "") === tail.replace(/ /g, "");
    });
    if (
      isSite ||
      (h1 && norm(h1) === norm(head)) ||
      (sep === " | " && tail.split(" ").length <= 4 && head.split(" ").length >= 3)
    ) {
      return stripSiteSuffix(head, siteNames, h1);
    }
  }
  // "Site: Headline" or "Site - Headline" at the front.
  for (const s of siteNames) {
    for (const sep of [" | ", " - ", ": "]) {
      if (t.toLowerCase().startsWith(`${s.toLowerCase()}${sep.trimEnd()}`) && t.length > s.length + 10) {
        return t.slice(s.length + sep.trimEnd().length).trim();
      }
    }
  }
  return t;
}

const BYLINE_SELECTORS = [
  '[rel="author"]',
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[class*="byline"] [class*="author"]',
  '[class*="byline"]',
  '[class*="Byline"]',
  '[data-testid*="byline"]',
  '[class*="authors"]',
  '[class*="Authors"]',
  '[class*="author-name"]',
  '[class*="author__name"]',
  '[class*="AuthorName"]',
  "address",
];

function bylineFromElements(doc: Document, nearHeadline: boolean): string[] {
  const region = nearHeadline ? new Set(headerLines(doc)) : null;
  const inRegion = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) if (region!.has(e)) return true;
    return false;
  };
  for (const sel of BYLINE_SELECTORS) {
    const els = [...doc.querySelectorAll(sel)].filter((el) => !region || inRegion(el));
    if (els.length === 0) continue;
    const names: string[] = [];
    const seen = new Set<Element>();
    for (const el of els) {
      if ([...seen].some((s) => s.contains(el))) continue;
      seen.add(el);
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text || text.length > 120) continue;
      names.push(...splitNames(text));
    }
    // The first selector with name-like text decides; people() then drops desks and staff ("Telegraph Sport").
    const good = names.filter(looksLikeName);
    if (good.length) return good;
  }
  return [];
}

/**
 * The "By A, B on Monday, November 18th, 2019" line under the headline in an element with no byline class: the
 * names part (cut before " on ", " | ", " - "), or null. Only lines between the h1 and the first long paragraph
 * count, so a related story's byline further down is never taken.
 */
function bylineText(doc: Document): string | null {
  for (const el of headerLines(doc)) {
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (!/^(?:[Bb]y|BY):? \p{Lu}/u.test(text) || text.length > 150) continue;
    return text.replace(/\s+(on|at|updated|published)\s.*$|\s+[|–—-]\s.*$/i, "").replace(/\s+,/g, ",");
  }
  return null;
}

const headerCache = new WeakMap<Document, Element[]>();

/** Elements after the page's h1 (or from the top without one) up to the second paragraph of 25 words or more
 * (the first may be the standfirst). */
function headerLines(doc: Document): Element[] {
  const cached = headerCache.get(doc);
  if (cached) return cached;
  const out: Element[] = [];
  headerCache.set(doc, out);
  const hasH1 = doc.querySelector("h1") !== null;
  let started = !hasH1;
  let long = 0;
  for (const el of doc.querySelectorAll("h1,h2,h3,h4,h5,h6,p,div,span,li,header,address")) {
    if (el.tagName === "H1") {
      started = true;
      continue;
    }
    if (!started) continue;
    // A container of paragraphs is no header line, and reading its whole text is what costs here.
    if (el.tagName !== "P" && el.querySelector("p")) continue;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (el.tagName === "P" && text.split(" ").length >= 25 && ++long >= 2) break;
    if (text.length > 0 && text.length <= 150) out.push(el);
    if (out.length >= 200) break;
  }
  return out;
}

/**
 * Last resort: a written date ("Nov. 19, 2019", "19 November 2019") in a small date-named element, a "By …"
 * line or a small "meta" element (the line under the headline).
 */
function dateFromElements(doc: Document): string | null {
  const els = [
    ...[
      ...doc.querySelectorAll(
        '[class*="date"],[class*="Date"],[class*="publish"],[class*="Publish"],[class*="timestamp"],[class*="Timestamp"],[id*="date"]',
      ),
    ].slice(0, 30),
    ...headerLines(doc).filter(
      (e) =>
        /^(?:[Bb]y|BY):? \p{Lu}/u.test((e.textContent ?? "").replace(/\s+/g, " ").trim()) || /meta/i.test(e.className),
    ),
  ];
  for (const el of els) {
    // "By Ann LeeNovember 15, 2019": two elements' text run together.
    const text = (el.textContent ?? "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
    if (text.length > 100 || !/\b(19|20)\d{2}\b/.test(text)) continue;
    const m =
      /\b(\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?,? \d{4}|[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{4}-\d{2}-\d{2})\b/.exec(
        text,
      );
    const d = m ? normaliseDate(m[1]!) : null;
    if (d) return d;
  }
  return null;
}

function looksLikeName(s: string): boolean {
  const words = s.split(" ");
  return (
    words.length >= 1 &&
    words.length <= 5 &&
    words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || /^(de|van|von|der|da|di|la|le|bin|al|el|du)$/i.test(w))
  );
}

/** "By A and B", "A, B and C", "A & B" → names. Roles after a comma ("A, Staff Writer") are dropped. */
export function splitNames(raw: string): string[] {
  let s = raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^by[:\s]+/i, "")
    .replace(/\s*[|·•].*$/, "");
  s = s.replace(/\s+(in|for)\s+[\p{Lu}].*$/u, "");
  const parts = s
    .split(/\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|,\s*|;\s*)\s*/i)
    .map((p) => p.trim())
    .filter(
      (p) => p && !/^(edit(ing|ed|or)|photos?|photographs?|graphics?|illustrations?|video|design)\b.*\bby\b/i.test(p),
    )
    // "Analysis by A", "Posted by A", "with reporting by A"
    .map((p) => p.replace(/^(?:[\p{L}-]+ ){0,2}?by[:\s]+/iu, ""));
  return parts.filter(
    (p) =>
      !/^(staff|senior|chief|political|business|reporter|correspondent|editor|writer|contributor|the associated press|associated press|updated|published)\b/i.test(
        p,
      ) && !/\d/.test(p),
  );
}

/** Agencies, desks and roles that bylines carry but that are not a reporter's name. */
const NOT_A_PERSON =
  /\b(reuters|associated press|afp|agence|bloomberg|press association|upi|dpa|xinhua|staff|editorial|editors?|desk|team|bureau|news|newsroom|service|agency|wire|sports?|writer|correspondent|reporter|contributors?|media|magazine|online|admin|administrator|guest|anonymous|unknown)\b|\.(com|net|org|co|info)\b|@/i;

/** Desks, sections and newsletters that bylines name beside or instead of reporters ("CNN Business"). */
const DESK =
  /\b(business|politics|health|tech|technology|science|entertainment|opinion|world|travel|markets|lifestyle|weather|digital|wires?|newsletter|podcast|daily|weekly|briefing|investigations?|graphics|video|photos?)\b/i;

/**
 * A byline entry that names a person: two to five capitalised words, not an agency, desk or role, not a title
 * ("The Water Coolest"), no acronym ("CNN Business"; an all-caps name was recased by tidyName before this).
 */
function isPersonName(n: string): boolean {
  const words = n.split(" ");
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    !NOT_A_PERSON.test(n) &&
    !DESK.test(n) &&
    !/^the\s/i.test(n) &&
    !words.some((w) => /^\p{Lu}{3,}$/u.test(w)) &&
    /^\p{Lu}/u.test(n) &&
    !/\d/.test(n)
  );
}

function tidyName(n: string): string {
  // "ERIC TUCKERAssociated Press" (two elements run together), "Jane Doe. Sputnik International"
  let t = n
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(?<=\p{Lu})(Associated Press|Reuters|AFP|Bloomberg)$/u, "");
  t = t.replace(/(?<=\p{Ll}{2})\. \p{Lu}.*$/u, "");
  t = t.replace(
    /(?<=\p{Ll}) ?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Updated|Published)\b.*$/u,
    "",
  );
  t = t.replace(/^(dr|prof|professor|mr|mrs|ms|sir)\.? /i, "").replace(/(?<=\p{Ll}{2})\.$/u, "");
  // CORINNE HALVORSEN → Corinne Halvorsen
  if (t === t.toUpperCase() && /\p{Lu}{2}/u.test(t)) {
    return t.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  }
  return t;
}

function dedupe(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(norm(x)) ? false : (seen.add(norm(x)), true)));
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Any common date spelling → YYYY-MM-DD; an ISO timestamp keeps its own calendar day (the publisher's zone). */
export function normaliseDate(raw: string): string | null {
  const s = raw.trim();
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  if (/^\d{10,13}$/.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  // "March 11, 2026", "Aug. 24, 2026", "11 March 2026", "Wed 11 Mar 2026 14:32"
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (
    m &&
    MONTHS[m[1]!.slice(0, 3).toLowerCase()] &&
    (m[1]!.length === 3 || m[1]!.toLowerCase() === "sept" || monthFull(m[1]!))
  ) {
    return ymd(+m[3]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, +m[2]!);
  }
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (
    m &&
    MONTHS[m[2]!.slice(0, 3).toLowerCase()] &&
    (m[2]!.length === 3 || m[2]!.toLowerCase() === "sept" || monthFull(m[2]!))
  ) {
    return ymd(+m[3]!, MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, +m[1]!);
  }
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

function monthFull(w: string): boolean {
  return /^(january|february|march|april|may|june|july|august|september|october|november|december)$/i.test(w);
}

function ymd(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function textOf(el: El | null): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Text and Markdown

const TEXT_DEBRIS = [
  ...DEBRIS_LINE,
  /^(skip to (main )?content|menu|search|log ?in|sign ?in|home)$/i,
  /^(image|photo|caption)\b.{0,5}:/i,
];

/** YAML front matter of a Markdown file (`---` … `---` at the very top): title, author(s), date, publisher. */
interface FrontMatter {
  title?: string;
  reporters: string[];
  published: string | null;
  publisher: string | null;
}

function frontMatter(text: string): { meta: FrontMatter | null; body: string } {
  const m = /^---[ \t]*\n([\s\S]{0,8000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: null, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch {
    return { meta: null, body: text };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { meta: null, body: text };
  const d = data as Record<string, unknown>;
  const pick = (...keys: string[]): unknown => keys.map((k) => d[k]).find((v) => v !== undefined && v !== null);
  const authors = pick("authors", "author", "byline", "reporters");
  const names = (Array.isArray(authors) ? authors : authors === undefined ? [] : [authors]).flatMap((a) =>
    typeof a === "string" ? splitNames(a) : (str(a) ?? "") ? splitNames(str(a)!) : [],
  );
  const date = pick("date", "published", "datePublished", "pubDate");
  const title = str(pick("title", "headline"));
  const meta: FrontMatter = {
    reporters: names.map(tidyName).filter(isPersonName),
    published:
      date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === "string" ? normaliseDate(date) : null,
    publisher: str(pick("publisher", "source", "site_name", "site")),
  };
  if (title) meta.title = title;
  return { meta, body: text.slice(m[0].length) };
}

function extractText(text: string, file: string): Body {
  const warnings: string[] = [];
  const normalised = text.replace(/\r\n?/g, "\n");
  const { meta: front, body: rest0 } = frontMatter(normalised);
  const isMd = front !== null || /\.(md|markdown)$/i.test(file) || /^#{1,6} /m.test(text);
  let lines = rest0.split("\n").map((l) => l.replace(/[\t\u00a0 ]+/g, " ").trim());
  // Markdown rules (---, ***, ___) are not text.
  if (isMd) lines = lines.map((l) => (/^([-*_])( ?\1){2,}$/.test(l) ? "" : stripMarkdown(l)));
  let i = 0;
  while (i < lines.length && (lines[i] === "" || isTextDebris(lines[i]!))) i++;
  if (i >= lines.length) throw new SourceError(`${file} has no text`);
  let title: string;
  if (front?.title && !/^#{1,6}\s/.test(lines[i]!)) title = front.title;
  else {
    title = lines[i]!.replace(/^#{1,6}\s+/, "").trim();
    i++;
  }
  let reporters: string[] = front?.reporters ?? [];
  let published: string | null = front?.published ?? null;
  // Byline and date lines directly under the headline (blank lines and debris in between allowed).
  for (let k = 0; k < 4 && i < lines.length; k++) {
    const l = lines[i]!;
    const dateLine = /^(published|updated|posted)?:?\s*(.{6,40})$/i.exec(l);
    if (dateLine && !/[.!?]$/.test(l) && l.split(" ").length <= 8 && /\d{4}/.test(l) && normaliseDate(dateLine[2]!)) {
      published ??= normaliseDate(dateLine[2]!);
      i++;
      continue;
    }
    if (l === "" || isTextDebris(l)) {
      i++;
      continue;
    }
    if (/^by\s+\p{Lu}/iu.test(l) && l.split(" ").length <= 16 && !/[.!?]["”]?$/.test(l.replace(/\b[A-Z]\.$/, ""))) {
      reporters = splitNames(l)
        .map(tidyName)
        .filter((n) => looksLikeName(n) && isPersonName(n));
      i++;
      continue;
    }
    break;
  }
  const rest = lines.slice(i);
  // Blank lines separate paragraphs only when one sits between two lines of text; else every line is one.
  const hasBlank = /\S\n\n+\S/.test(rest.join("\n"));
  const paragraphs: string[] = [];
  const credits: string[] = [];
  let cur: string[] = [];
  const push = (): void => {
    const p = cur.join(" ").trim();
    cur = [];
    if (!p) return;
    // The same furniture test as for HTML blocks, on the whole paragraph (its lines may be soft-wrapped).
    if (isDebrisLine(p)) {
      if (isCreditLine(p)) credits.push(p);
      return;
    }
    const kept = dropDebrisSentences(p, credits);
    if (kept) paragraphs.push(kept);
  };
  for (const l of rest) {
    if (l === "") {
      push();
      continue;
    }
    if (isTextDebris(l)) continue;
    if (isMd && /^#{1,6}\s/.test(l)) {
      push();
      cur.push(l.replace(/^#{1,6}\s+/, ""));
      push();
      continue;
    }
    cur.push(l);
    if (!hasBlank) push();
  }
  push();
  if (!title) warnings.push("no headline found");
  title = title.replace(/\s+/g, " ");
  return { title, reporters, published, publisher: front?.publisher ?? null, paragraphs, warnings, credits };
}

function isTextDebris(l: string): boolean {
  return TEXT_DEBRIS.some((re) => re.test(l));
}

function stripMarkdown(l: string): string {
  return l
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/^>\s?/, "")
    .replace(/^[-*+]\s+/, "")
    .replace(/`([^`]+)`/g, "$1")
    .trim();
}
