/** Reference resolution: who "he"/"she" is, what an echo ("which apps?") points at, a name put before its pronoun. */
import { STOP_WORDS, stem } from "../core/index.js";
import { plainWords, type FollowUp } from "./followup.js";
import type { Recall } from "./memory.js";
import type { KnowledgeView } from "./view.js";
import { PERSON_NOUNS, PRONOUNS, QUESTION_WORDS } from "./wording.js";

/**
 * The speaker "he"/"she" stands for: the last one, unless the knowledge writes about them with the other pronoun
 * and an answer shown earlier is by or about someone it writes about with this one ("what did she say?" after the
 * make-up artist, then Rouhani: the make-up artist). The speaker found is remembered as the last one.
 */
export function pronounSpeaker(message: string, recall: Recall, view: KnowledgeView) {
  const last = recall.speaker !== null ? view.speakers.get(recall.speaker) : undefined;
  const words = plainWords(message);
  const g = /\b(?:she|her|hers|herself)\b/.test(words) ? "f" : /\b(?:he|him|his|himself)\b/.test(words) ? "m" : null;
  if (g === null || !last) return last;
  const own = view.genderOf(last.id);
  if (own === null || own === g) return last;
  // Someone shown earlier the knowledge writes about with this pronoun; else (it writes of them with neither) the
  // latest other person shown: "and him?" after her answer is not her ("him" never takes a "she").
  let unknown: string | null = null;
  for (let i = recall.shown.length - 1; i >= 0; i--) {
    const p = view.personOf(recall.shown[i]!);
    if (p === null || p === last.id) continue;
    const pg = view.genderOf(p);
    if (pg === g) {
      recall.speaker = p;
      return view.speakers.get(p);
    }
    if (pg === null && unknown === null) unknown = p;
  }
  if (unknown !== null) {
    recall.speaker = unknown;
    return view.speakers.get(unknown);
  }
  return last;
}

/**
 * "which apps?" / "what laws?" / "whose sanctions?", or an echo ("lost what?", "said to who?"), right after an
 * answer that holds the word: the answer holds the detail asked for. ("wait what" echoes nothing of it.)
 */
export function whichOf(question: string, recall: Recall, view: KnowledgeView): FollowUp | null {
  const q = plainWords(question);
  const m =
    /^who is ([a-z]{3,}s)$/.exec(q) ??
    /^(?:which|what|whose) ([a-z]{3,})(?: (?:are|is|was|were|do|did|does) (?:they|he|she|you|we|it) (?:talking|talk|speaking|referring|on about|mean|meaning)(?: about| to)?)?$/.exec(
      q,
    ) ??
    /^([a-z]{3,})(?: [a-z]+)? (?:what|who|whom|where|which)$/.exec(q);
  if (!m || recall.entry === null || STOP_WORDS.has(m[1]!) || QUESTION_WORDS.has(m[1]!)) return null;
  if (!view.mentions(recall.entry, [stem(m[1]!)])) return null;
  // "what apps?": the word asked about is what "them" means next ("who funds them?").
  const own = view.vocabulary.get(m[1]!);
  if (own !== undefined && view.tagWords.has(own) && !view.speakerWords.has(own)) recall.topic = [own];
  return { kind: "detail" };
}

/**
 * "and Lester Holt, where was he?", "the network, is it finished?": a name put in front of a question that points
 * back at it with a pronoun is that question about the name ("where was Lester Holt?"). The name must hold a word
 * of the knowledge and no question word; otherwise the message is returned as it is.
 */
export function dislocated(message: string, view: KnowledgeView): string {
  const m = DISLOCATED.exec(message);
  if (!m) return message;
  const name = m[1]!.trim();
  const words = plainWords(name).split(" ");
  if (words.length > 4 || words.some((w) => QUESTION_WORDS.has(w))) return message;
  if (!words.some((w) => w.length > 2 && !STOP_WORDS.has(w) && view.vocabulary.has(w))) return message;
  // "In Iran, who uses it?": a place after a preposition is a setting, not the one a pronoun means.
  if (/^(?:in|on|at|for|from|with|about|to|of|by|after|before|during|since)$/.test(words[0]!)) return message;
  // A person takes he/she/him/her/his; anything else it/its/they/them/their. More than one such pronoun is ambiguous
  // ("Telegram, why did they ban it?": Telegram is what was banned, not who banned it).
  const speaker = words.some((w) => view.speakerWords.has(w));
  const personal = /\b(?:he|she|him|her|his)\b/gi;
  const thing = /\b(?:it|its|they|them|their)\b/gi;
  const persons = (m[2]!.match(personal) ?? []).length;
  const things = (m[2]!.match(thing) ?? []).length;
  const fits = persons === 1 && (speaker || things === 0) ? personal : !speaker && things === 1 ? thing : null;
  if (!fits) return message;
  return m[2]!.replace(fits, (p: string) => (/^(?:his|its|their)$/i.test(p) ? `${name}'s` : name));
}

/**
 * "what's the president's name?", "what is the name of the coffee shop guy": who that person is. Only for words that
 * name a person (a speaker's title or name, "guy", "woman"); "what's the app's name?" stays as typed.
 */
export function nameAsked(message: string, view: KnowledgeView): string {
  const q = plainWords(message);
  const m =
    /^(?:(?:and|so|ok|okay|but|wait) )*(?:what is|what was|whats) (?:the )?((?:[a-z]+ ){0,3}?[a-z]+?) (?:full |real |first |last |family |sur)?name(?: again)?$/.exec(
      q,
    ) ??
    /^(?:(?:and|so|ok|okay|but|wait) )*(?:what is|what was|whats) the (?:full |real )?name of (?:the )?((?:[a-z]+ ){0,3}[a-z]+)$/.exec(
      q,
    );
  if (!m) return message;
  const who = m[1]!.split(" ");
  if (who.some((w) => PRONOUNS.has(w) || w === "your" || w === "you")) return message;
  // The head noun is a person ("the coffee shop guy"), not a thing of theirs ("Zahra Hatami's Instagram account").
  const head = who[who.length - 1]!;
  if (!view.personWords.has(head) && !PERSON_NOUNS.has(head)) return message;
  // "what's Ali's last name?": only someone the knowledge names with more than one word has one.
  if (/\b(?:first|last|family|sur)name$|\b(?:first|last|family) name$/.test(q)) {
    const id = view.speakersNamed(who)[0];
    if (id === undefined || (view.speakers.get(id)?.name ?? "").trim().split(/\s+/).length < 2) return message;
  }
  // "the president" stays "the president"; a name ("zahra") takes no article.
  return `who is ${/\b(?:the )[a-z]/.test(q) ? "the " : ""}${m[1]!}`;
}

const DISLOCATED =
  /^\s*(?:(?:and|so|but|also|now|what about|how about)\s+)?([\p{L}][\p{L}\p{N} .'’-]{1,40}?)\s*,\s*((?:who|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|has|have)\b.*\b(?:he|she|it|they|him|her|them|his|its|their)\b.*)$/iu;
