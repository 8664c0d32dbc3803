/** Chat in front of a question: "ok so …", "hi, …", "good bot. now …" (cut before the question is read). */
import type { SmallTalk } from "./smalltalk.js";

// "ok so …", "actually, …", "quick question: …" in front of a question (greetings and thanks are small talk's).
const OPENER =
  /^\s*(?:(?:ok|okay|so|well|now|also|actually|wait|btw|by the way|anyway|anyways|(?:quick|random|dumb|silly|serious|honest|stupid|genuine) (?:question|q)|quick one|real quick|one more thing|another (?:one|question)|next question|question|one question|q)\b[\s,!.:;-]*)+|^\s*(?:and|but|or)\s+(?=(?:who|whom|whose|when|where|why|which)\b)/i;

/** Small-talk intents that may open a message before its question. */
const OPENING = new Set(["greeting", "thanks", "praise", "acknowledgement", "laughter", "apology", "how-are-you"]);

/** Most words of small talk cut from the front of a question. */
const OPENER_MAX_WORDS = 6;

/** A question word after an opener: "hey bot when was…" (no punctuation between). */
const QUESTION_AFTER =
  /^\s+(?:who|whom|whose|what|whats|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell|give|show|any)\b/i;

/**
 * The message without small talk in front of its question: "hi, …", "hiii does…", "good bot. now who…", "thanks!
 * and…", "ok so…". A phrasing of an opening intent (greeting, thanks, praise…) is cut when a punctuation mark or a
 * question word follows it; the message itself when nothing would remain.
 */
export function stripOpener(message: string, smallTalk: SmallTalk): string {
  let rest = message;
  for (let round = 0; round < 3; round++) {
    const before = rest;
    rest = rest.replace(OPENER, "");
    const spans = [...rest.slice(0, 200).matchAll(/[\p{L}\p{N}'’]+|\p{Extended_Pictographic}/gu)];
    for (let k = Math.min(OPENER_MAX_WORDS, spans.length - 1); k >= 1; k--) {
      const end = spans[k - 1]!.index! + spans[k - 1]![0].length;
      const after = rest.slice(end);
      // "hey quick q: …", "hi so who…": an opener of a question may follow the small talk too.
      const opened = () => /^\s/.test(after) && (OPENER.exec(after)?.[0] ?? "").trim() !== "";
      if (!/^\s*[,.!:;…—–-]/.test(after) && !QUESTION_AFTER.test(after) && !opened()) continue;
      const m = smallTalk.match(rest.slice(0, end));
      if (m && m.confidence >= 0.8 && OPENING.has(m.intent.id)) {
        rest = after.replace(/^[\s,.!:;…—–-]+/, "");
        break;
      }
    }
    if (rest === before) break;
  }
  return /[\p{L}\p{N}]/u.test(rest) ? rest : message;
}
