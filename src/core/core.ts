import Fuse from "fuse.js";
import { MAX_QUESTION_CHARS, cleanText, fold, stem, withoutMarkup, wordGroups, words } from "./normalise.js";
import { ROLE_NOUNS, STOP_WORDS, expandAbbreviation, impliedWords, withPhrases } from "./lexicon.js";
import { relatedWords } from "./thesaurus.js";
import { asksCalculation, requestFactor } from "./requests.js";
import { isKnownEnglish, isNamingWord } from "./pos.js";
import { allowedEdits, editDistance } from "./fuzzy.js";
import { SearchIndex, type Hit, type QueryTerm } from "./search-index.js";
import {
  agesOfOthers,
  askedAttribute,
  asksClock,
  asksRole,
  givesClock,
  whichThing,
  countedNoun,
  counter,
  definer,
  definitionSubject,
  intentOf,
  measureOf,
  answerTypeOf,
  namedThing,
  namer,
  satisfies,
  timeStrength,
  type Intent,
} from "./intent.js";
import type { Answer, AskResult, Entry, Knowledge, Source, Speaker } from "./types.js";

/** Below this confidence the core declines ("I don't know that") instead of answering. */
export const CONFIDENCE_THRESHOLD = 0.6;
/** Alternatives below this confidence are not worth offering. */
const ALTERNATIVE_FLOOR = 0.34;
const CANDIDATES = 40;
const INTENT_BOOST = 1.25;
const INTENT_MISMATCH = 0.5;
/** "When…" answered by a year or "last year" only: still a time, but a named day or month is better. */
const WEAK_TIME_BOOST = 1.1;
const WEAK_FUTURE_BOOST = 1.05;
/** "What is Karavan?": an entry that says what it is ("a state-run app store, Karavan") beats one that names it. */
const DEFINE_BOOST = 1.6;
/** "How many drivers…": an entry with a number right before "drivers" counts them; others only hold a number. */
const COUNT_BOOST = 1.5;
/** An entry that names the counted thing but whose number counts something else: dev +6 declines, no answer lost. */
const UNCOUNTED = 0.7;
/** Words that say what kind of answer a question wants ("how old", "what year"): an entry of that kind says them. */
const INTENT_WORDS = new Set([
  "old",
  "age",
  "aged",
  "year",
  "years",
  "time",
  "date",
  "day",
  "cost",
  "costs",
  "price",
  "number",
  "percent",
  "percentage",
  "long",
  "big",
  "large",
  "name",
  "called",
]);
/** An entry lacking a name of the question that only other sources use (at most RARE_NAME_SOURCES of them). */
const ANOTHER_NAME = 0.7;
/** An entry that lacks a year the question names: measured on the dev sets, +1 decline, no answer lost. */
const YEAR_MISSING = 0.7;
const YEAR_WORD = /^(?:1[89]|20)\d\d$/;
const RARE_NAME_SOURCES = 3;
const NO_SOURCES: ReadonlySet<string> = new Set();
/** In a long message, words beyond its this many heaviest count at LONG_REST in the share an answer must match. */
const LONG_WORDS = 5;
const LONG_REST = 0.3;
/** An entry matching under this share of the question's words besides a person's name answers another question. */
const PREDICATE_SHARE = 0.34;
const PREDICATE_MISSING = 0.6;
const DEFINE_CHECKS = CANDIDATES;
const STRICT: ReadonlySet<Intent> = new Set<Intent>(["number", "money", "age", "time", "future", "name"]);
/** A question word this share of a source's entries (or its title) holds is what that source is about. */
const SUBJECT_SHARE = 0.2;
/** How much an unknown or asking word of an aside ("my cousin Marguerite wants to know") weighs. */
const ASIDE_WEIGHT = 0.1;
/** A quote's ranking against a fact, unless the question asks what someone said. Ranking only, not confidence. */
const QUOTE_TIEBREAK = 0.9;
/** "What did X say?" asked of a fact that reports no speech ("X is a nurse"): dev sets +3 answers, none lost. */
const SPEECHLESS = 0.7;
/** "What did X say?" reaching words that are someone else's: ranking only (dev +1 answer, none lost). */
const OTHERS_WORDS = 0.8;
const SPEECH =
  /\b(say|said|says|saying|tell|told|tells|think|thinks|thought|quote|quotes|quoted|claim|claims|claimed|believe|believes|opinion|view|views|feel|feels|felt|describe|described|call|called|calls|argue|argued|argues|warn|warned|warns|post|posted|wrote|write|writes|statement|words|according|mean|meant|react|reacted|respond|responded|response|comment|comments|commented|add|added|admit|admitted|insist|insisted|explain|explained|blog)\b/;
/**
 * An entry from another article than the one a question's subject word names, which does not say that word either,
 * keeps this much of its confidence: "Who imposed sanctions on Oskara?" is not answered from the article on Iran.
 */
const OFF_TOPIC = 0.85;
const VERB_SHARE = 0.2;
/**
 * "When was Lock 14 built?": the time asked is the time of the question's event (a verb or adjective of it); an entry
 * that lacks the word gives the time of something else ("visited Lock 14 in June").
 */
const EVENT_MISSING = 0.7;
/** "What did the mayor of Rensby say?": an entry that names no mayor (nor a word WordNet gives for one) is about others. */
const ROLE_MISSING = 0.7;
/** "Who interviewed the minister?": the words after the verb are its object, not the one asked ("who chairs…" is). */
const ASKS_AGENT =
  /^(?:\W*(?:so|and|but|ok|okay|hey)\b)*\W*who\s+(?!(?:is|was|are|were|s|has|have|had|did|does|do|will|would|can|could)\b)([a-z]+)/;
/**
 * "Who composed the Four Seasons?": the verb "who" asks of, when no entry says it, weighs this much more than another
 * unknown verb (the weight of an unknown naming word, 1.5 against 0.6). An unknown verb is usually a paraphrase, but the
 * one whose doer is asked is what the question is about ("…who has scored four times off the bench this season" does
 * not answer it). Dev loop +1 decline, no answer lost; an aside's "asked" never is this verb.
 */
const UNKNOWN_AGENT_VERB = 2.5;
/** "What is Khamenei's Twitter handle?": an entry that does not say "handle" (or a WordNet word for it) gives another thing. */
const ATTRIBUTE_MISSING = 0.7;
/** A fact that is itself a question (an article's subheading "How will we know if it works?") states nothing. */
const QUESTION_FACT = 0.5;
const MISSING_VERB = 0.8;
/**
 * "How long was TideTap down?": an entry giving the asked kind of answer (a duration) ranks first; one lacking it keeps
 * TYPE_MISSING of its confidence (dev loop +4 answers, +1 decline).
 */
const TYPE_BOOST = 2;
const TYPE_MISSING = 0.8;
/**
 * "How many people live in X?" / "what is X's population?" answered by an entry that gives no population ("1,100
 * signatures", "38,000 solar panels"): dev loop +3 declines at 0.5, no answer lost (TYPE_MISSING's 0.8 won two).
 */
const POPULATION_MISSING = 0.5;
/**
 * The words that ask an answer type ("how often", "what colour"): an entry of that type says them (dev loop +8
 * answers, -1 decline; fresh type questions 15 → 17 of 20).
 */
const TYPE_WORDS = new Set(
  "long often frequently far tall high deep wide heavy thick fast quickly speed colour color percentage percent proportion share fraction portion called day date year month".split(
    " ",
  ),
);
const LIGHT_VERBS = new Set(
  "take takes took taken last lasts lasted go goes went gone get gets got make makes made happen happens happened do does did done come came keep kept stay stayed be".split(
    " ",
  ),
);
/** Whether a text names something (a capitalised word inside a sentence) that is not among the question's words. */
function namesOther(text: string, asked: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/(?<=[\p{Ll}\d,;:] )\p{Lu}[\p{L}'’-]+/gu))
    if (words(m[0]).some((w) => !asked.has(w))) return true;
  return false;
}

/** "How old is Mira Ruel?": the words that name whose age is asked. */
const AGE_OF_NAME =
  /^(?:\W*(?:so|and|but|hey|ok|okay|please|pls)\b)*\W*how old (?:is|was) ([\p{L}'’ -]+?)(?: now| today| then)?\s*[?.!]*$/u;

/** A sentence that refers back to the one before it. */
const LEANS = /\b(?:it|its|they|their|them|he|his|she|her|this|these|those|the company|the project|the group)\b/i;
/** Two capitalised words, the second a surname ("Bettany Quennell", "Rosalind Okwu-Marsh"). */
const FULL_NAME =
  /(?<![\p{L}'’-]|\p{Lu}[\p{L}'’-]* )(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}'’-]| \p{Lu})/gu;
const GENERIC_COUNTED = new Set(["people", "persons", "individuals", "times", "men", "women", "residents", "citizens"]);
const ASKING = new Set(
  "ask asks asked asking wonder wonders wondered wondering want wants wanted curious quick question know knows knew".split(
    " ",
  ),
);
const FILLER_SPEECH = /\b(can you tell me|could you tell me|tell me|do you know|say again)\b/g;
const QUESTION_START =
  /^(?:(?:so|and|but|ok|okay|um|uh|also|then|please|now)\s+)*(?:who|whom|whose|what|whats|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell me)\b/;

/**
 * The words of the asides around a question: clauses (split at , ; : ! ? and dashes) other than the one that asks,
 * when one clause clearly asks (starts with a question word or an auxiliary). Null when there is no aside.
 */
function asideWords(q: string): Set<string> | null {
  const clauses = fold(q)
    .split(/[,;:!?()]|\s[-–—]+\s|\.\s/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (clauses.length < 2) return null;
  const main = clauses.findIndex((c) => QUESTION_START.test(c));
  if (main < 0) return null;
  const own = new Set(words(clauses[main]!).map(expandAbbreviation));
  const out = new Set<string>();
  clauses.forEach((c, i) => {
    if (i !== main) for (const w of words(c).map(expandAbbreviation)) if (!own.has(w)) out.add(w);
  });
  return out.size ? out : null;
}

export interface AskOptions {
  /** How many alternatives to return beside the answer (default 3). */
  alternatives?: number;
}

/**
 * The query core: one knowledge base, indexed, answering questions. Platform-free, synchronous and deterministic;
 * no method throws on any input string, and each takes bounded time (questions are cut to
 * {@link MAX_QUESTION_CHARS}). Build one per knowledge load with {@link createCore} and swap it whole on reload.
 */
export class Core {
  private readonly index: SearchIndex;
  private readonly byId = new Map<string, number>();
  private readonly sourceById = new Map<string, Source>();
  private readonly speakerById = new Map<string, Speaker>();
  private readonly speakerFuse: Fuse<Speaker>;
  private readonly tagList: string[];
  private readonly tagFuse: Fuse<string>;
  /** Words and stems of the speakers' names and aliases: what a question names a person by. */
  private readonly personWords = new Set<string>();
  /** Words of the speakers' names and of full names the knowledge base writes ("Bettany Quennell"), not aliases. */
  private readonly nameWords = new Set<string>();
  /**
   * Per entry, whether its text reports speech ("said", "told", …): 0 not read yet, 1 yes, 2 no. Read on the first
   * "what did X say?" that reaches the entry, so start-up reads nothing.
   */
  private readonly reportsSpeech: Uint8Array;
  private readonly roleStems = new Map<number, ReadonlySet<string>>();
  private readonly namedStems = new Map<number, ReadonlySet<string>>();
  /**
   * Per source, a surname (the last word of a full name, folded) to the given names written before it there:
   * "Bettany Quennell" once, then "Quennell, 39, spent twelve years…"; each with how often it is written (a quote's
   * speaker counts once per quote).
   */
  private readonly givenNames = new Map<string, Map<string, Map<string, number>>>();
  /** Every given name written before a surname somewhere. */
  private readonly allGiven = new Set<string>();
  /** Stems of the words the knowledge base writes as names (capitalised inside a sentence), to their sources. */
  private readonly nameSources = new Map<string, Set<string> | ReadonlySet<string>>();

  constructor(readonly knowledge: Knowledge) {
    this.reportsSpeech = new Uint8Array(knowledge.entries.length);
    for (const s of knowledge.sources) this.sourceById.set(s.id, s);
    for (const s of knowledge.speakers) {
      this.speakerById.set(s.id, s);
      for (const w of words([s.name, ...s.aliases].join(" "))) this.personWords.add(w).add(stem(w));
      for (const w of words(s.name)) this.nameWords.add(w);
    }
    knowledge.entries.forEach((e, i) => {
      this.byId.set(e.id, i);
      if (e.kind === "quote") {
        const sp = this.speakerById.get(e.speakerId);
        if (sp) this.noteFullName(e.sourceId, sp.name);
      }
      for (const m of e.text.matchAll(FULL_NAME)) {
        // "The Penhallow lifeboat": a sentence's first word is a given name only when English does not know it.
        if (m.index === 0 && isKnownEnglish(fold(m[1]!))) continue;
        this.noteFullName(e.sourceId, m[0]);
        for (const w of words(m[0])) this.nameWords.add(w);
      }
      // Capitalised inside a sentence: a name ("Vantel", "Brask"), not a sentence's first word.
      for (const m of e.text.matchAll(/(?<=^|[\p{Ll}\d,;:] )\p{Lu}[\p{L}'’-]+/gu)) {
        // A sentence's first word is a name only when English does not know it ("Vantel", not "The").
        if (m.index === 0 && isKnownEnglish(fold(m[0]))) continue;
        const st = stem(fold(m[0]));
        const sources = this.nameSources.get(st);
        if (!sources) this.nameSources.set(st, new Set([e.sourceId]));
        // A name many sources use ("Iran", "Twitter") tells no article from another: kept as an empty set.
        else if (sources.size > 0 && !sources.has(e.sourceId))
          this.nameSources.set(st, sources.size >= RARE_NAME_SOURCES ? NO_SOURCES : new Set(sources).add(e.sourceId));
      }
    });
    const groupOf = new Map<string, number>();
    knowledge.sources.forEach((s, g) => groupOf.set(s.id, g));
    this.index = new SearchIndex(
      knowledge.entries.map((e, i) => {
        const sp = e.kind === "quote" ? this.speakerById.get(e.speakerId) : undefined;
        // A plain imported sentence that leans on the one before ("Eighty thousand users could still open it") is
        // read with that sentence as its context: what "it" is.
        const prev = i > 0 ? knowledge.entries[i - 1]! : undefined;
        const lean =
          e.kind === "fact" &&
          e.questions.length === 0 &&
          prev?.kind === "fact" &&
          prev.sourceId === e.sourceId &&
          LEANS.test(e.text)
            ? ` ${prev.text}`
            : "";
        return {
          text: e.text,
          questions: e.questions.join(" \n "),
          tags: e.tags.join(" "),
          people: sp ? [sp.name, sp.role ?? "", ...sp.aliases].join(" ") : "",
          context: (e.kind === "quote" ? (e.context ?? "") : (e.attribution ?? "")) + lean + impliedWords(e.text),
          group: groupOf.get(e.sourceId) ?? 0,
        };
      }),
      knowledge.sources.map((s) => s.title),
    );
    this.speakerFuse = new Fuse(knowledge.speakers, {
      keys: [
        { name: "name", weight: 2 },
        { name: "aliases", weight: 1.5 },
        { name: "role", weight: 1 },
      ],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
    });
    const tagCount = new Map<string, number>();
    for (const e of knowledge.entries) for (const t of e.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
    this.tagList = [...tagCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    this.tagFuse = new Fuse(this.tagList, { includeScore: true, threshold: 0.34, ignoreLocation: true });
  }

  /** Number of entries (quotes and facts). */
  get size(): number {
    return this.knowledge.entries.length;
  }

  /**
   * Answers a question. Returns the best entry when its confidence reaches {@link CONFIDENCE_THRESHOLD}, otherwise
   * declines with up to 3 suggestions: a wrong answer is never presented as right. Any string is accepted.
   */
  ask(question: string, options: AskOptions = {}): AskResult {
    const notes: string[] = [];
    // Cleaning is linear, but there is no reason to clean a megabyte to keep 500 characters of it.
    const raw = String(question ?? "");
    const rawCut = raw.length > MAX_QUESTION_CHARS * 4;
    let q = cleanText(rawCut ? raw.slice(0, MAX_QUESTION_CHARS * 4) : raw);
    let cutTo: number | undefined;
    if (q.length > MAX_QUESTION_CHARS || rawCut) {
      q = q.slice(0, MAX_QUESTION_CHARS).replace(/\s+\S*$/, "");
      cutTo = MAX_QUESTION_CHARS;
      notes.push(`question was cut to ${MAX_QUESTION_CHARS} characters`);
    }
    // Results are plain literals, never object spread (DESIGN.md, "Garbage on the hot path").
    if (q === "") {
      notes.push("question was empty");
      return {
        question: q,
        answered: false,
        answer: null,
        alternatives: [],
        suggestions: this.exampleQuestions(3),
        notes,
        cutTo,
      };
    }
    // "What is 15 times 12?": a sum is arithmetic, whatever entry holds its numbers.
    const calculation = asksCalculation(q);
    if (calculation) notes.push("the question asks for a calculation");
    const ranked = calculation ? [] : this.rank(q, false);
    const top = ranked[0];
    const wanted = options.alternatives ?? 3;
    if (!top || top.confidence < CONFIDENCE_THRESHOLD) {
      const near = ranked.filter((h) => h.confidence > 0.2).slice(0, 3);
      const suggestions = near.map((h) => this.suggestionFor(h.doc));
      const suggestionIds = near.map((h) => this.knowledge.entries[h.doc]!.id);
      if (ranked.length === 0 && !calculation) notes.push("no word of the question is in the knowledge base");
      return { question: q, answered: false, answer: null, alternatives: [], suggestions, suggestionIds, notes, cutTo };
    }
    // When another source answers too (two articles on one topic), its best answer comes first among the
    // alternatives, so a reader sees the other article's account; then the rest in rank order.
    const topSource = this.knowledge.entries[top.doc]!.sourceId;
    const others = new Set<string>();
    const first: typeof ranked = [];
    const rest: typeof ranked = [];
    for (const h of ranked.slice(1)) {
      if (h.confidence < ALTERNATIVE_FLOOR) continue;
      const src = this.knowledge.entries[h.doc]!.sourceId;
      if (src !== topSource && h.confidence >= CONFIDENCE_THRESHOLD && !others.has(src)) {
        others.add(src);
        first.push(h);
      } else rest.push(h);
    }
    const alternatives = first
      .concat(rest)
      .slice(0, wanted)
      .map((h) => this.answerAt(h.doc, h.confidence));
    return {
      question: q,
      answered: true,
      answer: this.answerAt(top.doc, top.confidence),
      alternatives,
      suggestions: [],
      notes,
      cutTo,
    };
  }

  /**
   * Questions the knowledge base can answer that start like `partial`, for as-you-type completion (Discord
   * autocomplete): at most `limit` (≤ 25), each at most 100 characters, fast enough to run on every keystroke.
   */
  suggest(partial: string, limit = 25): string[] {
    const max = Math.min(25, Math.max(0, limit));
    const q = cleanText(String(partial ?? "")).slice(0, 200);
    const out = new Set<string>();
    if (q !== "") {
      const ranked = this.rank(q, true);
      // Each matching entry offers its own questions, best entry first; then a few examples fill the list.
      for (const h of ranked) for (const text of this.entryQuestions(h.doc)) if (out.size < max) out.add(text);
    }
    for (const text of this.exampleQuestions(max)) if (out.size < max) out.add(text);
    return [...out].map((s) => (s.length > 100 ? `${s.slice(0, 99)}…` : s)).slice(0, max);
  }

  /** The speaker a name most likely means ("rohani" → Hassan Rouhani) and their quotes; null when no one is close. */
  quotesBySpeaker(name: string): { speaker: Speaker; quotes: Answer[] } | null {
    const q = cleanText(String(name ?? "")).slice(0, 100);
    if (q === "") return null;
    // fuse.js proposes; every content word of the name must then be within typo distance of one of the speaker's own
    // words, so "rohani" finds Rouhani but "zarif" does not find "Mohammad Javad Azari Jahromi".
    const asked = words(q).filter((w) => !STOP_WORDS.has(w));
    if (asked.length === 0) return null;
    const hit = this.speakerFuse.search(q, { limit: 5 }).find(({ item }) => {
      const own = words([item.name, item.role, ...item.aliases].join(" "));
      return asked.every((w) => own.some((o) => editDistance(w, o, allowedEdits(w.length)) <= allowedEdits(w.length)));
    });
    if (!hit) return null;
    const quotes = this.knowledge.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.kind === "quote" && e.speakerId === hit.item.id)
      .map(({ i }) => this.answerAt(i, 1));
    return { speaker: hit.item, quotes };
  }

  /**
   * Facts on a topic: those tagged with the tag nearest to `topic` ("sanction" → sanctions), or, when no tag is
   * near, the facts that best match it as a question. `topic` is null in the second case.
   */
  factsByTopic(topic: string, limit = 10): { topic: string | null; facts: Answer[] } {
    const q = fold(String(topic ?? "")).slice(0, 100);
    if (q === "") return { topic: null, facts: [] };
    const tag = this.tagFuse.search(q, { limit: 1 })[0]?.item;
    if (tag !== undefined) {
      const facts = this.knowledge.entries
        .map((e, i) => ({ e, i }))
        .filter(({ e }) => e.kind === "fact" && e.tags.includes(tag))
        .slice(0, limit)
        .map(({ i }) => this.answerAt(i, 1));
      if (facts.length) return { topic: tag, facts };
    }
    const facts = this.rank(q, false)
      .filter((h) => this.knowledge.entries[h.doc]!.kind === "fact" && h.confidence >= CONFIDENCE_THRESHOLD)
      .slice(0, limit)
      .map((h) => this.answerAt(h.doc, h.confidence));
    return { topic: null, facts };
  }

  /** A random quote (pass `rng` for a repeatable pick); null when there are none. */
  randomQuote(rng: () => number = Math.random): Answer | null {
    return this.randomOf("quote", rng);
  }

  /** A random fact (pass `rng` for a repeatable pick); null when there are none. */
  randomFact(rng: () => number = Math.random): Answer | null {
    return this.randomOf("fact", rng);
  }

  /** Quotes to feature where no question was asked yet (Telegram's empty inline query), in knowledge order. */
  featuredQuotes(limit = 5): Answer[] {
    const out: Answer[] = [];
    this.knowledge.entries.forEach((e, i) => {
      if (e.kind === "quote" && out.length < limit) out.push(this.answerAt(i, 1));
    });
    return out;
  }

  /** Everyone quoted, in knowledge order. */
  speakers(): Speaker[] {
    return [...this.knowledge.speakers];
  }

  /** Topic tags, most used first. */
  topics(): string[] {
    return [...this.tagList];
  }

  /** The sources, each with its quote and fact counts. */
  sourceSummaries(): SourceSummary[] {
    return summariseSources(this.knowledge);
  }

  /** `n` questions the knowledge base answers, spread across it: for /start, /help and empty input. */
  exampleQuestions(n: number): string[] {
    const withQ = this.knowledge.entries.filter((e) => e.questions.length > 0);
    if (withQ.length === 0 || n <= 0) return [];
    const step = Math.max(1, Math.floor(withQ.length / n));
    const out: string[] = [];
    for (let i = 0; i < withQ.length && out.length < n; i += step) out.push(withQ[i]!.questions[0]!);
    return out;
  }

  /** The entry with this id as an answer (for buttons that carry an id); null for an unknown id. */
  answerById(id: string, confidence = 1): Answer | null {
    const i = this.byId.get(String(id));
    return i === undefined ? null : this.answerAt(i, confidence);
  }

  private rank(question: string, prefixLast: boolean): (Hit & { confidence: number })[] {
    const q = withPhrases(withoutMarkup(question));
    const terms = this.index.terms(q, prefixLast);
    // Words of an aside around the question ("hey, quick one: …", "…, my friend Bob asked") weigh less.
    // Only its unknown words and its asking words ("asked", "wondering"): "In Jahromi's view, …" keeps Jahromi.
    const aside = asideWords(q);
    if (aside && terms.filter((t) => !aside.has(t.word)).length >= 2)
      for (const t of terms)
        if (aside.has(t.word) && (t.matches.length === 0 || ASKING.has(t.word))) t.weight *= ASIDE_WEIGHT;
    const intent = intentOf(q);
    const advice = requestFactor(q);
    // "Who composed…?": a verb no entry says is what is asked when it is the one "who" asks of.
    const askedVerb = ASKS_AGENT.exec(fold(q))?.[1];
    // Only a past tense: "who else did Holt talk to?" asks of no verb "else".
    for (const t of terms)
      if (t.word === askedVerb && /ed$/.test(t.word) && t.matches.length === 0) t.weight *= UNKNOWN_AGENT_VERB;
    // "How old was Fergal's mother?" asks the age of someone a quote's speaker speaks of, not the speaker's.
    const questionWords = new Set(intent === "age" ? words(q) : []);
    const ofAnother = intent === "age" && /\b(?:[\p{L}-]+'s|his|her|their|my|your)\s+\p{L}/u.test(fold(q));
    // "How old is Jahromi?" asks a named person's age: one given after another's name is not theirs. Only when the
    // question names no one else ("How old was the man Holt spoke to?" asks Holt's interviewee's).
    const askedName = intent === "age" && !ofAnother ? AGE_OF_NAME.exec(fold(q))?.[1] : undefined;
    const namesSomeone = askedName !== undefined && words(askedName).every((w) => this.nameWords.has(w));
    // Only "what is the name of…" compares an entry's names with the question's own words.
    const asked = intent === "name" ? new Set(words(q).flatMap((w) => [w, stem(w)])) : new Set<string>();
    const subject = definitionSubject(q);
    const thing = intent === "name" ? namedThing(q) : null;
    const namesThing = thing === null ? null : namer(thing);
    let subjectDefiner: ((text: string) => boolean) | undefined;
    let topicDefiner: ((text: string) => boolean) | undefined;
    const whoIs = subject !== null && (intent === "person" || asksRole(q));
    const counted = intent === "number" ? countedNoun(q) : null;
    // A misspelt counted thing ("studnets") is counted as the word it was corrected to.
    const countedTerm = counted === null ? undefined : terms.find((t) => t.word === expandAbbreviation(counted));
    const best = countedTerm?.matches.reduce((a, m) => (m.quality > a.quality ? m : a), countedTerm.matches[0]!);
    const fixed = best === undefined ? undefined : this.index.stemOf(best.term);
    const countsIt =
      counted === null ? null : counter(fixed !== undefined && fixed !== stem(counted) ? fixed : counted);
    const measures = intent === "number" ? measureOf(q) : null;
    const typed = answerTypeOf(q);
    const typeIndex = typed === null ? -1 : terms.findIndex((t) => TYPE_WORDS.has(t.word));
    let namingBits = 0;
    terms.forEach((t, i) => {
      if (i < 31 && i !== typeIndex && t.weight > 0 && !LIGHT_VERBS.has(t.word)) namingBits |= 1 << i;
    });
    const typeBit = typeIndex >= 0 && typeIndex < 31 && terms[typeIndex]!.weight > 0 ? 1 << typeIndex : 0;
    // "What time does the pharmacy open?" asks a time of day: a year or a month is the time of something else.
    const clock = intent === "time" && asksClock(q);
    // The question's own term for the counted thing, to tell whether an entry speaks of it at all.
    // "people" is counted by "40 million Iranians" too: a word for any group of people is not checked.
    const countedIndex =
      counted === null || GENERIC_COUNTED.has(expandAbbreviation(counted))
        ? -1
        : terms.findIndex((t) => t.word === expandAbbreviation(counted));
    const countedBit =
      countedIndex >= 0 && countedIndex < 31 && terms[countedIndex]!.weight > 0 ? 1 << countedIndex : 0;
    // Unless the question asks what someone said, an entry that states the answer beats a quote that touches it.
    const asksSpeech = SPEECH.test(fold(q).replace(FILLER_SPEECH, " "));
    const quoteFactor = asksSpeech ? 1 : QUOTE_TIEBREAK;
    // The people the question names ("Moe"), as the knowledge base writes them with a capital.
    const askedPeople = new Set(
      terms.filter((t) => this.personWords.has(t.word) && this.nameSources.has(stem(t.word))).map((t) => t.word),
    );
    const weighted = terms.filter((t) => t.weight > 0);
    const totalWeight = weighted.reduce((a, t) => a + t.weight, 0);
    // A long message holds more than any one sentence can: beyond its heaviest words, the rest count for less.
    const heavy = weighted.map((t) => t.weight).sort((a, b) => b - a);
    const reach = heavy.reduce((a, w, i) => a + (i < LONG_WORDS ? w : LONG_REST * w), 0);
    const stretch = reach > 0 ? totalWeight / reach : 1;
    // The question's heavy verbs ("founded", "charge"): an entry without one of them answers another question.
    let verbBits = 0;
    terms.forEach((t, i) => {
      if (
        i < 31 &&
        t.matches.length > 0 &&
        t.weight >= VERB_SHARE * totalWeight &&
        /(?:ed|en|ing)$/.test(t.word) &&
        // "happen", "taken": a light verb says nothing of its own ("Where did the hit-and-run happen?").
        !LIGHT_VERBS.has(t.word) &&
        !isNamingWord(t.word)
      )
        verbBits |= 1 << i;
    });
    // "When…" asks the time of what the question's verbs and adjectives say happened ("built", "founded", "die").
    let eventBits = 0;
    // Not "which year's demonstrations…": there the event is the noun, and the verbs say something else about it.
    if ((intent === "time" || intent === "future") && /\bwhen\b|\bwhat time\b/.test(fold(q)))
      terms.forEach((t, i) => {
        if (
          i < 31 &&
          t.weight > 0 &&
          t.matches.length > 0 &&
          !isNamingWord(t.word) &&
          !INTENT_WORDS.has(t.word) &&
          !this.personWords.has(t.word) &&
          !this.personWords.has(stem(t.word))
        )
          eventBits |= 1 << i;
      });
    // The role the question asks about ("the mayor", "Quaine's mother"), not one in a possessive ("his wife's death"),
    // nor the object of the verb "who" or "which X" asks ("who interviewed the minister?" asks the interviewer).
    const roles: { bit: number; forms: string[] }[] = [];
    const lowered = fold(q);
    const agentVerb = ASKS_AGENT.exec(lowered)?.[1];
    terms.forEach((t, i) => {
      const single = t.word.endsWith("s") ? t.word.slice(0, -1) : t.word;
      const role = ROLE_NOUNS.has(t.word) ? t.word : ROLE_NOUNS.has(single) ? single : null;
      if (role === null || i >= 31 || t.weight === 0 || t.matches.length === 0) return;
      if (agentVerb !== undefined && t.word !== agentVerb) return;
      if (new RegExp(`\\b${t.word}(?:'s|s')`).test(lowered)) return;
      roles.push({ bit: 1 << i, forms: [role, ...relatedWords(role).map((r) => r.word)].map(stem) });
    });
    // The thing "what is the X…" asks ("handle", "penalty"): an entry without it says something else about the subject.
    const attribute0 = askedAttribute(q);
    // "Which supermarket…": the same, unless the entry names something the question does not (the answer's name).
    const which = attribute0 === null ? whichThing(q) : null;
    const attribute = attribute0 ?? which;
    // The question's words, read once when a "which X" check first needs them.
    let askedWords: Set<string> | undefined;
    const attributeIndex = attribute === null ? -1 : terms.findIndex((t) => t.word === attribute);
    const attributeTerm = attributeIndex >= 0 && attributeIndex < 31 ? terms[attributeIndex]! : undefined;
    const attributeForms =
      attributeTerm && attributeTerm.matches.length > 0 && attributeTerm.weight > 0
        ? [attribute!, ...relatedWords(attribute!).map((r) => r.word)].map(stem)
        : null;
    // Words that name one source's subject ("Oskara"): an entry of another source that lacks them is off topic.
    const focus: { bit: number; group: number }[] = [];
    if (this.knowledge.sources.length > 1)
      terms.forEach((t, i) => {
        const group = i < 31 && t.weight > 0 ? this.index.topicGroup(t, SUBJECT_SHARE) : -1;
        if (group >= 0) focus.push({ bit: 1 << i, group });
      });
    // The question's known words other than a person's name: what it asks about them.
    // "old" in "how old is Tallan?" is said by any entry that gives an age: it is what the intent asks.
    const predicate: { term: QueryTerm; bit: number; asks: boolean }[] = [];
    terms.forEach((t, i) => {
      const person = this.personWords.has(t.word) || this.personWords.has(stem(t.word));
      if (i < 31 && t.weight > 0 && t.matches.length > 0 && !person)
        predicate.push({ term: t, bit: 1 << i, asks: INTENT_WORDS.has(t.word) });
    });
    const predicateWeight = predicate.reduce((a, p) => a + p.term.weight, 0);
    // The names the question asks about ("Vantel", "Brask"), as written with a capital: an entry about another is about
    // something else. (Lower-case words are left alone: a typo of one word can be another article's name.)
    const names: { term: QueryTerm; bit: number; sources: ReadonlySet<string> }[] = [];
    const written = new Set([...question.matchAll(/\p{Lu}[\p{L}'’-]*/gu)].map((m) => fold(m[0]).replace(/['’]s$/, "")));
    terms.forEach((t, i) => {
      const sources = i < 31 && t.weight > 0 && t.matches.length > 0 ? this.nameSources.get(stem(t.word)) : undefined;
      if (sources && sources.size > 0 && written.has(t.word)) names.push({ term: t, bit: 1 << i, sources });
    });
    // "Bettany Quennell": a given name and a surname, written together once in an article and then the surname alone.
    const fullNames: { given: QueryTerm; bit: number; surnameBit: number; surname: string; isName: boolean }[] = [];
    for (let i = 0; i + 1 < terms.length && i + 1 < 31; i++) {
      const [g, sn] = [terms[i]!, terms[i + 1]!];
      if (g.weight > 0 && g.matches.length > 0 && sn.matches.length > 0)
        fullNames.push({
          given: g,
          bit: 1 << i,
          surnameBit: 1 << (i + 1),
          surname: sn.word,
          // A given name somewhere, or a name the question and the knowledge base both capitalise and English does
          // not know ("Caspar"; not "President").
          isName:
            this.allGiven.has(stem(g.word)) ||
            (written.has(g.word) &&
              written.has(sn.word) &&
              !isKnownEnglish(g.word) &&
              (this.nameSources.get(stem(g.word))?.size ?? 0) > 0),
        });
    }
    const yearBits: number[] = [];
    terms.forEach((t, i) => {
      if (i < 31 && t.weight > 0 && YEAR_WORD.test(t.word)) yearBits.push(1 << i);
    });
    const hits = this.index.search(terms, CANDIDATES);
    // The sentence-level definition check reads text: only for the few hits that can come first.
    // The surname alone, in an article that gives it to one person only, names the person the question does.
    const coverageOf = (h: Hit): number => {
      let coverage = h.coverage;
      for (const n of fullNames) {
        if ((h.matched & n.bit) !== 0 || (h.matched & n.surnameBit) === 0) continue;
        const sourceId = this.knowledge.entries[h.doc]!.sourceId;
        if (
          this.givenNameOf(sourceId, n.surname) === stem(n.given.word) &&
          this.saysSurname(h.doc, n.surname, stem(n.given.word))
        )
          coverage +=
            (n.given.weight * (1 - this.index.impliedShare(n.given, this.index.groupOfDoc(h.doc)))) / totalWeight;
      }
      return coverage;
    };
    const covered = fullNames.length ? hits.map(coverageOf) : hits.map((h) => h.coverage);
    const keys = hits.map((h, i) => covered[i]! * h.score).sort((a, b) => b - a);
    const checkFrom = keys[Math.min(keys.length - 1, DEFINE_CHECKS - 1)] ?? 0;
    return hits
      .map((h, hi) => {
        let coverage = covered[hi]!;
        const e = this.knowledge.entries[h.doc]!;
        // Whether the entry gives the kind of answer the question's form asks (a duration, a frequency…).
        const ofType = typed !== null && typed.test(e.text);
        // "How often does the porter sleep there?": an entry giving a frequency says what "often" asks.
        // Only where the entry shares more than a light verb: "how long did it take?" alone asks of nothing.
        if (typeBit !== 0 && (h.matched & typeBit) === 0 && (h.matched & namingBits) !== 0 && ofType)
          coverage = Math.min(1, coverage + terms[typeIndex]!.weight / totalWeight);
        const sp = e.kind === "quote" ? this.speakerById.get(e.speakerId) : undefined;
        const speaker = intent && sp ? sp.name : undefined;
        // An age in someone's words is theirs only when the question asks about them.
        const aboutOther =
          ofAnother ||
          (intent === "age" &&
            // Not by "old" of an alias ("36-year-old man"): every "how old" question says it.
            !words(sp ? `${sp.name} ${sp.aliases.join(" ")}` : e.kind === "fact" ? (e.attribution ?? "") : "").some(
              (w) => questionWords.has(w) && !INTENT_WORDS.has(w) && !STOP_WORDS.has(w) && !/\d/.test(w),
            ));
        let fits = intent !== null && satisfies(e, intent, asked, speaker, sp?.role, aboutOther);
        // "How old is Jahromi?": "Ali, a 36-year-old…" gives another named person's age.
        if (fits && namesSomeone && agesOfOthers(e.text, questionWords)) fits = false;
        let boost = fits ? INTENT_BOOST : 1;
        // "What is the driver's name?": "The driver, Osric Naylor," gives it; a sentence with any other name may not.
        // "What's the full name of the communications minister?": a quote names its speaker, whose role says it.
        if (
          fits &&
          (namesThing?.(e.text) || (thing !== null && sp?.role !== undefined && fold(sp.role).includes(thing)))
        )
          boost = DEFINE_BOOST;
        // An entry that names something else ("My son lives in Aldhaven") does not give the son's name.
        else if (fits && namesThing) fits = false;
        if (intent === "time" && fits && timeStrength(e.text) < 2) boost = WEAK_TIME_BOOST;
        // "When will…": an entry that says what will happen and when beats one that only says it will.
        if (intent === "future" && fits)
          boost = [WEAK_FUTURE_BOOST, WEAK_TIME_BOOST, INTENT_BOOST][timeStrength(e.text)]!;
        // "How many drivers…": a number before "drivers" beats a number elsewhere in the sentence.
        // A quote that counts the thing states the answer as plainly as a fact does.
        let quoted = e.kind === "quote" ? quoteFactor : 1;
        let uncounted = 1;
        // "What did X say?": a fact that reports no speech ("X is a nurse") is not what X said.
        if (asksSpeech && e.kind !== "quote" && !this.saysSpeech(h.doc)) quoted = SPEECHLESS;
        // "What did Moe say?": someone else's words about Moe (a quote by another, a fact attributed to another) rank
        // below what Moe said.
        if (asksSpeech && askedPeople.size > 0) {
          const who = sp ? `${sp.name} ${sp.aliases.join(" ")}` : e.kind === "fact" ? (e.attribution ?? "") : "";
          if (who !== "" && !words(who).some((w) => askedPeople.has(w))) quoted *= OTHERS_WORDS;
        }
        // "How big is Europa?": a size with its unit ("1,900-mile-wide") beats any other number.
        if (measures !== null && fits && measures(e.text)) boost = COUNT_BOOST;
        if (clock && fits && !givesClock(e.text)) {
          fits = false;
          boost = 1;
        }
        // "How old is Esther Adeyemi-Lowe?": "Adeyemi-Lowe, 52," beats another's age in the same sentence.
        if (intent === "age" && fits && this.ageBesideName(e.text, terms)) boost = COUNT_BOOST;
        if (countsIt !== null && fits && countsIt(e.text)) {
          boost = COUNT_BOOST;
          quoted = 1;
        } else if (countsIt !== null && fits) {
          boost = 1;
          // A number in a sentence that never names the counted thing counts something else: "How many people
          // use Corvid in Aurenna?" is not answered by "founded in 2017 by two former bank engineers".
          if (countedBit !== 0 && (h.matched & countedBit) === 0) fits = false;
          // One that names it but counts something else ("The Penhallow lifeboat, crewed by six volunteers") is
          // weaker than one that counts it ("How many lifeboats does Penhallow have?" is not answered by it).
          else if (countedBit !== 0) uncounted = UNCOUNTED;
        }
        // "How many…" answered without a number, "when…" without a time ("when will…" without a future), "how old…"
        // without an age, or "what is the name of…" without a name the question lacks, is not an answer however
        // many words match.
        let strict = !fits && intent !== null && STRICT.has(intent);
        // "Who is X?" / "What is X?" — and a question made only of what the entry's source is about ("Iran?") — is
        // answered by an entry that says who or what X is, not by any entry that mentions X.
        // "What is the confessions board?" only prefers such an entry: a thing is often explained without a copula.
        const topicOnly = (intent === null || intent === "person") && this.onlyTopic(weighted, h);
        const about = topicOnly ? weighted.map((t) => t.word) : subject;
        // Checked only where it can matter: an entry below the threshold is declined either way.
        if (about) {
          // The text is read only where it can matter (an answerable hit among the first few); any other hit counts
          // as not saying who or what X is.
          const checked = coverage >= CONFIDENCE_THRESHOLD && coverage * h.score >= checkFrom;
          const speaks = sp !== undefined && about.some((w) => words(`${sp.name} ${sp.aliases.join(" ")}`).includes(w));
          const define = topicOnly ? (topicDefiner ??= definer(about)) : (subjectDefiner ??= definer(about));
          // A quote's speaker is defined by their role, or by the sentence around the quote ("the head of the board,
          // Oddvar Lien, told me").
          const defined =
            checked &&
            ((speaks && sp.role !== undefined) ||
              define(e.text) ||
              (speaks && e.kind === "quote" && e.context !== undefined && define(e.context)));
          if (defined) boost = Math.max(boost, DEFINE_BOOST);
          else if (topicOnly || whoIs) strict = true;
        }
        let offTopic = 1;
        // Only for a plain sentence: alternate questions are where a curator paraphrases the verbs.
        if (verbBits !== 0 && e.questions.length === 0 && (h.matched & verbBits) !== verbBits) offTopic = MISSING_VERB;
        // What the question asks of its subject ("re-election", "founded"): an entry that says almost none of it
        // answers another question about the same subject, however well it matches the name.
        if (predicateWeight > 0) {
          let said = 0;
          const g = this.index.groupOfDoc(h.doc);
          // A word the entry's article is about counts as said ("A year's subscription costs…" in the VPN story).
          for (const p of predicate)
            if (h.matched & p.bit || (fits && p.asks) || this.index.topicShare(p.term, g) >= SUBJECT_SHARE)
              said += p.term.weight;
          if (said < PREDICATE_SHARE * predicateWeight) offTopic *= PREDICATE_MISSING;
        }
        if (eventBits !== 0 && (h.matched & eventBits) !== eventBits) {
          const g = this.index.groupOfDoc(h.doc);
          terms.forEach((t, i) => {
            if (eventBits & (1 << i) && (h.matched & (1 << i)) === 0 && this.index.topicShare(t, g) < SUBJECT_SHARE)
              offTopic *= EVENT_MISSING;
          });
        }
        if (e.kind === "fact" && /\?\s*$/.test(e.text)) offTopic *= QUESTION_FACT;
        if (typed !== null) {
          if (ofType) boost = Math.max(boost, TYPE_BOOST);
          // "What is the bacterium called?" is answered by its name alone: the name check reads that.
          // "How many people live in Lowther Green?" is answered by a population only, not by any number there.
          else if (typed.type === "population") offTopic *= POPULATION_MISSING;
          else if (typed.type !== "called") offTopic *= TYPE_MISSING;
        }
        if (
          attributeForms !== null &&
          (h.matched & (1 << attributeIndex)) === 0 &&
          this.index.topicShare(attributeTerm!, this.index.groupOfDoc(h.doc)) < SUBJECT_SHARE
        ) {
          const said = this.stemsOf(h.doc, false);
          if (
            !attributeForms.some((f) => said.has(f)) &&
            (which === null || !namesOther(e.text, (askedWords ??= new Set(words(q)))))
          )
            offTopic *= ATTRIBUTE_MISSING;
        }
        for (const r of roles) {
          if (
            h.matched & r.bit ||
            this.index.topicShare(terms[31 - Math.clz32(r.bit)]!, this.index.groupOfDoc(h.doc)) >= SUBJECT_SHARE
          )
            continue;
          const said = this.stemsOf(h.doc, true);
          if (!r.forms.some((f) => said.has(f))) offTopic *= ROLE_MISSING;
        }
        // A name only other articles use ("Vantel") that this entry lacks: the entry is about something else
        // ("Hearth's chief executive" does not answer "Who runs Vantel?").
        for (const n of names) if ((h.matched & n.bit) === 0 && !n.sources.has(e.sourceId)) offTopic *= ANOTHER_NAME;
        // "Caspar Ruel" where the article's Ruel is Yewande, and never Caspar: the question is about someone else.
        for (const n of fullNames) {
          const known = this.givenNames.get(e.sourceId)?.get(n.surname);
          if (known && !known.has(stem(n.given.word)) && h.matched & n.surnameBit && n.isName) offTopic *= ANOTHER_NAME;
        }
        // A year the question names and the entry lacks ("…in 2022?"): the entry speaks of another time.
        for (const b of yearBits) if ((h.matched & b) === 0) offTopic *= YEAR_MISSING;
        if (focus.length) {
          const g = this.index.groupOfDoc(h.doc);
          for (const f of focus) if (f.group !== g && (h.matched & f.bit) === 0) offTopic = OFF_TOPIC;
        }
        const confidence =
          Math.round(
            Math.min(1, coverage * stretch) * uncounted * advice * (strict ? INTENT_MISMATCH : 1) * offTopic * 1000,
          ) / 1000;
        // An entry that does not give what the question asks for also ranks lower, so one that does comes first.
        // A surname credited with its given name ranks as if it said both.
        const named = h.coverage > 0 ? Math.sqrt(coverage / h.coverage) : 1;
        const score = h.score * named * boost * quoted * (strict ? INTENT_MISMATCH : 1) * offTopic;
        return { doc: h.doc, score, coverage, matched: h.matched, confidence };
      })
      .sort((a, b) => b.confidence * b.score - a.confidence * a.score || a.doc - b.doc);
  }

  private noteFullName(sourceId: string, name: string): void {
    const groups = wordGroups(name);
    if (groups.length !== 2) return;
    const given = stem(groups[0]![0]!);
    const surname = groups[1]![0]!;
    let own = this.givenNames.get(sourceId);
    if (!own) this.givenNames.set(sourceId, (own = new Map()));
    let known = own.get(surname);
    if (!known) own.set(surname, (known = new Map()));
    known.set(given, (known.get(given) ?? 0) + 1);
    this.allGiven.add(given);
  }

  /** The given name a surname alone stands for in a source: the one written with it most often, if one is. */
  private givenNameOf(sourceId: string, surname: string): string | null {
    const known = this.givenNames.get(sourceId)?.get(surname);
    if (!known) return null;
    let best: string | null = null;
    let most = 0;
    let tie = false;
    for (const [g, n] of known) {
      if (n > most) [best, most, tie] = [g, n, false];
      else if (n === most) tie = true;
    }
    return tie ? null : best;
  }

  /** Whether an age follows one of the question's words ("Adeyemi-Lowe, 52,", "Okoro, who is 9,"). */
  private ageBesideName(text: string, terms: QueryTerm[]): boolean {
    const asked = new Set(terms.filter((t) => t.weight > 0).map((t) => t.word));
    const groups = wordGroups(text);
    for (let i = 0; i + 1 < groups.length; i++) {
      if (!asked.has(groups[i]![0]!)) continue;
      const next = groups[i + 1]![0]!;
      const after = next === "who" && groups[i + 2]?.[0] === "is" ? groups[i + 3]?.[0] : next;
      if (after !== undefined && /^\d{1,3}$/.test(after)) return true;
    }
    return false;
  }

  /**
   * Whether the entry's own text (or a quote's context) holds this surname alone, not after another given name the
   * article writes it with ("Renata Imbert" is not Sasha).
   */
  private saysSurname(doc: number, surname: string, given: string): boolean {
    const e = this.knowledge.entries[doc]!;
    const text = e.kind === "quote" && e.context ? `${e.text} ${e.context}` : e.text;
    const others = this.givenNames.get(e.sourceId)?.get(surname);
    const groups = wordGroups(text);
    return groups.some((g, i) => {
      if (g[0] !== surname) return false;
      const before = i > 0 ? stem(groups[i - 1]![0]!) : "";
      return before === given || !others?.has(before);
    });
  }

  /**
   * The stems an entry says, with its speaker's role (and, `withName`, the speaker's name and a quote's context), read
   * once per entry: the attribute and role checks ask them of every hit.
   */
  private stemsOf(doc: number, withName: boolean): ReadonlySet<string> {
    const cache = withName ? this.namedStems : this.roleStems;
    let out = cache.get(doc);
    if (out === undefined) {
      const e = this.knowledge.entries[doc]!;
      const sp = e.kind === "quote" ? this.speakerById.get(e.speakerId) : undefined;
      const parts = withName
        ? [e.text, sp ? `${sp.name} ${sp.role ?? ""}` : "", e.kind === "quote" ? (e.context ?? "") : ""]
        : [e.text, sp?.role ?? ""];
      cache.set(doc, (out = new Set(words(parts.join(" ")).map(stem))));
    }
    return out;
  }

  private saysSpeech(doc: number): boolean {
    if (this.reportsSpeech[doc] === 0)
      this.reportsSpeech[doc] = SPEECH.test(fold(this.knowledge.entries[doc]!.text)) ? 1 : 2;
    return this.reportsSpeech[doc] === 1;
  }

  /** Whether every weighted word of the question is only what the hit's source is about (its title, most entries). */
  private onlyTopic(terms: QueryTerm[], h: Hit): boolean {
    if (terms.length !== 1) return false;
    const g = this.index.groupOfDoc(h.doc);
    return terms.every((t) => t.matches.length > 0 && this.index.topicShare(t, g) >= SUBJECT_SHARE);
  }

  private entryQuestions(doc: number): string[] {
    const e = this.knowledge.entries[doc]!;
    return e.questions.length ? e.questions : [e.text];
  }

  private suggestionFor(doc: number): string {
    const text = this.entryQuestions(doc)[0]!;
    return text.length > 100 ? `${text.slice(0, 99)}…` : text;
  }

  private randomOf(kind: Entry["kind"], rng: () => number): Answer | null {
    const idx: number[] = [];
    this.knowledge.entries.forEach((e, i) => e.kind === kind && idx.push(i));
    if (idx.length === 0) return null;
    const r = Math.min(0.999999, Math.max(0, Number(rng()) || 0));
    return this.answerAt(idx[Math.floor(r * idx.length)]!, 1);
  }

  private answerAt(doc: number, confidence: number): Answer {
    const e = this.knowledge.entries[doc]!;
    const source = this.sourceById.get(e.sourceId)!;
    if (e.kind === "quote") {
      const sp = this.speakerById.get(e.speakerId)!;
      const quote: Answer = {
        id: e.id,
        kind: "quote",
        text: e.text,
        speaker: { name: sp.name, role: sp.role },
        source,
        confidence,
      };
      if (e.context) quote.context = e.context;
      return quote;
    }
    const fact: Answer = { id: e.id, kind: "fact", text: e.text, source, confidence };
    if (e.attribution) fact.attribution = e.attribution;
    return fact;
  }
}

/** A source with how many quotes and facts it gives. */
export interface SourceSummary {
  source: Source;
  quotes: number;
  facts: number;
}

/** Each source of a knowledge base with its quote and fact counts (for /sources and `briefbot check`). */
export function summariseSources(knowledge: Knowledge): SourceSummary[] {
  return knowledge.sources.map((source) => {
    const own = knowledge.entries.filter((e) => e.sourceId === source.id);
    return {
      source,
      quotes: own.filter((e) => e.kind === "quote").length,
      facts: own.filter((e) => e.kind === "fact").length,
    };
  });
}

/** Indexes a loaded knowledge base. Takes a fraction of a second per 10,000 entries. */
export function createCore(knowledge: Knowledge): Core {
  const core = new Core(knowledge);
  // One question with an unseen word loads the word-frequency table and the tagger now, not on a user's first question.
  core.ask("warming up the question reader");
  return core;
}
