import { CONFIDENCE_THRESHOLD, fold, words, STOP_WORDS } from "../core/index.js";
import type { Answer, AskResult } from "../core/index.js";

/** How close (in confidence) the second answer must be to the first for briefbot to ask rather than pick. */
export const CLARIFY_MARGIN = 0.02;
/**
 * Only an answer the core is unsure of is put to the person: at full confidence every word of the question matched,
 * and the core's ranking (which weighs more than confidence) already told the two apart.
 */
export const CLARIFY_BELOW = 0.65;
/** Share of content words two answers may have in common and still count as saying different things. */
const SAME_WORDS = 0.5;
/**
 * Most content words a question may have and still be asked back about. A question that says more has been told apart
 * by the core's ranking (word order, phrases, kinds), which a tie in confidence does not show: on the four question
 * sets every tie under a longer question had the core's first answer right, so asking only cost answers.
 */
export const CLARIFY_MAX_WORDS = 2;

function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOP_WORDS.has(w) && w.length > 2));
}

/**
 * Whether two answers say the same thing: a fact that reports a quote ("…, calling the move “the direct opposite to
 * democracy”"), or texts sharing most of their content words. Then either one answers, and there is nothing to ask.
 */
export function sameThing(a: Answer, b: Answer): boolean {
  const fa = fold(a.text);
  const fb = fold(b.text);
  if (fa.includes(fb) || fb.includes(fa)) return true;
  const wa = contentWords(a.text);
  const wb = contentWords(b.text);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, Math.min(wa.size, wb.size)) >= SAME_WORDS;
}

/**
 * The two answers to offer as "Did you mean …?" instead of answering, or null to answer as the core chose. Asks only
 * when the core is unsure ({@link CLARIFY_BELOW}), the runner-up is as sure as the answer (within
 * {@link CLARIFY_MARGIN}), both pass the answer threshold, the question says little ({@link CLARIFY_MAX_WORDS}), and
 * they say different things (Rasa's two-stage fallback; Azure's active-learning window). Rare by design: eval/run.ts
 * prints how often it asks on the question sets.
 */
export function clarifyOptions(result: AskResult): [Answer, Answer] | null {
  const top = result.answer;
  const second = result.alternatives[0];
  if (!result.answered || !top || !second) return null;
  if (contentWords(result.question).size > CLARIFY_MAX_WORDS) return null;
  if (top.confidence >= CLARIFY_BELOW || second.confidence < CONFIDENCE_THRESHOLD) return null;
  if (top.confidence - second.confidence > CLARIFY_MARGIN) return null;
  if (sameThing(top, second)) return null;
  return [top, second];
}
