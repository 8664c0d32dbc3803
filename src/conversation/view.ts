import { isKnownEnglish, stem, words, STOP_WORDS } from "../core/index.js";
import type { Core, Entry, Speaker } from "../core/index.js";
import { plainWords } from "./followup.js";

/** Words that name a person by what they are: "the minister", "the make-up artist". */
const TITLES = new Set(
  "minister president leader ayatollah artist makeup beautician reporter journalist correspondent anchor official spokesman spokeswoman spokesperson judge founder ceo chairman chief governor mayor senator ambassador professor doctor lawyer activist".split(
    " ",
  ),
);
/** Verbs that say something was said: a fact tagged with one speaker and using one reports that speaker's words. */
/** A sentence opening with a name (and an apposition) as the subject of a saying verb: "Quist said …". */
const SAYS_SUBJECT =
  /^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?((?:[A-Z][\p{L}'’-]+ ){0,3}[A-Z][\p{L}'’-]+)(?:, [^,]{1,80},)? (?:said|says|told|added|argued|warned|admitted)\b/u;

const REPORTED_SPEECH =
  /\b(said|says|saying|told|calling|called|criticized|criticised|believes|admitted|described|argued|warned)\b/i;

/**
 * What the conversation layer looks up in one loaded knowledge base: entries and speakers by id, the knowledge's own
 * words (so memory can keep words that are the knowledge's, never a person's), which words name a speaker or a tag.
 * Built once per {@link Core} on first use and dropped with it (a hot reload brings a new core, hence a new view).
 */
export class KnowledgeView {
  readonly entries = new Map<string, Entry>();
  readonly speakers = new Map<string, Speaker>();
  /** Each word of the knowledge, mapped to one shared string instance (memory keeps these, not the message's). */
  readonly vocabulary = new Map<string, string>();
  /** Words that name a speaker (see the constructor) → speaker ids. */
  readonly speakerWords = new Map<string, string[]>();
  /** The words of {@link speakerWords}: a question holding one names its person itself. */
  readonly personWords = new Set<string>();
  /** Words of topic tags ("national-information-network" gives "national", "information", "network"). */
  readonly tagWords = new Set<string>();
  private readonly byTag = new Map<string, string[]>();
  private readonly quotesBy = new Map<string, string[]>();
  private readonly reportedBy = new Map<string, string[]>();
  private readonly order = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private vocabularyStems: Set<string> | null = null;
  private genders: Map<string, "m" | "f" | null> | null = null;
  private properNames: Set<string> | null = null;
  private readonly subjects = new Map<string, string[]>();
  private tagStemSet: Set<string> | null = null;
  /** Stems of the words of entries asked about by {@link mentions}, built on demand. */
  private readonly entryStems = new Map<string, Set<string>>();
  /** The same with the entries' questions, built on demand by {@link mentionsAsked}. */
  private readonly askedStems = new Map<string, Set<string>>();

  constructor(readonly core: Core) {
    const k = core.knowledge;
    const intern = (w: string) => {
      if (!this.vocabulary.has(w)) this.vocabulary.set(w, w);
    };
    // A speaker is named by a word of their name, a capitalised word of an alias that is rare in the entries
    // ("Rouhani", "Zahra"; not "Iranian" from "young Iranian man"), or a title an alias holds ("minister", "artist").
    const wanted = new Set<string>();
    for (const sp of k.speakers)
      for (const a of sp.aliases)
        for (const m of a.matchAll(/\p{Lu}[\p{L}\p{N}'-]*/gu)) for (const w of words(m[0])) wanted.add(w);
    // One pass over the entries: their words become the vocabulary, and the alias words among them are counted.
    const entryCount = new Map<string, number>();
    for (const e of k.entries) {
      const seen = new Set<string>();
      for (const w of plainWords(e.text).split(" ")) {
        intern(w);
        if (wanted.has(w) && !seen.has(w)) {
          seen.add(w);
          entryCount.set(w, (entryCount.get(w) ?? 0) + 1);
        }
      }
      for (const q of e.questions) for (const w of plainWords(q).split(" ")) intern(w);
    }
    const name = (w: string, id: string) => {
      const ids = this.speakerWords.get(w) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.speakerWords.set(w, ids);
      this.personWords.add(w);
    };
    for (const s of k.speakers) {
      this.speakers.set(s.id, s);
      for (const w of words(s.name)) {
        intern(w);
        if (!STOP_WORDS.has(w) && w.length >= 2) name(w, s.id);
      }
      for (const alias of s.aliases) {
        for (const m of alias.matchAll(/[\p{L}\p{N}'-]+/gu)) {
          for (const w of words(m[0])) {
            intern(w);
            if (STOP_WORDS.has(w) || w.length < 3 || /\d/.test(w)) continue;
            if (TITLES.has(w) || (/^\p{Lu}/u.test(m[0]) && (entryCount.get(w) ?? 0) <= 3)) name(w, s.id);
          }
        }
      }
      for (const w of words(s.role ?? "")) intern(w);
    }
    k.entries.forEach((e, i) => {
      this.entries.set(e.id, e);
      this.order.set(e.id, i);
      for (const t of e.tags) {
        const list = this.byTag.get(t) ?? [];
        list.push(e.id);
        this.byTag.set(t, list);
        for (const w of words(t)) {
          intern(w);
          if (!STOP_WORDS.has(w)) this.tagWords.add(w);
        }
      }
      if (e.kind === "quote") {
        const list = this.quotesBy.get(e.speakerId) ?? [];
        list.push(e.id);
        this.quotesBy.set(e.speakerId, list);
      } else {
        const speaker = this.speakerOfFact(e);
        if (speaker && REPORTED_SPEECH.test(e.text)) {
          const list = this.reportedBy.get(speaker) ?? [];
          list.push(e.id);
          this.reportedBy.set(speaker, list);
        }
      }
    });
  }

  /**
   * The speaker a fact is by: the one its text opens with as the subject of a saying verb ("Quist said her son …",
   * "Voss, the superintendent, said …"), else the one speaker it is tagged with (its tags hold speaker ids); null for
   * none or several.
   */
  speakerOfFact(e: Entry): string | null {
    const subject = SAYS_SUBJECT.exec(e.text);
    if (subject) {
      const ids = new Set(words(subject[1]!).flatMap((w) => this.speakerWords.get(w) ?? []));
      if (ids.size === 1) return [...ids][0]!;
    }
    let found: string | null = null;
    for (const t of e.tags) {
      if (!this.speakers.has(t)) continue;
      if (found !== null && found !== t) return null;
      found = t;
    }
    return found;
  }

  /** Who said an entry: a quote's speaker, or the speaker whose words a fact reports; null otherwise. */
  speakerOf(id: string): Speaker | null {
    const e = this.entries.get(id);
    if (!e) return null;
    if (e.kind === "quote") return this.speakers.get(e.speakerId) ?? null;
    const s = this.speakerOfFact(e);
    return s !== null && REPORTED_SPEECH.test(e.text) ? (this.speakers.get(s) ?? null) : null;
  }

  /** The person an entry is by or about (for "who is he?"): a quote's speaker or the one speaker a fact is tagged with. */
  personOf(id: string): string | null {
    const e = this.entries.get(id);
    if (!e) return null;
    return e.kind === "quote" ? e.speakerId : this.speakerOfFact(e);
  }

  /** A speaker's quotes, then the facts reporting their words, in knowledge order. */
  wordsOf(speakerId: string): string[] {
    return [...(this.quotesBy.get(speakerId) ?? []), ...(this.reportedBy.get(speakerId) ?? [])];
  }

  /**
   * Entries related to one: most shared tags first, then knowledge order; `skip` are left out. Reads at most a few
   * thousand candidates, so it stays fast on a large knowledge base.
   */
  related(id: string, skip: ReadonlySet<string>, limit = 3): string[] {
    const e = this.entries.get(id);
    if (!e) return [];
    const shared = new Map<string, number>();
    for (const t of e.tags) {
      const list = this.byTag.get(t) ?? [];
      for (let i = 0; i < list.length && i < 2000; i++) {
        const other = list[i]!;
        if (other !== id && !skip.has(other)) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || this.order.get(a[0])! - this.order.get(b[0])!)
      .slice(0, limit)
      .map(([x]) => x);
  }

  /**
   * The first person's name an entry's text gives ("Lester Holt" in "NBC News' Lester Holt reported from…"), for "he"
   * and "she" when the entry has no speaker; one shared string per name. Null when the text names no one.
   */
  nameIn(id: string): string | null {
    const e = this.entries.get(id);
    if (!e) return null;
    for (const m of e.text.matchAll(/\b([A-Z][a-z]+(?: (?:[A-Z][a-z]+|De|de|van|al))* [A-Z][a-z]+)\b/g)) {
      // "Foreign Minister Mohammad Javad Zarif": the name is what follows the last title word.
      const parts = m[1]!.split(" ");
      const lastTitle = parts
        .map((w) => TITLES.has(w.toLowerCase()) || /^(?:Leader|Supreme|Foreign|Prime)$/.test(w))
        .lastIndexOf(true);
      const name = parts.slice(lastTitle + 1).join(" ");
      if (name === "") continue;
      // A place: "a hearing in Port Anselm", "at Harbor View" ("heard from Marta Ilves" is a person).
      if (lastTitle < 0 && /\b(?:in|at|near)\s+$/.test(e.text.slice(0, m.index))) continue;
      // Not a person: a sentence's opening word, a title, a people's or a region's adjective ("Iranian", "Western"),
      // or the article's own subject (a word of its headline: "Iran" for "Tech-savvy Iranians …").
      const first = name.split(" ")[0]!;
      if (
        /^(?:The|A|An|In|On|At|After|While|But|And|Western|Eastern|Northern|Southern|Supreme|President|Foreign|National|Prime|Chief)$/.test(
          first,
        ) ||
        this.isPeoplesWord(first) ||
        this.subjectOf(e.sourceId).some((t) => first.startsWith(t))
      )
        continue;
      return this.ownName(name);
    }
    return null;
  }

  /**
   * One shared string per name read from the knowledge's text: what memory keeps of a name (never a message's words),
   * one instance however many conversations remember it.
   */
  ownName(name: string): string {
    let own = this.names.get(name);
    if (own === undefined) this.names.set(name, (own = name));
    return own;
  }

  /**
   * "Iranian", "European", "Danish": a people's or a country's adjective, not a given name. An "-ian"/"-ean" word is one
   * only when the knowledge names its place ("Iran", "Europe"), so "Brian" or "Sean" stays a name.
   */
  private isPeoplesWord(word: string): boolean {
    if (/(?:ese|ish)$/.test(word)) return true;
    const root = /^(.{3,}?)(?:ians?|eans?)$/.exec(word.toLowerCase())?.[1];
    return root !== undefined && ["", "e", "a", "ia", "y"].some((end) => this.isName(root + end));
  }

  /** The peoples a source's headline names, without their ending ("Iranians" → "Iran"). */
  private subjectOf(sourceId: string): string[] {
    let out = this.subjects.get(sourceId);
    if (!out) {
      const title = this.core.knowledge.sources.find((x) => x.id === sourceId)?.title ?? "";
      // Only a people named in it ("Iranians" → "Iran"): a headline's other capitals may well be a person's name.
      out = [...title.matchAll(/\b[A-Z][a-z]+(?:ians?|eans?)\b/g)]
        .map((m) => m[0].replace(/(?:ians?|eans?)$/, ""))
        .filter((w) => w.length >= 3);
      this.subjects.set(sourceId, out);
    }
    return out;
  }

  /** Whether a word (or its stem) is a word of the knowledge. */
  knows(word: string): boolean {
    if (this.vocabulary.has(word)) return true;
    if (this.vocabularyStems === null) {
      this.vocabularyStems = new Set();
      for (const w of this.vocabulary.keys()) this.vocabularyStems.add(stem(w));
    }
    return this.vocabularyStems.has(stem(word));
  }

  /** Stems of the tags' words ("banned" names the tag "ban"). */
  get tagStems(): Set<string> {
    if (this.tagStemSet === null) this.tagStemSet = new Set([...this.tagWords].map(stem));
    return this.tagStemSet;
  }

  /**
   * Whether some entry is tagged with both words (each a word of one of its tags): "sanctions" and "investors" are,
   * "oil" and "investors" are not. Reads at most 2,000 entries per tag.
   */
  together(a: string, b: string): boolean {
    for (const [t, ids] of this.byTag) {
      if (!words(t).includes(a)) continue;
      for (let i = 0; i < ids.length && i < 2000; i++)
        if (this.entries.get(ids[i]!)!.tags.some((x) => words(x).includes(b))) return true;
    }
    return false;
  }

  /** Whether an entry's text or tags hold every one of these stems (true for none). */
  mentions(id: string, stems: readonly string[]): boolean {
    if (stems.length === 0) return true;
    let own = this.entryStems.get(id);
    if (!own) {
      const e = this.entries.get(id);
      if (!e) return false;
      own = new Set(words(`${e.text} ${e.tags.join(" ")}`).map(stem));
      this.entryStems.set(id, own);
    }
    return stems.every((s) => own.has(s));
  }

  /**
   * Whether an entry's text, tags or the questions it answers hold every one of these stems: "taxi" is in the Uber
   * entry's questions ("How do people in Iran book a taxi with an app?"), not in its text.
   */
  mentionsAsked(id: string, stems: readonly string[]): boolean {
    if (this.mentions(id, stems)) return true;
    let own = this.askedStems.get(id);
    if (!own) {
      const e = this.entries.get(id);
      if (!e) return false;
      own = new Set(words(`${e.text} ${e.tags.join(" ")} ${e.questions.join(" ")}`).map(stem));
      this.askedStems.set(id, own);
    }
    return stems.every((s) => own.has(s));
  }

  /**
   * A speaker's grammatical gender as the knowledge writes about them: "he"/"his" or "she"/"her" in the entries by or
   * about them (and "man"/"woman" in their role); null when it says neither, or both as often.
   */
  genderOf(speakerId: string): "m" | "f" | null {
    if (this.genders === null) {
      this.genders = new Map();
      const count = new Map<string, number>();
      for (const e of this.entries.values()) {
        const p = this.personOf(e.id);
        if (p === null) continue;
        // Words the person is quoted as saying refer to others ("he" in their quote is not them): only the
        // narration counts, a quote's context and a fact's text outside its quotation marks.
        const narration = (e.kind === "quote" ? (e.context ?? "") : e.text).replace(/["“][^"”]*["”]/g, " ");
        const m = (narration.match(/\b(?:he|his|him|himself)\b/gi) ?? []).length;
        const f = (narration.match(/\b(?:she|her|hers|herself)\b/gi) ?? []).length;
        count.set(p, (count.get(p) ?? 0) + m - f);
      }
      for (const sp of this.speakers.values()) {
        const role = sp.role ?? "";
        // An honorific alias ("Ms Solvang", which import writes from the article's "she said") says it outright.
        const titled = (re: RegExp) => (sp.aliases ?? []).some((a) => re.test(a));
        const n =
          (count.get(sp.id) ?? 0) +
          (/\b(?:man|boy|father|husband)\b/i.test(role) ? 1 : 0) -
          (/\b(?:woman|girl|mother|wife)\b/i.test(role) ? 1 : 0) +
          (titled(/^(?:Mr|Sir|Lord)\.? /) ? 2 : 0) -
          (titled(/^(?:Ms|Mrs|Miss|Dame|Lady)\.? /) ? 2 : 0);
        this.genders.set(sp.id, n > 0 ? "m" : n < 0 ? "f" : null);
      }
    }
    return this.genders.get(speakerId) ?? null;
  }

  /** Whether a word of the knowledge is a name: written capitalised inside its sentences ("Telegram"), or no English word. */
  isName(word: string): boolean {
    if (this.properNames === null) {
      this.properNames = new Set();
      for (const e of this.entries.values())
        for (const m of e.text.matchAll(/(?<=[\p{L}\p{N},;:'’"“”)]\s+)\p{Lu}[\p{Ll}\p{N}-]+/gu))
          for (const w of words(m[0])) this.properNames.add(w);
    }
    // A word of the knowledge English does not know ("Snappfood" opening its sentence) is a name too.
    return this.properNames.has(word) || (this.vocabulary.has(word) && !isKnownEnglish(word));
  }

  /**
   * Whether a word the knowledge lacks may be a name (a product, a place) rather than a common word: not in the
   * language's common words as the core knows them. A word of a message ("whatsapp", "ceo") is only tested, never kept.
   */
  mayBeName(word: string): boolean {
    return !isKnownEnglish(word);
  }

  /** The speakers a text names (by a content word of a name, role alias), in order of first mention. */
  speakersNamed(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (const w of tokens) for (const id of this.speakerWords.get(w) ?? []) if (!out.includes(id)) out.push(id);
    return out;
  }
}

const views = new WeakMap<Core, KnowledgeView>();

/** The view of a core, built on first use. */
export function viewOf(core: Core): KnowledgeView {
  let v = views.get(core);
  if (!v) {
    v = new KnowledgeView(core);
    views.set(core, v);
  }
  return v;
}
