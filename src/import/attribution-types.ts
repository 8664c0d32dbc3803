/** The types the attribution passes share: the public result, a quote's state, an attribution clause, the article's text. */
import { type QuoteSpan } from "./quotes.js";
import { Entity, type Ref, type Registry } from "./speakers.js";

export interface DraftSpeaker {
  id: string;
  name: string;
  role: string | null;
  aliases: string[];
  kind: "person" | "organisation";
  gender: "f" | "m" | null;
}

export interface DraftQuote {
  /** Exactly the characters between the quotation marks. */
  text: string;
  speakerId: string | null;
  /** Index into the paragraphs given. */
  paragraph: number;
  /** Offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** The attribution sentence without the quote: to whom, about what. */
  context: string;
  /** False when the speaker came from a weak rule (a pronoun of unknown gender, a guess across paragraphs). */
  confident: boolean;
}

export interface Attribution {
  speakers: DraftSpeaker[];
  quotes: DraftQuote[];
  warnings: string[];
}

/** Positions are paragraph * STRIDE + offset, so one number orders every mention in the article. */
export const STRIDE = 10_000_000;

export interface DocText {
  /** The paragraphs joined by newlines, for finding a name's first full form anywhere before. */
  full: string;
  offsets: number[];
}

/** One sentence as the per-sentence passes read it: its paragraph's masked text, its bounds, the registry. */
export interface SentenceScan {
  doc: DocText;
  /** The paragraph's index. */
  p: number;
  /** The paragraph with its quotations masked. */
  masked: string;
  /** The sentence's start and end in `masked`. */
  a: number;
  b: number;
  /** The paragraph's position: p * STRIDE. */
  base: number;
  reg: Registry;
}

export interface Attrib {
  /** Where the attribution's clause starts: the sentence start or just after the quote before it. */
  from: number;
  verbStart: number;
  verbEnd: number;
  /** Where the subject phrase starts and ends (in the paragraph). */
  subjStart: number;
  subjEnd: number;
  entity: Entity | null;
  ref: Ref | null;
  pronoun: boolean;
  weak: boolean;
  /** "“Why stay?” I ask": the reporter speaking in the first person, whose words are no one's quote. */
  reporter?: boolean;
}

export interface QState {
  span: QuoteSpan;
  sentence: [number, number];
  entity: Entity | null;
  confident: boolean;
  how: "post" | "pre" | "sentence" | "paragraph" | "continuation" | "previous" | "none";
  context: string;
  rejected: boolean;
  midSentence: boolean;
}

/** Gives a quote its speaker, found by `how`; a quote with no speaker is never confident. */
export function setSpeaker(q: QState, e: Entity | null, how: QState["how"], confident: boolean): void {
  q.entity = e;
  q.how = how;
  q.confident = confident && e !== null;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
