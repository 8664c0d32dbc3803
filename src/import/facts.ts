/**
 * Facts and search aids for `briefbot import`: one fact per informative sentence (or clause) of the article, with
 * its attribution split out, tags from the article's keyphrases, and generated questions. Everything here restates
 * the article; nothing is added that it does not say.
 */
import type { Interview } from "./interview.js";
import { STOP_WORDS, isNamingWord } from "../core/index.js";
import { splitSentences } from "./sentences.js";
import { wordCount } from "./quotes.js";
import { escapeRe, namesAlternation } from "./speakers.js";
import { References, type PersonHint } from "./references.js";

/** A quoted span the attribution found, as far as facts need it: where it is and whether it has a speaker. */
export interface QuoteSpan {
  paragraph: number;
  /** Character offsets of the quoted words inside the paragraph (marks excluded). */
  start: number;
  end: number;
}

export interface FactDraft {
  text: string;
  attribution?: string;
  tags: string[];
  generated: string[];
  /** Paragraph index and the sentence as it stands in the article (before attribution was split out). */
  paragraph: number;
  sentence: string;
}

/** Words that are common in news copy but name no topic; kept out of tags and keyphrases. */
const NEWS_STOP = new Set(
  `said says told added asked according percent per cent would could should might must also year years week weeks
  day days time times people person new first last next told including include includes included since around
  about among across after before while where there their them they then than that this those these which what when
  who whom whose with without within will wont dont cant isnt wasnt have has had been being were was are is its it's
  one two three four five six seven eight nine ten many much more most some such very just only even still said
  like make made makes take took taken going want wants wanted call called calls think thinks know knows back
  well way ways part lot told saying says tell tells show shows shown went come came comes give gives given
  mr mrs ms dr prof monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december every else nothing everything anything anyone always never already
  another same because though although maybe perhaps quite rather enough getting going doing being having other
  others really whether least less lots nobody somebody everybody anybody welcome`.split(/\s+/),
);

const CAPITALISED_STOP = new Set(
  `The A An He She It They We I You His Her Its Their Our My This That These Those But And Or So If When While After
  Before As At In On Of For From By With To Asked Some Many Most Other Others One Two Three Mr Mrs Ms Dr Prof There
  Here What Who Why How Where Which Yes No Not Nobody Everyone Everything Nothing Once Under Over Since Until Even
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Read Advertisement Photo Image Credit Speaking According`.split(/\s+/),
);

/** Lower-case slug of a phrase: "Open Lines" → "open-lines"; possessives dropped. */
export function slug(phrase: string, max = 63): string {
  const s = phrase
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const dash = cut.lastIndexOf("-");
  return (dash > max / 2 ? cut.slice(0, dash) : s.slice(0, max)).replace(/-+$/, "");
}

const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;

/** Content words of a text, lower case, possessives dropped. */
function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0]
      .toLowerCase()
      .replace(/['’]s$/, "")
      .replace(/['’-]+$/, "");
    const bare = w.replace(/['’]/g, "");
    if (w.length >= 4 && !STOP_WORDS.has(bare) && !NEWS_STOP.has(bare)) out.push(w);
  }
  return out;
}

/**
 * Proper-name phrases: runs of capitalised words ("Open Lines", "Harlan Voss"), possessives dropped. A capitalised
 * word at the start of a sentence counts only when the article also writes it capitalised mid-sentence.
 */
function properPhrases(sentence: string, known: ReadonlySet<string> | null): string[] {
  // known === null: only names written mid-sentence (what the article itself capitalises), for the vocabulary.
  const out: string[] = [];
  const re = /[\p{Lu}][\p{L}\p{N}'’-]*(?:\s+(?:of\s+|de\s+|van\s+|the\s+)?[\p{Lu}][\p{L}\p{N}'’-]*)*/gu;
  for (const m of sentence.matchAll(re)) {
    let words = m[0].replace(/['’]s\b/g, "").split(/\s+/);
    for (;;) {
      if (words.length && (CAPITALISED_STOP.has(words[0]!) || /^\p{Ll}/u.test(words[0]!))) words = words.slice(1);
      else if (words.length && (CAPITALISED_STOP.has(words.at(-1)!) || /^\p{Ll}/u.test(words.at(-1)!)))
        words = words.slice(0, -1);
      else break;
    }
    if (words.length === 0) continue;
    const phrase = words.join(" ");
    // The start of the sentence, of a quotation or of a clause after a colon.
    const atStart = /(^|[.!?:]\s*|["“‘«(]\s*)$/.test(sentence.slice(0, m.index));
    if (atStart && words.length === 1 && (known === null || !known.has(phrase))) continue;
    if (phrase.length < 2 || /^[\p{Lu}]$/u.test(phrase)) continue;
    out.push(phrase);
  }
  return out;
}

/** What the article as a whole says often: content-word counts and names written mid-sentence. */
export interface Vocabulary {
  counts: Map<string, number>;
  names: Set<string>;
}

export function articleVocabulary(paragraphs: readonly string[]): Vocabulary {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  for (const p of paragraphs) {
    for (const w of contentWords(p)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const s of splitSentences(p)) for (const n of properPhrases(s, null)) names.add(n);
  }
  return { counts, names };
}

/**
 * Keyphrases of one text, best first: its proper names, then its content words the article repeats (most repeated
 * first), then its other content words, longest first. Used for tags, entry ids and generated questions.
 */
export function keyphrases(text: string, vocab: Vocabulary): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (p: string) => {
    const k = p.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  };
  for (const n of properPhrases(text, vocab.names)) add(n);
  const own = [...new Set(contentWords(text))];
  const nameWords = new Set(out.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const rest = own.filter((w) => !nameWords.has(w));
  const count = (w: string) => vocab.counts.get(w) ?? 0;
  // Things before doings: repeated nouns, other nouns (longest first), then the other words the same way.
  for (const naming of [true, false]) {
    const group = rest.filter((w) => isNamingWord(w) === naming);
    for (const w of group.filter((x) => count(x) >= 2).sort((a, b) => count(b) - count(a))) add(w);
    for (const w of group.filter((x) => count(x) < 2).sort((a, b) => b.length - a.length)) add(w);
  }
  return out;
}

/** The keyphrases of a text that name things (for "what did X say about Y?"): names and nouns only. */
export function topicsOf(text: string, vocab: Vocabulary): string[] {
  return keyphrases(text, vocab).filter(
    (k) => (/^\p{Lu}/u.test(k) && !notAName(k)) || (/^\p{Ll}/u.test(k) && isNamingWord(k)),
  );
}

/**
 * A capitalised word that names nothing: a pronoun's contraction ("I'm", "You'll", "Now I'm") or a common word that
 * opened a quotation ("'Have you ever…'", "Then").
 */
function notAName(phrase: string): boolean {
  if (/(?:^|\s)(?:I|You|We|They|He|She|It|That|There|What)['’]\p{Ll}+$/u.test(phrase)) return true;
  return !phrase.includes(" ") && (STOP_WORDS.has(phrase.toLowerCase()) || CAPITALISED_STOP.has(phrase));
}

/** A place name and its demonyms: "Iran" → Iran, Iranian(s); "Tarvosia" → Tarvosia, Tarvosian(s). */
function placeForms(name: string): RegExp {
  const esc = escapeRe(name);
  const stem = esc.replace(/[aeiou]$/, "");
  return new RegExp(`(?<![\\p{L}])(?:${esc}|${stem}(?:ans?|ians?|ns?|is?))(?![\\p{L}])`, "u");
}

/** Whether a text names the place (or its people: "Iranians"). */
export function mentions(text: string, place: string): boolean {
  return placeForms(place).test(text);
}

/**
 * The place an article is set in: the single-word name it writes most often (in a quarter of its paragraphs or
 * more) that reads as a place ("in Iran", "across Tarvosia", or its people: "Oskarans"), and is not a speaker.
 * Null when none is. Facts that leave it unsaid ("Authorities banned Telegram in April 2018") are tagged with it,
 * as a person writing the file would say "in Iran"; an actor (a company the article is about) is not tagged so,
 * since a sentence about its rival is not about it.
 */
export function articleSetting(
  paragraphs: readonly string[],
  vocab: Vocabulary,
  speakers: readonly string[] = [],
): string | null {
  const body = paragraphs.join("\n");
  const counts: [string, number][] = [];
  for (const n of vocab.names) {
    if (n.includes(" ") || speakers.includes(n)) continue;
    const re = placeForms(n);
    counts.push([n, paragraphs.filter((p) => re.test(p)).length]);
  }
  counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [n, k] of counts) {
    if (k < SETTING_SHARE * paragraphs.length) break;
    const esc = escapeRe(n);
    const stem = esc.replace(/[aeiou]$/, "");
    if (new RegExp(`\\b(?:in|across|inside|throughout) ${esc}\\b|\\b${stem}(?:ans?|ians?|ns|is)\\b`, "u").test(body))
      return n;
  }
  return null;
}
const SETTING_SHARE = 0.25;

/** Up to `n` lower-case tags for a text (a handful, each at most 40 characters). */
export function tagsFor(text: string, vocab: Vocabulary, n = 5, extra: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const p of [...extra, ...keyphrases(text, vocab)]) {
    if (p.split(/\s+/).length > 3) continue;
    const t = slug(p, 40);
    if (t && !out.includes(t)) out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

/** Lines that are page furniture or credits, not reporting. */
const DEBRIS = [
  /^(read more|related|advertisement|story continues|sign up|subscribe|share this|click here|watch:|listen:|see also)\b/i,
  /\b(photo|photograph|image|picture|video)\s*(by|credit|courtesy)\b/i,
  /\s\/\s*(AP|AFP|Reuters|Getty Images|EPA|Shutterstock)\b/,
  /^\(?(reporting|additional reporting|editing|writing|compiled) by\b/i,
  /©|\ball rights reserved\b/i,
  /\b(cookies?|newsletter|javascript|browser) (policy|settings|is disabled|is not supported)\b/i,
];

/** A dateline such as "KESTREL POINT, Calder (AN) — " or "DRENIC, June 18 (Meridian Wire) - ". */
const DATELINE = /^[\p{Lu}][\p{Lu} .'’-]{2,}(?:,[^—–()\n]{0,40})?(?:\s*\([^)]{1,40}\))?\s+[—–-]{1,2}\s+/u;

/** Below this many words a sentence is no fact on its own ("Read more.", "See?"). */
const MIN_FACT_WORDS = 5;

export function isDebris(sentence: string): boolean {
  if (wordCount(sentence) < MIN_FACT_WORDS) return true;
  return DEBRIS.some((re) => re.test(sentence));
}

/** Splits "according to …" out of a sentence: the claim stays the text, the source becomes the attribution. */
export function splitAttribution(sentence: string): { text: string; attribution?: string } {
  const lead = /^According to ([^,]{3,120}),\s+(.+)$/u.exec(sentence);
  if (lead) return { text: capitalise(lead[2]!), attribution: lead[1]!.trim() };
  // "…, according to the Harbour Authority, which runs the ferries." : the relative clause is the source's, not the claim's.
  const mid =
    /,?\s+according to ([^,.;]{3,120}?(?:,\s+(?:which|who)\s[^,;]{3,120}?(?=[,;]|[.!?]?$))?)(?=[,.;]|$)/iu.exec(
      sentence,
    );
  if (mid) {
    const text = (sentence.slice(0, mid.index) + sentence.slice(mid.index + mid[0].length)).replace(
      /\s+([,.;])/g,
      "$1",
    );
    return { text: text.replace(/,\s*\./, ".").replace(/\.\.$/, "."), attribution: mid[1]!.trim() };
  }
  return { text: sentence };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b\.?/;
const MONEY = /[$£€¥]\s?\d|\b\d[\d.,]*\s?(bn|m|million|billion|trillion)?\s*(dollars|euros|pounds|tarvos|[A-Z]{3})\b/;
const PERCENT = /\b\d[\d.,]*\s?(%|percent\b|per cent\b)(\s+of\s+((?:[\p{L}-]+\s?){1,4}))?/u;
const COUNT =
  /(?<![\d:.,-])\b(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s(?:million|billion|thousand|hundred))?|dozens|hundreds|thousands|millions)\s+((?:[\p{L}][\p{L}-]*\s?){1,3})/gu;
/** Not a count: a year ("in 2020 …"), a clock time ("11 pm"), a number after a noun ("ward 9 hands over"). */
const NOT_COUNTED = /^(?:1[89]\d\d|20\d\d)$/;
const AFTER_NUMBER_STOP =
  /^(?:am|pm|a|p|back|near|across|since|ago|away|before|after|over|under|into|onto|up|down|out|off|each|every|per|later|earlier|more|less|fewer|or|and|but)$/;

/**
 * The thing a number counts, from the words after it: adjectives then nouns ("small radios", "affordable homes",
 * "monthly users"), ending at the first other word ("14 acres back in 2020" → "acres", "30 passengers held signs" →
 * "passengers"); "" when they name nothing (a verb, a name: "2,300 Threadwell announced").
 */
export function countedThing(after: string): string {
  const ws = cutAtStop(after).split(/\s+/).filter(Boolean).slice(0, 3);
  const out: string[] = [];
  for (const w of ws) {
    const lw = w.toLowerCase();
    // A people's name counts them ("40 million Iranians"); any other capitalised word is a name, not a count.
    if (/^\p{Lu}/u.test(w) && !/\p{Ll}(?:ans|ians|ers)$/u.test(w)) break;
    if (AFTER_NUMBER_STOP.test(lw)) break;
    const noun = isNamingWord(lw) || /^\p{Lu}/u.test(w);
    if (!noun && out.some((x) => isNamingWord(x.toLowerCase()))) break;
    out.push(w);
    if (noun && !isNamingWord(ws[out.length]?.toLowerCase() ?? "")) break;
  }
  while (out.length && !(isNamingWord(out.at(-1)!.toLowerCase()) || /^\p{Lu}/u.test(out.at(-1)!))) out.pop();
  return out.join(" ");
}

/**
 * The generated questions for a fact with numbers: "How many services?", "What percentage of web traffic?", "How much
 * did … cost?". None for dates: "When …?" cannot be written well without parsing the sentence, and the core reads a
 * "when" question's intent itself.
 */
export function numberQuestions(text: string, vocab: Vocabulary): string[] {
  const out: string[] = [];
  const topic = keyphrases(text, vocab).slice(0, 2).join(" ");
  if (!topic) return out;
  const pct = PERCENT.exec(text);
  if (pct) {
    const of = pct[4] ? cutAtStop(pct[4]) : "";
    if (of) out.push(`What percentage of ${of}?`);
  }
  if (MONEY.test(text)) {
    if (/\bcost/i.test(text)) out.push(`How much did ${topic} cost?`);
  } else if (!pct) {
    for (const count of text.matchAll(COUNT)) {
      if (NOT_COUNTED.test(count[1]!)) continue;
      // "ward 9", "bay 3": a number after a noun labels it.
      const before = /([\p{L}]+)\s+$/u.exec(text.slice(0, count.index))?.[1];
      if (before && /^\p{Ll}+[^s]$/u.test(before) && !STOP_WORDS.has(before) && isNamingWord(before)) continue;
      const noun = countedThing(count[2]!);
      if (!noun || /^(years?|months?|weeks?|days?|hours?|minutes?|percent|per)\b/i.test(noun) || MONTH.test(noun))
        continue;
      out.push(`How many ${noun}?`);
      break;
    }
  }
  return out.filter((q) => q.length >= 3 && q.length <= 200).slice(0, 2);
}

const POPULATION =
  /(?:\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}),\s+an?|\b[Tt]he)\s+(?:[\p{Ll}-]+\s+){0,2}?(country|nation|state|city|town|village|island|region|province|county|district)\s+of\s+(?:(?:about|around|some|roughly|nearly|almost|more than|just over|fewer than)\s+)?[\d.,]+(?:\s+(?:million|billion|thousand))?\s+(?:people|inhabitants|residents)\b/u;

/**
 * "What is the population of Karsovia?" for "Karsovia, a country of 6.2 million people"; "How many people live in the
 * town?" for "the town of 1,800 people": how news gives a place's size, and how readers ask it.
 */
export function populationQuestions(text: string): string[] {
  const m = POPULATION.exec(text);
  if (!m) return [];
  return m[1]
    ? [`What is the population of ${m[1]}?`, `How many people live in ${m[1]}?`]
    : [`How many people live in the ${m[2]}?`];
}

const RANK =
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))[\s-]+(?:biggest|largest|highest|lowest|smallest|fastest|slowest|busiest|most|least|best|worst)\b/i;
const RANK_WHERE =
  /\b(?:in the (world|country|region|state|city|league|nation|continent)|(worldwide|globally|nationally))\b/i;

/**
 * "How does it rank in the world?" for a sentence that ranks something ("…, the fifth biggest increase in the world"):
 * readers ask for the rank, the sentence gives an ordinal and a superlative.
 */
export function rankQuestions(text: string): string[] {
  if (!RANK.test(text)) return [];
  const where = RANK_WHERE.exec(text);
  const place = where ? (where[1] ? `in the ${where[1].toLowerCase()}` : where[2]!.toLowerCase()) : "";
  return [place ? `How does it rank ${place}?` : "How does it rank?"];
}

const NAMING_VERB = String.raw`(?:called|call|calls|known as|nicknamed|dubbed|named|termed|labell?ed|branded)`;
const QUOTED_TERM = new RegExp(
  String.raw`\b${NAMING_VERB}\s+(?:(?:it|them|this|the \w+)\s+)?["“‘]([^"“”‘’]{2,60}?)[,.]?["”’]`,
  "u",
);
const NAMED_TERM = new RegExp(String.raw`\b(?:called|known as|named)\s+(the\s+)?((?:\p{Lu}[\p{L}'’-]*\s?){1,5})`, "u");

/**
 * "What is the Glass Wall?" / "What are clip farms?" for a sentence that names something: "critics have nicknamed
 * the system “the Glass Wall”", "what creators call “clip farms”", "officially called the National Digital Shield".
 */
export function definitionQuestions(text: string): string[] {
  const m = QUOTED_TERM.exec(text);
  // "what he called “the chaos of …”" quotes a speaker; it names nothing.
  let term = m && !/\bwhat (he|she|they|it|we|I)\s*$/i.test(text.slice(0, m.index)) ? m[1]!.trim() : "";
  if (!term) {
    const n = NAMED_TERM.exec(text);
    if (n) term = `${n[1] ?? ""}${n[2]!.trim()}`;
  }
  term = term.replace(/[\s,.;:]+$/u, "");
  if (term.length < 3) return [];
  const plural = /[^s]s$/i.test(term) && !/^the\s/i.test(term) && !/^\p{Lu}/u.test(term);
  return [`What ${plural ? "are" : "is"} ${term}?`];
}

function cutAtStop(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const keep: string[] = [];
  for (const w of words) {
    const lw = w.toLowerCase().replace(/[^a-z-]/g, "");
    if (
      !lw ||
      STOP_WORDS.has(lw) ||
      /^(had|have|has|was|were|is|are|in|on|at|by|to|from|for|who|that|which|and|or)$/.test(lw)
    )
      break;
    keep.push(w.replace(/[^\p{L}-]+$/u, ""));
  }
  return keep.join(" ");
}

/**
 * The facts of an article: every informative sentence that is not mostly a quotation (`quoted` lists the spans
 * that became quote entries). Sentences with a partial quote and reporting around it stay facts; debris and
 * very short lines are dropped; a sentence of two long clauses joined by ";" gives two facts.
 */
export function makeFacts(
  paragraphs: readonly string[],
  quoted: readonly QuoteSpan[],
  vocab: Vocabulary,
  speakerNames: readonly string[] = [],
  interview: Interview | null = null,
  people: readonly PersonHint[] = [],
  described: readonly string[] = speakerNames,
): FactDraft[] {
  // `described`: the people whose who-is fact the draft writes itself; only they are not asked about here.
  const asked = new Set(described.flatMap((n) => [`who is ${n}?`, `what is ${n}'s job?`].map((q) => q.toLowerCase())));
  const facts: FactDraft[] = [];
  const seen: string[] = [];
  const key = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  // An interview's answers speak in the first person: their "he" and "she" are not the reporter's, so they teach
  // no genders and get no pronoun resolved.
  const refs = new References(
    paragraphs.map((p, i) => (interview?.answers.has(i) ? "" : p)),
    referenceHooks(vocab),
    people,
  );
  const roles = personRoles(paragraphs, vocab);
  const fullName = (n: string) => fullNameOf(n, vocab, speakerNames);
  const askedOf = new Map<string, number>();
  let lastSentence: string | undefined;
  let lastMain: FactDraft | undefined;
  let heading: string | null = null;
  let headingUses = 0;
  paragraphs.forEach((paragraph, pi) => {
    // An interviewer's question is not a fact; it is what the answer after it answers.
    if (interview?.questions.has(pi)) {
      for (const sentence of splitSentences(paragraph)) refs.observe(sentence);
      return;
    }
    // An explainer's subheading ("Who is challenging it, and why?") is no fact either: the paragraphs under it answer
    // it, and their first facts learn it as a question.
    if (!interview && isSubheading(paragraph)) {
      heading = paragraph.trim();
      headingUses = 0;
      return;
    }
    const turn = interview?.answers.get(pi);
    const spans = quoted.filter((q) => q.paragraph === pi);
    let from = 0;
    let held = "";
    for (const sentence of splitSentences(paragraph)) {
      let at = paragraph.indexOf(sentence, from);
      if (at < 0) at = from;
      from = at + sentence.length;
      const upTo = refs.observe(sentence, !turn);
      const previous = lastSentence;
      lastSentence = sentence;
      const quotedChars = spans.reduce(
        (n, q) => n + Math.max(0, Math.min(q.end + 1, at + sentence.length) - Math.max(q.start - 1, at)),
        0,
      );
      let own = sentence;
      if (isQuoteSentence(sentence, at, spans, quotedChars)) {
        // "On my first day the head of the board, Oddvar Lien, showed me the accounts and said, "…"": the quotation
        // is a quote entry; what the reporting before it says is a fact of its own.
        const lead = quoteLeadIn(sentence, at, spans);
        if (!lead || (turn && at + lead.length <= turn.prefix)) continue;
        own = lead;
      }
      let clean = (turn && at < turn.prefix ? own.slice(turn.prefix - at) : own).replace(DATELINE, "").trim();
      // An interview answer that opens short ("Because I counted.", "A small one, yes.") answers the question most
      // directly: it is read with the sentence after it, not dropped as too short to be a fact.
      if (held) {
        clean = `${held} ${clean}`;
        held = "";
      }
      if (turn && wordCount(clean) < MIN_FACT_WORDS && !DEBRIS.some((re) => re.test(clean))) {
        held = clean;
        continue;
      }
      // "She is 17." is short but says something about the person before it.
      const brief =
        SHORT_CLAIM.test(clean) &&
        (/^(?:He|She)\s/.test(clean)
          ? refs.resolve(clean, upTo, !turn) !== null
          : fullName(clean.replace(/\s(?:is|was|turned|turns)\s.*$/, "")) !== null);
      if (isDebris(clean) && !brief) continue;
      for (const clause of clauses(clean)) {
        const { text, attribution } = splitAttribution(clause);
        if (isDebris(text) && !brief) continue;
        // A caption or pull quote repeating a sentence already taken: once is enough.
        const k = key(text);
        if (seen.some((x) => x.includes(k) || k.includes(x))) continue;
        seen.push(k);
        // "… have come up with homegrown versions of Western apps." then "There is an alternative ride-hailing app
        // similar to Uber, …": the list is what the sentence before announced; one fact says both.
        // The sentence's own fact, not a clause fact made beside it.
        const last = lastMain;
        if (
          ELABORATES.test(text) &&
          last &&
          last.paragraph === pi &&
          last.sentence === previous &&
          !attribution &&
          !last.attribution
        ) {
          // (Tagging the list with the announcement's keyphrases instead measured worse: the shorter announcement
          // still came first for "which apps …?", and the list alone answered "what is the name of …?".)
          last.text = `${last.text} ${text}`;
          last.tags = tagsFor(last.text, vocab, FACT_TAGS + 1);
          last.generated.push(...numberQuestions(text, vocab));
          continue;
        }
        const named = refs.resolve(text, upTo, !turn);
        // Three of its own keyphrases (more made the fact match questions it does not answer: eval:import, NBC),
        // after the names it leans on.
        const extra = [...(named ? [named] : []), ...roleTags(text, named, roles)];
        const fact: FactDraft = {
          text,
          tags: tagsFor(text, vocab, Math.min(5, FACT_TAGS + extra.length), extra),
          generated: [
            ...definitionQuestions(text),
            ...numberQuestions(text, vocab),
            ...populationQuestions(text),
            ...rankQuestions(text),
            ...agentQuestions(
              text,
              /,\s+(?:the\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*,/u.test(text),
              /^(?:Its|Their)\s/.test(text) ? possessor(named, previous) : null,
            ),
            ...personQuestions(text, named, roles, fullName).filter(
              (q) => !asked.has(q.toLowerCase()) && asked.add(q.toLowerCase()),
            ),
          ],
          paragraph: pi,
          sentence,
        };
        if (attribution) fact.attribution = attribution;
        if (heading && headingUses < 2) {
          fact.generated.unshift(heading);
          headingUses++;
        }
        if (turn) {
          // The interviewee's words: credited to them, and the first two facts of an answer learn its question.
          if (!attribution && interview!.speaker) fact.attribution = `${interview!.speaker} (interview)`;
          const k = askedOf.get(turn.question) ?? 0;
          if (k < 2) fact.generated.unshift(turn.question);
          askedOf.set(turn.question, k + 1);
        }
        facts.push(fact);
        lastMain = fact;
        // "While Facebook and Twitter are blocked, authorities allow …": the leading clause is a claim of its own.
        // Each a fact beside the sentence, never instead of it: the sentence's own words still answer as before.
        const parts = turn ? [] : [leadingClause(text), ...relativeClauses(text, speakerNames)];
        for (const lead of parts) {
          if (!lead || seen.includes(key(lead))) continue;
          seen.push(key(lead));
          facts.push({
            text: lead,
            tags: tagsFor(lead, vocab, FACT_TAGS),
            generated: [],
            paragraph: pi,
            sentence,
          });
        }
      }
    }
    // An answer that is all short ("Sleep."): still the answer to its question.
    if (held && turn && /\p{L}{2}/u.test(held) && !seen.includes(key(held))) {
      seen.push(key(held));
      const fact: FactDraft = {
        text: held,
        tags: tagsFor(held, vocab, FACT_TAGS),
        generated: [],
        paragraph: pi,
        sentence: held,
      };
      if (interview!.speaker) fact.attribution = `${interview!.speaker} (interview)`;
      const k = askedOf.get(turn.question) ?? 0;
      if (k < 2) fact.generated.push(turn.question);
      askedOf.set(turn.question, k + 1);
      facts.push(fact);
    }
  });
  return facts;
}

const SPEECH_VERBS = "said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|replied|recalled|warned";
/** "…, and he always said," / "… and said:" / "She told me": the speech formula that hands over to a quotation. */
const SAID_TAIL = new RegExp(
  `(?:,?\\s+(?:and|but|then)\\s+)?(?:,?\\s*(?:he|she|they|I|we|it)\\s+)?(?:(?:always|once|then|later|simply|just|often|never)\\s+)?(?:${SPEECH_VERBS})(?:\\s+(?:me|us|him|her|them|the \\w+))?(?:\\s+(?:that|this))?[\\s,:–—-]*$`,
  "iu",
);

/**
 * The reporting before a sentence's first quotation, when it says something of its own ("My grandfather was a joiner
 * at the shipyard, and he always said, "…"" → "My grandfather was a joiner at the shipyard."): six words or more with
 * a verb, once the speech formula that hands over to the quotation is cut. Null otherwise.
 */
export function quoteLeadIn(sentence: string, at: number, spans: readonly QuoteSpan[]): string | null {
  const first = spans
    .filter((q) => q.start - 1 >= at && q.start - 1 < at + sentence.length)
    .sort((a, b) => a.start - b.start)[0];
  if (!first) return null;
  const before = sentence.slice(0, first.start - 1 - at);
  const tail = SAID_TAIL.exec(before);
  if (!tail || tail.index === 0) return null;
  const lead = before.slice(0, tail.index).replace(/[\s,;:–—-]+$/u, "");
  if (wordCount(lead) < 6 || !FINITE.test(lead) || /["“”«»]/.test(lead)) return null;
  return `${lead}.`;
}

/** A paragraph that is one short question of the reporter's own (not a quotation): a subheading. */
function isSubheading(paragraph: string): boolean {
  const p = paragraph.trim();
  return p.length <= 120 && /\?$/.test(p) && !/["“”«»]/.test(p) && splitSentences(p).length === 1;
}

/** A sentence that lists or exemplifies what the one before announced. */
const ELABORATES =
  /^(?:There (?:is|are|was|were|will be)|(?:These|They|Others) include|Among them|For (?:example|instance)|One (?:is|was)\b)/;

const WHO_CLAUSE =
  /(?<![\p{L}'’])((?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}[\p{L}-]+),\s+who\s+((?:[^,;:"“”()]|,(?=\d)){8,160}?)(?=,(?!\d)|\.?$)/gu;
/**
 * The claims a sentence's relative clauses make about a named person: "Iranians told NBC News' Lester Holt, who
 * reported from the capital Tehran this week, that …" → "NBC News' Lester Holt reported from the capital Tehran this
 * week." Speakers are left out (their who-is fact says it), and so is a clause on a list of names ("…, Rouhani and
 * Zarif, who often use …"). (Clauses on things — "the Telegram service, which was used by …" — were measured too
 * and left out: their noun phrase is often misread, and they cost a decline.)
 */
export function relativeClauses(sentence: string, speakers: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(WHO_CLAUSE)) {
    const name = m[1]!.replace(/^(?:The|A|An|But|And)\s+/, "");
    const clause = m[2]!.trim();
    if (!/\s/.test(clause) || /^(?:said|says|told|added|asked)\b/.test(clause) || /[?!]/.test(clause)) continue;
    // "So, who should buy it?": a capitalised word that names no one.
    const first = name.split(/\s+/)[0]!;
    if (CAPITALISED_STOP.has(first) && !/^(?:Mr|Mrs|Ms|Dr|Prof)$/.test(first)) continue;
    if (speakers.some((sp) => sp.includes(name) || name.includes(sp))) continue;
    // "…, Rouhani and Zarif, who often use the platform": the clause is the whole list's.
    if (/\b(?:and|or)\s+(?:\p{Lu}[\p{L}'’-]*\s+)*$/u.test(sentence.slice(0, m.index))) continue;
    out.push(`${name} ${clause}.`);
  }
  return out;
}

const SUBORDINATOR =
  /^(?:While|Although|Though|After|Before|When|Since|Because|Once|Whereas|As)\s+([^,;:"“”]{8,200}),\s+(\S.*)$/u;
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|[\p{Ll}]{3,}ed)\b/u;

/**
 * The claim a leading subordinate clause makes ("After authorities banned Telegram in April 2018, officials …" →
 * "Authorities banned Telegram in April 2018."), when it is a clause (a verb, four words or more) before a main
 * clause of five words or more; null otherwise ("As a result, …", "Since Monday, …").
 */
export function leadingClause(sentence: string): string | null {
  const m = SUBORDINATOR.exec(sentence);
  if (!m) return null;
  const sub = m[1]!.trim();
  if (sub.split(/\s+/).length < 4 || m[2]!.split(/\s+/).length < 5 || !FINITE.test(sub)) return null;
  // "When I put it to her …": a clause about the reporter or the reader is no claim.
  if (/^(?:I|we|you)\b/i.test(sub)) return null;
  return `${capitalise(sub)}.`;
}

const SPEECH =
  "said|says|added|adds|told|tells|asked|asks|wrote|writes|explained|explains|continued|warned|warns|insisted|argued|replied|recalled|noted|laughed|laughs|shrugged|stated|declared|posted|tweeted";
const SPEECH_START = new RegExp(`^[\\s\\p{P}]*(?:${SPEECH})\\b`, "iu");
const SPEECH_AFTER = new RegExp(`^[\\s\\p{P}]*(?:[\\p{L}'’.,-]+\\s+){0,8}?(?:${SPEECH})\\b`, "iu");
const SPEECH_END = new RegExp(
  `\\b(?:${SPEECH})(?: (?:in a statement|on \\w+|that|to [\\p{L} ]{1,40}))?[\\s\\p{P}]*$`,
  "iu",
);

/**
 * A sentence that is a quotation with its attribution (`"…," said X, role.`, `X said: "…"`): it becomes a quote,
 * not a fact. A sentence that only carries a partial quote inside reporting stays a fact.
 */
function isQuoteSentence(sentence: string, at: number, spans: readonly QuoteSpan[], quotedChars: number): boolean {
  const share = quotedChars / sentence.length;
  if (share >= 0.5) return true;
  if (share < 0.2) return false;
  let rest = "";
  let from = 0;
  for (const q of [...spans].sort((a, b) => a.start - b.start)) {
    const s = Math.max(0, q.start - 1 - at);
    const e = Math.min(sentence.length, q.end + 1 - at);
    if (e <= 0 || s >= sentence.length) continue;
    // `"…," Iorga told Meridian Wire in an interview.`: the sentence opens with the quotation (or inside it, the
    // quotation having begun in the sentence before) and its speech verb follows straight after.
    if (!/[\p{L}\p{N}]/u.test(sentence.slice(0, s)) && SPEECH_AFTER.test(sentence.slice(e))) return true;
    rest += `${sentence.slice(from, s)} `;
    from = Math.max(from, e);
  }
  rest += sentence.slice(from);
  // `X wrote on the social network Quill on Wednesday: "…"`: the reporting ends in a colon before the quotation.
  if (/:\s*$/.test(rest.trim() ? rest.replace(/[\s.!?"“”‘’«»]+$/u, "") : "")) return true;
  return SPEECH_START.test(rest) || SPEECH_END.test(rest);
}

/**
 * "A; B" and "A, but B" → ["A.", "B."] when both sides are full clauses (six words or more, no quotation); else the
 * sentence whole. One fact per claim: "Iran may face isolation…, but millions stay connected…" answers two questions.
 */
function clauses(sentence: string): string[] {
  const parts = sentence.split(/;\s+|,\s+but\s+(?=\p{Ll})/u);
  if (parts.length < 2 || parts.some((p) => p.split(/\s+/).length < 6) || /["“”«»]/.test(sentence)) return [sentence];
  return parts.map((p, i) => {
    const t = i === 0 ? p : capitalise(p);
    return /[.!?]["”’]?$/.test(t) ? t : `${t}.`;
  });
}

/** A short sentence worth a fact when its pronoun or name is a person's: "She is 17.", "Vollrath is 74." */
const SHORT_CLAIM = /^(?:He|She|(?:\p{Lu}[\p{L}'’-]+\s){0,2}\p{Lu}[\p{L}'’-]+) (?:is|was|turned|turns) \d{1,3}\.?$/u;

/** How many of a fact's own keyphrases become its tags. */
const FACT_TAGS = 3;

/**
 * The name a fact leans on when it opens with a pronoun or "the <noun>" (or has one in subject position later) and
 * does not name it itself: "It was founded in 2015" after a sentence about Velora → "Velora"; "The company said …"
 * → the body the article called a company ("the ride-hailing company Velora", "Velora, a ride-hailing company").
 * Null when unsure. The fact's text stays the article's sentence; the name goes into its tags, so "when was Velora
 * founded?" finds it. `before` is the article up to the fact; see {@link References} for the rules.
 */
export function antecedent(
  text: string,
  before: readonly string[],
  vocab: Vocabulary,
  people: readonly PersonHint[] = [],
): string | null {
  const refs = new References(before, referenceHooks(vocab), people);
  for (const s of before) refs.observe(s);
  return refs.resolve(text);
}

/** How references read names: the same proper phrases and person test as tags. */
export function referenceHooks(vocab: Vocabulary) {
  return {
    phrases: (s: string) => properPhrases(s, vocab.names),
    looksLikePerson: (p: string) => !MONTH.test(p) && looksLikePerson(p, vocab),
  };
}

const ORGANISATION_WORD =
  /\b(University|College|School|Council|Ministry|Department|News|Wire|Times|Post|Group|Fund|Union|Bank|Court|Agency|Authority|Commission|Committee|Board|Institute|Association|Guild|Party|Company|Inc|Ltd|Corp|Holdings|Office|Police|Network|States?)\b/;

/** "Marcus Delahaye", or "Delahaye" when the article also gives the full name; not "Carrow State University". */
function looksLikePerson(phrase: string, vocab: Vocabulary): boolean {
  if (ORGANISATION_WORD.test(phrase)) return false;
  const words = phrase.split(/\s+/);
  if (words.length >= 2 && words.length <= 4) return words.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  return [...vocab.names].some((n) => {
    const parts = n.split(/\s+/);
    return parts.length >= 2 && parts.at(-1) === phrase && !ORGANISATION_WORD.test(n);
  });
}

/**
 * What the article calls each person it names, as a head noun: "Yvonne Achebe-Lindgren, a labor economist at …" →
 * economist; "pharmacist Renata Imbert" → pharmacist. Keyed by the full name and by the surname (when only one
 * person has it). A fact about that person is tagged with the noun, so "what did the economist find?" finds it.
 */
export function personRoles(paragraphs: readonly string[], vocab: Vocabulary): Map<string, string> {
  const out = new Map<string, string>();
  const surnames = new Map<string, number>();
  const people = [...vocab.names].filter((n) => n.split(/\s+/).length >= 2 && looksLikePerson(n, vocab));
  for (const n of people) surnames.set(n.split(/\s+/).at(-1)!, (surnames.get(n.split(/\s+/).at(-1)!) ?? 0) + 1);
  const text = paragraphs.join("\n");
  for (const name of people) {
    const esc = escapeRe(name);
    let noun: string | null = null;
    // "Name, a labor economist at X," / "Name, the district's superintendent,"
    const after = new RegExp(
      `${esc},\\s+(?:a|an|the|[\\p{Lu}][\\p{L}'’]*['’]s)\\s+((?:[\\p{Ll}-]+\\s+){0,3}?[\\p{Ll}-]{3,})(?=[,.;]|\\s+(?:at|of|in|for|from|with|who|whose|on)\\b)`,
      "u",
    ).exec(text);
    if (after) noun = after[1]!.split(/\s+/).at(-1)!;
    if (!noun) {
      // "A labor economist at X, Name," / "pharmacist Name"
      const before = new RegExp(
        `(?:^|[\\s(])(?:a|an|the)?\\s*([\\p{Ll}-]{4,})(?:\\s+(?:at|of|in|for|from)\\s+[^,.;]{2,60},|,)?\\s+${esc}\\b`,
        "u",
      ).exec(text);
      if (before) noun = before[1]!;
    }
    if (!noun || !PERSON_NOUN.test(noun) || NOT_PERSON_NOUN.test(noun) || STOP_WORDS.has(noun)) continue;
    // "in Port Celeste", "at Open Lines": a place or a body, not a person.
    if (new RegExp(`\\b(?:in|at|from|to|near|across|of)\\s+(?:the\\s+)?${esc}\\b`, "u").test(text)) continue;
    out.set(name, noun);
    const surname = name.split(/\s+/).at(-1)!;
    if (surnames.get(surname) === 1 && !out.has(surname)) out.set(surname, noun);
  }
  return out;
}

/** A noun that names a person by their work or relation: "economist", "spokesman", "mother", "minister". */
const PERSON_NOUN =
  /(?:ist|[^t]er|or|ian|man|woman|person|ant|ent|ee|eer|ess|mother|father|son|daughter|wife|husband|chief|head|minister|official|owner|student|teacher|nurse|engineer|driver|analyst|expert|founder|leader|member|resident|parent|grandmother|grandfather|aunt|uncle|nephew|niece|friend|boss|clerk|judge|mayor|lawyer|coach|guard|reporter|writer|director|officer|worker|user|cousin|partner|colleague|neighbo(?:u)?r|veteran|activist|candidate|deputy|secretary|trustee|rapper|singer|actor|chef|pilot|farmer|fisherman|baker)$/;
const NOT_PERSON_NOUN =
  /^(?:trawler|tanker|freighter|steamer|liner|schooner|container|trailer|scooter|tractor|heater|boiler|cooler|printer|charger|reactor|monitor|sensor|generator|elevator|escalator|corridor|harbor|harbour|anchor|manor|mirror|center|centre|water|paper|number|power|order|letter|matter|border|corner|computer|server|cover|counter|river|weather|winter|summer|quarter|chapter|sector|factor|error|floor|door|color|colour|vendor|motor|event|percent|moment|statement|government|department|agreement|element|content|extent|parent-teacher|season|reason|person|lesson|comparison|prison|poison|opinion|region|religion|session|version|million|billion)$/;

/** The role nouns of the people a fact names (or leans on through a pronoun), and their full names. */
function roleTags(text: string, named: string | null, roles: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [name, noun] of roles) {
    const mentioned = named === name || new RegExp(`\\b${escapeRe(name)}\\b`, "u").test(text);
    if (mentioned && !new RegExp(`\\b${noun}\\b`, "iu").test(text)) out.push(noun);
  }
  return [...new Set(out)];
}

/**
 * The full name a person goes by in the article: a name of two words or more as it stands ("Tove Amundsen-Reyes"), a
 * surname ("Okwu-Marsh", "Mr Trethewey") when exactly one full name the article writes ends with it (else the first
 * such name among the speakers); null otherwise.
 */
export function fullNameOf(name: string, vocab: Vocabulary, speakers: readonly string[] = []): string | null {
  const words = name
    .replace(/^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)/, "")
    .split(/\s+/)
    .filter(Boolean);
  while (words.length && CAPITALISED_STOP.has(words[0]!)) words.shift();
  if (words.length === 0 || words.some((w) => !/^\p{Lu}[\p{L}'’-]+$/u.test(w))) return null;
  const phrase = words.join(" ");
  if (words.length >= 2) return looksLikePerson(phrase, vocab) ? phrase : null;
  const owners = [...vocab.names].filter(
    (n) => n.split(/\s+/).length >= 2 && n.split(/\s+/).at(-1) === phrase && looksLikePerson(n, vocab),
  );
  // "Quennell, 39," in a profile of Bettany Quennell that also quotes her sister Harriet: a surname alone is the
  // person the article is about, the one quoted and named first (others of the family go by their first names).
  const quoted = owners.filter((n) => speakers.includes(n));
  return owners.length === 1 ? owners[0]! : (quoted[0] ?? null);
}

const KIN =
  /\b(?:mother|father|mum|mom|dad|son|daughter|wife|husband|sister|brother|grandmother|grandfather|granddaughter|grandson|aunt|uncle|niece|nephew|cousin|widow|widower|partner|fiancée?|friend|neighbou?r|parents?|child|children)\b/i;
const NOT_A_JOB =
  /\b(?:defendant|accused|victim|witness|suspect|resident|student|pupil|sophomore|freshman|patient|passenger|customer|user|fan|man|woman|boy|girl|teenager|child)\b/i;
const WORK_VERB =
  /^(?:(?:has|had|have)\s+(?:been\s+)?)?(?:runs?|ran|run|owns?|owned|works?|worked|teach(?:es)?|taught|stud(?:ies|ied|y)|manages?|managed|leads?|led|heads?|headed|chairs?|chaired|directs?|directed|farms?|farmed|grows?|fish(?:es|ed)?|keeps|makes|builds|sells|cooks|bakes|serves?|served|trains?|trained|coach(?:es|ed)?|represents?|represented|edits?|edited|writes|designs|repairs|looks after|cares for)\b/i;
/**
 * How readers ask what a person does, for a fact that says it: "What does X do for a living?", and "Where does X
 * work?" when the words name a place of work ("a nurse at Marrowfield General", "who studies … at the University of
 * Lorne"). The core knows no "job"/"living"/"work" for a role noun, so the fact carries the question. `clause`: the
 * words are a relative clause ("who runs a flower shop"), read only when a verb of work opens it; `lead`: the noun
 * phrase the article set before the name ("Her husband, Mikkel, who …").
 */
export function jobQuestions(name: string, says: string, clause = false, lead = ""): string[] {
  // "her daughter", "the widow of …": a relation, not a job; "the defendant", "a sophomore at …" neither.
  if (KIN.test(`${lead} ${says}`) || NOT_A_JOB.test(`${lead} ${says}`)) return [];
  // A relative clause says what someone does for work only by a verb of work ("who runs a flower shop"), not
  // "who had her second child at the ward".
  if (clause && !WORK_VERB.test(says)) return [];
  const out = [`What does ${name} do for a living?`];
  if (/\b(?:at|for|with)\s+(?:the\s+)?\p{Lu}/u.test(says)) out.push(`Where does ${name} work?`);
  return out.filter((q) => q.length <= 200);
}

/** A noun for who does something to a thing, and the verb a reader asks it by: "the café's owner" → owns. */
const AGENT_VERB: Record<string, string> = {
  owner: "owns",
  owners: "own",
  founder: "founded",
  founders: "founded",
  "co-founder": "founded",
  chair: "chairs",
  chairman: "chairs",
  chairwoman: "chairs",
  chairperson: "chairs",
  leader: "leads",
  head: "heads",
  manager: "manages",
  director: "directs",
  organiser: "organises",
  organizer: "organizes",
  operator: "operates",
  publisher: "publishes",
  editor: "edits",
  captain: "captains",
  coach: "coaches",
};
/** Those that run the thing: asked "Who runs …?" too. */
const RUNS = /^(?:owners?|head|manager|director|chairman|chairwoman|chair|chairperson|leader)$/;
const AGENT = Object.keys(AGENT_VERB).join("|");
/** "the café's owner", "the festival's chair": a thing's agent by a possessive; or "the ferry operator". */
const AGENT_OF = new RegExp(
  `\\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+((?:[\\p{Ll}-]+\\s+){0,2}?[\\p{Ll}-]+)(['’]s?\\s+(?:[\\p{Ll}-]+\\s+)?|\\s+)(${AGENT})\\b(?!\\s+(?:of|for|at)\\b|['’-])`,
  "u",
);

/** "Its chair, Halvor Eidsmo, …": a body's agent by a possessive pronoun, named beside it. */
const OWN_AGENT = new RegExp(`^(?:Its|Their)\\s+(?:[\\p{Ll}-]+\\s+)?(${AGENT}),\\s+\\p{Lu}`, "u");
/** A body a sentence names by a common noun: "the regional farmers' association". */
const BODY_NP =
  /\b[Tt]he\s+(?:[\p{Ll}'’-]+\s+){0,3}(?:association|union|council|committee|board|trust|society|group|club|charity|company|firm|federation|party|campaign|network|cooperative|co-operative|team|authority|agency|institute|college|school|hospital|museum|festival)\b/gu;

/**
 * The body a sentence's opening "Its"/"Their" stands for: the name the fact leans on, else the last body the sentence
 * before names by a common noun ("… according to the regional farmers' association." → that association).
 */
export function possessor(named: string | null, previous: string | undefined): string | null {
  if (named) return named;
  const all = [...(previous ?? "").matchAll(BODY_NP)];
  const last = all.at(-1)?.[0];
  return last ? last.charAt(0).toLowerCase() + last.slice(1) : null;
}

/**
 * "Who owns the café?" / "Who runs the café?" for a statement of who a thing's owner, founder, chair or operator
 * is ("The port's owner, the Kilbrannan Harbour Trust, has backed him", "Imogen Tarrant is the festival's chair"):
 * readers ask by the verb, the article says the noun. `named` says the sentence gives the agent's name (a fact
 * that only mentions "the owner" answers nothing of the kind). Empty when it does not.
 */
export function agentQuestions(text: string, named: boolean, owner: string | null = null): string[] {
  if (!named) return [];
  // "Its chair, Halvor Eidsmo, said …" after a sentence about "the regional farmers' association": the body's.
  const own = owner ? OWN_AGENT.exec(text) : null;
  if (own && owner) {
    const noun = own[1]!.toLowerCase();
    const out = [`Who ${AGENT_VERB[noun]!} ${owner}?`];
    if (RUNS.test(noun)) out.push(`Who runs ${owner}?`);
    return out.filter((q) => q.length <= 200);
  }
  const m = AGENT_OF.exec(text);
  if (!m) return [];
  const thing = m[1]!;
  const noun = m[3]!.toLowerCase();
  // "his own company's founder" reads the same; "their head" (no thing) does not.
  if (!/['’]/.test(m[2]!) && /^(?:his|her|their|its)$/i.test(text.slice(m.index, m.index + 5).trim())) return [];
  if (STOP_WORDS.has(thing) || /^(?:own|new|former|late|first)$/.test(thing)) return [];
  const article = /^(?:its|his|her|their)$/i.test(m[0].split(/\s+/)[0]!) ? null : "the";
  if (!article) return [];
  const verb = AGENT_VERB[noun]!;
  const out = [`Who ${verb} the ${thing}?`];
  if (RUNS.test(noun)) out.push(`Who runs the ${thing}?`);
  return out.filter((q) => q.length <= 200);
}

const PERSON_NAME = String.raw`(?<![\p{L}'’-])(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?((?:\p{Lu}[\p{L}'’-]+\s){0,3}\p{Lu}[\p{L}'’-]+)`;
/** ", 58," after a name: an age in apposition, its digits captured. */
const AGE_APPOSED = String.raw`,\s+(\d{1,3}),`;
/** "X, 29," / "X, a 36-year-old" / "X is 74" / "X, is 17 and …": an age in apposition or after a copula. */
const AGE_OF = [
  new RegExp(`${PERSON_NAME}(?:${AGE_APPOSED}|,\\s+an?\\s+\\d{1,3}-year-old\\b)`, "gu"),
  new RegExp(
    `${PERSON_NAME},?\\s+(?:is|was)\\s+(?:\\d{1,3}|an?\\s+\\d{1,3}-year-old)(?![\\d.,]*\\d|\\s*(?:%|percent|per\\b|years?\\s+(?:ago|later|before|after|since)))\\b`,
    "gu",
  ),
];
/** The age the article gives in apposition to a speaker's name or alias ("Mr Trethewey, 58,"); null when none. */
export function ageOf(s: { name: string; aliases: readonly string[] }, body: string): string | null {
  const names = namesAlternation(s);
  if (!names) return null;
  const re = new RegExp(`(?<![\\p{L}])(?:${names})${AGE_APPOSED}`, "u");
  return re.exec(body)?.[1] ?? null;
}

/** What a person became or does for a living: "became general manager", "has worked nights on", "trained as". */
const BECAME = String.raw`(?:became|has become|had become|serves as|served as|works as|worked as|trained as|has worked|has been)\s`;
/** "X, 44, is a former engineer", "X, 52, has worked nights here", "X is a nurse from Kaldren": says who X is. */
const DEFINED = new RegExp(
  `${PERSON_NAME}(?:,\\s+\\d{1,3},?)?\\s+(?:(?:is|was)\\s+(?:a|an|the)\\s|${BECAME})|${PERSON_NAME},\\s+\\d{1,3},\\s+(?:a|an|the)\\s`,
  "gu",
);

/**
 * "Who is X?" and "What is X's job?" for the sentence that says what a person named in the article (not a speaker:
 * speakers get their own who-is fact) is: "Yvonne Achebe-Lindgren, a labor economist at …", "Okwu-Marsh, 44, is a
 * former telecoms engineer"; "How old is X?" for "X, 29," / "X, a 36-year-old …" / "Vollrath is 74." / "She is 17."
 * (the pronoun resolved to X). Only full names are asked about: a surname is asked by the one full name the article
 * gives with it (`fullName`, see {@link fullNameOf}), as a reader who read the article would.
 */
export function personQuestions(
  text: string,
  named: string | null,
  roles: ReadonlyMap<string, string>,
  fullName?: (name: string) => string | null,
): string[] {
  const out: string[] = [];
  for (const name of roles.keys()) {
    if (!name.includes(" ")) continue;
    const esc = escapeRe(name);
    if (
      new RegExp(`${esc},\\s+(?:a|an|the|[\\p{Lu}][\\p{L}'’]*['’]s)\\s`, "u").test(text) ||
      (new RegExp(`[\\p{Ll}],?\\s+${esc}\\b`, "u").test(text) &&
        roles.get(name) &&
        new RegExp(`\\b${roles.get(name)}\\b`, "u").test(text))
    )
      out.push(`Who is ${name}?`, `What is ${name}'s job?`);
  }
  const full = fullName ?? ((n: string) => (n.includes(" ") ? n : null));
  if (fullName)
    for (const m of text.matchAll(DEFINED)) {
      const name = full(m[1] ?? m[2]!);
      if (name && !out.includes(`Who is ${name}?`)) out.push(`Who is ${name}?`);
    }
  let age: string | null = null;
  for (const re of AGE_OF) for (const m of text.matchAll(re)) age ??= full(m[1]!);
  if (!age && named && /^(?:He|She) is (?:\d{1,3}|an?\s+\d{1,3}-year-old)\b/.test(text)) age = named;
  if (age && age.includes(" ")) out.push(`How old is ${age}?`);
  return out;
}
