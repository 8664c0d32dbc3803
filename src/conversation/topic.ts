/**
 * Topic tracking and frame carrying: what the conversation remembers of a question and its answer (the frame, the
 * topic words, who "he" is), and the last question's frame with a new topic in it ("and Pinterest?").
 */
import { STOP_WORDS, stem } from "../core/index.js";
import { plainWords } from "./followup.js";
import { FRAME_MAX, NO_OPTIONS, SHOWN_MAX, type Recall } from "./memory.js";
import { otherName, surnameIn } from "./names.js";
import type { KnowledgeView } from "./view.js";
import { PERSON_NOUNS, QUESTION_WORDS, VERBS } from "./wording.js";

/** Remembers an entry as shown, most recent last (at most SHOWN_MAX). */
export function pushShown(recall: Recall, id: string): void {
  const i = recall.shown.indexOf(id);
  if (i >= 0) recall.shown.splice(i, 1);
  recall.shown.push(id);
  if (recall.shown.length > SHOWN_MAX) recall.shown.shift();
}

/**
 * A neighbour answered beside the topic (VPNs for blocked Facebook, the network after the feared protests) is what
 * "those" and "it" mean next: its first tag becomes the topic. `topic` are the stems of the topic before it.
 */
export function moveTopic(recall: Recall, view: KnowledgeView, id: string, topic: readonly string[]): void {
  if (topic.some((t) => view.mentions(id, [t]))) return;
  const first = (view.entries.get(id)!.tags.find((t) => !view.speakers.has(t)) ?? "").split("-");
  const own = first.map((w) => view.vocabulary.get(w)).filter((w): w is string => w !== undefined);
  if (own.length) recall.topic = own.slice(0, 4);
}

/** The stems of a topic's content words ("the Apple app store" → appl, app, store). */
export function topicStems(topic: string): string[] {
  return plainWords(topic)
    .split(" ")
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map(stem);
}

/** The last question's words that are neither common words nor question words. */
export function frameContent(recall: Recall): string[] {
  return recall.frame.filter((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w));
}

/** What "it" stands for: the topic words, else the content of the last question; null when there is none. */
export function topicText(recall: Recall): string | null {
  const t = recall.topic.length ? recall.topic : frameContent(recall);
  return t.length ? t.join(" ") : null;
}

/**
 * The last question's frame with the new topic in place of its topic words (speaker words when a speaker is named).
 * A topic word the knowledge tags together with the new topic is context and stays ("sanctions" in "how did the
 * sanctions affect oil?" → "and investors?"), and so does a person (`people`) when the new topic names no one ("is
 * Khamenei on Twitter?" → "and Instagram?" asks about Khamenei on Instagram): `kept` gets those people's words.
 */
export function swapTopic(
  frame: readonly string[],
  topic: string,
  view: KnowledgeView,
  people: ReadonlySet<string> = new Set(),
  kept: string[] = [],
): string {
  const topicWords = plainWords(topic).split(" ");
  // "and a taxi app?" after "does Iran have a food delivery app?": the new topic's last word is one of the question's,
  // so the words that qualify it there ("food delivery app") give way to the new topic's.
  const head = topicWords.length > 1 ? stem(topicWords[topicWords.length - 1]!) : "";
  const at = head.length > 2 && !STOP_WORDS.has(head) ? frame.findIndex((w) => stem(w) === head) : -1;
  if (at >= 0) {
    let from = at;
    while (from > 0 && !STOP_WORDS.has(frame[from - 1]!) && !QUESTION_WORDS.has(frame[from - 1]!)) from--;
    return [...frame.slice(0, from), topic, ...frame.slice(at + 1)].join(" ");
  }
  // "the coffee shop guy": someone described, in place of the person the last question named.
  const named = view.speakersNamed(topicWords).length > 0 || topicWords.some((w) => PERSON_NOUNS.has(w));
  const newTags = topicWords.filter((w) => view.tagWords.has(w) && !STOP_WORDS.has(w));
  const replaceable = (w: string) =>
    named ? view.speakerWords.has(w) : view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w);
  const context = (w: string) =>
    !named &&
    (people.has(w) || (newTags.length > 0 && !newTags.includes(w) && newTags.some((t) => view.together(w, t))));
  // When every topic word is context, the first one gives way as before.
  const all = frame.filter(replaceable);
  const keepSome = all.some((w) => !context(w));
  const out: string[] = [];
  let replaced = false;
  let qualifier = -1;
  frame.forEach((w, i) => {
    if (!replaceable(w)) {
      out.push(w);
      if (people.has(w) || view.speakerWords.has(w)) qualifier = out.length - 1;
    } else if (keepSome && context(w)) {
      out.push(w);
      // "Trump's sanctions": a name before a topic word qualifies it; the answer need not name them.
      const next = frame[i + 1];
      const qualifies = next !== undefined && view.tagWords.has(next) && !STOP_WORDS.has(next);
      if (people.has(w) && !qualifies) kept.push(w);
      if (people.has(w) && qualifies) qualifier = out.length - 1;
    } else if (!replaced) {
      // "what did his bank do?" → "and Tandem?": the person qualified the word replaced, not the new topic.
      if (qualifier === out.length - 1) out.pop();
      out.push(topic);
      replaced = true;
    }
  });
  if (!replaced) out.push(topic);
  return out.join(" ");
}

/** Continues from a given entry (a reply to one of the bot's answers, or a button): its speaker and its frame. */
export function anchor(recall: Recall, view: KnowledgeView, id: string): void {
  const e = view.entries.get(String(id));
  if (!e) return;
  recall.entry = e.id;
  recall.speaker = view.personOf(e.id) ?? recall.speaker;
  if (e.questions[0]) setFrame(recall, view, e.questions[0]);
  if (!recall.shown.includes(e.id)) pushShown(recall, e.id);
}

/** "who interviewed …", "who did X meet": a question asking for someone other than the one it names. */
const ASKS_OTHER = /^who (?!is |was |are |were |said |says |say |s )\w/;
/** A text opening on one name and its description ("Ali, a 36-year-old Iranian man, …"). */
const LEAD_NAME = /^([A-Z][a-z]+), (?:a|an|the) /;

export function remember(recall: Recall, view: KnowledgeView, id: string, question: string | null): void {
  const e = view.entries.get(id);
  if (!e) return;
  recall.declined = NO_OPTIONS;
  recall.entry = e.id;
  recall.name = view.personOf(e.id) === null ? view.nameIn(e.id) : null;
  pushShown(recall, e.id);
  if (question !== null) {
    const qWords = plainWords(question).split(" ");
    const named = view.speakersNamed(qWords);
    recall.speaker = view.personOf(e.id) ?? named[0] ?? recall.speaker;
    // "who's Khamenei?" answered by a fact tagged with another speaker: "he" next is the person asked about, as
    // the answer writes a surname ("Ali Khamenei"), not the fact's speaker.
    const asked = named.length === 0 ? surnameIn(e.text, qWords, view) : null;
    if (asked !== null) {
      recall.speaker = null;
      recall.name = asked;
    }
    // "who interviewed the minister?": the person asked for is not the one the question names; "he" next is the
    // other person the answer names (in a quote's context: "asked by … Lester Holt").
    const by = view.personOf(e.id);
    const asksOther = ASKS_OTHER.test(qWords.join(" "));
    if (named.length > 0 && asksOther) {
      const other =
        by === null || named.includes(by)
          ? otherName(
              `${e.kind === "quote" ? (e.context ?? "") : ""} ${e.text}`,
              named.map((id) => view.speakers.get(id)?.name ?? "").join(" "),
            )
          : null;
      if (other !== null) {
        recall.speaker = view.speakersNamed(plainWords(other).split(" "))[0] ?? null;
        recall.name = recall.speaker === null ? view.ownName(other) : null;
      }
    }
    // "who did Holt meet?" answered "Ali, a 36-year-old Iranian man, spoke to Lester Holt": "he" next is the one met,
    // named first with a description, not the person the question names.
    if (asked !== null && asksOther) {
      const lead = LEAD_NAME.exec(e.text)?.[1];
      if (lead !== undefined && !plainWords(asked).split(" ").includes(lead.toLowerCase())) {
        recall.speaker = view.speakersNamed([lead.toLowerCase()])[0] ?? null;
        recall.name = recall.speaker === null ? view.ownName(lead) : null;
      }
    }
    setFrame(recall, view, question);
    // "what happened after the 2009 protests?": the event asked after dates what was asked, it is not the topic; the
    // answer (the network built in their wake) is what "it" means next.
    const anchor = ANCHOR.exec(qWords.join(" "));
    if (anchor) {
      const dated = new Set(anchor[1]!.split(" "));
      recall.topic = recall.topic.filter((w) => !dated.has(w));
    }
    // The answer's own first tag, when the question's topic words are all among its tags, names the topic more
    // precisely: "why did the regime build its own internet?" is about the national information network.
    const first = e.tags[0];
    const tags = new Set(e.tags.flatMap((t) => t.split("-")));
    // An answer sharing no tag with the topic moved the conversation on ("how do they get around the blocks?" →
    // VPNs): its first tag is the topic now.
    const movedOn = recall.topic.length > 0 && !recall.topic.some((w) => tags.has(w));
    // Topic words the answer is not tagged with ("nbc" in "what did Jahromi tell NBC about Twitter?") drop out when
    // some are.
    const tagged = recall.topic.filter((w) => tags.has(w));
    if (tagged.length > 0 && tagged.length < recall.topic.length) recall.topic = tagged;
    if (movedOn) recall.topic = NO_OPTIONS;
    // (Not one joined to the topic by "and"/"or": "and Twitter?" answered "Facebook and Twitter are blocked" is still
    // about Twitter, not Facebook; a class the thing asked about is of, "apps" for the local Amazon, is added.)
    const sibling = first !== undefined && coordinated(plainWords(e.text), first.split("-").join(" "), recall.topic);
    if (first && !view.speakers.has(first) && !sibling && recall.topic.every((w) => tags.has(w))) {
      const own = first
        .split("-")
        .map((w) => view.vocabulary.get(w))
        .filter((w): w is string => w !== undefined);
      recall.topic = [...new Set([...own, ...recall.topic])].slice(0, 4);
    }
  } else recall.speaker = view.personOf(e.id) ?? recall.speaker;
}

/** Whether `text` joins `a` to one of `topic` with "and" or "or" ("Facebook and Twitter"). */
function coordinated(text: string, a: string, topic: readonly string[]): boolean {
  return topic.some((b) => {
    if (b === a) return false;
    const join = (x: string, y: string) => new RegExp(`\\b${x}s? (?:and|or) (?:[a-z]+ ){0,2}${y}s?\\b`).test(text);
    return join(a, b) || join(b, a);
  });
}

/** A time the question is asked from ("after the protests", "since the ban"): its words name no topic. */
const ANCHOR =
  /\b(?:after|before|since|following|in the wake of) (?:the |a |an |this |that |those |these )?((?:[a-z0-9]+)(?: [a-z0-9]+){0,3})$/;

/** Keeps the question's words that are question words or the knowledge's own as the frame (and its topic). */
export function setFrame(recall: Recall, view: KnowledgeView, question: string): void {
  const frame = knowledgeWords(view, question);
  if (frame.length === 0) return;
  recall.frame = frame;
  const tags = frame.filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
  if (tags.length) recall.topic = tags.slice(0, 4);
  else if (recall.topic.length === 0) {
    recall.topic = frame
      .filter((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w) && !VERBS.has(w) && !view.speakerWords.has(w))
      .slice(0, 4);
  }
}

/** The question's words that are question words or the knowledge's own (its string instances), in order. */
export function knowledgeWords(view: KnowledgeView, question: string): string[] {
  const frame: string[] = [];
  for (const w of plainWords(question).split(" ")) {
    const own = view.vocabulary.get(w);
    if (own !== undefined) frame.push(own);
    else if (QUESTION_WORDS.has(w)) frame.push(w);
    if (frame.length >= FRAME_MAX) break;
  }
  return frame.length ? frame : NO_OPTIONS;
}

/**
 * A declined question's words stay for a swap next ("is YouTube banned?" → "what about Twitter?"). When the knowledge
 * knows every word of it ("are VPNs legal in Iran?"), its topic words are also what "them" means next ("do people
 * use them?"); a word it does not know ("WhatsApp") leaves the topic as it was.
 */
export function rememberDeclined(recall: Recall, view: KnowledgeView, question: string): void {
  recall.declined = knowledgeWords(view, question);
  const content = plainWords(question)
    .split(" ")
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w));
  const tags = recall.declined.filter(
    (w) => !STOP_WORDS.has(w) && !view.speakerWords.has(w) && (view.tagWords.has(w) || view.tagStems.has(stem(w))),
  );
  if (tags.length && content.every((w) => view.knows(w))) recall.topic = tags.slice(0, 4);
  // "who is the CEO of Snappfood?": a word the knowledge lacks ("CEO") beside a name it has is asked of that name,
  // and "it" next is Snappfood. An unknown name ("is WhatsApp banned?") leaves the topic as it was.
  else {
    const names = tags.filter((w) => view.isName(w));
    const unknown = content.filter((w) => !view.knows(w));
    if (names.length && unknown.length <= 2 && !unknown.some((w) => view.mayBeName(w)))
      recall.topic = names.slice(0, 4);
  }
}

/** The answer's first topic tag becomes the topic when the question named none and the topic is not that tag's. */
export function topicFromAnswer(recall: Recall, view: KnowledgeView, id: string, question: string): void {
  const words = plainWords(question).split(" ");
  if (words.some((w) => view.tagWords.has(w) && !STOP_WORDS.has(w))) return;
  const first = view.entries.get(id)?.tags.find((t) => !view.speakers.has(t));
  if (!first) return;
  const own = first
    .split("-")
    .map((w) => view.vocabulary.get(w))
    .filter((w): w is string => w !== undefined);
  if (own.length && !own.every((w) => recall.topic.includes(w))) recall.topic = own.slice(0, 4);
}
