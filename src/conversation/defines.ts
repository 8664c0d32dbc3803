/** Whether an answer says what the X of "what is X?" is. */
import { STOP_WORDS, type Entry } from "../core/index.js";
import { plainWords } from "./followup.js";
import type { KnowledgeView } from "./view.js";
import { PRONOUNS, QUESTION_WORDS } from "./wording.js";

/** "what is X?", "what are Xs", "whats X": X (one to three words), or null for any other question. */
const DEFINE =
  /^(?:(?:so|ok|okay|and|but|wait) )*(?:what|whats) (?:is|are|s)(?: an?| the)? ([a-z0-9][a-z0-9 ]{0,40}?)(?: exactly| again| even)?$/;

/**
 * Whether an entry says what the X of "what is X?" is: X as the subject of is/are/means, in apposition ("X, a …",
 * "…, or X"), named as what something is called; or one of the entry's own questions asks what X is. Any other
 * question: true.
 */
export function defines(view: KnowledgeView, id: string, question: string): boolean {
  if (!/^\W*(?:(?:so|ok|okay|and|but|wait)\W+)*what/i.test(question)) return true;
  const m = DEFINE.exec(plainWords(question));
  // "what's Zahra's profession?" asks for something of someone's, not what they are.
  if (!m || /\w['’]s\b/.test(question.replace(/\bwhat['’]s\b/gi, ""))) return true;
  // "what is it for?", "what is the story about?": a purpose or a subject, not what it is.
  // "what are VPNs used for in Iran?": more than a name (a preposition other than "of" in it) asks something else.
  if (
    / (?:for|about|like|from|with|in|on|to|by|at|into|after|before|during|now|today|then|there|here|currently|anymore)(?: |$)|(?: |^)[a-z]+ed /.test(
      `${m[1]!} `,
    )
  )
    return true;
  if (/ of$/.test(m[1]!)) return true;
  // "what's the make up artist's name?": something of someone's (the possessive's "'s" may be missing).
  if (
    / (?:name|names|job|age|role|title|number|stance|view|views|position|opinion|problem|plan|point|goal|aim)$/.test(
      m[1]!,
    )
  )
    return true;
  // "what is the name of …", "what's the number of …": something of it, not what it is.
  if (
    /^(?:name|names|title|number|amount|size|cost|price|date|time|age|population|share|rate|point|aim|goal|purpose|reason|role|job)s? of\b/.test(
      m[1]!,
    )
  )
    return true;
  const x = m[1]!.split(" ").filter((w) => !STOP_WORDS.has(w) || w.length > 3);
  if (x.length === 0 || x.length > 3 || x.some((w) => PRONOUNS.has(w) || QUESTION_WORDS.has(w))) return true;
  const e = view.entries.get(id);
  if (!e) return true;
  // Read anew each time, not cached: a cache keyed by the phrase would keep words of people's messages after their turn.
  return says(e, x.map((w) => `${w.replace(/s$/, "")}s?`).join(" "));
}

/** Whether an entry's text (or one of its own questions) says what the phrase (a regex of words) is. */
function says(e: Entry, phrase: string): boolean {
  const text = plainWords(e.text);
  const said = new RegExp(
    [
      // "Snappfood is …", "the project has …": X the subject
      `(?:^| )${phrase} (?:[a-z]+ ){0,3}?(?:is|are|was|were|has|have|had|means|refers|became|remains)\\b`,
      // "VPNs, which …", "the board, where …", "Zarif, the …": X in apposition or with a relative clause
      `(?:^| )${phrase} (?:[a-z]+ ){0,2}?(?:an?|the|which|who|whose|where|that|also|or)\\b`,
      // "the Telegram messaging service": X naming a kind of thing
      `(?:^| )${phrase} (?:[a-z]+ )?(?:service|app|network|platform|site|website|company|agency|group|project)\\b`,
      // "…, or VPNs", "what they now call the Valley Mesh", "the bakery is the best roof"
      `\\b(?:or|call|calls|called|named|dubbed|known as|like|such as|including|version of|similar to|is|are|was|were)(?: [a-z]+){0,2}? ${phrase}(?: |$)`,
    ].join("|"),
  );
  if (said.test(text)) return true;
  const asked = new RegExp(`^(?:what|whats) (?:is|are|s) (?:an? |the )?(?:[a-z]+ ){0,2}${phrase}$`);
  return e.questions.some((q) => asked.test(plainWords(q)));
}
