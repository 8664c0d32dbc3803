/**
 * The data the core works on and hands out. Everything here is plain data: adapters render it, the core never
 * formats it for a platform.
 */

/** Where knowledge comes from: one article, report or interview. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  reporters: string[];
  /** Where it was reported from, as the source gives it. */
  place?: string;
  /** Only when the source text itself gives a date. */
  date?: string;
  url?: string;
  /** File name (next to the YAML file) of the source text every entry must be traceable to. */
  textFile?: string;
}

/** Someone quoted in a source. */
export interface Speaker {
  id: string;
  name: string;
  /** The speaker's role as the source gives it, e.g. "Iran's communications minister"; absent when it gives none. */
  role?: string;
  /** Other names people may use: surnames, titles, misspellings are handled by fuzzy matching. */
  aliases: string[];
}

interface EntryBase {
  /** Stable id, unique across the whole knowledge base; used in logs, metrics and button payloads. */
  id: string;
  /** The words themselves: a quote word for word, or a self-contained fact close to the source's wording. */
  text: string;
  /** Topic tags, lower case: "telegram", "sanctions". */
  tags: string[];
  /**
   * Questions a reader would ask to get this entry. They teach the ranking other ways to say it. The file's
   * hand-written `questions` first, then its `generated_questions` (written by `briefbot import`).
   */
  questions: string[];
  sourceId: string;
}

export interface QuoteEntry extends EntryBase {
  kind: "quote";
  speakerId: string;
  /** To whom, about what, when: "told NBC News", "asked if Iran was losing the propaganda war". */
  context?: string;
}

export interface FactEntry extends EntryBase {
  kind: "fact";
  /** Who the source credits for the fact when it is not the reporters themselves, e.g. "a report by Datareportal". */
  attribution?: string;
}

export type Entry = QuoteEntry | FactEntry;

/** A validated, loaded knowledge base. */
export interface Knowledge {
  sources: Source[];
  speakers: Speaker[];
  entries: Entry[];
}

/** One answer: everything an adapter needs to show it with its attribution. */
export interface Answer {
  id: string;
  kind: Entry["kind"];
  text: string;
  /** Set for quotes. */
  speaker?: { name: string; role?: string };
  context?: string;
  attribution?: string;
  source: Source;
  /** 0..1: how sure the core is that this entry answers the question. */
  confidence: number;
}

/** What `ask` returns. `answer` is null when the core declines; `suggestions` then holds up to 3 near misses. */
export interface AskResult {
  /** The question as it was used (after cutting an over-long question). */
  question: string;
  answered: boolean;
  answer: Answer | null;
  /** The next-best answers, best first, each with its own confidence. */
  alternatives: Answer[];
  /** When declined: up to 3 questions the core can answer that are near the one asked. */
  suggestions: string[];
  /**
   * The entry id behind each of `suggestions`, same order, when there is one (for buttons that must carry an id,
   * not text: resolve with `Core.answerById`). Absent for example questions offered on empty input.
   */
  suggestionIds?: string[];
  /** Notes about the input, for people reading JSON or logs: "question was cut to 500 characters", "question was empty". */
  notes: string[];
  /** Set when the question was too long and cut: the characters kept. Renderers tell the asker from this field. */
  cutTo?: number;
}
