/**
 * Finding quotation spans in an article's paragraphs: where each pair of quotation marks opens and closes,
 * the sentences around them, and which spans are quotations at all (not titles, scare quotes or a reporter's
 * question). Pure string scanning, linear in the paragraph length: a 1 MB paragraph is fine.
 */

/** One span between quotation marks, as found in one paragraph. */
export interface QuoteSpan {
  paragraph: number;
  /** Index of the opening mark. */
  open: number;
  /** First character of the quoted text (open + 1). */
  start: number;
  /** End (exclusive) of the quoted text: the closing mark's index, or the trimmed paragraph end. */
  end: number;
  /** Index of the closing mark, or -1 when the quote runs on past the paragraph (a multi-paragraph quote). */
  close: number;
  text: string;
}

const CLOSER: Record<string, string> = { "\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"', "\u201e": "\u201c" };

/** Characters that may sit before an opening straight quote. */
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,]/;

/** Elisions that start with an apostrophe: 'em, 'n', 'tis, '90s. */
const ELISION = /^(?:(?:em|n|tis|twas|cause|til|bout)\b|\d)/i;

/**
 * Which marks open a quotation in an article: "double" (“…”, "…", «…»; single marks only nest inside them), or
 * "single" too, for the house styles (Irish, British tabloid, South African) that quote speech in ‘…’ and nest
 * “…” inside. Single marks are taken as quotes only when the article's paragraphs open more single quotes at
 * word starts than they hold double-quoted spans: one ‘scare quote’ in a double-quote article changes nothing.
 */
export type QuoteStyle = "double" | "single";

export function quoteStyle(paragraphs: readonly string[]): QuoteStyle {
  let doubles = 0;
  let singles = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p] ?? "";
    const spans = findQuoteSpans(text, p, "double", false);
    doubles += spans.length;
    const masked = maskQuotes(text, spans);
    for (let i = 0; i < masked.length; i++) if (singleOpensAt(masked, i)) singles++;
  }
  return singles >= 2 && singles > 2 * doubles ? "single" : "double";
}

/** Whether a single mark at i opens a quotation: ‘ or ' at a word's start, before a letter, not an elision. */
function singleOpensAt(text: string, i: number): boolean {
  const c = text[i];
  if (c !== "\u2018" && c !== "'") return false;
  const prev = i === 0 ? " " : text[i - 1]!;
  if (!BEFORE_OPEN.test(prev) && !/[“"«]/.test(prev)) return false;
  const rest = text.slice(i + 1, i + 8);
  if (!/^[\p{L}\p{N}“"«(…]/u.test(rest)) return false;
  return !ELISION.test(rest);
}

/**
 * Where a single quotation opened at `from` closes: the first ’ or ' after which no letter follows. A closing
 * mark right after a plural "s" before a word ("the residents’ group") is an apostrophe unless no other
 * candidate follows in the paragraph, or a curly ‘ opens another quote first. -1 when the quote runs past the
 * paragraph.
 */
function singleCloseAfter(text: string, from: number): number {
  let weak = -1;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    // "had seen cars ‘weave round the barriers’ when … ‘People are …’": a curly mark opening a new quote after
    // the plural "s’" shows that mark closed the first
    if (c === "\u2018" && weak >= 0 && singleOpensAt(text, i)) return weak;
    if (c !== "\u2019" && c !== "'") continue;
    const next = text[i + 1] ?? " ";
    if (/[\p{L}\p{N}]/u.test(next)) continue; // don’t, Carrowmore’s
    const prev = text[i - 1] ?? "";
    if (/s/i.test(prev) && /^\s+[\p{Ll}]/u.test(text.slice(i + 1, i + 4))) {
      if (weak < 0) weak = i;
      continue;
    }
    return i;
  }
  return weak;
}

/** Right after a verb of saying and a comma or colon ("He told me, ‘…’"): speech, whatever the house style. */
const SPEECH_BEFORE =
  /\b(?:said|says|say|told|tells|asked|asks|wrote|writes|replied|replies|added|adds|shouted|yelled|whispered|answered|texted|messaged)(?:\s+(?:me|him|her|us|them|it))?(?:\s+(?:once|then|again|later|simply|quietly|flatly))?\s*[,:]\s*$/;

function speechBefore(text: string, i: number): boolean {
  return SPEECH_BEFORE.test(text.slice(Math.max(0, i - 40), i));
}

/**
 * The top-level quotation spans of one paragraph. Curly “ ”, straight " and « » open a quote; inside one, only
 * its own closing mark ends it, so a nested ‘…’, '…', «…» or “…” stays part of the outer text. Single marks are
 * taken as outer quotes only in the "single" style (see quoteStyle), or right after a verb of saying and a comma
 * or colon ("He told me, 'we cannot sign this'"): elsewhere they are apostrophes too often. A quote
 * still open at the paragraph's end runs to that end (close = -1).
 */
export function findQuoteSpans(
  text: string,
  paragraph: number,
  style: QuoteStyle = "double",
  speechSingles = true,
): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let closer = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open < 0) {
      if ((style === "single" || (speechSingles && speechBefore(text, i))) && singleOpensAt(text, i)) {
        const close = singleCloseAfter(text, i + 1);
        if (close < 0) {
          open = i;
          break;
        }
        spans.push({ paragraph, open: i, start: i + 1, end: close, close, text: text.slice(i + 1, close) });
        i = close;
        continue;
      }
      const want = CLOSER[c];
      if (want === undefined) continue;
      if (c === '"') {
        // A straight mark opens only at a word's start: after a space, bracket or dash, before a non-space.
        const prev = i === 0 ? " " : text[i - 1]!;
        const next = text[i + 1] ?? " ";
        if (!BEFORE_OPEN.test(prev) || /\s/.test(next)) continue;
      }
      open = i;
      closer = want;
    } else if (c === closer) {
      if (closer === '"') {
        const next = text[i + 1] ?? " ";
        if (/[\p{L}\p{N}]/u.test(next)) continue; // mid-word: not a closing mark
      }
      spans.push({ paragraph, open, start: open + 1, end: i, close: i, text: text.slice(open + 1, i) });
      open = -1;
    }
  }
  if (open >= 0) {
    const end = text.trimEnd().length;
    if (end > open + 1)
      spans.push({ paragraph, open, start: open + 1, end, close: -1, text: text.slice(open + 1, end) });
  }
  return spans;
}

/** Replaces every quoted text with a same-length run of U+2219 so patterns over the reporter's words skip quotes. */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + "\u2219".repeat(s.end - s.start);
    at = s.end;
  }
  return out + text.slice(at);
}

const ABBREV = new Set(
  (
    "Mr Mrs Ms Mx Dr Prof Rev Fr Sr Jr St Gen Col Lt Maj Capt Sgt Gov Sen Rep Supt Insp Det Inc Ltd Co Corp No Nos vs " +
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun Ave Blvd Rd Mt Ft Calif " +
    "Fla Ill Mass Mich Pa Tex Va Wash approx est etc"
  ).split(" "),
);

/**
 * Sentence ranges [start, end) of a paragraph, computed on its masked text so a full stop inside a quote
 * never ends the reporter's sentence; a quote that ends in . ? or ! ends the sentence only when the next word
 * starts with a capital or a new quote ("…," she said. "Next." is two sentences; "Why?" she asked is one).
 */
const ATTRIBUTION_AFTER =
  /^(?:(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Cllr)\.?\s+)?[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2}|I)\s+(?:said|says|asked|asks|ask|added|adds|replied|replies|wrote|writes)(?:\s+(?:her|him|them|me|us))?\s*[.,]/u;

export function sentenceRanges(text: string, masked: string, spans: readonly QuoteSpan[]): Array<[number, number]> {
  const ends: number[] = [];
  const closeAt = new Map<number, QuoteSpan>();
  for (const s of spans) if (s.close >= 0) closeAt.set(s.close, s);
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    let boundary = -1;
    if (c === "." || c === "?" || c === "!") {
      if (c === ".") {
        const word = /([\p{L}.]+)$/u.exec(masked.slice(Math.max(0, i - 12), i))?.[1] ?? "";
        // "No. 10" but not "No. Henrik Solvang wrote to me"
        if (
          (ABBREV.has(word) && !(/^Nos?$/.test(word) && !/^\s*\d/.test(masked.slice(i + 1, i + 4)))) ||
          /^(\p{Lu}\.)*\p{Lu}$/u.test(word) ||
          (/\d/.test(masked[i - 1] ?? "") && /\d/.test(masked[i + 1] ?? ""))
        )
          continue;
      }
      let j = i + 1;
      while (j < masked.length && /[)\]’'"”»]/.test(masked[j]!)) j++;
      boundary = j;
    } else {
      const q = closeAt.get(i);
      if (q && /[.?!]\s*$/.test(q.text)) boundary = i + 1;
    }
    if (boundary < 0) continue;
    let k = boundary;
    while (k < masked.length && /\s/.test(masked[k]!)) k++;
    if (k >= masked.length) break;
    if (k === boundary) continue; // no space after: "3.5", "U.S.A"
    const next = text[k]!;
    // '"…, did you?" Mr Oyelowo-Penn asked.': a quote and its attribution are one sentence
    // but '‘We cannot.’ I said, ‘Then …’': after a full stop, "X said," opens the next quote
    const after = closeAt.get(boundary - 1) ? ATTRIBUTION_AFTER.exec(text.slice(k, k + 80)) : null;
    if (after && !(/,$/.test(after[0]) && /\.\s*$/.test(closeAt.get(boundary - 1)!.text))) continue;
    // a straight ' opening a quote starts a sentence too ("… in his van. 'I knew,' he said.")
    if (/[\p{Lu}\p{N}“"«‘(]/u.test(next) || (next === "'" && /^'[\p{Lu}]/u.test(text.slice(k, k + 2)))) {
      ends.push(boundary);
      i = k - 1;
    }
  }
  const out: Array<[number, number]> = [];
  let s = 0;
  for (const e of ends) {
    out.push([s, e]);
    s = e;
    while (s < text.length && /\s/.test(text[s]!)) s++;
  }
  if (s < text.length) out.push([s, text.length]);
  return out;
}

/** Words in a text: runs between spaces that hold a letter or a digit ("case-by-case" is one, a lone dash none). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "and",
  "or",
  "for",
  "to",
  "in",
  "on",
  "at",
  "by",
  "with",
  "de",
  "du",
]);

/**
 * A name, title or slogan rather than speech: most of its words capitalised, no sentence punctuation
 * ("Phones Down, Heads Up", "Ostrava Falls Dry Days", "Trusted Services").
 */
export function isTitleLike(text: string): boolean {
  const t = text.trim().replace(/[,;:]$/, "");
  if (/[.?!]$/.test(t)) return false;
  // "Noted. Will raise with Ardent": two sentences, not a name
  if (/\p{Ll}{2}[.?!]\s+\p{Lu}/u.test(t)) return false;
  const ws = t.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (ws.length === 0 || ws.length > 8) return false;
  const caps = ws.filter((w) => /^["'‘“«(]?\p{Lu}/u.test(w) || /^\d/.test(w)).length;
  return caps / ws.length >= 0.75 && !/^(I|I'm|I’m|We|It|You|They|He|She)$/.test(ws[0] ?? "");
}

/** Sentence-like: a capital at the start and . ? ! at the end ("Apparently you do."). */
export function isSentenceLike(text: string): boolean {
  return /^\s*["'‘“«(]?[\p{Lu}\p{N}]/u.test(text) && /[.?!…]["'’”»)]*\s*$/.test(text);
}

/**
 * Whether the words before a quote in its sentence are a reporter's question ("Asked whether the council was
 * starting"): "asked" leads the sentence and no verb of saying follows it before the quote.
 */
export function isReportersQuestion(prefix: string, speechVerb: RegExp): boolean {
  const m = /^\W*(?:when |after being |being )?asked\b(.*)$/is.exec(prefix);
  if (!m) return false;
  const rest = m[1]!;
  if (/:\s*$/.test(rest)) return false;
  speechVerb.lastIndex = 0;
  return !speechVerb.test(rest);
}
