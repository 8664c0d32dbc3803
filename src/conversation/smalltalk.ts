import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { KnowledgeError, fold, readYaml } from "../core/index.js";

/** The small-talk file shipped with briefbot (knowledge/smalltalk/, a folder the knowledge loader does not read). */
export const DEFAULT_SMALLTALK_FILE = fileURLToPath(
  new URL("../../knowledge/smalltalk/smalltalk.yaml", import.meta.url),
);

/** Most phrasings one pattern may expand to: keeps a typo like ten nested choices from eating memory at start-up. */
const MAX_EXPANSIONS = 20_000;
const LAUGH = "<laugh>";
const PLACEHOLDERS = new Set(["example", "examples", "about"]);

const intentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, "must be lower-case letters, digits and dashes"),
  patterns: z.array(z.string().trim().min(1).max(5000)).min(1, "give at least one pattern"),
  replies: z.array(z.string().trim().min(1).max(1000)).min(1, "give at least one reply"),
  anywhere: z.boolean().default(false),
  mode: z.enum(["chitchat", "help"]).default("chitchat"),
  keywords: z.array(z.string().trim().min(1).max(40)).default([]),
  fallback: z.boolean().default(false),
});
const fileSchema = z.strictObject({
  fillers: z.array(z.string().trim().min(1).max(40)).default([]),
  intents: z.array(intentSchema).min(1, "give at least one intent"),
});

/** One kind of small talk ("greeting", "thanks", "distress"…), as the data file defines it. */
export interface SmallTalkIntent {
  id: string;
  replies: string[];
  anywhere: boolean;
  mode: "chitchat" | "help";
  /** The reply to a short line nothing else understood and the knowledge does not know (see {@link SmallTalk.chatter}). */
  fallback?: boolean;
}

/** What a message was recognised as. `confidence` is 1 for an exact phrasing, lower when a typo was forgiven. */
export interface SmallTalkMatch {
  intent: SmallTalkIntent;
  confidence: number;
  /** The reply template chosen for this message (placeholders not yet filled). */
  reply: string;
}

interface Node {
  next: Map<string, Node>;
  /** Index of the intent a phrasing ending here belongs to (the first intent listed wins). */
  intent?: number;
}

/**
 * The words small talk is matched on: folded (lower case, no accents), apostrophes dropped ("what's" → "whats"),
 * hyphens as spaces, Arabic and Persian letter forms unified, each emoji a word of its own.
 */
export function chatTokens(text: string): string[] {
  // Mentions ("@briefbot", Discord's "<@123…>") address someone; they are not words of the message.
  const raw = String(text ?? "")
    .slice(0, 2000)
    .replace(MENTION, " ");
  // Plain ASCII (most messages, every English phrasing) needs no Unicode work: the same words, much faster.
  if (ASCII.test(raw))
    return expand(
      raw
        .toLowerCase()
        .replace(/['`]/g, "")
        .split(/[^a-z0-9]+/),
    );
  const t = fold(raw)
    .replace(/[\u064A\u0649]/g, "\u06CC")
    .replace(/\u0643/g, "\u06A9")
    .replace(/['`\u2019\u02BC]/g, "")
    .replace(/[\u2640\u2642]/g, "");
  return expand(t.match(/[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu) ?? []);
}

const ASCII = /^[\x20-\x7e]*$/;
const MENTION = /<[@#][!&]?\d+>|(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu;

function expand(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w === "") continue;
    const long = CONTRACTIONS[w];
    if (long) for (const x of long) out.push(x);
    else out.push(w);
  }
  return out;
}

// "who's" and "who is" are one phrasing (apostrophes are already gone: "whos").
const CONTRACTIONS: Record<string, string[]> = {
  whos: ["who", "is"],
  whats: ["what", "is"],
  hows: ["how", "is"],
  wheres: ["where", "is"],
  thats: ["that", "is"],
  youre: ["you", "are"],
  im: ["i", "am"],
  ive: ["i", "have"],
  dont: ["do", "not"],
  doesnt: ["does", "not"],
  cant: ["can", "not"],
  isnt: ["is", "not"],
  theres: ["there", "is"],
  whatre: ["what", "are"],
  ur: ["your"],
  // Chat spellings: "c u later", "hw r u", "wat r u".
  c: ["see"],
  hw: ["how"],
  wat: ["what"],
  wut: ["what"],
  wot: ["what"],
  wats: ["what", "is"],
  tmrw: ["tomorrow"],
  tmr: ["tomorrow"],
  tmrow: ["tomorrow"],
  "2moro": ["tomorrow"],
  "2morrow": ["tomorrow"],
  gn8: ["good", "night"],
};

const LAUGH_RE =
  /^(?:a?(?:h+a+){1,}h*|(?:h+e+){2,}h*|(?:h+i+){2,}h*|(?:j+a+){2,}j*|(?:j+e+){2,}j*|l+(?:o+l+)+[lz]*|lmf?a+o+|ro+fl(?:mao)?|x+d+|k{3,}|5{3,}|w{3,}|ه{2,}|а?(?:х+а+){2,}х*|(?:h+u+){2,}h*|lulz?|kek)$/;

/** Whether a word is laughter ("haha", "lol", "jajaja", "kkkk", "хаха", "ههه"). */
export function isLaughter(token: string): boolean {
  return token.length <= 40 && LAUGH_RE.test(token);
}

/** "hiiii" → "hii"; letters repeated three times or more cut to two. */
const collapse3 = (t: string) => t.replace(/(.)\1{2,}/gu, "$1$1");
/** "hii" → "hi"; every repeated letter cut to one. */
const collapse2 = (t: string) => t.replace(/(.)\1+/gu, "$1");
/** "tyty" → "ty", "hihi" → "hi": a word typed twice in one; else the word itself. */
function half(t: string): string {
  const n = t.length;
  return n >= 4 && n % 2 === 0 && t.slice(0, n / 2) === t.slice(n / 2) ? t.slice(0, n / 2) : t;
}
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** Words that ask about the world: a short line holding one is a question, not chatter. */
const ASKING = new Set("who whom whose what when where why how which".split(" "));
const THIRD_PERSON = new Set("he she him her his hers it its they them their".split(" "));
/** Most words a line may have to be read by its keywords alone ("this bot sucks", "hello people"). */
const KEYWORD_MAX_WORDS = 6;
/** Most words a line may have to be answered as chatter when nothing else understood it ("bruh", "ayo"). */
const CHATTER_MAX_WORDS = 3;

/** Damerau edit distance of at most one (one letter added, dropped, changed or two swapped). */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Expands "(a|b) c (d|)" into every phrasing; throws when a bracket is unbalanced or there are too many. */
export function expandPattern(pattern: string): string[] {
  let out = [pattern];
  for (;;) {
    const next: string[] = [];
    let changed = false;
    for (const p of out) {
      const open = p.indexOf("(");
      if (open < 0) {
        if (p.includes(")")) throw new Error(`unbalanced ")" in "${pattern}"`);
        next.push(p);
        continue;
      }
      const close = p.indexOf(")", open);
      if (close < 0 || p.slice(open + 1, close).includes("(")) throw new Error(`unbalanced "(" in "${pattern}"`);
      changed = true;
      for (const alt of p.slice(open + 1, close).split("|"))
        next.push(`${p.slice(0, open)} ${alt} ${p.slice(close + 1)}`);
      if (next.length > MAX_EXPANSIONS) throw new Error(`expands to more than ${MAX_EXPANSIONS} phrasings`);
    }
    out = next;
    if (!changed) return out;
  }
}

/**
 * A pattern as its literal texts and the choices between them ("a (b|c) d" → texts ["a ", " d"], groups [["b", "c"]]),
 * without expanding it; throws what {@link expandPattern} throws, in the same cases.
 */
function patternParts(pattern: string): { texts: string[]; groups: string[][] } {
  const texts: string[] = [];
  const groups: string[][] = [];
  let rest = pattern;
  let count = 1;
  for (;;) {
    const open = rest.indexOf("(");
    if (open < 0) {
      texts.push(rest);
      if (texts.some((t) => t.includes(")"))) throw new Error(`unbalanced ")" in "${pattern}"`);
      return { texts, groups };
    }
    const close = rest.indexOf(")", open);
    if (close < 0 || rest.slice(open + 1, close).includes("(")) throw new Error(`unbalanced "(" in "${pattern}"`);
    const alts = rest.slice(open + 1, close).split("|");
    count *= alts.length;
    if (count > MAX_EXPANSIONS) throw new Error(`expands to more than ${MAX_EXPANSIONS} phrasings`);
    texts.push(rest.slice(0, open));
    groups.push(alts);
    rest = rest.slice(close + 1);
  }
}

function tokensOfPhrasing(phrasing: string): string[] {
  if (!phrasing.includes(LAUGH)) return chatTokens(phrasing);
  return phrasing
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((piece) => (piece === LAUGH ? [LAUGH] : chatTokens(piece)));
}

/**
 * The small-talk set: phrasings in a word trie, matched on whole messages (and, for intents marked `anywhere`, inside
 * any message). Build one with {@link loadSmallTalk} or {@link parseSmallTalk}; matching takes time linear in the
 * message's words (messages are cut to 2,000 characters).
 */
export class SmallTalk {
  private readonly root: Node = { next: new Map() };
  private readonly anywhere: Node = { next: new Map() };
  private readonly fillers: Set<string>;
  /** Every word of a phrasing: a line of such words and one keyword is small talk ("what a waste of time"). */
  private readonly vocabulary = new Set<string>();
  /** Keyword → the first intent listing it. */
  private readonly keywords = new Map<string, number>();
  private count = 0;
  private built = false;
  private builtAnywhere = false;
  private vocabularyReady = false;
  private longWords: Map<number, string[]> | undefined;
  private readonly pieceTokens = new Map<string, string[]>();

  /**
   * `patterns[i]` are intent i's patterns, already checked (see {@link patternParts}); `keywords[i]` its keywords.
   * The phrasings are expanded on the first match, not here, so loading at start-up costs only the parse and checks.
   */
  constructor(
    readonly intents: readonly SmallTalkIntent[],
    private readonly patterns: readonly (readonly string[])[],
    fillers: readonly string[],
    keywords: readonly (readonly string[])[] = [],
  ) {
    this.fillers = new Set(fillers.flatMap(chatTokens));
    keywords.forEach((list, i) => {
      for (const k of list) {
        // A keyword is one word as matched ("thx"); one that reads as several ("whats") is left out.
        const t = chatTokens(k);
        if (t.length === 1 && !this.keywords.has(t[0]!)) this.keywords.set(t[0]!, i);
      }
    });
  }

  /** Number of distinct phrasings loaded (for `briefbot check` and the docs). */
  get phrasings(): number {
    this.build(false);
    this.build(true);
    return this.count;
  }

  /**
   * Every word of every phrasing, without building the trie: a message with a word no phrasing can take (as written,
   * with repeats cut, as laughter or, in a short message, with one typo) is no phrasing's, and most questions are
   * told so without the trie's ~35,000 nodes being built (the CLI's one question, a bot's first one).
   */
  private words(): Set<string> {
    if (this.vocabularyReady) return this.vocabulary;
    this.vocabularyReady = true;
    const visit = (tokens: readonly string[]) => {
      for (const t of tokens) this.vocabulary.add(t);
    };
    for (const list of this.patterns)
      for (const pattern of list) {
        if (ASCII.test(pattern) && pattern.length <= 1000) {
          const { texts, groups } = patternParts(pattern);
          for (const t of texts) visit(this.tokensOf(t));
          for (const g of groups) for (const alt of g) visit(this.tokensOf(alt));
        } else for (const phrasing of expandPattern(pattern)) visit(tokensOfPhrasing(phrasing));
      }
    return this.vocabulary;
  }

  private tokensOf(text: string): string[] {
    let t = this.pieceTokens.get(text);
    if (!t) this.pieceTokens.set(text, (t = tokensOfPhrasing(text)));
    return t;
  }

  /** Builds the trie of the `anywhere` intents, or of the others, once. */
  private build(anywhere: boolean): void {
    if (anywhere ? this.builtAnywhere : this.built) return;
    if (anywhere) this.builtAnywhere = true;
    else this.built = true;
    const start = anywhere ? this.anywhere : this.root;
    this.intents.forEach((intent, i) => {
      if (intent.anywhere !== anywhere) return;
      const end = (node: Node) => {
        if (node !== start && node.intent === undefined) {
          node.intent = i;
          this.count++;
        }
      };
      for (const pattern of this.patterns[i] ?? []) {
        // Plain ASCII patterns (all shipped ones) are walked part by part, sharing each part's words and trie path
        // across its phrasings: the same trie as expanding every phrasing, without building ~24,000 strings.
        if (ASCII.test(pattern) && pattern.length <= 1000) {
          const { texts, groups } = patternParts(pattern);
          const walk = (node: Node, k: number): void => {
            node = this.advance(node, this.tokensOf(texts[k]!));
            if (k === groups.length) return end(node);
            for (const alt of groups[k]!) walk(this.advance(node, this.tokensOf(alt)), k + 1);
          };
          walk(start, 0);
        } else for (const phrasing of expandPattern(pattern)) end(this.advance(start, tokensOfPhrasing(phrasing)));
      }
    });
  }

  /** Whether every word could be taken by some phrasing or is decoration: else no covering of the message exists. */
  private coverable(tokens: readonly string[], forgiving: boolean): boolean {
    const vocabulary = this.words();
    return tokens.every((t) => {
      const forms = [t, collapse3(t), collapse2(t), half(t)];
      if (forms.some((f) => vocabulary.has(f)) || this.fillers.has(t) || this.fillers.has(collapse3(t))) return true;
      if (PICTOGRAPH.test(t)) return true;
      if ((isLaughter(t) || isLaughter(collapse3(t))) && vocabulary.has(LAUGH)) return true;
      if (!forgiving || t.length < 4 || t.length > 20) return false;
      for (let n = Math.max(5, t.length - 1); n <= t.length + 1; n++)
        if (
          (t.length >= 5 || n === 5) &&
          this.byLength()
            .get(n)
            ?.some((w) => withinOne(t, w))
        )
          return true;
      return false;
    });
  }

  /** The phrasings' words of five letters or more, by length (for the one-typo check). */
  private byLength(): Map<number, string[]> {
    if (!this.longWords) {
      this.longWords = new Map();
      for (const w of this.words())
        if (w.length >= 5) {
          const list = this.longWords.get(w.length);
          if (list) list.push(w);
          else this.longWords.set(w.length, [w]);
        }
    }
    return this.longWords;
  }

  private advance(node: Node, tokens: readonly string[]): Node {
    for (const t of tokens) {
      let n = node.next.get(t);
      if (!n) {
        node.next.set(t, (n = { next: new Map() }));
      }
      node = n;
    }
    return node;
  }

  /**
   * Recognises a message as small talk: every word belongs to a phrasing or is filler, and at least one phrasing is
   * found; or an `anywhere` intent (distress) is found inside it. Null for anything else, including a greeting around a
   * real question ("hi, when was Telegram banned?"). Several intents in one message: the longest phrasing wins, then
   * the intent listed first.
   *
   * A short line no phrasing covers is still small talk when it holds an intent's keyword and at most one word small
   * talk does not know, and no word of the knowledge's own (`known`, when given) that small talk does not use either:
   * "this bot sucks", "hello people", "thanks a bunch bud" (confidence 0.6). A line of emoji alone is the `emoji`
   * intent's. `known` is how the conversation keeps "hi, who is Rouhani?" a question.
   */
  match(text: string, known?: (word: string) => boolean): SmallTalkMatch | null {
    this.build(true);
    const tokens = chatTokens(text);
    const raw = String(text ?? "").trim();
    if (tokens.length === 0) {
      // "?", "??", "..." or "!!!": punctuation alone asks what is going on.
      if (raw === "") return null;
      const confusion = this.intents.findIndex((x) => x.id === "confusion");
      return confusion >= 0 ? this.result(confusion, 1, raw) : null;
    }
    const inside = this.findAnywhere(tokens);
    if (inside >= 0) return this.result(inside, 1, raw);
    if (tokens.length > 24) return null;
    // Every way to cover the message with phrasings and fillers (a phrasing may be cut short so the next one fits:
    // "thanks, that helps" is "thanks" + "that helps", not "thanks that" + "helps"). Of the coverings, the one whose
    // longest phrasing is longest decides the intent, then the intent listed first.
    type Cover = { length: number; intent: number; fuzzy: boolean };
    const better = (a: Cover, b: Cover | undefined) =>
      !b ||
      a.length > b.length ||
      (a.length === b.length && (a.intent < b.intent || (a.intent === b.intent && !a.fuzzy && b.fuzzy)));
    const forgiving = tokens.length <= 6;
    if (!this.coverable(tokens, forgiving))
      return this.byKeyword(tokens, raw, known) ?? this.emojiOnly(tokens, raw) ?? this.bySentence(raw, known);
    this.build(false);
    const allEmoji = tokens.every((t) => PICTOGRAPH.test(t));
    const best: (Cover | undefined)[] = new Array(tokens.length + 1);
    best[0] = { length: 0, intent: Infinity, fuzzy: false };
    for (let i = 0; i < tokens.length; i++) {
      const here = best[i];
      if (!here) continue;
      for (const m of this.ends(this.root, tokens, i, forgiving)) {
        const length = m.end - i + 1;
        const top = length > here.length || (length === here.length && m.intent < here.intent);
        const cover = {
          length: top ? length : here.length,
          intent: top ? m.intent : here.intent,
          fuzzy: here.fuzzy || m.fuzzy,
        };
        if (better(cover, best[m.end + 1])) best[m.end + 1] = cover;
      }
      // Fillers, and emoji beside words ("good morning ☀️"): they decorate a line, they do not change what it says.
      const t = tokens[i]!;
      const decoration = this.fillers.has(t) || this.fillers.has(collapse3(t)) || (PICTOGRAPH.test(t) && !allEmoji);
      if (decoration && better(here, best[i + 1])) best[i + 1] = here;
    }
    const done = best[tokens.length];
    if (done && done.intent !== Infinity) return this.result(done.intent, done.fuzzy ? 0.8 : 1, raw);
    return this.byKeyword(tokens, raw, known) ?? this.emojiOnly(tokens, raw) ?? this.bySentence(raw, known);
  }

  /**
   * A line of several sentences, each small talk on its own ("Hi! How are you? I'm new here."): the intent listed
   * first among them answers (so "thanks! bye" is goodbye, "hi! what can you do?" the guide).
   */
  private bySentence(raw: string, known?: (word: string) => boolean): SmallTalkMatch | null {
    const parts = raw
      .split(/[.!?;,\n]+/)
      .map((p) => p.trim())
      .filter((p) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(p));
    if (parts.length < 2 || parts.length > 6) return null;
    let best: SmallTalkMatch | null = null;
    let bestIndex = Infinity;
    for (const part of parts) {
      const m = this.match(part, known);
      if (!m) return null;
      const i = this.intents.indexOf(m.intent);
      if (i < bestIndex) [best, bestIndex] = [m, i];
    }
    return best && this.result(bestIndex, Math.min(best.confidence, 0.8), raw);
  }

  /** A short line read by its keywords (see {@link match}); the intent with the most keywords wins, then the first. */
  private byKeyword(tokens: readonly string[], raw: string, known?: (word: string) => boolean): SmallTalkMatch | null {
    if (tokens.length > KEYWORD_MAX_WORDS || this.keywords.size === 0) return null;
    const votes = new Map<number, number>();
    let unknown = 0;
    const laugh = this.intents.findIndex((x) => x.id === "laughter");
    for (const t of tokens) {
      // "thanks, but who is he?", "cool, and when was that?": a question word or a pronoun for someone else asks.
      if (ASKING.has(t) || THIRD_PERSON.has(t)) return null;
      const forms = [t, collapse3(t), collapse2(t), half(t)];
      let intent: number | undefined;
      for (const f of forms) if ((intent = this.keywords.get(f)) !== undefined) break;
      if (intent === undefined && laugh >= 0 && (isLaughter(t) || isLaughter(collapse3(t)))) intent = laugh;
      if (intent !== undefined) votes.set(intent, (votes.get(intent) ?? 0) + 1);
      else if (!forms.some((f) => this.words().has(f) || this.fillers.has(f))) {
        // A word of the knowledge that small talk never uses names a topic: the line is a question.
        if (known?.(t)) return null;
        if (++unknown > 1) return null;
      }
    }
    let best = -1;
    for (const [intent, n] of votes)
      if (best < 0 || n > votes.get(best)! || (n === votes.get(best)! && intent < best)) best = intent;
    return best < 0 ? null : this.result(best, 0.6, raw);
  }

  /** A line of emoji alone that no phrasing covers ("🤔", "🫠🫠"): the `emoji` intent, else the fallback. */
  private emojiOnly(tokens: readonly string[], raw: string): SmallTalkMatch | null {
    if (!tokens.every((t) => PICTOGRAPH.test(t))) return null;
    let i = this.intents.findIndex((x) => x.id === "emoji");
    if (i < 0) i = this.intents.findIndex((x) => x.fallback);
    return i < 0 ? null : this.result(i, 0.6, raw);
  }

  /**
   * The fallback intent's reply for a short line (at most three words, no "?", no question word, no digit) none of
   * whose words the knowledge knows ("bruh", "ayo", "wsg"): asked after the knowledge declined it, so a friendly
   * "not sure what you mean" with an example stands in for "I don't know that". Null when there is no fallback intent.
   */
  chatter(text: string, known: (word: string) => boolean): SmallTalkMatch | null {
    const raw = String(text ?? "").trim();
    if (raw.includes("?") || /\d/.test(raw)) return null;
    const tokens = chatTokens(raw);
    if (tokens.length === 0 || tokens.length > CHATTER_MAX_WORDS) return null;
    if (tokens.some((t) => ASKING.has(t) || known(t) || known(collapse3(t)))) return null;
    const i = this.intents.findIndex((x) => x.fallback);
    return i < 0 ? null : this.result(i, 0.5, raw);
  }

  /** The intent with this id, if the file defines it. */
  intent(id: string): SmallTalkIntent | undefined {
    return this.intents.find((x) => x.id === id);
  }

  private result(index: number, confidence: number, raw: string): SmallTalkMatch {
    const intent = this.intents[index]!;
    // The same message always gets the same reply; different messages spread over the replies.
    let h = 0;
    for (let k = 0; k < raw.length; k++) h = (h * 31 + raw.charCodeAt(k)) | 0;
    return { intent, confidence, reply: intent.replies[Math.abs(h) % intent.replies.length]! };
  }

  /** Every way a word continues a phrasing: as written, with repeats cut, as laughter, or (short messages) with a typo. */
  private candidates(node: Node, token: string, forgiving: boolean): { node: Node; fuzzy: boolean }[] {
    const out: { node: Node; fuzzy: boolean }[] = [];
    const add = (n: Node | undefined, fuzzy = false) => {
      if (n && !out.some((c) => c.node === n)) out.push({ node: n, fuzzy });
    };
    add(node.next.get(token));
    add(node.next.get(collapse3(token)));
    if (isLaughter(token) || isLaughter(collapse3(token))) add(node.next.get(LAUGH));
    add(node.next.get(collapse2(token)));
    const h = half(token);
    if (h !== token) add(node.next.get(h));
    // A typo in a longer word ("thnaks", "goodbey") is forgiven in short messages, at a lower confidence.
    // A four-letter word may be a five-letter one missing a letter ("thnk" → "thank").
    if (out.length === 0 && forgiving && token.length >= 4 && token.length <= 20) {
      for (const [key, next] of node.next)
        if (key.length >= 5 && (token.length >= 5 || key.length === 5) && withinOne(token, key)) add(next, true);
    }
    return out;
  }

  /** Every phrasing starting at `start`: its last word's index, its intent, whether a typo was forgiven. */
  private ends(
    node: Node,
    tokens: readonly string[],
    start: number,
    forgiving: boolean,
  ): { end: number; intent: number; fuzzy: boolean }[] {
    const out: { end: number; intent: number; fuzzy: boolean }[] = [];
    const walk = (n: Node, j: number, fuzzy: boolean, depth: number) => {
      if (j >= tokens.length || depth > 12) return;
      for (const c of this.candidates(n, tokens[j]!, forgiving)) {
        const f = fuzzy || c.fuzzy;
        if (c.node.intent !== undefined) out.push({ end: j, intent: c.node.intent, fuzzy: f });
        walk(c.node, j + 1, f, depth + 1);
      }
    };
    walk(node, start, false, 0);
    return out;
  }

  private findAnywhere(tokens: readonly string[]): number {
    for (let i = 0; i < tokens.length; i++) {
      let node: Node | undefined = this.anywhere;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j]!);
        if (node?.intent !== undefined) return node.intent;
      }
    }
    return -1;
  }
}

/** A small-talk file's content once validated: what {@link SmallTalk} is built from. */
export interface SmallTalkData {
  intents: SmallTalkIntent[];
  patterns: string[][];
  fillers: string[];
  keywords: string[][];
}

/**
 * Parses and validates a small-talk file's text. Throws a {@link KnowledgeError} (file, line, field, reason) on the first
 * problem: invalid YAML, an unknown field, a duplicate intent id, an unbalanced bracket, an unknown {placeholder}.
 */
export function parseSmallTalk(file: string, yamlText: string): SmallTalk {
  return fromData(validateSmallTalk(file, yamlText));
}

/** {@link parseSmallTalk}'s checks, returning the validated content (which the build stores for the shipped file). */
export function validateSmallTalk(file: string, yamlText: string): SmallTalkData {
  const { data, fail, failIssue } = readYaml(file, yamlText);
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return failIssue(parsed.error.issues[0]!);
  const seen = new Set<string>();
  const patterns: string[][] = [];
  let fallbacks = 0;
  parsed.data.intents.forEach((intent, i) => {
    if (seen.has(intent.id)) fail(["intents", i, "id"], `duplicate intent id "${intent.id}"`);
    seen.add(intent.id);
    intent.patterns.forEach((p, j) => {
      try {
        patternParts(p);
      } catch (err) {
        fail(["intents", i, "patterns", j], (err as Error).message);
      }
    });
    patterns.push(intent.patterns);
    if (intent.fallback && ++fallbacks > 1) fail(["intents", i, "fallback"], "only one intent may be the fallback");
    intent.replies.forEach((r, j) => {
      for (const m of r.matchAll(/\{(\w+)\}/g))
        if (!PLACEHOLDERS.has(m[1]!)) fail(["intents", i, "replies", j], `unknown placeholder {${m[1]}}`);
    });
  });
  const intents = parsed.data.intents.map((x) => {
    const intent: SmallTalkIntent = { id: x.id, replies: x.replies, anywhere: x.anywhere, mode: x.mode };
    if (x.fallback !== undefined) intent.fallback = x.fallback;
    return intent;
  });
  return { intents, patterns, fillers: parsed.data.fillers, keywords: parsed.data.intents.map((x) => x.keywords) };
}

function fromData(d: SmallTalkData): SmallTalk {
  return new SmallTalk(d.intents, d.patterns, d.fillers, d.keywords);
}

/**
 * The build's copy of the shipped file's validated content (`npm run build` writes it beside this module, under the
 * SHA-256 of the file it came from): a start whose small-talk file is unchanged skips the YAML parser and the schema,
 * most of the CLI's start-up. Any other text, or no copy (running from source), is parsed as usual.
 */
export const COMPILED_SMALLTALK = fileURLToPath(new URL("./smalltalk.compiled.json", import.meta.url));

/** The SHA-256 of a small-talk file's text, as the compiled copy names it. */
export function smallTalkHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function compiledFor(text: string, compiled: string): SmallTalkData | null {
  try {
    if (!existsSync(compiled)) return null;
    const c = JSON.parse(readFileSync(compiled, "utf8")) as { sha256?: unknown; data?: SmallTalkData };
    return c.sha256 === smallTalkHash(text) && c.data && Array.isArray(c.data.intents) ? c.data : null;
  } catch {
    return null; // a damaged copy is only a slower start
  }
}

const loaded = new Map<string, { mtimeMs: number; smallTalk: SmallTalk }>();

/**
 * Loads a small-talk file (default: the shipped one). Throws a {@link KnowledgeError} when it cannot be used. Parsed
 * once per file and modification time, so every adapter's conversation shares one set; `compiled` is the build's
 * validated copy, used only when it was made from this very text.
 */
export function loadSmallTalk(file: string = DEFAULT_SMALLTALK_FILE, compiled = COMPILED_SMALLTALK): SmallTalk {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
    const cached = loaded.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.smallTalk;
    text = readFileSync(file, "utf8");
  } catch {
    throw new KnowledgeError(file, null, "", "small-talk file not found");
  }
  const smallTalk = fromData(compiledFor(text, compiled) ?? validateSmallTalk(file, text));
  loaded.set(file, { mtimeMs, smallTalk });
  return smallTalk;
}
