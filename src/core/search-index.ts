import { stem, wordGroups } from "./normalise.js";
import { STOP_WORDS, expandAbbreviation, lexiconWords, synonymsOf } from "./lexicon.js";
import { TypoCorrector } from "./fuzzy.js";
import { isKnownEnglish, isNamingWord, isTimeWord } from "./pos.js";
import { specificity } from "./specificity.js";
import { QUALITY, inThesaurus, relatedWords } from "./thesaurus.js";

/** The text of one entry, by field. Field weights say how much a word found there counts. */
export interface IndexedDoc {
  text: string;
  questions: string;
  tags: string;
  people: string;
  context: string;
  /**
   * Which source the entry comes from (an index into the titles given to the index), for the source-level topic
   * prior: a sentence from an article about Tarvosia is about Tarvosia even when it does not say so.
   */
  group?: number;
}

type Field = Exclude<keyof IndexedDoc, "group">;
const FIELDS: readonly Field[] = ["text", "questions", "tags", "people", "context"];
const FIELD_WEIGHT: Record<Field, number> = { text: 1, questions: 1, tags: 1.4, people: 1.3, context: 0.6 };
const K1 = 1.2;
const B = 0.5;
/** At most this many distinct words of a question are used; the rest only cost time. */
const MAX_QUERY_TERMS = 24;
const PREFIX_EXPANSIONS = 12;
/**
 * How an unknown word weighs in a question, against the rarest known word: a thing the knowledge base never names
 * weighs most (the question is likely about something else); an unseen verb or adjective is likely a paraphrase.
 */
const UNKNOWN_NAMING_WEIGHT = 1.5;
const UNKNOWN_OTHER_WEIGHT = 0.6;
const PART_QUALITY = 0.8;
/**
 * The parts of a hyphenated word the knowledge base writes whole ("hit-and-run"): an entry that says only a part ("The
 * deal runs for two years") speaks of something else, so a part counts at this quality and brings no synonyms.
 */
const KNOWN_WHOLE_PART_QUALITY = 0.4;
/**
 * The source-level topic prior. A word in at least {@link TOPIC_MIN_SHARE} of one source's entries (or in its title)
 * is part of what that source is about: an entry of that source that lacks the word is still credited with up to
 * {@link IMPLIED_MAX} of its weight, in proportion to the share ({@link TOPIC_FULL_SHARE} and above: all of it). A
 * title word counts as in {@link TITLE_SHARE} of the entries. Sources under {@link TOPIC_MIN_ENTRIES} entries count as
 * that many, so in a tiny source every word is not a topic.
 */
const TOPIC_MIN_SHARE = 0.1;
const TOPIC_FULL_SHARE = 0.4;
const TITLE_SHARE = 0.4;
const IMPLIED_MAX = 0.6;
const TOPIC_MIN_ENTRIES = 12;
const SYNONYM_TOPIC_QUALITY = 0.69;
/** "Oskaran" for "Oskara", "Iranian" for "Iran": a people's word finds its place's at this quality, and back. */
const DEMONYM_QUALITY = 0.8;
/** Stop words a typo can be corrected to ("veiw" → "view"): such a word is dropped, not weighed as unknown. */
const STOP_TYPOS = new TypoCorrector([...STOP_WORDS].filter((w) => w.length >= 4));

/**
 * Whether an unknown word is a stop word mistyped: a long word within typo distance of one ("somthing"), but a short
 * word (four letters or fewer) only with the same letters ("veiw", "hte"), since one changed letter of a short word
 * makes another word ("tyre" is not "type").
 */
function isStopTypo(w: string): boolean {
  const fix = STOP_TYPOS.correct(w);
  if (!fix) return false;
  return w.length > 4 || [...w].sort().join("") === [...fix.word].sort().join("");
}

/** English knows the word, or the word without an inflection ("founded" → "found"): not a typo to correct. */
function knownEnglish(w: string): boolean {
  if (isKnownEnglish(w)) return true;
  const m = /^(.{3,}?)(?:ed|d|es|s|ing)$/.exec(w);
  return m !== null && (isKnownEnglish(m[1]!) || (w.endsWith("ed") && isKnownEnglish(w.slice(0, -1))));
}

/** "fishermen" for "fisherman", "legal" for "legally": one word ends where the other does or extends it. */
function isFormOf(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === Math.min(a.length, b.length) || i >= 0.75 * Math.max(a.length, b.length);
}

/** One word of a question and what it was matched as. */
export interface QueryTerm {
  word: string;
  /** The weight of this word in the question: its rarity in the index, or the highest rarity when it is unknown. */
  weight: number;
  /** The index terms it stands for, each with how good a match it is (1 exact, less for synonyms and typos). */
  matches: { term: number; quality: number }[];
}

export interface Hit {
  doc: number;
  /** BM25F score summed over the question's words. */
  score: number;
  /** Share (0..1) of the question's weight this document matches: the basis of confidence. */
  coverage: number;
  /** Bit i set when the question's i-th term matched the document's own words (not only its source's topic). */
  matched: number;
}

/**
 * An inverted index with BM25F scoring over the fields of each entry. Built once per knowledge load; a query touches
 * only the postings of its own words, so its cost follows the words asked, not the size of the knowledge base.
 */
export class SearchIndex {
  private readonly termIds = new Map<string, number>();
  private readonly postingDocs: Int32Array[] = [];
  private readonly postingScores: Float32Array[] = [];
  private readonly idf: number[] = [];
  /** Surface words seen in the index, mapped to their stem: for typo correction and prefix completion. */
  private readonly surface = new Map<string, string>();
  private readonly sortedSurface: string[];
  private readonly typos: TypoCorrector;
  private readonly maxIdf: number;
  private readonly acc: Float64Array;
  private readonly cov: Float64Array;
  private readonly seen: Uint32Array;
  private readonly touched: Int32Array;
  private readonly termSeen: Uint32Array;
  private readonly termQuality: Float32Array;
  private readonly termScore: Float32Array;
  private readonly mask: Int32Array;
  /** Each document's source group (0 when none was given). */
  private readonly groupOf: Int32Array;
  /** Per term id with a topic share somewhere: flat [group, share, group, share, …]. */
  private readonly topicShares = new Map<number, number[]>();
  /** Per term id: in how many source groups' texts (or titles) it occurs. */
  private groupCount = new Int32Array(0);
  /** Per term id: how many entries hold it. */
  private df = new Int32Array(0);
  /**
   * Per term id that is some source's topic: its rarity with each such source counted as one entry. Across articles
   * "Quorra" is rare (one article is about it) though half of that article's sentences name it.
   */
  private readonly topicIdf = new Map<number, number>();
  private nGroups = 1;
  /** Stems linked by the knowledge base's own words: a demonym and its place. */
  private readonly related = new Map<string, string[]>();

  /**
   * `titles[g]` is the title of source group g (see {@link IndexedDoc.group}); its words join the vocabulary, so a
   * headline word no sentence repeats is still known, and count towards the source's topic.
   */
  constructor(docs: readonly IndexedDoc[], titles: readonly string[] = []) {
    const n = docs.length;
    const nf = FIELDS.length;
    const lengths = FIELDS.map(() => new Float64Array(n));
    // Pass 1: every kept word as its stem's term id (numbered in order of first use), in one flat buffer: per-field
    // arrays cost more time in the collector than in the work. Short fields repeat (a speaker's name on each of their
    // quotes), so their ids are kept per distinct string.
    // Each word seen, to its term id, or -1 for a stop word: one lookup per word.
    const termOfWord = new Map<string, number>();
    const repeated = new Map<string, Int32Array>();
    const ends = new Int32Array(n * nf);
    let tokens = new Int32Array(1 << 16);
    let count = 0;
    const reserve = (k: number) => {
      if (count + k <= tokens.length) return;
      const grown = new Int32Array(Math.max(2 * tokens.length, count + k));
      grown.set(tokens);
      tokens = grown;
    };
    const tokenise = (text: string) => {
      for (const group of wordGroups(text)) {
        for (const w of group) {
          let id = termOfWord.get(w);
          if (id === -1) continue;
          if (id === undefined) {
            if (STOP_WORDS.has(w)) {
              termOfWord.set(w, -1);
              continue;
            }
            const s = stem(w);
            this.surface.set(w, s);
            id = this.termIds.get(s);
            if (id === undefined) this.termIds.set(s, (id = this.termIds.size));
            termOfWord.set(w, id);
          }
          reserve(1);
          tokens[count++] = id;
        }
      }
    };
    for (let d = 0; d < n; d++) {
      for (let fi = 0; fi < nf; fi++) {
        const f = FIELDS[fi]!;
        const text = docs[d]![f];
        const start = count;
        const known = f === "text" || f === "questions" ? undefined : repeated.get(text);
        if (known) {
          reserve(known.length);
          tokens.set(known, count);
          count += known.length;
        } else {
          tokenise(text);
          if (f !== "text" && f !== "questions") repeated.set(text, tokens.slice(start, count));
        }
        lengths[fi]![d] = count - start;
        ends[d * nf + fi] = count;
      }
    }
    // Titles: their words join the vocabulary (with no postings) and mark the topic of their group.
    const titleTerms = titles.map((t) => {
      const start = count;
      tokenise(t);
      const ids = [...new Set(tokens.subarray(start, count))];
      count = start;
      return ids;
    });
    const avg = lengths.map((l) => l.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1);
    // Pass 2: document frequencies, hence idf and where each term's postings start in two flat arrays.
    const nTerms = this.termIds.size;
    const df = new Int32Array(nTerms);
    const lastDoc = new Int32Array(nTerms).fill(-1);
    for (let d = 0, i = 0; d < n; d++) {
      for (const end = ends[d * nf + nf - 1]!; i < end; i++) {
        const id = tokens[i]!;
        if (lastDoc[id] !== d) {
          lastDoc[id] = d;
          df[id]!++;
        }
      }
    }
    let maxIdf = 1;
    const offset = new Int32Array(nTerms + 1);
    for (let id = 0; id < nTerms; id++) {
      const idf = Math.log(1 + (n - df[id]! + 0.5) / (df[id]! + 0.5));
      this.idf[id] = idf;
      this.df = df;
      if (idf > maxIdf) maxIdf = idf;
      offset[id + 1] = offset[id]! + df[id]!;
    }
    // Pass 3: each document's term frequencies (BM25F-normalised per field), scored into the terms' postings.
    const allDocs = new Int32Array(offset[nTerms]!);
    const allScores = new Float32Array(offset[nTerms]!);
    const next = offset.slice(0, nTerms);
    const tf = new Float64Array(nTerms);
    const inDoc: number[] = [];
    lastDoc.fill(-1);
    for (let d = 0, start = 0; d < n; d++) {
      inDoc.length = 0;
      for (let fi = 0; fi < nf; fi++) {
        const end = ends[d * nf + fi]!;
        const norm = FIELD_WEIGHT[FIELDS[fi]!] / (1 - B + (B * (end - start)) / avg[fi]!);
        for (let i = start; i < end; i++) {
          const id = tokens[i]!;
          if (lastDoc[id] !== d) {
            lastDoc[id] = d;
            tf[id] = 0;
            inDoc.push(id);
          }
          tf[id] = tf[id]! + norm;
        }
        start = end;
      }
      for (const id of inDoc) {
        const t = tf[id]!;
        const at = next[id]!++;
        allDocs[at] = d;
        allScores[at] = (this.idf[id]! * t * (K1 + 1)) / (t + K1);
      }
    }
    for (let id = 0; id < nTerms; id++) {
      this.postingDocs[id] = allDocs.subarray(offset[id]!, offset[id + 1]!);
      this.postingScores[id] = allScores.subarray(offset[id]!, offset[id + 1]!);
    }
    this.groupOf = new Int32Array(n);
    for (let d = 0; d < n; d++) this.groupOf[d] = docs[d]!.group ?? 0;
    this.topicPrior(n, nf, ends, tokens, titleTerms);
    this.maxIdf = maxIdf;
    // Demonyms: a stem ending in "n" whose stem without "n" / "ian" / "an" is also a word here.
    for (const st of this.termIds.keys()) {
      if (st.length < 5 || !st.endsWith("n") || /\d/.test(st)) continue;
      for (const base of [st.slice(0, -1), st.slice(0, -3), `${st.slice(0, -2)}a`]) {
        if (base.length >= 4 && this.termIds.has(base)) {
          this.related.set(st, [...(this.related.get(st) ?? []), base]);
          this.related.set(base, [...(this.related.get(base) ?? []), st]);
          break;
        }
      }
    }
    this.sortedSurface = [...this.surface.keys()].sort();
    // A typo may be of a word the lexicon links to one here ("profesor" → "professor", whose synonym "prof" is here).
    const vocabulary = [...this.surface.keys()];
    for (const w of lexiconWords()) {
      if (this.surface.has(w)) continue;
      const st = stem(w);
      if (!this.termIds.has(st) && [...(synonymsOf(st) ?? [])].some(([syn]) => this.termIds.has(syn))) {
        this.surface.set(w, st);
        vocabulary.push(w);
      }
    }
    this.typos = new TypoCorrector(vocabulary);
    this.acc = new Float64Array(n);
    this.cov = new Float64Array(n);
    this.seen = new Uint32Array(n);
    this.touched = new Int32Array(n);
    this.termSeen = new Uint32Array(n);
    this.termQuality = new Float32Array(n);
    this.termScore = new Float32Array(n);
    this.mask = new Int32Array(n);
  }

  /** Counts, per source group, the entries whose text holds each term; keeps the shares that make a topic. */
  private topicPrior(n: number, nf: number, ends: Int32Array, tokens: Int32Array, titleTerms: number[][]): void {
    const order = Array.from({ length: n }, (_, d) => d).sort((a, b) => this.groupOf[a]! - this.groupOf[b]! || a - b);
    const counts = new Int32Array(this.termIds.size);
    const last = new Int32Array(this.termIds.size).fill(-1);
    this.groupCount = new Int32Array(this.termIds.size);
    const groups = new Set<number>();
    const topicCount = new Map<number, number>();
    const used: number[] = [];
    const flush = (g: number, size: number) => {
      const title = new Set(titleTerms[g] ?? []);
      for (const id of title)
        if (last[id] === -1) {
          used.push(id);
          last[id] = -2;
        }
      const denom = Math.max(size, TOPIC_MIN_ENTRIES);
      groups.add(g);
      for (const id of used) {
        this.groupCount[id]!++;
        const share = Math.max(counts[id]! / denom, title.has(id) ? TITLE_SHARE : 0);
        if (share >= TOPIC_MIN_SHARE) {
          let list = this.topicShares.get(id);
          if (!list) this.topicShares.set(id, (list = []));
          list.push(g, share);
          topicCount.set(id, (topicCount.get(id) ?? 0) + counts[id]! - 1);
        }
        counts[id] = 0;
        last[id] = -1;
      }
      used.length = 0;
    };
    let group = -1;
    let size = 0;
    for (const d of order) {
      const g = this.groupOf[d]!;
      if (g !== group) {
        if (group >= 0) flush(group, size);
        group = g;
        size = 0;
      }
      size++;
      const start = d === 0 ? 0 : ends[d * nf - 1]!;
      const end = ends[d * nf]!; // the text field only: a speaker's name on each quote is not the source's topic
      for (let i = start; i < end; i++) {
        const id = tokens[i]!;
        if (last[id] !== d) {
          if (last[id] === -1) used.push(id);
          last[id] = d;
          counts[id]!++;
        }
      }
    }
    if (group >= 0) flush(group, size);
    this.nGroups = Math.max(1, groups.size);
    for (const [id, extra] of topicCount) {
      const df = Math.max(1, this.df[id]! - extra);
      this.topicIdf.set(id, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
  }

  /**
   * How much of what source group `group` is about this question term is (0..1): the largest share, over the term's
   * matches, of the group's entries that hold it (a title word counts as {@link TITLE_SHARE}).
   */
  topicShare(term: QueryTerm, group: number): number {
    let best = 0;
    for (const { term: id, quality } of term.matches) {
      if (quality < SYNONYM_TOPIC_QUALITY) continue;
      const list = this.topicShares.get(id);
      if (list)
        for (let i = 0; i < list.length; i += 2) if (list[i] === group) best = Math.max(best, list[i + 1]! * quality);
    }
    return best;
  }

  /** The share (0..1) of this term's weight an entry of `group` lacking it is credited with by the topic prior. */
  impliedShare(term: QueryTerm, group: number): number {
    return IMPLIED_MAX * Math.min(1, this.topicShare(term, group) / TOPIC_FULL_SHARE);
  }

  /**
   * The one source group whose topic this term is (share of at least `minShare`, and used by no other source), or -1
   * when it is no source's topic or several sources'.
   */
  topicGroup(term: QueryTerm, minShare: number): number {
    let found = -1;
    for (const { term: id, quality } of term.matches) {
      if (quality < 0.99) continue;
      const list = this.topicShares.get(id);
      // Only a word no other source uses at all names one source's subject ("start-up" articles do not own "start").
      if (!list || this.groupCount[id] !== 1) continue;
      for (let i = 0; i < list.length; i += 2) {
        if (list[i + 1]! < minShare) continue;
        if (found !== -1 && found !== list[i]) return -1;
        found = list[i]!;
      }
    }
    return found;
  }

  /** The stem an index term id stands for. */
  stemOf(term: number): string | undefined {
    this.stems ??= [...this.termIds.keys()];
    return this.stems[term];
  }
  private stems: string[] | undefined;

  /** The source group of a document. */
  groupOfDoc(doc: number): number {
    return this.groupOf[doc] ?? 0;
  }

  get size(): number {
    return this.acc.length;
  }

  /** Reads a question into weighted terms: stems, synonyms, typo corrections and (optionally) prefix completions. */
  terms(question: string, prefixLast = false): QueryTerm[] {
    const seen = new Set<string>();
    const groups: string[][] = [];
    for (const g of wordGroups(question)) {
      const kept = g.map(expandAbbreviation).filter((w) => !STOP_WORDS.has(w));
      if (kept.length === 0 || seen.has(kept[0]!)) continue;
      seen.add(kept[0]!);
      groups.push(kept);
      if (groups.length === MAX_QUERY_TERMS) break;
    }
    const last = groups[groups.length - 1]?.[0];
    const asked = new Set(groups.map((g) => stem(g[0]!)));
    return groups.map(([word = "", ...parts]) => {
      const matches = new Map<number, number>();
      const add = (s: string, q: number) => {
        const id = this.termIds.get(s);
        if (id !== undefined && q > (matches.get(id) ?? 0)) matches.set(id, q);
      };
      const expand = (w: string, q: number, synonyms = true) => {
        let base = this.surface.get(w) ?? stem(w);
        const own = base;
        let quality = q;
        // "Iraq" is not a typo of "Iran": only words English does not know are corrected.
        if (!this.termIds.has(base) && !knownEnglish(w)) {
          // A word WordNet knows ("tyre", "workout") is only another form of a word here ("fisherman" → "fishermen"),
          // never a typo of a different one ("type", "walkout").
          const real = inThesaurus(w);
          const fix = this.typos.correct(w);
          if (fix && (!real || isFormOf(w, fix.word))) {
            base = this.surface.get(fix.word)!;
            quality = q * fix.quality;
          } else if (q === 1 && !real && !synonymsOf(base) && isStopTypo(w)) stopTypo = true;
        }
        add(base, quality);
        // A word the knowledge base never uses may be a form of one it does ("economically" → "economic"). Only
        // WordNet's related forms of the main sense: its synonyms also matched questions the articles do not answer.
        // Also beside a correction ("legally" → "legal" by either way, the better one counting).
        if (!this.termIds.has(own))
          for (const r of relatedWords(w)) {
            if (r.quality < QUALITY.A || r.word.includes(" ")) continue;
            const rs = this.surface.get(r.word) ?? stem(r.word);
            // "total number": a form of a word the question asks already adds nothing but a second match.
            if (!asked.has(rs)) add(rs, r.quality * q);
          }
        if (!synonyms) return;
        for (const [syn, sw] of synonymsOf(base) ?? []) add(syn, sw * quality);
        for (const r of this.related.get(base) ?? []) add(r, DEMONYM_QUALITY * quality);
      };
      let stopTypo = false;
      expand(word, 1);
      // The parts of a hyphenated word stand in for it at a lower quality: "uber-like" finds Uber.
      // When the knowledge base writes the word whole ("hit-and-run"), a part alone ("runs") is another word.
      const whole = parts.length > 0 && this.termIds.has(stem(word));
      for (const part of parts) expand(part, whole ? KNOWN_WHOLE_PART_QUALITY : PART_QUALITY, !whole);
      if (prefixLast && word === last) for (const s of this.completions(word)) add(s, 0.9);
      const ids = [...matches.keys()];
      let weight: number;
      if (ids.length) {
        // In a base of several articles, an article's topic word weighs by how rare it is across articles.
        const idfOf = (id: number) =>
          this.nGroups > 1 && matches.get(id)! >= 0.99 ? (this.topicIdf.get(id) ?? this.idf[id]!) : this.idf[id]!;
        weight = Math.max(...ids.map(idfOf)) * specificity(word);
      } else if (stopTypo) weight = 0;
      // A time the knowledge base never mentions ("yesterday", "tomorrow") asks about news it does not have, however
      // everyday the word: no frequency discount.
      else if (isTimeWord(word)) weight = this.maxIdf * UNKNOWN_NAMING_WEIGHT;
      else
        weight = this.maxIdf * (isNamingWord(word) ? UNKNOWN_NAMING_WEIGHT : UNKNOWN_OTHER_WEIGHT) * specificity(word);
      return { word, weight, matches: [...matches].map(([term, q]) => ({ term, quality: q })) };
    });
  }

  /** Stems of indexed words starting with `prefix` (for as-you-type suggestions). */
  private completions(prefix: string): string[] {
    if (prefix.length < 2) return [];
    let lo = 0;
    let hi = this.sortedSurface.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedSurface[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<string>();
    for (let i = lo; i < this.sortedSurface.length && out.size < PREFIX_EXPANSIONS; i++) {
      const w = this.sortedSurface[i]!;
      if (!w.startsWith(prefix)) break;
      out.add(this.surface.get(w)!);
    }
    return [...out];
  }

  /** Scores every document that shares a term with the query; returns the best `limit`, best first. */
  search(terms: readonly QueryTerm[], limit: number): Hit[] {
    const total = terms.reduce((a, t) => a + t.weight, 0);
    if (total === 0) return [];
    let touchedCount = 0;
    const stamp = (this.docStamp = (this.docStamp + 1) >>> 0 || 1);
    terms.forEach((t, ti) => {
      // Each term covers a document once, at its best quality there: track it under a per-term stamp.
      const termStamp = (this.stampCounter = (this.stampCounter + 1) >>> 0 || 1);
      const bit = ti < 31 ? 1 << ti : 0;
      for (const { term, quality } of t.matches) {
        const docs = this.postingDocs[term]!;
        const scores = this.postingScores[term]!;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          if (this.seen[d] !== stamp) {
            this.seen[d] = stamp;
            this.acc[d] = 0;
            this.cov[d] = 0;
            this.mask[d] = 0;
            this.touched[touchedCount++] = d;
          }
          // A word scores a document once, by its best expansion there: a fact holding "ban", "banned" and "block"
          // does not outrank one holding "banned" alone for the single word "ban".
          const contribution = scores[i]! * quality;
          const fresh = this.termSeen[d] !== termStamp;
          const prevQuality = fresh ? 0 : this.termQuality[d]!;
          const prevScore = fresh ? 0 : this.termScore[d]!;
          if (fresh) {
            this.termSeen[d] = termStamp;
            this.mask[d]! |= bit;
          }
          if (contribution > prevScore) {
            this.acc[d]! += contribution - prevScore;
            this.termScore[d] = contribution;
          }
          if (quality > prevQuality) {
            this.cov[d]! += (quality - prevQuality) * t.weight;
            this.termQuality[d] = quality;
          }
        }
      }
    });
    // The topic prior: a word the document lacks but its source is about still covers part of its weight.
    const implied: { bit: number; weight: number; shares: number[] }[] = [];
    for (let ti = 0; ti < terms.length && ti < 31; ti++) {
      const t = terms[ti]!;
      if (t.weight === 0) continue;
      const shares: number[] = [];
      for (const { term, quality } of t.matches) {
        // A synonym's topic counts at the synonym's quality ("Iranians" throughout an article makes it about Iran).
        const list = quality >= SYNONYM_TOPIC_QUALITY ? this.topicShares.get(term) : undefined;
        if (list) for (let k = 0; k < list.length; k += 2) shares.push(list[k]!, list[k + 1]! * quality);
      }
      if (shares.length) implied.push({ bit: 1 << ti, weight: t.weight, shares });
    }
    if (implied.length) {
      for (let i = 0; i < touchedCount; i++) {
        const d = this.touched[i]!;
        const g = this.groupOf[d]!;
        for (const { bit, weight, shares } of implied) {
          if (this.mask[d]! & bit) continue;
          let share = 0;
          for (let k = 0; k < shares.length; k += 2)
            if (shares[k] === g && shares[k + 1]! > share) share = shares[k + 1]!;
          if (share > 0) this.cov[d]! += weight * IMPLIED_MAX * Math.min(1, share / TOPIC_FULL_SHARE);
        }
      }
    }
    // Keep the best `limit`: collect into a buffer of twice that, trimming by a sort when it fills (amortised).
    const byScore = (a: Hit, b: Hit) => b.score - a.score || a.doc - b.doc;
    let hits: Hit[] = [];
    let floor = -Infinity;
    for (let i = 0; i < touchedCount; i++) {
      const d = this.touched[i]!;
      const score = this.acc[d]!;
      if (score < floor) continue;
      hits.push({ doc: d, score, coverage: Math.min(1, this.cov[d]! / total), matched: this.mask[d]! });
      if (hits.length >= 2 * limit) {
        hits = hits.sort(byScore).slice(0, limit);
        floor = hits[limit - 1]!.score;
      }
    }
    return hits.sort(byScore).slice(0, limit);
  }

  private docStamp = 0;
  private stampCounter = 0;
}
