/**
 * The draft knowledge file of an imported article: the extracted article plus who said what, turned into the same
 * YAML a person would write (source, speakers, quotes, facts) and the plain text the quotes are checked against.
 * Pure: no I/O. Ids are made unique against the ids the knowledge folder already uses.
 */
import { readInterview } from "./interview.js";
import { Document, isScalar, isSeq, visit } from "yaml";
import type { ExtractedArticle } from "./types.js";
import { splitSentences } from "./sentences.js";
import { escapeRe, namesAlternation, roleBefore } from "./speakers.js";
import { isKnownEnglish } from "../core/index.js";
import {
  ageOf,
  articleSetting,
  agentQuestions,
  articleVocabulary,
  jobQuestions,
  keyphrases,
  makeFacts,
  mentions,
  slug,
  tagsFor,
  topicsOf,
  type Vocabulary,
} from "./facts.js";

import type { Attribution, DraftQuote, DraftSpeaker } from "./attribute.js";
import { vetAttribution } from "./vet.js";
import { personFacts, restates, withBodyNames, type PersonFact } from "./people-facts.js";

export type { Attribution, DraftQuote, DraftSpeaker } from "./attribute.js";

/** Ids already used in the knowledge folder, so the draft's own never collide with another file's. */
export interface TakenIds {
  sources: ReadonlySet<string>;
  entries: ReadonlySet<string>;
  /** Speaker id → name and role there: the same person may share an id across files, a different one may not. */
  speakers: ReadonlyMap<string, { name: string; role?: string | undefined }>;
}

export const NO_TAKEN_IDS: TakenIds = { sources: new Set(), entries: new Set(), speakers: new Map() };

export interface DraftOptions {
  /** The source id (and file name); default a slug of the headline. */
  id?: string;
  /** The outlet, when the article does not say (a text file); else the extracted one. */
  publisher?: string;
  taken?: TakenIds;
}

/** The YAML shape (see src/core/schema.ts), written in this key order. */
export interface KnowledgeDoc {
  source: {
    id: string;
    title: string;
    publisher: string;
    reporters: string[];
    date?: string;
    url?: string;
    text: string;
  };
  speakers: { id: string; name: string; role?: string; aliases: string[] }[];
  quotes: {
    id: string;
    text: string;
    speaker: string;
    context?: string;
    tags: string[];
    generated_questions: string[];
  }[];
  facts: { id: string; text: string; attribution?: string; tags: string[]; generated_questions: string[] }[];
}

/** One speaker line of the review. */
export interface SpeakerSummary {
  name: string;
  role: string | null;
  quotes: number;
}

export interface Draft {
  id: string;
  doc: KnowledgeDoc;
  /** The article's plain text, written beside the YAML as `<id>.txt`. */
  text: string;
  speakers: SpeakerSummary[];
  /** Things a person should check, one line each. */
  warnings: string[];
}

/** When the publisher is unknown: says so in the file rather than guess, and the review asks for it. */
export const UNKNOWN_PUBLISHER = "unknown publisher";

/** The article text as written beside the YAML: headline, byline line (if any), blank line, paragraphs. */
export function articleText(article: ExtractedArticle): string {
  const head = [article.title.trim()];
  const byline = article.byline ?? (article.reporters.length ? article.reporters.join(" and ") : null);
  if (byline) head.push(/^by\s/i.test(byline) ? byline : `By ${byline}`);
  return `${head.join("\n")}\n\n${article.paragraphs.map((p) => p.replace(/\s+/g, " ").trim()).join("\n\n")}\n`;
}

/** A source id from a headline: lower-case slug, at most 63 characters, never empty. */
export function sourceIdFor(title: string): string {
  return slug(title, 48) || "article";
}

/** Quote text as stored: the words between the marks, minus a trailing comma or colon the sentence needed. */
export function storedQuoteText(raw: string): string {
  return raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s,;:–—-]+$/u, "")
    .trim();
}

/** A unique id: `base`, else `base-2`, `base-3`… (kept within 63 characters). */
function unique(base: string, used: Set<string>): string {
  const root = slug(base, 63) || "entry";
  let id = root;
  for (let n = 2; used.has(id); n++) id = `${slug(root, 63 - String(n).length - 1)}-${n}`;
  used.add(id);
  return id;
}

function idWords(text: string, vocab: Vocabulary, n: number): string {
  const parts = keyphrases(text, vocab)
    .slice(0, n)
    .map((p) => slug(p, 24))
    .filter(Boolean);
  return [...new Set(parts.join("-").split("-"))].join("-");
}

const isPersonName = (s: DraftSpeaker) => s.kind === "person";

/**
 * The speaker under the fullest form of their name the article gives ("Mohammad Javad Azari Jahromi" where the
 * quotes say "Mohammad Jahromi"), the shorter one kept as an alias: a reader may ask by either.
 */
function withFullName<S extends { name: string; aliases: string[] }>(s: S, body: string): S {
  const parts = s.name.trim().split(/\s+/);
  if (parts.length !== 2 || parts.some((p) => !/^\p{Lu}[\p{L}'’-]+$/u.test(p))) return s;
  const esc = escapeRe;
  const re = new RegExp(`\\b${esc(parts[0]!)}((?:\\s+\\p{Lu}[\\p{L}'’-]+){1,3})\\s+${esc(parts[1]!)}\\b`, "gu");
  let full: string | null = null;
  for (const m of body.matchAll(re)) if (!full || m[0].length > full.length) full = m[0].replace(/\s+/g, " ");
  if (!full) return s;
  return { ...s, name: full, aliases: [...new Set([s.name, ...s.aliases])] };
}

/** "Who is X?" questions for a speaker (and the role's, when it names one post: "Who is the superintendent?"). */
function whoQuestions(s: DraftSpeaker): string[] {
  if (isDescription(s.name)) return [];
  if (!isPersonName(s)) return [`What is ${askName(s)}?`, `Who is ${askName(s)}?`];
  const out = [`Who is ${s.name}?`, `What is ${s.name}'s job?`, ...jobQuestions(s.name, s.role ?? "")];
  if (s.role && /\b\d+-year-old\b/.test(s.role)) out.push(`How old is ${s.name}?`);
  // A role that names one post ("the district's superintendent", "Digital Sovereignty Minister") is asked about too.
  if (s.role && /^(the\s|[\p{Lu}])/u.test(s.role) && s.role.length <= 80) out.push(`Who is ${roleAsked(s.role)}?`);
  if (s.role) out.push(...agentQuestions(s.role, true));
  return out.filter((q) => q.length <= 200);
}

/** "the district's superintendent"; a title gets its article: "Digital Sovereignty Minister" → "the Digital …". */
function roleAsked(role: string): string {
  if (/^The\s/.test(role)) return `the${role.slice(3)}`;
  return /^\p{Lu}/u.test(role) && !/^\S+['’]s\s/u.test(role) ? `the ${role}` : role;
}

/** A speaker the article describes instead of naming ("an engineer at one of …"). */
function isDescription(name: string): boolean {
  return /^(a|an|the|one)\s/i.test(name) || name.length > 50;
}

/** How a question names the speaker: the name, or for a described one its shortest "the …" alias. */
function askName(s: DraftSpeaker): string | null {
  if (
    s.kind === "organisation" &&
    /^(Ministry|Department|Commission|Council|Office|Agency|Bureau|Board|Committee|Authority|Government|Union|Institute|Court|Police)\b/.test(
      s.name,
    )
  ) {
    return `the ${s.name}`;
  }
  if (
    s.kind === "organisation" &&
    /\s(Commission|Council|Ministry|Agency|Bureau|Board|Committee|Authority|Institute|Union|Fund|Guild)$/.test(s.name)
  ) {
    return `the ${s.name}`;
  }
  if (!isDescription(s.name)) return s.name;
  const alias = s.aliases.filter((a) => /^the\s/i.test(a) && a.length <= 40).sort((a, b) => a.length - b.length)[0];
  return alias ?? null;
}

/**
 * Builds the draft. Quotes with a speaker become quote entries; a quotation with no speaker is left in its
 * sentence's fact and flagged. Every speaker with a role also gets a "who is" fact restating the article's
 * appositive ("Harlan Voss is the district's superintendent."), with generated who-is questions.
 */
export function draftKnowledge(
  article: ExtractedArticle,
  attribution0: Attribution,
  options: DraftOptions = {},
): Draft {
  let attribution = attribution0;
  const body = article.paragraphs.join("\n");
  const taken = options.taken ?? NO_TAKEN_IDS;
  const id = options.id ?? sourceIdFor(article.title);
  const warnings: string[] = [];
  const vocab = articleVocabulary(article.paragraphs);
  const entryIds = new Set(taken.entries);

  // Speakers: keep the attribution's id when it is free (or the same person elsewhere), else make it unique.
  const speakerIds = new Set<string>();
  const speakerMap = new Map<string, string>();
  attribution = vetAttribution(mergeShortNames(attribution));
  const used = attribution.speakers
    .filter((s) => attribution.quotes.some((q) => q.speakerId === s.id && storedQuoteText(q.text)))
    .map((s) => withFullName(s, body));
  const speakers: KnowledgeDoc["speakers"] = [];
  for (const s of used) {
    const base = slug(s.id, 63) || slug(s.name, 63) || "speaker";
    let sid = base;
    for (let n = 2; ; n++) {
      const there = taken.speakers.get(sid);
      const same = there && there.name === s.name && (there.role ?? null) === (s.role ?? null);
      if (!speakerIds.has(sid) && (!there || same)) break;
      sid = `${slug(base, 60)}-${n}`;
    }
    speakerIds.add(sid);
    speakerMap.set(s.id, sid);
    const aliases = [...new Set(s.aliases.map((a) => a.trim()).filter((a) => a && a.length <= 40 && a !== s.name))];
    const role = roleText(s.role, body);
    const flagged = attribution.warnings.some((w) => /\brole\b/i.test(w) && w.includes(s.name));
    if (!role && !flagged)
      warnings.push(`speaker without role: ${s.name} (the article gives none; add one if it does)`);
    speakers.push(role ? { id: sid, name: s.name.trim(), role, aliases } : { id: sid, name: s.name.trim(), aliases });
  }

  // Quotes.
  const quotes: KnowledgeDoc["quotes"] = [];
  const quoteCount = new Map<string, number>();
  const firstQuote = new Map<string, KnowledgeDoc["quotes"][number]>();
  const speakerById = new Map(attribution.speakers.map((s) => [s.id, s]));
  const asked = new Set<string>();
  for (const q of attribution.quotes) {
    const text = storedQuoteText(q.text);
    if (!text) continue;
    const speaker = q.speakerId === null ? undefined : speakerById.get(q.speakerId);
    const sid = q.speakerId === null ? undefined : speakerMap.get(q.speakerId);
    if (!speaker || !sid) {
      warnings.push(`unattributed quote (paragraph ${q.paragraph + 1}, kept as part of a fact): “${clip(text, 70)}”`);
      continue;
    }
    if (!q.confident) warnings.push(`check the speaker (${speaker.name}) of: “${clip(text, 70)}”`);
    const surname = slug(speaker.name.split(/\s+/).pop() ?? speaker.name, 20);
    const qid = unique(`${surname}-${idWords(text, vocab, 3) || "quote"}`, entryIds);
    const who = askName(speaker);
    const topics = topicsOf(text, vocab).filter((k) => !speaker.name.toLowerCase().includes(k.toLowerCase()));
    const generated: string[] = [];
    for (const t of topics) {
      // Two per quote, none repeated across the speaker's quotes.
      const q = `What did ${who} say about ${t}?`;
      if (!who || generated.length >= 2) break;
      if (asked.has(q.toLowerCase())) continue;
      asked.add(q.toLowerCase());
      generated.push(q);
    }
    const entry: KnowledgeDoc["quotes"][number] = {
      id: qid,
      text,
      speaker: sid,
      tags: tagsFor(text, vocab, 5, [speaker.name.split(/\s+/).pop() ?? speaker.name]),
      generated_questions: generated,
    };
    let context = quoteContext(article.paragraphs, q, attribution.quotes) || q.context.replace(/\s+/g, " ").trim();
    const fromContext = askedQuestion(context);
    if (fromContext) generated.unshift(fromContext);
    // `"…," Jahromi said.` after a sentence that reports what he said: that sentence is what the quote is about.
    if (!context || saysNothing(context))
      context = leadIn(article.paragraphs, q, attribution.quotes, speaker) ?? context;
    if (context && context.length <= 3000 && !saysNothing(context)) entry.context = context;
    quotes.push(entry);
    quoteCount.set(sid, (quoteCount.get(sid) ?? 0) + 1);
    if (!firstQuote.has(sid)) firstQuote.set(sid, entry);
  }

  // The place the article is set in ("Iran"): entries that leave it unsaid are still about it, and are tagged with
  // it as a person would write "in Iran" (loop: NBC sets in scope +2 to +5 points each, no decline lost).
  const setting = articleSetting(
    article.paragraphs,
    vocab,
    used.map((u) => u.name),
  );
  const setIn = (e: { text: string; tags: string[] }, context = "") => {
    if (setting && !mentions(e.text, setting) && !mentions(context, setting) && !e.tags.includes(slug(setting)))
      e.tags.push(slug(setting));
  };
  for (const q of quotes) setIn(q, q.context);
  // Facts: sentences that are not quotations (a quotation left without a speaker stays in its sentence).
  const attributed = attribution.quotes.filter((q) => q.speakerId !== null && speakerMap.has(q.speakerId));
  const facts: KnowledgeDoc["facts"] = [];
  const undescribed: DraftSpeaker[] = [];
  for (const s of used) {
    const sid = speakerMap.get(s.id)!;
    const role = roleText(s.role, body);
    // A speaker with no role: "Mira Solano, 41, who was traveling with her two children" says who she is. (Added to a
    // role, the clause's words made the who-is fact answer near misses: "What was the name of the coffee shop?")
    const more = role || isDescription(s.name) ? null : relativeClause(s, body);
    if (role) {
      const fid = unique(`who-is-${sid}`, entryIds);
      // "'…,' Mr Trethewey, 58, said": an age the article gives beside the name where it quotes them.
      const age = /\d/.test(role) ? null : ageOf(s, body);
      const asked = whoQuestions({ ...s, role });
      facts.push({
        id: fid,
        text: age ? `${s.name}, ${age}, is ${role}.` : `${s.name} is ${role}.`,
        tags: tagsFor(`${s.name}, ${role}`, vocab, 4),
        generated_questions: age && isPersonName(s) ? [...asked, `How old is ${s.name}?`] : asked,
      });
    } else if (more && s.kind === "person") {
      const fid = unique(`who-is-${sid}`, entryIds);
      const age = more.appositives.find((a) => /^\d{1,3}$/.test(a));
      const appositives = more.appositives.map((a) => `, ${a}`).join("");
      facts.push({
        id: fid,
        // The article's own words; with no appositive, "who" kept: "Edvin Solbakk, who runs the grocery" says who he
        // is, as an answer to "who is Edvin Solbakk?" must ("Edvin Solbakk runs the grocery" says what he does).
        text: more.lead
          ? `${more.lead}, ${s.name}${appositives}, who ${more.clause}.`
          : more.appositives.length
            ? `${s.name}${appositives}, ${more.clause}.`
            : `${s.name}, who ${more.clause}.`,
        tags: tagsFor(`${s.name}, ${more.clause}`, vocab, 4),
        generated_questions: [
          `Who is ${s.name}?`,
          ...(age ? [`How old is ${s.name}?`] : []),
          ...jobQuestions(s.name, more.clause, true, more.lead),
        ],
      });
    } else if (s.kind === "person" && !isDescription(s.name) && roleBefore(s, body)) {
      // "The council leader on Vorren Sør, Ingrid Falk, rang me": the article's noun phrase before the name says who
      // she is, restated as the who-is fact a role would give.
      const lead = roleBefore(s, body)!;
      facts.push({
        id: unique(`who-is-${sid}`, entryIds),
        text: `${s.name} is ${lead}.`,
        tags: tagsFor(`${s.name}, ${lead}`, vocab, 4),
        generated_questions: [`Who is ${s.name}?`, `What is ${s.name}'s job?`, ...jobQuestions(s.name, lead)],
      });
    } else if (!isDescription(s.name)) undescribed.push(s);
  }
  const interview = readInterview(article.paragraphs, article.title, article.reporters);
  if (interview && !interview.speaker)
    warnings.push("an interview whose interviewee is not named: its answers are kept as unattributed facts");
  makeFacts(
    article.paragraphs,
    attributed,
    vocab,
    used.map((s) => s.name),
    interview,
    attribution.speakers,
    used.filter((s) => !undescribed.includes(s)).map((s) => s.name),
  ).forEach((f) => {
    const fid = unique(idWords(f.text, vocab, 3) || "fact", entryIds);
    setIn(f);
    // No headline keyphrases on the lead: the core already credits every entry of a source with its title's words,
    // and extra ones made the lead answer questions about things the article does not say (eval:import, NBC).
    const fact: KnowledgeDoc["facts"][number] = {
      id: fid,
      text: f.text,
      tags: f.tags,
      generated_questions: f.generated,
    };
    if (f.attribution) fact.attribution = f.attribution;
    facts.push(fact);
  });

  // Short derived facts about the people and bodies the article describes ("Caspian Merrow is from Ashby Fell.",
  // "Mikkel is Nadia Sorrell's husband."): one the facts already state gets the questions; the rest are added, with
  // ids `about-<name>` so a reader of the file sees they restate the article rather than quote a sentence of it.
  for (const d0 of personFacts(
    article.paragraphs,
    vocab,
    used.map((s) => s.name),
  )) {
    // "Mohammad Jahromi, Iran's communications minister," for the speaker the file names Mohammad Javad Azari
    // Jahromi: the fact uses the speaker's name, so it meets (and merges with) the role fact.
    const d = asSpeakerNamed(d0, used);
    const same = facts.find(
      (f) =>
        f.text.toLowerCase() === d.text.toLowerCase() ||
        (f.id.startsWith("who-is-") && restates(d.text, f.text, d.about)),
    );
    // "Sadie Okwu is 28." where the role fact already says "Sadie Okwu, 28, is another fan.": that one answers it.
    const age = d.text.startsWith(`${d.about} is `) ? /^.+ is (\d{1,3})\.$/.exec(d.text)?.[1] : undefined;
    const aged = age ? facts.find((f) => f.id.startsWith("who-is-") && f.text.startsWith(`${d.about}, ${age},`)) : null;
    // "… is the communications minister." where a fact already says "… is Iran's Communications minister.".
    const fuller = facts.find((f) => /^(?:who-is|about)-/.test(f.id) && restates(f.text, d.text, d.about));
    if (!same && fuller) {
      for (const q of d.generated) if (!fuller.generated_questions.includes(q)) fuller.generated_questions.push(q);
      continue;
    }
    if (aged) {
      for (const q of d.generated) if (!aged.generated_questions.includes(q)) aged.generated_questions.push(q);
      continue;
    }
    if (same) {
      same.text = d.text;
      same.tags = [...new Set([...same.tags, ...tagsFor(d.text, vocab, 4)])];
      for (const q of d.generated) if (!same.generated_questions.includes(q)) same.generated_questions.push(q);
      // "Anders is Hester Lindqvist's son.": a relation, so not asked as a job (it answered "What is Anders's job?").
      if (d.relation)
        same.generated_questions = same.generated_questions.filter(
          (q) => q !== `What is ${d.about}'s job?` && q !== `What does ${d.about} do for a living?`,
        );
      continue;
    }
    // "Who is X?" stays with the fact that already answers it (a speaker's role).
    const who = `Who is ${d.about}?`;
    const asked = facts.some((f) => f.generated_questions.includes(who));
    facts.push({
      id: unique(`about-${slug(d.about, 40)}`, entryIds),
      text: d.text,
      tags: tagsFor(d.text, vocab, 4),
      generated_questions: asked ? d.generated.filter((q) => q !== who) : d.generated,
    });
  }

  // "the trust's chief executive": asked by the trust's name too, when the article names one trust.
  for (const f of facts)
    if (/^(?:who-is|about)-/.test(f.id)) f.generated_questions = withBodyNames(f.generated_questions, vocab);

  // No role to state: a sentence that says who the speaker is ("Okwu-Marsh, 44, is a former telecoms engineer") got
  // the who-is question among the facts; else the speaker's first quote answers it with the speaker line.
  for (const s of undescribed) {
    const q = s.kind === "organisation" ? `What is ${askName(s)}?` : `Who is ${s.name}?`;
    if (!facts.some((f) => f.generated_questions.includes(q)))
      firstQuote.get(speakerMap.get(s.id)!)?.generated_questions.unshift(q);
  }

  let publisher = (options.publisher ?? article.publisher ?? "").trim();
  if (!publisher && article.url) publisher = new URL(article.url).hostname.replace(/^www\./, "");
  if (!publisher) {
    publisher = UNKNOWN_PUBLISHER;
    warnings.push(`no publisher: set source.publisher (or import with --publisher)`);
  }
  const source: KnowledgeDoc["source"] = {
    id,
    title: clip(article.title.replace(/\s+/g, " ").trim(), 300) || headlineFallback(article, warnings),
    publisher,
    reporters: [...article.reporters],
    text: `${id}.txt`,
  };
  if (article.published) source.date = article.published;
  if (article.url) source.url = article.url;
  if (article.reporters.length) {
    // The byline as a fact, so "who wrote the article about X?" has an answer; it restates the source line.
    const names =
      article.reporters.length === 1
        ? article.reporters[0]!
        : `${article.reporters.slice(0, -1).join(", ")} and ${article.reporters.at(-1)}`;
    facts.push({
      id: unique(`${id.slice(0, 50)}-byline`, entryIds),
      // Not the headline: its words would pull in every question about the story's subject.
      text: `The article was reported by ${names}${publisher === UNKNOWN_PUBLISHER ? "" : ` for ${publisher}`}${source.date ? ` (${source.date})` : ""}.`,
      tags: ["byline", "reporters"],
      // Without the headline's words too: the core credits them to the source's entries anyway, and written out
      // they made the byline answer "Who imposed the sanctions on Oskara?".
      generated_questions: ["Who wrote this article?", "Who reported this story?"],
    });
  }

  const own = [...attribution.warnings, ...warnings];
  const extractWarnings = article.warnings.filter((w) => !own.includes(w));
  if (!article.published && !extractWarnings.some((w) => /date/i.test(w)))
    extractWarnings.push("no publication date found");
  if (article.reporters.length === 0 && !extractWarnings.some((w) => /byline|reporter/i.test(w)))
    extractWarnings.push("no byline (no named reporter)");

  return {
    id,
    doc: {
      source: orderedSource(source),
      speakers,
      quotes: withinLimits(quotes, "quote", warnings),
      facts: withinLimits(facts, "sentence", warnings),
    },
    text: articleText(article),
    speakers: used.map((s) => ({
      name: s.name,
      role: roleText(s.role, body) ?? null,
      quotes: quoteCount.get(speakerMap.get(s.id)!) ?? 0,
    })),
    warnings: [...extractWarnings, ...attribution.warnings, ...warnings],
  };
}

/**
 * The role as the article's words give it, tidied for showing after a name: a capitalised common first word from
 * the start of a sentence is lowered ("The district's superintendent" → "the district's superintendent"), a title
 * in capitals ("Digital Sovereignty Minister") is kept.
 */
export function roleText(role: string | null | undefined, body = ""): string | undefined {
  const r = role
    ?.replace(/\s+/g, " ")
    .trim()
    .replace(/[,;:]$/, "");
  if (!r) return undefined;
  const [first, ...rest] = r.split(" ");
  const common =
    first &&
    /^\p{Lu}\p{Ll}+$/u.test(first) &&
    (/^(The|A|An|His|Her|Its|Their)$/.test(first) ||
      isKnownEnglish(first.toLowerCase()) ||
      new RegExp(`(^|[^\\p{L}])${first.toLowerCase()}([^\\p{L}]|$)`, "u").test(body));
  if (common && rest.every((w) => !/^\p{Lu}/u.test(w))) {
    return `${first.toLowerCase()} ${rest.join(" ")}`.trim();
  }
  return r;
}

/**
 * Folds a speaker known only by a short name ("Voss") into the one speaker whose full name or aliases hold it
 * ("Harlan Voss"), when exactly one does: the same person, met again without the first name.
 */
function mergeShortNames(a: Attribution): Attribution {
  const into = new Map<string, string>();
  for (const s of a.speakers) {
    const short = s.name.trim().toLowerCase();
    const owners = a.speakers.filter(
      (o) =>
        o !== s &&
        o.kind === s.kind &&
        o.name.trim().split(/\s+/).length > s.name.trim().split(/\s+/).length &&
        (o.name.toLowerCase().split(/\s+/).includes(short) || o.aliases.some((x) => x.toLowerCase() === short)),
    );
    if (owners.length === 1) into.set(s.id, owners[0]!.id);
  }
  if (into.size === 0) return a;
  return {
    speakers: a.speakers.filter((s) => !into.has(s.id)),
    quotes: a.quotes.map((q) =>
      q.speakerId !== null && into.has(q.speakerId) ? { ...q, speakerId: into.get(q.speakerId)! } : q,
    ),
    warnings: a.warnings,
  };
}

/**
 * The sentence(s) around a quote with the quotations cut out, the reporter's own quoted words kept ("Asked if Iran
 * was losing the "propaganda war", the minister said"): to whom and about what it was said. Empty when little is left.
 */
function quoteContext(paragraphs: readonly string[], q: DraftQuote, quotes: readonly DraftQuote[]): string {
  const p = paragraphs[q.paragraph];
  if (p === undefined || q.start < 0 || q.end > p.length) return "";
  let from = 0;
  let a = -1;
  let b = -1;
  for (const s of splitSentences(p)) {
    const at = p.indexOf(s, from);
    if (at < 0) continue;
    from = at + s.length;
    if (at + s.length > q.start && at < q.end) {
      if (a < 0) a = at;
      b = at + s.length;
    }
  }
  if (a < 0) return "";
  const cuts = quotes
    .filter((x) => x.paragraph === q.paragraph && x.start < b && x.end > a)
    .sort((x, y) => x.start - y.start);
  let out = "";
  let at = a;
  const pieces: string[] = [];
  for (const c of cuts) {
    const open = Math.max(at, c.start - 1);
    const close = Math.max(at, Math.min(b, c.end + 1));
    // A quotation inside the reporting ("said that the company had “…” and that …") leaves a mark, so the
    // sentence still reads; one at either end is simply cut.
    const inside = /[\p{L}\p{N}]/u.test(p.slice(a, open)) && /[\p{L}\p{N}]/u.test(p.slice(close, b));
    pieces.push(p.slice(at, open));
    out += `${p.slice(at, open)}${inside ? " “…” " : " "}`;
    at = close;
  }
  out += p.slice(at, b);
  // "X said it would “A” but that the age was “B”": each quote keeps the reporting and its own lead-in, not the
  // other's, so the two quotes' contexts differ.
  const own = cuts.findIndex((c) => c.start === q.start && c.end === q.end);
  const letters = (t: string) => /[\p{L}\p{N}]/u.test(t);
  if (cuts.length > 1 && own >= 0 && letters(pieces[0]!))
    out = [pieces[0]!, ...(own > 0 ? [pieces[own]!] : []), p.slice(at, b)].filter(letters).join(" “…” ");
  out = out
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/^[\s,.;:”"’»]+/u, "")
    .replace(/[\s,;:.“"‘«]+$/u, "")
    .trim();
  if ((out.match(/[\p{L}]+/gu) ?? []).length < 3) return "";
  return out.length > 300 ? `${out.slice(0, 297).replace(/\s+\S*$/, "")}…` : out;
}

/**
 * The relative clause the article puts after a speaker's name and appositives ("Mira Solano, 41, who was traveling
 * with her two children" → appositives ["41"], clause "was traveling with her two children"), at the first place it
 * does; null when it never does.
 */
export function relativeClause(
  s: { name: string; aliases: readonly string[] },
  body: string,
): { appositives: string[]; clause: string; lead?: string } | null {
  const names = namesAlternation(s);
  if (!names) return null;
  const re = new RegExp(
    `(?<![\\p{L}])(?:${names})((?:,\\s+[^,.;:"“”()]{1,80}?){0,2}),\\s+who\\s+([^,.;:!?"“”()]{3,160})(?=[,.;:!?"“”]|$)`,
    "u",
  );
  const m = re.exec(body);
  if (!m) return null;
  const clause = m[2]!.replace(/\s+/g, " ").trim();
  // "who asked not to be named" is a reporting formula, not who the person is; one word says nothing.
  if (clause.split(" ").length < 2 || /^(?:said|says|told|added|spoke on condition)\b/.test(clause)) return null;
  const appositives = m[1]!
    .split(/,\s+/)
    .map((a) => a.trim())
    .filter(Boolean);
  // "Mrs Roskilly's husband, Piran, who …", "The fifteen-year-old is Tamsin Okoro, who …": the noun phrase the
  // article puts before the name says who the person is too, and goes first among the appositives.
  const lead = ROLE_LEAD.exec(body.slice(Math.max(0, m.index - 100), m.index))?.[1];
  return lead ? { appositives, clause, lead: capitalise(lead) } : { appositives, clause };
}

const ROLE_LEAD =
  /(?:^|\s)((?:The|the|A|a|An|an|Her|her|His|his|Their|their|(?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*['’]s)\s+(?:[\p{Ll}][\p{L}'’-]*\s+){0,3}[\p{Ll}][\p{L}'’-]*)(?:,\s+|\s+(?:is|was)\s+)$/u;

/**
 * The reporting sentence a quote follows up ("Jahromi said restrictions were counterproductive." then `"We have to
 * admit …," Jahromi said.`): the nearest sentence before the quote, within its paragraph or the one before, that
 * names the speaker with a verb of saying and is not itself a quotation; the speaker's quotes in between are skipped.
 * Null when there is none.
 */
function leadIn(
  paragraphs: readonly string[],
  q: DraftQuote,
  quotes: readonly DraftQuote[],
  speaker: DraftSpeaker,
): string | null {
  const names = [speaker.name, ...speaker.aliases].filter((n) => n.length >= 3);
  if (names.length === 0) return null;
  const namesRe = new RegExp(`(^|[^\\p{L}])(?:${names.map(escapeRe).join("|")})(?![\\p{L}])`, "u");
  for (let pi = q.paragraph; pi >= Math.max(0, q.paragraph - 1); pi--) {
    const p = paragraphs[pi]!;
    const sentences: { at: number; s: string }[] = [];
    let from = 0;
    for (const s of splitSentences(p)) {
      const at = p.indexOf(s, from);
      if (at < 0) continue;
      from = at + s.length;
      if (pi === q.paragraph && at + s.length > q.start) break;
      sentences.push({ at, s });
    }
    for (let i = sentences.length - 1; i >= 0; i--) {
      const { at, s } = sentences[i]!;
      const inside = quotes.filter((x) => x.paragraph === pi && x.start < at + s.length && x.end > at);
      // The speaker's own earlier quote: look further back. Anyone else's: the lead-in is not this quote's.
      if (inside.length) {
        if (inside.every((x) => x.speakerId === q.speakerId)) continue;
        return null;
      }
      const text = s.replace(/\s+/g, " ").trim();
      if (namesRe.test(text) && LEAD_SAYS.test(text) && text.length <= 300) return text;
      return null;
    }
  }
  return null;
}
const LEAD_SAYS =
  /\b(said|says|told|tells|added|argued|argues|warned|warns|believes|insisted|insists|explained|noted|stated|declared|acknowledged|admitted|claimed|claims|described|criticized|criticised|called)\b/;

/**
 * A context that adds nothing to the speaker line shown with the quote: "she said", "Iorga said", "the minister
 * added" (three words or fewer, one of them a speech verb).
 */
function saysNothing(context: string): boolean {
  const words = context.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  return words.length === 0 || (words.length <= 3 && words.some((w) => SAYS.test(w)));
}
const SAYS =
  /^(said|says|added|adds|told|tells|wrote|writes|asked|asks|continued|explained|laughed|laughs|recalled|noted|argued|insisted|warned|replied)$/i;

/** "Asked if Iran was losing the "propaganda war", the minister said" → "Was Iran losing the propaganda war?" */
export function askedQuestion(context: string): string | null {
  const m =
    /\basked (?:[\p{L}'’.]+ ){0,5}?(?:whether|if) (.{3,120}?) (was|were|is|are|had|has|would|could|will|should|can|did|does|do) ([^,;]{3,120})/iu.exec(
      context,
    );
  if (!m) return null;
  const q = `${capitalise(m[2]!.toLowerCase())} ${m[1]} ${m[3]!.replace(/["“”‘’«»]/g, "").replace(/[\s.,]+$/, "")}?`;
  return q.length <= 200 ? q : null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function orderedSource(s: KnowledgeDoc["source"]): KnowledgeDoc["source"] {
  const out: KnowledgeDoc["source"] = {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    reporters: s.reporters,
    text: s.text,
  };
  if (s.date) out.date = s.date;
  if (s.url) out.url = s.url;
  return out;
}

/** The schema's limit on an entry's text: longer ones (a paragraph with no sentence end) are left out and named. */
const MAX_TEXT = 3000;

function withinLimits<T extends { text: string }>(entries: T[], what: string, warnings: string[]): T[] {
  return entries.filter((e) => {
    if (e.text.length <= MAX_TEXT) return true;
    warnings.push(`left out a ${what} over ${MAX_TEXT} characters: “${clip(e.text, 60)}”`);
    return false;
  });
}

function headlineFallback(article: ExtractedArticle, warnings: string[]): string {
  warnings.push("no headline found: the title is the first sentence; set source.title");
  return clip(article.paragraphs[0]?.replace(/\s+/g, " ").trim() || "Untitled article", 120);
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** A derived fact about a speaker written with the speaker's fullest name, when the fact used a shorter form. */
function asSpeakerNamed(d: PersonFact, speakers: readonly DraftSpeaker[]): PersonFact {
  const words = d.about.split(/\s+/);
  const s = speakers.find((sp) => {
    if (sp.name === d.about) return false;
    if (sp.aliases.includes(d.about)) return true;
    const ws = sp.name.split(/\s+/);
    return words.length >= 2 && ws[0] === words[0] && ws.at(-1) === words.at(-1) && ws.length > words.length;
  });
  if (!s || speakers.some((sp) => sp.name === d.about)) return d;
  const swap = (t: string) => t.split(d.about).join(s.name);
  return { ...d, about: s.name, text: swap(d.text), generated: d.generated.map(swap) };
}

/** The draft as YAML, with a header that says where it came from and which questions were generated. */
export function draftYaml(draft: Draft, importedFrom: string): string {
  const header = [
    `Imported by \`briefbot import\` from ${importedFrom.replace(/\s+/g, " ")}.`,
    `Quotes are checked word for word against ${draft.doc.source.text}; facts restate its sentences.`,
    "generated_questions were written by the import; hand-written ones go under questions.",
  ]
    .map((l) => `# ${l}`)
    .join("\n");
  const doc: Record<string, unknown> = {
    source: draft.doc.source,
    speakers: draft.doc.speakers,
    quotes: draft.doc.quotes.map(dropEmpty),
    facts: draft.doc.facts.map(dropEmpty),
  };
  const yamlDoc = new Document(doc);
  // Short lists on one line, as a person writes them: tags: [a, b].
  visit(yamlDoc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return `${header}\n\n${yamlDoc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

const FLOW_KEYS = new Set(["tags", "aliases", "reporters"]);

function dropEmpty<T extends object>(e: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out as T;
}
