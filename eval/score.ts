/**
 * What the evaluation scripts share: the formats of the question, quote and metadata files, and the one scoring rule
 * for questions (in scope: answered and the answer text holds an expected phrase, case-insensitively; out of scope:
 * declined).
 */

/** One question: `expect` lists phrases any one of which makes the answer right; null means it must be declined. */
export interface Case {
  q: string;
  expect: string[] | null;
}

/** One hand-labelled quote of a sample article (`<slug>.quotes.jsonl`). */
export interface GoldQuote {
  text: string;
  speaker: string;
  role: string | null;
}

/** A sample article's metadata (`<slug>.meta.json`). */
export interface Meta {
  title: string;
  publisher: string;
  reporters: string[];
  date?: string;
}

export interface QuestionScore {
  inScope: number;
  inHit: number;
  outScope: number;
  outHit: number;
}

/** Scores `answer` (the shown text, or null when declined) on `cases`; each miss is appended to `misses`. */
export function scoreQuestions(
  cases: readonly Case[],
  answer: (q: string) => string | null,
  misses: string[],
): QuestionScore {
  const s: QuestionScore = { inScope: 0, inHit: 0, outScope: 0, outHit: 0 };
  for (const c of cases) {
    const text = answer(c.q);
    if (c.expect === null) {
      s.outScope++;
      if (text === null) s.outHit++;
      else misses.push(`  answered out-of-scope: ${c.q}\n    -> ${text.split("\n")[0]}`);
    } else {
      s.inScope++;
      if (text !== null && c.expect.some((p) => text.toLowerCase().includes(p.toLowerCase()))) s.inHit++;
      else
        misses.push(
          `  ${text === null ? "declined" : "wrong"}: ${c.q}${text ? `\n    -> ${text.split("\n")[0]}` : ""}`,
        );
    }
  }
  return s;
}

/** A share in percent with one decimal; 100 when there is nothing to count. */
export const pct = (a: number, b: number): number => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
