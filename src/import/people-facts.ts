/**
 * Short derived facts about the people and bodies an article describes inside longer sentences: ages, home towns,
 * roles, employers and owners, relations. "Tobias Oduya, a pharmacist from the Ferncliffe area of the town, was
 * walking …" → "Tobias Oduya is a pharmacist from the Ferncliffe area of the town." and "Tobias Oduya is from the
 * Ferncliffe area of the town."; "Her husband, Mikkel, who drove her …" after a sentence about Nadia Sorrell →
 * "Mikkel is Nadia Sorrell's husband." Each restates the article's own words about one named person as a plain
 * sentence, with the questions a reader asks it by ("How old is X?", "Who is the referee?", "Who owns Highline?").
 *
 * Precision first: a wrong derived fact answers confidently and wrongly, so every rule reads one narrow construction
 * (an appositive beside a name, a title or relation before it, "who runs/owns/lives in"), quotations are masked out,
 * and a phrase that may be a place, a date or a list is left alone. Pure: no I/O.
 */
import { splitSentences } from "./sentences.js";
import { escapeRe, firstNameGender, isCommonCapitalised, isKnownFirstName, isPlaceWord } from "./speakers.js";
import { agentQuestions, fullNameOf, jobQuestions, possessor, type Vocabulary } from "./facts.js";

/** One derived fact: the plain sentence, whom it is about (for its id), and the questions it answers. */
export interface PersonFact {
  text: string;
  about: string;
  generated: string[];
  /** A kin relation ("Mikkel is Nadia Sorrell's husband."), not a job. */
  relation?: boolean;
}

const W = String.raw`\p{Lu}[\p{L}'’-]*\p{L}`;
/** A name of one to four capitalised words, with an optional honorific. */
const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?${W}(?:\s+${W}){0,5}`;
const MONTH_DAY =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** Words a name never starts with in running text (sentence openers, pronouns, dates). */
const LEAD_STOP =
  /^(?:The|A|An|But|And|Or|So|If|When|While|After|Before|As|At|In|On|Of|For|From|By|With|To|Asked|Last|Next|This|That|Then|Now|Yet|Also|Meanwhile|Since|Until|Under|Over|Earlier|Later|Former|Another|One|Two|Three|Her|His|Its|Their|He|She|It|They|We|I|You)$/;
/** Kin and companions: "her husband, Mikkel" is a relation, not a job. */
const KIN =
  /^(?:mother|father|mum|mom|dad|son|daughter|wife|husband|sister|brother|grandmother|grandfather|granddaughter|grandson|aunt|uncle|niece|nephew|cousin|widow|widower|partner|fiancée?|friend|stepfather|stepmother|stepson|stepdaughter|twin|girlfriend|boyfriend|(?:older|younger|elder|twin|late)\s+(?:sister|brother|son|daughter))$/;
/** Role nouns that stand right before a name ("referee Callum Strade", "Vale boss Gethin Morwood"). */
const TITLE_NOUN =
  /^(?:referee|substitute|defender|goalkeeper|keeper|striker|midfielder|forward|winger|captain|manager|boss|coach|bassist|drummer|guitarist|singer|keyboardist|frontman|frontwoman|critic|promoter|coxswain|chief|executive|mayor|minister|chair|chairman|chairwoman|director|president|treasurer|secretary|inspector|editor|founder|co-founder|owner|judge|coroner|councillor|headteacher|principal|professor|surgeon|detective|sergeant|constable|skipper|pilot|spokesman|spokeswoman|spokesperson|analyst|economist|lawyer|solicitor|barrister|pharmacist|farmer|teacher|nurse|midwife|paramedic|architect|engineer|scientist|researcher|historian|curator|librarian|chef|baker|photographer|journalist|author|novelist|poet|artist|composer|conductor|designer|developer|entrepreneur|investor|activist|campaigner|organiser|organizer|trustee|governor|senator|MP|commissioner|superintendent|officer|presenter|host|producer|comedian|actor|actress|master|headmaster|harbourmaster|warden|keeper)$/i;
/** Posts one person holds at a time: "the referee", "the Penmarric manager"; others take "a". */
const ONE_POST =
  /(?:^|\s)(?:referee|captain|manager|boss|coach|bassist|drummer|guitarist|singer|keyboardist|frontman|frontwoman|coxswain|chief|executive|mayor|minister|chair|chairman|chairwoman|director|president|treasurer|secretary|editor|founder|owner|coroner|headteacher|principal|skipper|MP|commissioner|superintendent|governor)$/i;
/** Lower-case words that may sit in a title before its noun: "former", "parish council", "finance". */
const TITLE_MODIFIER =
  /^(?:former|deputy|acting|assistant|interim|senior|junior|head|chief|lead|parish|council|county|district|finance|health|club|team|station|union|regional|general|managing|executive|operations|area|principal|lifeboat|vice|co)$/i;
/** Bare titles an appositive may start with, no article: "X, head of consumer research at Y". */
const BARE_TITLE =
  /^(?:head|chief|director|chair|chairman|chairwoman|president|editor|founder|co-founder|owner|manager|secretary|professor|principal|deputy|leader|coordinator|spokesman|spokeswoman|spokesperson)\s+of\s/i;
/** Verbs of a relative clause that say what a person runs, owns or where they live. */
const WHO_VERB =
  /^(?:(?:has|had)\s+(?:run|owned|led|headed|managed|chaired|lived\s+in)|runs|owns|leads|heads|manages|chairs|founded|co-founded|lives\s+in|lived\s+in|grew\s+up\s+in|comes\s+from|works\s+(?:at|for|as)|worked\s+(?:at|for|as))\b/;

/**
 * Whether a derived fact says at least what an earlier fact about the same person says, in fuller words: "Orla
 * Dempsey-Hale is the singer." for "Orla Dempsey-Hale is singer.", "Jonah is Dennis Abara's son." for "Jonah is
 * Abara's son.", "Kristin Lindqvist-Hale is Hester Lindqvist's daughter." for "… is her daughter.". The caller then
 * keeps one fact, in the derived words.
 */
export function restates(derived: string, earlier: string, about: string): boolean {
  const desc = (t: string) => {
    // "Tilly, 19, is Caspian's older sister." and "Tilly, Caspian Merrow's older sister, is 19." say the same.
    const r = new RegExp(`^${escapeRe(about)}, (.+), is (\\d{1,3})\\.$`).exec(t);
    const m = r ? [r[0], r[2], r[1]] : new RegExp(`^${escapeRe(about)}(?:, (\\d{1,3}),)? is (.+)\\.$`).exec(t);
    if (!m) return null;
    const words = m[2]!
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .split(/\s+/)
      .filter((w) => !/^(?:the|a|an|her|his|their|its)$/.test(w));
    return { age: m[1], words };
  };
  const d = desc(derived);
  const e = desc(earlier);
  if (!d || !e || e.words.length === 0 || (e.age && e.age !== d.age)) return false;
  return e.words.every((w) => d.words.includes(w)) && d.words.length - e.words.length <= 3;
}

/**
 * The derived facts of an article's paragraphs. `speakers`: the quoted people's full names (a surname alone is read
 * as theirs first). Each fact is returned once; the caller merges one that an existing fact already states.
 */
export function personFacts(
  paragraphs: readonly string[],
  vocab: Vocabulary,
  speakers: readonly string[] = [],
): PersonFact[] {
  const out: PersonFact[] = [];
  const seen = new Set<string>();
  const rank = new Map<PersonFact, number>();
  const add = (f: PersonFact | null, r = 0) => {
    if (!f || f.text.length > 300) return;
    const key = f.text.toLowerCase();
    const had = out.find((o) => o.text.toLowerCase() === key);
    if (had) {
      for (const q of f.generated) if (!had.generated.includes(q)) had.generated.push(q);
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    const generated = [...new Set(f.generated)].filter((q) => q.length <= 200 && !ODD_QUESTION.test(q));
    const fact = { ...f, generated };
    rank.set(fact, r);
    out.push(fact);
  };
  const full = (n: string, first = false) => personName(n, vocab, speakers, first);
  const sentences: string[] = [];
  for (const p of paragraphs) for (const s of splitSentences(p)) sentences.push(maskQuotes(s.replace(/\s+/g, " ")));
  sentences.forEach((s, i) => {
    for (const f of appositiveFacts(s, full)) add(f, 0);
    for (const f of titleFacts(s, full)) add(f, 3);
    for (const f of roleBeforeFacts(s, sentences.slice(Math.max(0, i - 3), i), full, vocab)) add(f, 2);
    for (const f of whoClauseFacts(s, full)) add(f, 1);
  });
  // "Teo Markovic is 47." beside "Teo Markovic, 47, is the guitarist.": the longer one says it.
  const kept = out.filter((f) => {
    const age = new RegExp(`^${escapeRe(f.about)} is (\\d{1,3})\\.$`).exec(f.text)?.[1];
    return !age || !out.some((o) => o !== f && o.about === f.about && o.text.includes(`, ${age},`));
  });
  // One fact answers "Who is X?": the article's own description first, then a who-clause, a post, a title.
  kept.sort((a, b) => rank.get(a)! - rank.get(b)!);
  const asked = new Set<string>();
  for (const f of kept) {
    const who = `Who is ${f.about}?`;
    if (asked.has(who)) f.generated = f.generated.filter((q) => q !== who);
    else if (f.generated.includes(who)) asked.add(who);
  }
  return kept;
}

/** "Who manages the general?" from "the general manager": an adjective read as the thing managed. */
const ODD_QUESTION =
  /^Who (?:manages|runs|operates|directs|heads|leads|owns) the (?:general|managing|executive|chief|deputy|assistant|senior|former|acting|interim|project|regional|[\p{L}-]+ed)\?$/u;

/**
 * The one body the article names with a common noun as its last word: "trust" → "the Eskvale Health Trust",
 * "creamery" → "the Dunsel Valley Creamery"; null when it names none or several (or only a person).
 */
export function bodyByNoun(noun: string, vocab: Vocabulary): string | null {
  if (!/^\p{Ll}[\p{Ll}-]{2,}$/u.test(noun)) return null;
  const head = noun.charAt(0).toUpperCase() + noun.slice(1);
  const found = [...vocab.names].filter((n) => {
    const ws = n.split(/\s+/);
    return ws.length >= 2 && ws.length <= 5 && ws.at(-1) === head && !isKnownFirstName(ws[0]!);
  });
  const names = [...new Set(found.map((n) => n.replace(/^The\s+/, "")))];
  return names.length === 1 ? `the ${names[0]}` : null;
}

/**
 * Each question that says "the trust" or "the creamery" for the one body the article names so, asked by that name
 * too: "Who is the trust's chief executive?" → "Who is the Eskvale Health Trust's chief executive?", "Who owns the
 * creamery?" → "Who owns the Dunsel Valley Creamery?" (readers ask by the name; the sentence used the noun).
 */
export function withBodyNames(questions: readonly string[], vocab: Vocabulary): string[] {
  const out = [...questions];
  for (const q of questions) {
    const m = /\bthe ([\p{Ll}-]+)(['’]s\b|\?$)/u.exec(q);
    const body = m ? bodyByNoun(m[1]!, vocab) : null;
    if (!m || !body) continue;
    const named = q.slice(0, m.index) + body + m[2]! + q.slice(m.index + m[0].length);
    if (!out.includes(named) && named.length <= 200) out.push(named);
    // "the trust's chief executive" → "the chief executive of the Eskvale Health Trust" too.
    const poss = /^Who is the ([\p{Ll}-]+)['’]s ((?:[\p{Ll}-]+\s?){1,4})\?$/u.exec(q);
    if (poss) {
      const of = `Who is the ${poss[2]!.trim()} of ${body}?`;
      if (!out.includes(of)) out.push(of);
    }
  }
  return out;
}

/** Quotations blanked ("…"), so a quoted sentence's words are never read as the reporter's description. */
export function maskQuotes(s: string): string {
  return s
    .replace(/“[^”]*”?/g, "“…”")
    .replace(/"[^"]*"?/g, '"…"')
    .replace(/‘[^’]*?[.,!?]’(?=\s|$)/g, "‘…’")
    .replace(/(^|\s)'[^']*?[.,!?]'(?=\s|$)/g, "$1'…'");
}

/**
 * The full name of a person named in the text: two to four capitalised words that read as a person, or a surname
 * (or "Mrs Roskilly") the article gives one full name for; null for a place, a date, a body or an unknown word.
 */
function personName(raw: string, vocab: Vocabulary, speakers: readonly string[], first = false): string | null {
  const words = raw.split(/\s+/);
  while (words.length && (LEAD_STOP.test(words[0]!) || TITLE_NOUN.test(words[0]!) || TITLE_ABBR.test(words[0]!)))
    words.shift();
  if (words.length === 0 || words.some((w) => MONTH_DAY.test(w))) return null;
  if (isCommonCapitalised(words[0]!.replace(/\.$/, "")) && !/^(?:Mr|Mrs|Ms|Dr|Prof)\.?$/.test(words[0]!)) return null;
  const name = untitled(fullNameOf(words.join(" "), vocab, speakers));
  if (name || words.length > 1 || !first) return name;
  // A first name the article gives one full name for: "Caspian" → "Caspian Merrow".
  const firsts = [...vocab.names].filter((n) => n.split(/\s+/).length >= 2 && n.split(/\s+/)[0] === words[0]);
  const one = firsts.length === 1 ? fullNameOf(firsts[0]!, vocab, speakers) : null;
  return one && one.split(/\s+/)[0] === words[0] ? untitled(one) : null;
}

/** "Coxswain Tamsin Roskilly" → "Tamsin Roskilly": the name without the title the article wrote before it. */
function untitled(name: string | null): string | null {
  if (!name) return null;
  const words = name.split(/\s+/);
  while (
    words.length > 2 &&
    (TITLE_NOUN.test(words[0]!) || TITLE_ABBR.test(words[0]!) || TITLE_MODIFIER.test(words[0]!))
  )
    words.shift();
  return words.join(" ");
}
/** Abbreviated ranks and titles before a name: "Det Insp", "Cllr", "Supt". */
const TITLE_ABBR = /^(?:Det|Insp|Supt|Cllr|Sgt|PC|DC|DS|Judge|Councillor|Mayor|Sir|Dame|Lord|Lady)\.?$/;

/** The text before `at` ends with a preposition of place or time: "in Osterby, a town of 4,000" names a place. */
function afterPlaceWord(s: string, at: number): boolean {
  return /(?:^|\s)(?:in|at|on|near|to|into|from|across|around|outside|inside|towards?|via|of|by|for|with|and|or)\s+(?:the\s+)?$/i.test(
    s.slice(0, at),
  );
}

const lowerFirst = (s: string) =>
  /^(?:The|A|An|Its|His|Her|Their)\s/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/** "Who is the district's superintendent?" / "Who is the referee?" for a description that names one post. */
function postQuestion(desc: string): string[] {
  if (!/^(?:the\s|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}['’]s\s)/u.test(desc) || desc.length > 70) return [];
  const out = [`Who is ${desc}?`];
  // "Highline's owner" → "Who is the owner of Highline?"
  const m = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})['’]s\s+(.+)$/u.exec(desc);
  if (m) out.push(`Who is the ${m[2]} of ${m[1]}?`);
  return out;
}

/** "X, 58, of Lowther Green, the festival's former treasurer," and its variants: age, place, description. */
function appositiveFacts(s: string, full: (n: string) => string | null): PersonFact[] {
  const out: PersonFact[] = [];
  const re = new RegExp(`(?<![\\p{L}'’-])(${NAME}),\\s+`, "gu");
  for (const m of s.matchAll(re)) {
    const at = m.index;
    if (afterPlaceWord(s, at)) continue;
    const name = full(m[1]!);
    if (!name) continue;
    // "Dale and Martha, …" / "Rouhani and Zarif, who …": a list's appositive is not one person's.
    if (/\b(?:and|or|&)\s+$/.test(s.slice(0, at))) continue;
    const rest = s.slice(at + m[0].length);
    const parts = rest.split(/,\s+/);
    let age: string | null = null;
    let place: string | null = null;
    let desc: string | null = null;
    let k = 0;
    for (; k < Math.min(parts.length, 3); k++) {
      const part = parts[k]!.replace(/[.;:!?]+$/, "").trim();
      if (/^\d{1,3}$/.test(part) && !age && !desc && Number(part) >= 1 && Number(part) <= 110) age = part;
      else if (/^(?:of|from)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}$/u.test(part) && !place)
        place = part.replace(/^(?:of|from)\s+/, "");
      else if (place && k > 0 && STREET.test(place) && /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u.test(part))
        place = `${place}, ${part}`;
      else if (!desc && isDescription(part)) desc = part;
      else break;
    }
    if (k === 0) continue;
    // The appositive must close: another part follows, or the sentence ends there.
    const closed = k < parts.length || /[.;!?]?$/.test(parts[k - 1]!);
    if (!closed) continue;
    // "…, 58 kilometres away" never reached here (the part is not bare digits); a lone age needs a person.
    if (!age && !place && !desc) continue;
    const body = desc ? ORG_HEAD.test(desc) : false;
    const gen = body ? [`What is ${name}?`, `Who is ${name}?`] : [`Who is ${name}?`];
    if (desc && !age) age = /\b(\d{1,3})-year-old\b/.exec(desc)?.[1] ?? null;
    if (desc) {
      const d = lowerFirst(desc);
      out.push({
        text: age && !d.includes(`${age}-year-old`) ? `${name}, ${age}, is ${d}.` : `${name} is ${d}.`,
        about: name,
        generated: [
          ...gen,
          ...(age ? [`How old is ${name}?`] : []),
          ...(body ? ownsQuestions(d) : jobQuestions(name, d)),
          ...postQuestion(d),
          ...agentQuestions(`${name} is ${d}.`, true),
        ],
      });
      // "a farmer from Y", "a pharmacist from the Ferncliffe area of the town": where the person is from.
      const from = /\bfrom\s+((?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}\p{Lu}[^,;]*)$/u.exec(d);
      if (from && !place && from[1]!.split(/\s+/).length <= 8) place = from[1]!;
    } else if (age) {
      out.push({ text: `${name} is ${age}.`, about: name, generated: [`How old is ${name}?`] });
    }
    if (place) {
      out.push({
        text: `${name} is from ${place}.`,
        about: name,
        generated: [`Where is ${name} from?`, `Where does ${name} live?`],
      });
    }
  }
  return out;
}

/** A description of a body, not a person: "the indie band whose …", "a national food group that …". */
const ORG_HEAD =
  /^(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:company|band|group|firm|charity|union|maker|operator|studio|business|club|team|organisation|organization|association|trust|agency|authority|network|brand|chain|cooperative|co-operative|developer|supplier|retailer|bank|fund|publisher|broadcaster|newspaper|paper|manufacturer|producer|provider|insurer|airline|carrier|builder|owner)\b(?:$|\s+(?:that|which|whose|of|based|with|behind|in|from)\b)/u;
/** "the company that owns the quarry" → "Who owns the quarry?"; "… that bought the creamery" too. */
function ownsQuestions(desc: string): string[] {
  const m =
    /\b(?:that|which)\s+(?:owns|bought|runs|operates|took over)\s+((?:the\s+)?[^,;]{2,50}?)(?:\s+(?:in|since|from|for)\s+.*)?$/.exec(
      desc,
    );
  if (!m) return [];
  return [`Who owns ${m[1]}?`, ...(/runs|operates/.test(m[0]) ? [`Who runs ${m[1]}?`] : [])];
}

const STREET =
  /\s(?:Lane|Road|Street|Avenue|Close|Drive|Way|Row|Terrace|Crescent|Gardens|Place|Square|Hill|Walk|Court)$/;

/** An appositive noun phrase about a person: "a farmer from Y", "the festival's former treasurer", "head of …". */
function isDescription(part: string): boolean {
  if (part.length < 3 || part.length > 140 || /[“”"…()]/.test(part)) return false;
  const words = part.split(/\s+/);
  if (words.length > 18) return false;
  const det = /^(?:a|an|the)\s+\S/i.test(part);
  const poss = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}['’]s\s+\p{Ll}/u.test(part);
  if (!det && !poss && !BARE_TITLE.test(part)) return false;
  // "the Iowa caucuses", "the next day": the head must be a noun for a person or body, not a time.
  if (/^(?:a|an|the)\s+(?:day|week|month|year|time|morning|evening|night|moment)\b/i.test(part)) return false;
  // A clause, not a noun phrase: "the campaign did not appeal to", "the company said".
  if (
    /\s(?:said|says|told|is|are|was|were|has|have|had|did|does|will|would|could)\s/.test(
      ` ${words.slice(1, 4).join(" ")} `,
    )
  )
    return /\s(?:who|that|which|whose)\s/.test(part);
  return true;
}

/**
 * Titles before a name: "referee Callum Strade", "Vale boss Gethin Morwood", "Parish council chair Imelda
 * Forsythe-Oke", "Health Minister Rasmus Ekholt", "19-year-old Kit Penrose", "Guitarist Teo Markovic, 47,".
 */
function titleFacts(s: string, full: (n: string) => string | null): PersonFact[] {
  const out: PersonFact[] = [];
  const re = new RegExp(`(?<![\\p{L}'’-])(${NAME})`, "gu");
  for (const m of s.matchAll(re)) {
    if (/^['’]s\b/.test(s.slice(m.index + m[0].length)) || /['’]s$/.test(m[1]!)) continue;
    let words = m[1]!.split(/\s+/);
    let before = s.slice(0, m.index);
    // A capitalised title inside the run: "Health Minister Rasmus Ekholt", "Chief Executive Marguerite Fenwold".
    let split = -1;
    words.forEach((w, k) => {
      if (k < words.length - 1 && TITLE_NOUN.test(w)) split = k;
    });
    let title = "";
    if (split >= 0) {
      title = words.slice(0, split + 1).join(" ");
      words = words.slice(split + 1);
    }
    const name = words.length >= 2 || split >= 0 ? full(words.join(" ")) : null;
    if (!name || name.split(/\s+/).length < 2) continue;
    // Lower-case title words before the run: "referee", "Vale boss", "former Vale captain", "parish council chair".
    if (!title) {
      const t = new RegExp(`((?:(?:\\p{Lu}[\\p{L}'’-]*|[\\p{Ll}-]+)\\s+){0,3}?)([\\p{L}-]+)\\s+$`, "u").exec(before);
      if (t && TITLE_NOUN.test(t[2]!)) {
        const mods = t[1]!.trim().split(/\s+/).filter(Boolean);
        // Keep only the modifiers next to the noun that read as part of the title.
        const kept: string[] = [];
        for (let k = mods.length - 1; k >= 0; k--) {
          const w = mods[k]!;
          if (TITLE_MODIFIER.test(w) || (/^\p{Lu}/u.test(w) && !LEAD_STOP.test(w) && !isCommonCapitalised(w)))
            kept.unshift(w);
          else break;
          // "Iran's Communications minister": a possessive opens the title; words before it are another phrase.
          if (/['’]s$/.test(w)) break;
        }
        title = [...kept, t[2]!].join(" ");
        before = before.replace(new RegExp(`${escapeRe(title)}\\s+$`), "");
      }
    }
    const years = /(\d{1,3})-year-old\s+$/.exec(before);
    if (years && !title) {
      out.push({ text: `${name} is ${years[1]}.`, about: name, generated: [`How old is ${name}?`] });
      continue;
    }
    if (!title) continue;
    // "sanctions imposed by President Donald Trump", "including …, Foreign Minister X": named in passing.
    if (/(?:\b(?:by|of|with|including|like|against|to|for|from|among|between)|,)\s*$/i.test(before)) continue;
    if (/,\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,5}and\s+$/u.test(before)) continue;
    const ageAfter = /^,\s+(\d{1,3}),/.exec(s.slice(m.index + m[0].length));
    const noun = title.split(/\s+/).at(-1)!;
    if (KIN.test(noun.toLowerCase())) continue;
    // Sentence-initial capital on a common word: "Guitarist" → "guitarist"; a capitalised title keeps its caps.
    // "Guitarist", "Parish council chair" at a sentence start are common words; "Health Minister" is a title.
    const tw = title.split(/\s+/);
    const titled = tw.length > 1 && tw.every((w) => /^\p{Lu}/u.test(w));
    const shown = titled
      ? title
      : tw.map((w, k) => (k === 0 && (TITLE_NOUN.test(w) || TITLE_MODIFIER.test(w)) ? w.toLowerCase() : w)).join(" ");
    const article = /['’]s\s/.test(shown)
      ? ""
      : ONE_POST.test(title) || titled
        ? "the"
        : /^[aeiou]/i.test(shown)
          ? "an"
          : "a";
    const desc = article ? `${article} ${shown}` : shown;
    // A title is often a post beside a living (a coxswain who teaches): not asked "what does X do for a living?".
    const gen = [`Who is ${name}?`];
    if (article !== "a" && article !== "an") gen.push(`Who is ${desc}?`);
    // "Vale boss" → "Who is the boss of Vale?"
    const org = /^((?:\p{Lu}[\p{L}'’-]*\s+){1,3})((?:[\p{Ll}-]+\s+)*[\p{Ll}-]+)$/u.exec(shown);
    if (org && article === "the" && !/^Former\b/.test(org[1]!)) gen.push(`Who is the ${org[2]} of ${org[1]!.trim()}?`);
    if (ageAfter) gen.push(`How old is ${name}?`);
    out.push({
      text: ageAfter ? `${name}, ${ageAfter[1]}, is ${desc}.` : `${name} is ${desc}.`,
      about: name,
      generated: gen,
    });
  }
  return out;
}

/**
 * A role or relation set before the name: "Highline's owner, Bryn Castellane,", "its director, Benedikt Hawes",
 * "Her husband, Mikkel, …", "His mother, Elowen Penrose,". A possessive pronoun is read as the one person (or, for
 * "its"/"their", the one body) the sentence or the sentences before name; nothing when that is unclear.
 */
function roleBeforeFacts(
  s: string,
  previous: readonly string[],
  full: (n: string, first?: boolean) => string | null,
  vocab: Vocabulary,
): PersonFact[] {
  const out: PersonFact[] = [];
  const re = new RegExp(
    `(?:^|[\\s(])([Tt]he|[Ii]ts|(?:[Tt]he\\s+)?[Hh]is|[Hh]er|[Tt]heir|\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,3}['’]s)\\s+((?:(?!(?:from|of|to|in|at|on|for|with|by|her|his|their|its|and|or|the|a|an)\\s)[\\p{Ll}-]+\\s+){0,3}[\\p{Ll}-]+|MP),\\s+(${NAME})(?=,|\\.|;|\\s+(?:said|says|told|who|has|had|is|was|recalled|added|wrote)\\b|$)`,
    "gu",
  );
  for (const m of s.matchAll(re)) {
    const owner0 = m[1]!;
    const role = m[2]!;
    const head = role.split(/\s+/).at(-1)!;
    const kin = KIN.test(role) || KIN.test(head);
    if (!kin && !TITLE_NOUN.test(head)) continue;
    // The named one: a full name, else a lone first name for kin ("Her husband, Mikkel").
    const raw = m[3]!.replace(/^(?:Councillor|Cllr|Mayor|Judge|Dr|Prof)\s+/, "");
    let name = full(raw);
    // "her husband, Per, …": a capitalised word set off by commas after a relation is a first name.
    if (
      !name &&
      kin &&
      /^\p{Lu}\p{Ll}+$/u.test(raw) &&
      !LEAD_STOP.test(raw) &&
      !MONTH_DAY.test(raw) &&
      !isPlaceWord(raw)
    )
      name = raw;
    if (!name) continue;
    let owner: string | null;
    const pron = /^(?:its|his|her|their)$/i.test(owner0);
    if (/^the$/i.test(owner0)) owner = null;
    else if (!pron) {
      // A relation's owner is a person, asked by full name ("Caspian's" → Caspian Merrow); a post's owner is kept
      // as the article writes it ("Highline's owner", "the Gazette's editor").
      const o = owner0.replace(/['’]s$/, "");
      owner = kin ? full(o.replace(/^the\s+/i, ""), true) : o.replace(/^The\s/, "the ");
      if (!owner) continue;
    } else if (/^(?:its|their)$/i.test(owner0)) owner = bodyBefore(s.slice(0, m.index), previous);
    else owner = personBefore(s.slice(0, m.index), previous, full, name, /^his$/i.test(owner0) ? "m" : "f");
    if (pron && !owner) continue;
    if (owner && owner === name) continue;
    void vocab;
    const ownerIsThe = owner ? /^the\s/.test(owner) : false;
    const desc = !owner ? `the ${role}` : ownerIsThe ? `the ${role} of ${owner}` : `${owner}'s ${role}`;
    const gen = [`Who is ${name}?`, `Who is ${desc}?`];
    if (owner && !ownerIsThe) gen.push(`Who is the ${role} of ${owner}?`);
    if (kin && owner && !ownerIsThe)
      gen.push(`What is the name of ${owner}'s ${role}?`, `What was ${owner}'s ${role}'s name?`);
    if (!kin) {
      gen.push(...agentQuestions(`The ${owner ? `${owner}'s ` : ""}${role}, ${name}`, true));
      if (owner && /^(?:owner|owners)$/.test(head)) gen.push(`Who owns ${owner}?`);
      if (owner && /^(?:director|chief|executive|manager|head|chair|chairman|chairwoman|founder|owner)$/.test(head))
        gen.push(`Who runs ${owner}?`);
    }
    const ageAfter = /^,\s+(\d{1,3}),/.exec(s.slice(m.index + m[0].length));
    if (ageAfter) gen.push(`How old is ${name}?`);
    out.push({
      text: ageAfter ? `${name}, ${desc}, is ${ageAfter[1]}.` : `${name} is ${desc}.`,
      about: name,
      generated: gen,
      ...(kin ? { relation: true } : {}),
    });
  }
  return out;
}

/** The one person the text before (same sentence, else up to three sentences back through he/she) names. */
function personBefore(
  head: string,
  previous: readonly string[],
  full: (n: string) => string | null,
  self: string,
  gender: "m" | "f",
): string | null {
  const named = (t: string) => {
    const names = new Set<string>();
    for (const m of t.matchAll(new RegExp(`(?<![\\p{L}'’-])(${NAME})`, "gu"))) {
      const n = full(m[1]!);
      // "his" never stands for a woman the first name says is one, nor "her" for a man.
      const g = n ? firstNameGender(n.split(/\s+/)[0]!) : null;
      if (n && n !== self && (!g || g === gender)) names.add(n);
    }
    return [...names];
  };
  const here = named(head);
  // "… named him and his homeroom teacher": an object pronoun between is someone else the possessive may mean.
  if (here.length === 1 && /\b(?:him|them)\b/i.test(head.slice(head.lastIndexOf(here[0]!.split(/\s+/).at(-1)!))))
    return null;
  if (here.length === 1) return here[0]!;
  if (here.length > 1) return null;
  for (let k = previous.length - 1; k >= 0; k--) {
    const p = previous[k]!;
    const names = named(p);
    if (names.length === 1) return names[0]!;
    if (names.length > 1) return null;
    // Only through a sentence about the same person ("She died peacefully …"), never past one about no one.
    if (!/^(?:He|She)\s/.test(p.trim())) return null;
  }
  return null;
}

/** The body "its"/"their" stands for: a proper name that opens the sentence before, else a "the … association". */
function bodyBefore(head: string, previous: readonly string[]): string | null {
  if (/\p{Lu}/u.test(head.slice(1))) return null;
  const p = previous.at(-1);
  if (!p) return null;
  // "Cycling charity Two Wheels Westshire said …": the subject, a capitalised name that is no first name.
  const subj =
    /^(?:(?:The\s+)?(?:\p{Lu}?[\p{Ll}-]+\s+){0,2}?)((?:\p{Lu}[\p{L}'’&-]*\s+){1,4}?\p{Lu}[\p{L}'’-]*)(?:,\s+[^,]{2,60},)?\s+(?:said|says|has|had|is|was|will|would|reported|announced|confirmed)\b/u.exec(
      p.trim(),
    );
  if (subj && !isKnownFirstName(subj[1]!.split(/\s+/)[0]!)) return subj[1]!;
  return possessor(null, p);
}

/** "X, who runs the grocery," → "X runs the grocery." (own, lead, found, live in, work at). */
function whoClauseFacts(s: string, full: (n: string) => string | null): PersonFact[] {
  const out: PersonFact[] = [];
  const re = new RegExp(
    `(?<![\\p{L}'’-])(${NAME})(?:,\\s+\\d{1,3})?,\\s+who\\s+((?:[^,;:.!?"“”()]|[,.](?=\\d)){3,120})(?=[,.;:!?]|$)`,
    "gu",
  );
  for (const m of s.matchAll(re)) {
    if (afterPlaceWord(s, m.index) || /\b(?:and|or|&)\s+$/.test(s.slice(0, m.index))) continue;
    const name = full(m[1]!);
    const clause = m[2]!.trim();
    if (!name || !WHO_VERB.test(clause)) continue;
    const gen = [`Who is ${name}?`, ...jobQuestions(name, clause, true)];
    const obj =
      /^(?:(?:has|had)\s+)?(runs?|run|owns?|owned|leads?|led|heads?|headed|manages?|managed|chairs?|chaired|founded|co-founded)\s+((?:the\s+)?[^,;]{2,60}?)(?:\s+(?:since|for|in|from)\s+.*)?$/.exec(
        clause,
      );
    if (obj) {
      const verb = /^own/.test(obj[1]!) ? "owns" : /found/.test(obj[1]!) ? "founded" : "runs";
      gen.push(`Who ${verb} ${obj[2]}?`);
    }
    const lives = /^(?:lives|lived|grew\s+up)\s+in\s+(.+)$/.exec(clause);
    if (lives) gen.push(`Where does ${name} live?`, `Where is ${name} from?`);
    out.push({ text: `${name} ${clause}.`, about: name, generated: gen });
  }
  return out;
}
