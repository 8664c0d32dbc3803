/**
 * Question-and-answer articles ("Q: … / A: …", "Interviewer: … / Vesk: …", or bold questions over plain answers): the
 * interviewer's questions are not facts, and the answers are the interviewee's words. Without this, an interview
 * imported as sentences answered "Will you break encryption?" with the interviewer's own question.
 */

/** What {@link readInterview} found: which paragraphs ask, which answer, and who answers. */
export interface Interview {
  /** Paragraph indexes of the interviewer's questions. */
  questions: Set<number>;
  /** Per answering paragraph: the question it answers and the length of its "A:" / "Name:" prefix to drop. */
  answers: Map<number, { question: string; prefix: number }>;
  /** The interviewee, when the article names one; answers are credited to them. */
  speaker: string | null;
}

const Q_MARK = /^\s*(?:Q|Question|Interviewer)\s*[:.)\-–—]\s*/i;
const A_MARK = /^\s*(?:A|Answer)\s*[:.)\-–—]\s*/i;
/** "Vesk:" or "Lorna Vesk:" at the start of a paragraph: a speaker's turn. */
const NAME_MARK = /^\s*((?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+)\s*:\s+/u;
/** "Lorna Vesk", "Tove Amundsen-Reyes": two or more capitalised words, double-barrelled ones whole. */
const FULL_NAME = /\b(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*(?:\s+\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*)+)/gu;
/** Words in a title or an introduction that announce an interview. */
const ANNOUNCED =
  /\b(?:interview(?:ed)?|q ?& ?a|questions for|spoke (?:to|with)|talks? (?:to|with)|in conversation)\b/i;
const MIN_TURNS = 2;
type Turn = "q" | "a" | null;

const isQuestion = (p: string) => /\?["”’)\]]*\s*$/.test(p.trim()) && p.trim().length <= 400;

/**
 * Reads the question-and-answer structure of an article, or null when it is not an interview (fewer than two
 * question-and-answer turns). `title` and `reporters` help name the interviewee; a reporter is never one.
 */
export function readInterview(
  paragraphs: readonly string[],
  title = "",
  reporters: readonly string[] = [],
): Interview | null {
  const n = paragraphs.length;
  const kind: Turn[] = paragraphs.map((p) => (Q_MARK.test(p) ? "q" : A_MARK.test(p) ? "a" : null));
  const mark = (i: number, t: Turn) => {
    kind[i] = t;
  };
  // Named turns: a "Name:" prefix used on two or more paragraphs.
  const names = new Map<string, number>();
  for (const p of paragraphs) {
    const m = NAME_MARK.exec(p);
    if (m) names.set(m[1]!, (names.get(m[1]!) ?? 0) + 1);
  }
  const turnNames = [...names].filter(([, c]) => c >= MIN_TURNS).map(([name]) => name);
  let answerer: string | null = null;
  if (turnNames.length >= 1) {
    // The one whose turns do not end in a question mark answers; the other asks.
    const asks = (name: string) =>
      paragraphs.filter((p) => NAME_MARK.exec(p)?.[1] === name).every((p) => isQuestion(p));
    const answering = turnNames.filter((name) => !asks(name) && !reporters.some((r) => r.includes(name)));
    if (answering.length === 1) {
      answerer = answering[0]!;
      paragraphs.forEach((p, i) => {
        const who = NAME_MARK.exec(p)?.[1];
        if (who === answerer) mark(i, "a");
        else if (who !== undefined && kind[i] === null && isQuestion(p)) mark(i, "q");
      });
    }
  }
  const marked = kind.filter((k) => k === "a").length;
  // A question paragraph right before a marked answer is the interviewer's, marked or not.
  if (marked >= MIN_TURNS)
    for (let i = 0; i + 1 < n; i++)
      if (kind[i] === null && kind[i + 1] === "a" && isQuestion(paragraphs[i]!)) mark(i, "q");
  // Unmarked interviews (the questions were bold on the page): an announced interview whose question-only
  // paragraphs are each followed by a plain one.
  if (kind.every((k) => k === null)) {
    const intro = [title, ...paragraphs.slice(0, 3)].join(" ");
    const asking = paragraphs
      .map((p, i) => i)
      .filter((i) => i + 1 < n && isQuestion(paragraphs[i]!) && !isQuestion(paragraphs[i + 1]!));
    if (ANNOUNCED.test(intro) && asking.length >= 3) for (const i of asking) mark(i, "q");
  }
  const questions = new Set<number>();
  const answers = new Map<number, { question: string; prefix: number }>();
  let current: string | null = null;
  kind.forEach((k, i) => {
    const p = paragraphs[i]!;
    if (k === "q") {
      questions.add(i);
      current = p.replace(Q_MARK, "").replace(NAME_MARK, "").trim();
    } else if (current !== null) {
      // An answer runs over the paragraphs until the next question.
      const m = A_MARK.exec(p) ?? (answerer !== null && NAME_MARK.exec(p)?.[1] === answerer ? NAME_MARK.exec(p) : null);
      answers.set(i, { question: current, prefix: m ? m[0].length : 0 });
    }
  });
  if (questions.size < MIN_TURNS || answers.size < MIN_TURNS) return null;
  return { questions, answers, speaker: answerer ?? interviewee(paragraphs, title, reporters, questions) };
}

/** The full name the title (else the paragraphs before the first question) gives most, not a reporter's. */
function interviewee(
  paragraphs: readonly string[],
  title: string,
  reporters: readonly string[],
  questions: Set<number>,
): string | null {
  const first = Math.min(...questions);
  const intro = paragraphs.slice(0, first).join(" ");
  for (const text of [title, intro]) {
    const counts = new Map<string, number>();
    for (const m of text.matchAll(FULL_NAME)) {
      const name = m[1]!;
      // "Port Velmar's new transit chief": a possessive names a place or body, not the interviewee
      if (/[’']s$/.test(name) || reporters.some((r) => r.includes(name) || name.includes(r))) continue;
      // a title names few people: the one the introduction names again (by surname too) comes first
      const last = name.split(/\s+/).pop()!;
      const again = text === title ? intro.split(last).length - 1 : 0;
      counts.set(name, (counts.get(name) ?? 0) + 1 + again);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) return best[0];
  }
  return null;
}

/**
 * The length of a turn's mark at the start of a question or answer paragraph ("Q: ", "Caulfield: "), 0 for any other
 * paragraph: quote attribution reads the paragraph without it, so a turn's name is not taken as a sentence subject.
 */
export function turnMarkLength(interview: Interview, paragraph: number, text: string): number {
  const answer = interview.answers.get(paragraph);
  if (answer) return answer.prefix;
  if (!interview.questions.has(paragraph)) return 0;
  const m = Q_MARK.exec(text) ?? NAME_MARK.exec(text);
  return m ? m[0].length : 0;
}
