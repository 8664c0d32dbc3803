/**
 * Seeded synthetic knowledge bases and the queries asked of them, for the query benchmark (bench/query.ts) and the
 * scale test (test/core/scale.e2e.test.ts). Everything is drawn from one seeded PRNG, so a given size and seed always
 * gives the same knowledge base and the same queries.
 *
 * The text is English-like rather than English: a vocabulary of a few thousand made-up words (with -s/-ed/-ing
 * forms) drawn with a Zipf distribution, mixed with real English function words at about the rate of real prose,
 * grouped into topics (entries of one topic share a pool of words, as articles on one subject do), plus speakers
 * with made-up names, numbers and years. Entries' questions are written from their most telling words, the way a
 * curator would; queries are paraphrase-ish subsets of an entry's question or text, some with a typo.
 */
import type { Entry, Knowledge, Source, Speaker } from "../src/core/types.js";

/** A seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** Real English function words with rough relative frequencies (per 1,000 words of prose). */
const FUNCTION_WORDS: [string, number][] = (
  "the 60,of 30,and 28,to 26,a 22,in 20,that 11,is 10,was 9,for 9,on 7,with 7,as 7,by 6,at 5,from 5,it 8,he 4," +
  "she 2,they 4,has 4,had 4,have 4,be 5,been 3,were 3,are 4,this 4,which 3,but 4,not 4,or 3,an 3,their 3,his 3," +
  "her 2,said 4,after 2,about 2,more 2,who 2,its 2,will 2,would 2,can 2,also 2,than 1,into 1,over 1,some 1,its 1"
)
  .split(",")
  .map((s) => {
    const [w, f] = s.split(" ");
    return [w!, Number(f)];
  });
const FUNCTION_SET = new Set(FUNCTION_WORDS.map(([w]) => w));

const ONSETS =
  "b c d f g h j k l m n p r s t v w z b c d f g h l m n p r s t w br cr dr fr gr pr tr bl cl fl gl pl sl sh ch th st sp".split(
    " ",
  );
const VOWELS = "a e i o u a e i o u a e i o ai ea ee ou oo".split(" ");
const CODAS = "- - - - - - n r l s t m n r l s t m nd nt st rk ck ng sh x ll rn"
  .split(" ")
  .map((c) => (c === "-" ? "" : c));

function syllable(rng: Rng): string {
  return pick(rng, ONSETS) + pick(rng, VOWELS) + pick(rng, CODAS);
}

/** `count` distinct made-up words of 3..10 letters, none an English function word. */
function madeUpWords(rng: Rng, count: number, syllables: [number, number], taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    let w = "";
    // Mostly two syllables, like English content words; a third is rarer.
    const n = Math.min(syllables[1], Math.max(syllables[0], rng() < 0.3 ? 1 : rng() < 0.75 ? 2 : 3));
    for (let i = 0; i < n; i++) w += syllable(rng);
    if (w.length < 3 || w.length > 10 || /(.)\1\1/.test(w) || taken.has(w) || FUNCTION_SET.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

/** Draws indexes 0..n-1 with probability proportional to 1 / (rank + offset)^s. */
function zipf(n: number, s: number, offset: number): (rng: Rng) => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cum[r] = total += 1 / Math.pow(r + 1 + offset, s);
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const VOCABULARY_SIZE = 4000;
const TOPIC_WORDS = 30;
const ENTRIES_PER_TOPIC = 200;
const ENTRIES_PER_SPEAKER = 100;
const ENTRIES_PER_SOURCE = 1000;

interface Lexicon {
  vocab: string[];
  /** Vocabulary index by word, for rarity (a higher index is a rarer word). */
  rank: Map<string, number>;
  names: { first: string[]; last: string[] };
}

function lexicon(rng: Rng): Lexicon {
  const taken = new Set<string>();
  const vocab = madeUpWords(rng, VOCABULARY_SIZE, [1, 3], taken);
  const first = madeUpWords(rng, 300, [2, 2], taken).map(cap);
  const last = madeUpWords(rng, 600, [2, 3], taken).map(cap);
  return { vocab, rank: new Map(vocab.map((w, i) => [w, i])), names: { first, last } };
}

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

/** An inflected form of a base word ("brant" → "brants", "branted", "branting"). */
function inflect(rng: Rng, base: string): string {
  const r = rng();
  return r < 0.5 ? `${base}s` : r < 0.75 ? `${base}ed` : `${base}ing`;
}

/** The base word of a form made by {@link inflect}, when it is a known word; else the word itself. */
function baseOf(word: string, known: ReadonlyMap<string, unknown>): string {
  for (const suffix of ["ing", "ed", "s"]) {
    if (word.endsWith(suffix) && known.has(word.slice(0, -suffix.length))) return word.slice(0, -suffix.length);
  }
  return word;
}

/** A word count: mostly 8..40, now and then longer, like the entries of a real knowledge base. */
function textLength(rng: Rng): number {
  const r = rng();
  if (r < 0.05) return int(rng, 40, 80);
  return Math.round(8 + ((rng() + rng() + rng()) / 3) * 32);
}

/** A year or a quantity, and which of the two it is (a year answers "when", a quantity "how many"). */
function numberPhrase(rng: Rng): { text: string; kind: Numeric } {
  const r = rng();
  if (r < 0.3) return { text: String(int(rng, 1990, 2024)), kind: "year" };
  if (r < 0.6) return { text: `${int(rng, 2, 99)} million`, kind: "quantity" };
  if (r < 0.8) return { text: `${int(rng, 2, 95)} percent`, kind: "quantity" };
  return { text: String(int(rng, 2, 9999)), kind: "quantity" };
}

type Numeric = "year" | "quantity" | null;

interface Draft {
  words: string[];
  /** Content words (base forms) of the text; sorted rarest first once all texts are drafted. */
  keywords: string[];
}

function draftText(
  rng: Rng,
  lex: Lexicon,
  topic: string[],
  global: (r: Rng) => number,
  fnPick: (r: Rng) => number,
): Draft {
  const length = textLength(rng);
  const out: string[] = [];
  const content = new Set<string>();
  for (let i = 0; i < length; i++) {
    if (rng() < 0.42) {
      out.push(FUNCTION_WORDS[fnPick(rng)]![0]);
      continue;
    }
    const base = rng() < 0.4 ? pick(rng, topic) : lex.vocab[global(rng)]!;
    content.add(base);
    out.push(rng() < 0.25 ? inflect(rng, base) : base);
  }
  if (content.size === 0) {
    const base = pick(rng, topic);
    content.add(base);
    out.push(base);
  }
  return { words: out, keywords: [...content] };
}

function sentence(words: string[]): string {
  const s = words.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** Up to `n` of the rarest keywords, shuffled lightly: the words a curator writes a question with. */
function salient(rng: Rng, keywords: string[], n: number): string[] {
  const pool = keywords.slice(0, Math.max(n, 5));
  const out: string[] = [];
  while (out.length < Math.min(n, pool.length)) {
    const w = pool[Math.floor(Math.pow(rng(), 1.5) * pool.length)]!;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

function questionsFor(rng: Rng, d: Draft, speaker: Speaker | undefined, numeric: Numeric): string[] {
  const count = int(rng, 1, 3);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = salient(rng, d.keywords, int(rng, 2, 3)).join(" ");
    const last = speaker?.name.split(" ").pop();
    const r = rng();
    if (speaker && r < 0.5)
      out.push(rng() < 0.5 ? `What did ${last} say about ${k}?` : `What does ${speaker.name} think of ${k}?`);
    else if (numeric === "quantity" && r < 0.7) out.push(`How many ${k}?`);
    else if (numeric === "year" && r < 0.7)
      out.push(rng() < 0.5 ? `When did the ${k} happen?` : `What year was the ${k}?`);
    else if (r < 0.75) out.push(`What is the ${k}?`);
    else if (r < 0.85) out.push(`Why ${k}?`);
    else out.push(`What happened with the ${k}?`);
  }
  return [...new Set(out)];
}

/**
 * A knowledge base of `size` entries (about 40% quotes), with one speaker per 100 entries, one topic per 200 and one
 * source per 1,000. The same `size` and `seed` always give the same knowledge base.
 */
export function syntheticKnowledge(size: number, seed = 1): Knowledge {
  const rng = prng(seed);
  const lex = lexicon(rng);
  const global = zipf(lex.vocab.length, 1.0, 10);
  const fnPick = (() => {
    const total = FUNCTION_WORDS.reduce((a, [, f]) => a + f, 0);
    return (r: Rng) => {
      let x = r() * total;
      for (let i = 0; i < FUNCTION_WORDS.length; i++) if ((x -= FUNCTION_WORDS[i]![1]) < 0) return i;
      return 0;
    };
  })();
  const nTopics = Math.max(5, Math.ceil(size / ENTRIES_PER_TOPIC));
  // Topic words come from the middle of the frequency range: not the commonest words, not the one-offs.
  const topics = Array.from({ length: nTopics }, () =>
    Array.from({ length: TOPIC_WORDS }, () => lex.vocab[int(rng, 50, lex.vocab.length - 1)]!),
  );
  const sources: Source[] = Array.from({ length: Math.max(1, Math.ceil(size / ENTRIES_PER_SOURCE)) }, (_, i) => ({
    id: `src-${i}`,
    title: sentence([pick(rng, lex.vocab), pick(rng, lex.vocab), "and", "the", pick(rng, lex.vocab)]).slice(0, -1),
    publisher: `${cap(pick(rng, lex.vocab))} News`,
    reporters: [`${pick(rng, lex.names.first)} ${pick(rng, lex.names.last)}`],
  }));
  const speakers: Speaker[] = Array.from({ length: Math.max(3, Math.ceil(size / ENTRIES_PER_SPEAKER)) }, (_, i) => {
    const lastName = pick(rng, lex.names.last);
    return {
      id: `sp-${i}`,
      name: `${pick(rng, lex.names.first)} ${lastName}`,
      role: `${pick(rng, ["the", "a"])} ${pick(rng, lex.vocab)} ${pick(rng, ["minister", "official", "analyst", "student", "owner", "spokesperson"])}`,
      aliases: [lastName],
    };
  });
  // First every entry's text, then its questions: a curator asks with the words that single an entry out, which
  // takes knowing how many entries use each word.
  const drafts = Array.from({ length: size }, () => {
    const topicIndex = Math.floor(rng() * nTopics);
    const topic = topics[topicIndex]!;
    const d = draftText(rng, lex, topic, global, fnPick);
    const number = rng() < 0.15 ? numberPhrase(rng) : null;
    if (number) d.words.splice(int(rng, 0, d.words.length), 0, ...number.text.split(" "));
    const tags = [...new Set([`topic${topicIndex}`, ...salient(rng, topic, int(rng, 0, 2))])];
    const speaker = rng() < 0.4 ? speakers[Math.floor(rng() * speakers.length)]! : undefined;
    return { d, numeric: number?.kind ?? null, tags, speaker };
  });
  const df = new Map<string, number>();
  for (const { d } of drafts) for (const w of d.keywords) df.set(w, (df.get(w) ?? 0) + 1);
  const entries: Entry[] = drafts.map(({ d, numeric, tags, speaker }, i) => {
    d.keywords.sort((a, b) => df.get(a)! - df.get(b)! || lex.rank.get(b)! - lex.rank.get(a)!);
    const base = { id: `e${i}`, text: sentence(d.words), tags, questions: questionsFor(rng, d, speaker, numeric) };
    const sourceId = sources[i % sources.length]!.id;
    return speaker
      ? { kind: "quote", ...base, sourceId, speakerId: speaker.id, context: `told ${cap(pick(rng, lex.vocab))} News` }
      : { kind: "fact", ...base, sourceId };
  });
  return { sources, speakers, entries };
}

/** One benchmark query and the entry it was written from. */
export interface SyntheticQuery {
  text: string;
  /** Id of the entry the query was derived from: the one that should rank first. */
  id: string;
  /** Whether one of its words carries a typo. */
  typo: boolean;
}

const FRAMES = ["", "", "", "what about", "tell me about", "what is", "what happened with the", "why"];
/** Frames for a quote's query: a reader may ask who said it. */
const QUOTE_FRAMES = [...FRAMES, "who said"];
/** Words of question frames and templates: queries keep them as they are (no inflection, no typo). */
const FRAME_WORDS = new Set([
  ...FUNCTION_SET,
  ..."what why how many did does say think happened tell me about is the with of who said when year was happen".split(
    " ",
  ),
]);

/** Swaps two neighbouring letters or drops one; the first letter is left alone, as it mostly is in real typing. */
function typo(rng: Rng, w: string): string {
  const i = int(rng, 1, w.length - 2);
  return rng() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
}

/**
 * `count` queries over `knowledge`, each written from a random entry: half from one of its questions with some
 * words dropped, half from a few of the telling words of its text behind a question frame; a word's inflection is
 * sometimes changed ("blocked" → "blocking"), and 30% of queries carry one typo (in a word of 5+ letters).
 */
export function syntheticQueries(knowledge: Knowledge, count: number, seed = 2): SyntheticQuery[] {
  const rng = prng(seed);
  const rank = new Map<string, number>();
  // Rarity from the knowledge itself: how many entries use each word.
  for (const e of knowledge.entries) for (const w of new Set(tokens(e.text))) rank.set(w, (rank.get(w) ?? 0) + 1);
  const out: SyntheticQuery[] = [];
  const n = knowledge.entries.length;
  while (out.length < count) {
    const e = knowledge.entries[Math.floor(rng() * n)]!;
    let ws: string[];
    if (rng() < 0.5 && e.questions.length) {
      ws = tokens(pick(rng, e.questions));
      const kept = ws.filter((w) => FRAME_WORDS.has(w) || rng() < 0.8);
      if (kept.filter((w) => !FRAME_WORDS.has(w)).length >= 2) ws = kept;
    } else {
      const content = [...new Set(tokens(e.text).filter((w) => !FRAME_WORDS.has(w) && !/\d/.test(w)))];
      const telling = [...content].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)).slice(0, 6);
      const k = Math.min(telling.length, int(rng, 3, 5));
      const chosen = new Set<string>();
      while (chosen.size < k) chosen.add(telling[Math.floor(Math.pow(rng(), 1.3) * telling.length)]!);
      ws = [
        ...pick(rng, e.kind === "quote" ? QUOTE_FRAMES : FRAMES)
          .split(" ")
          .filter(Boolean),
        ...content.filter((w) => chosen.has(w)),
      ];
    }
    ws = ws.map((w) => {
      if (FRAME_WORDS.has(w) || rng() >= 0.2 || /\d/.test(w)) return w;
      const base = baseOf(w, rank);
      return rng() < 0.4 ? base : inflect(rng, base);
    });
    let hasTypo = false;
    if (rng() < 0.3) {
      const long = ws.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 5 && !FRAME_WORDS.has(w));
      if (long.length) {
        const { w, i } = pick(rng, long);
        ws[i] = typo(rng, w);
        hasTypo = true;
      }
    }
    out.push({ text: ws.join(" "), id: e.id, typo: hasTypo });
  }
  return out;
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
