/** The last topic carried into a question of its own that leans on it ("who's behind the ban?", "those apps"). */
import { CONFIDENCE_THRESHOLD, STOP_WORDS, stem } from "../core/index.js";
import { ask as askCommand } from "../commands/ask.js";
import type { Reply } from "../commands/types.js";
import { plainWords } from "./followup.js";
import type { Recall } from "./memory.js";
import { confidence, naming } from "./replies.js";
import { topicStems } from "./topic.js";
import type { ConversationReply, TurnTools } from "./turn-types.js";
import type { KnowledgeView } from "./view.js";
import { QUESTION_WORDS, SAYS_NAMED } from "./wording.js";

/**
 * A question of its own asked after an answer, that names neither the last topic nor a person and that the core is
 * not sure of as asked, is also tried with the last topic's words added. That reading wins only when the core is
 * surer of it, its answer names every topic word of the question (a word of the knowledge's tags: "the ban" →
 * "banned") and the last topic, and no content word of the question is unknown to the knowledge (so "who won the
 * world cup?" after Telegram stays declined).
 */
export function carryTopic(
  turn: TurnTools,
  reply: Reply,
  question: string,
  recall: Recall,
  view: KnowledgeView,
): [Reply, string] | null {
  const topic = recall.topic;
  const plain = confidence(reply);
  // Only a question the core answers, unsure: one it declines holds something the knowledge does not have.
  if (topic.length === 0 || plain >= 1 || plain < CONFIDENCE_THRESHOLD || recall.entry === null) return null;
  const words = plainWords(question).split(" ");
  if (!QUESTION_WORDS.has(words[0] ?? "")) return null;
  if (words.some((w) => topic.includes(w) || view.personWords.has(w))) return null;
  const content = words.filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w));
  const tagged = content.filter((w) => view.tagWords.has(w) || view.tagStems.has(stem(w)));
  // At most one word the knowledge does not know, and only beside a topic word ("who's behind the ban?").
  const unknown = content.filter((w) => !view.knows(w)).length;
  if (unknown > (tagged.length > 0 ? 1 : 0)) return null;
  const asked = `${question.replace(/[?!.\s]+$/, "")} ${topic.join(" ")}`;
  const tried = turn.run(askCommand, asked);
  if (confidence(tried) <= plain || tried.type !== "answer" || !tried.result.answer) return null;
  const id = tried.result.answer.id;
  if (!view.mentions(id, tagged.map(stem)) || !view.mentions(id, topicStems(topic.join(" ")))) return null;
  return [tried, asked];
}

/**
 * "who makes these apps?" after Amazon's local version: "these"/"those" before a noun point at the last topic. An
 * answer that is not about the last topic's other words gives way to the question asked with them, when its answer
 * is about them.
 */
export function carryThese(
  turn: TurnTools,
  reply: Reply,
  question: string,
  recall: Recall,
  view: KnowledgeView,
): [Reply, string] | null {
  const m = /\b(?:these|those) ([a-z]{3,})\b/.exec(plainWords(question));
  if (!m || recall.entry === null) return null;
  // "who makes those apps?" after "concerns about the domestic apps": "those apps" are the ones the last answer
  // names, with the words that qualify them there ("domestic apps").
  {
    const before = plainWords(view.entries.get(recall.entry)?.text ?? "").split(" ");
    const at = before.indexOf(m[1]!);
    const qual: string[] = [];
    for (let i = at - 1; i >= 0 && qual.length < 2 && !STOP_WORDS.has(before[i]!) && before[i]!.length > 2; i--)
      qual.unshift(before[i]!);
    // The two words before the noun, else the one right before it ("promote domestic apps": "domestic apps").
    for (let n = qual.length; at > 0 && n >= 1; n--) {
      const asked = plainWords(question).replace(m[0], `${qual.slice(-n).join(" ")} ${m[1]!}`);
      const tried = turn.run(askCommand, asked);
      const t = tried.type === "answer" ? tried.result.answer : null;
      if (t && !recall.shown.includes(t.id) && confidence(tried) >= CONFIDENCE_THRESHOLD) return [tried, asked];
    }
  }
  if (recall.topic.length === 0) return null;
  const noun = stem(m[1]!);
  const rest = recall.topic.filter((w) => stem(w) !== noun);
  const stems = rest.map(stem);
  if (stems.length === 0) return null;
  const a = reply.type === "answer" ? reply.result.answer : null;
  if (a && view.mentions(a.id, stems)) return null;
  // An answer sharing a tag with the last one is about the same things already ("are these apps safe?").
  const tags = view.entries.get(recall.entry)?.tags ?? [];
  if (a && view.entries.get(a.id)?.tags.some((t) => tags.includes(t))) return null;
  const asked = `${question.replace(/[?!.\s]+$/, "")} ${rest.join(" ")}`;
  const tried = naming(turn.run(askCommand, asked), stems, view);
  return tried ? [tried, asked] : null;
}

/**
 * "and what does Jahromi say?", "what did the minister think about it?": a speaker named, no topic of the question's
 * own, right after an answer on a topic: the speaker's words (quotes first) on that topic, not shown yet; else null.
 */
export function saidOnTopic(
  turn: TurnTools,
  question: string,
  recall: Recall,
  view: KnowledgeView,
): ConversationReply | null {
  if (recall.entry === null || recall.topic.length === 0) return null;
  const m = SAYS_NAMED.exec(plainWords(question));
  if (!m) return null;
  const words = m[1]!.split(" ");
  const id = view.speakersNamed(words)[0];
  if (id === undefined || words.some((w) => view.tagWords.has(w) && !view.speakerWords.has(w))) return null;
  const topic = recall.topic.map(stem);
  const next = view.wordsOf(id).find((x) => !recall.shown.includes(x) && topic.some((t) => view.mentions(x, [t])));
  return next ? turn.showEntry(recall, view, next, null, "more-from-speaker") : null;
}
