import { CONFIDENCE_THRESHOLD, STOP_WORDS, type AskResult, type Core } from "../core/index.js";
import { ask as askCommand } from "../commands/ask.js";
import type { CommandDef, Reply } from "../commands/types.js";
import type { ButtonAction } from "./actions.js";
import { answerFollowUp } from "./answer-followup.js";
import { carryThese, carryTopic, saidOnTopic } from "./carry.js";
import { clarifyOptions } from "./clarify.js";
import { defines } from "./defines.js";
import { cameAfter, fitting, unnegated } from "./fitting.js";
import { toldAlready } from "./told.js";
import {
  keepNot,
  plainIdiom,
  plainWords,
  readFollowUp,
  withinTurn,
  withoutTrailer,
  type FollowUp,
} from "./followup.js";
import { ConversationMemory, NO_OPTIONS, SHOWN_MAX, emptyRecall, type MemoryOptions, type Recall } from "./memory.js";
import { namesSomeone, surnameIn, titledName } from "./names.js";
import { relatedMatching, someoneElse } from "./neighbours.js";
import { stripOpener } from "./opener.js";
import { dislocated, nameAsked, whichOf } from "./reference.js";
import {
  actions,
  clarify,
  confidence,
  declined,
  declinedResult,
  plainReply,
  speakerOf,
  textReply,
  withAnswer,
} from "./replies.js";
import { loadSmallTalk, type SmallTalk, type SmallTalkMatch } from "./smalltalk.js";
import { fillTemplate } from "./template.js";
import { anchor, pushShown, remember, rememberDeclined, setFrame, topicFromAnswer } from "./topic.js";
import type { ConversationReply, Mode, TurnTools } from "./turn-types.js";
import { viewOf, type KnowledgeView } from "./view.js";
import {
  ABOUT_THE_BOT,
  ABOUT_TOPIC,
  AIM,
  ANSWER_KIND,
  ELSE,
  LAUGH_LEAD,
  NEGATION,
  PEOPLE,
  PURPOSE,
  QUESTION_WORDS,
  REFERS_BACK,
  SAID_BY,
  SAID_BY_TITLE,
  TIE,
  WHO_ELSE_ASKED,
  askKind,
} from "./wording.js";

export type { ButtonAction } from "./actions.js";
export type { ConversationReply, Mode } from "./turn-types.js";
export { decodeAction, encodeAction } from "./actions.js";
export { dislocated, nameAsked } from "./reference.js";
export { titledName } from "./names.js";
export { fillTemplate } from "./template.js";

/** Settings of a {@link Conversation}. */
export interface ConversationOptions {
  /** The knowledge served now; read on every turn, so a hot reload is picked up at once. */
  core: () => Core;
  /** The small-talk set (default: the SMALLTALK_FILE setting, else the shipped file). */
  smallTalk?: SmallTalk;
  /** The memory, or options for a new one (TTL, cap, clock). */
  memory?: ConversationMemory | MemoryOptions;
  /**
   * Runs a command for the conversation; adapters pass `(def, arg) => dispatch(runtime, platform, def, arg)` so every
   * question is logged and counted like any other. Default: the command run directly on the core.
   */
  run?: (def: CommandDef, arg: string) => Reply;
}

/** Options of one turn. */
export interface TurnOptions {
  /**
   * The entry id of the bot's answer this message replies to, where the platform tells (a Telegram reply to a
   * message whose buttons carry the id, a Discord reply). The turn then continues from that answer, whatever the
   * memory holds (also after a restart or on another replica, where the memory is empty).
   */
  replyTo?: string | null;
}

/**
 * The conversation layer: between an adapter and the commands (adapter → conversation → command → core → render).
 * It answers small talk before any knowledge search, reads follow-ups ("who said that?", "and Pinterest?", "tell me
 * more") against a short memory per conversation, asks "Did you mean …?" when two different answers tie, and
 * otherwise runs the question as the `ask` command. Platform-free and synchronous.
 *
 * For adapters (Telegram, Discord, console):
 * - `key` is opaque: build it from the person AND the chat (`tg:<chatId>:<userId>`, `dc:<channelId>:<userId>`), so in
 *   a group each person has their own memory. It is only a Map key: never logged.
 * - Pass `replyTo` (an entry id) when the message replies to one of the bot's answers.
 * - Render `reply` with the platform renderer; offer `actions` as buttons, encoded with {@link encodeAction}
 *   (≤ 64 bytes: fits Telegram callback_data and Discord custom_id); on a press, `decodeAction(data)` and call
 *   {@link Conversation.press} — it answers forged or stale data politely, never with a random entry.
 * - Run slash commands and /commands through {@link Conversation.command}, so `/forget` clears the memory and
 *   `/quote` answers are remembered for "what else did he say?".
 * The memory holds entry ids, speaker ids and words of the knowledge itself, never message text, in process memory
 * only, for 15 minutes idle (see memory.ts).
 */
export class Conversation {
  readonly memory: ConversationMemory;
  private readonly smallTalk: SmallTalk;
  private readonly coreNow: () => Core;
  private readonly run: (def: CommandDef, arg: string) => Reply;
  /** What the parts of a turn (follow-ups, carried topics) use of this pipeline. */
  private readonly tools: TurnTools;

  constructor(options: ConversationOptions) {
    this.coreNow = options.core;
    const settings = conversationSettings();
    this.smallTalk = options.smallTalk ?? loadSmallTalk(settings.smallTalkFile);
    this.memory =
      options.memory instanceof ConversationMemory
        ? options.memory
        : new ConversationMemory({ max: settings.max, ...options.memory });
    this.run = options.run ?? ((def, arg) => def.run(this.coreNow(), arg));
    this.tools = {
      run: (def, arg) => this.run(def, arg),
      fromReply: (reply, recall, view, question, kind) => this.fromReply(reply, recall, view, question, kind),
      showEntry: (recall, view, id, question, kind) => this.showEntry(recall, view, id, question, kind),
    };
  }

  /** Answers one message of the conversation under `key`. Never throws on any text. */
  handle(key: string, text: string, options: TurnOptions = {}): ConversationReply {
    return withinTurn(() => this.turn(key, text, options));
  }

  private turn(key: string, text: string, options: TurnOptions): ConversationReply {
    const core = this.coreNow();
    const view = viewOf(core);
    const { recall, stale } = this.recall(key, view);
    if (options.replyTo) anchor(recall, view, options.replyTo);
    const message = String(text ?? "");

    const known = (w: string) => w.length > 2 && !STOP_WORDS.has(w) && view.vocabulary.has(w);
    const small = this.smallTalk.match(message, known);
    // After an answer, "what is it for?" or "who made it?" asks about the answer, not about the bot; "say that
    // again" is the answer again, not confusion; "give me an example" is about the answer, not the guide.
    const id = small?.intent.id ?? "";
    const aboutAnswer =
      recall.entry !== null &&
      !(ABOUT_THE_BOT.has(id) && /\b(?:bot|briefbot|chatbot)\b/i.test(message)) &&
      ((ABOUT_THE_BOT.has(id) && REFERS_BACK.test(message)) ||
        ((id === "confusion" || ABOUT_THE_BOT.has(id)) && (readFollowUp(message)?.kind ?? "pronoun") !== "pronoun") ||
        (small !== null && (this.asksBack(message) || whichOf(message, recall, view) !== null)) ||
        // "is it working?" after an answer: "it" is what was answered (a line about the bot says "you" or "bot").
        (small !== null &&
          small.intent.id !== "distress" &&
          small.intent.id !== "how-are-you" &&
          // Chat often drops the "?": a line opening as a yes/no question asks too.
          (/\?\s*$/.test(message) ||
            /^(?:is|are|was|were|does|did|do|has|have|can|will)\b/.test(plainWords(message))) &&
          /\b(?:it|that|they|them)\b/.test(plainWords(message)) &&
          !/\b(?:you|u|ya|bot|briefbot|yourself)\b/.test(plainWords(message)) &&
          readFollowUp(message) !== null));
    if (small && !aboutAnswer) {
      this.keep(key, recall);
      return this.chitchat(small, core, message);
    }
    // "lol figures", "haha true": laughter and a word or two that ask nothing (no question word, no topic) react.
    const laugh = /^\W*(?:lo|lm|ro|ha|he|xd|ke)/i.test(message) ? LAUGH_LEAD.exec(plainWords(message)) : null;
    if (!small && laugh && !/\?/.test(message)) {
      const rest = laugh[1]!.split(" ");
      const asks = rest.some(
        (w) => QUESTION_WORDS.has(w) || view.personWords.has(w) || (view.tagWords.has(w) && !STOP_WORDS.has(w)),
      );
      const reaction = asks ? null : this.smallTalk.match(laugh[0].slice(0, laugh[0].length - laugh[1]!.length).trim());
      if (reaction) {
        this.keep(key, recall);
        return this.chitchat(reaction, core, message);
      }
    }

    // A greeting, thanks or "ok so" in front of a question is not part of it: "hiii, who said that?", "good bot. now…".
    const question = plainIdiom(dislocated(this.stripOpener(message), view));
    // "which apps are they talking about?" is the echo, not a question about "they".
    const read = readFollowUp(question, recall.options.length > 0);
    const follow = read === null || read.kind === "pronoun" ? (whichOf(question, recall, view) ?? read) : read;
    if (follow) {
      const speakerBefore = recall.speaker;
      const entryBefore = recall.entry;
      const out = answerFollowUp(this.tools, follow, recall, view, question, stale);
      // "when was it published?" declined as filled in, after "A survey published in January …": that answer says.
      const told =
        out?.mode === "declined" && follow.kind === "pronoun" && recall.entry === entryBefore
          ? toldAlready(view, recall, question, false)
          : null;
      if (told !== null) return this.showTold(key, recall, view, told);
      if (out) {
        this.keep(key, recall);
        return out;
      }
      // A follow-up that found nothing to say leaves the remembered person as it was.
      recall.speaker = speakerBefore;
    }
    // "and what does Jahromi say?" after an answer on sanctions: his words on them.
    const said = saidOnTopic(this.tools, question, recall, view);
    if (said) {
      this.keep(key, recall);
      return said;
    }
    let reply = this.run(askCommand, question);
    let asked = question;
    // "what's the deal with Telegram?": when declined as asked, the topic alone.
    const idiom = confidence(reply) === 0 ? ABOUT_TOPIC.exec(plainWords(question)) : null;
    if (idiom) {
      const plain = this.run(askCommand, idiom[1]!);
      if (confidence(plain) > 0) [reply, asked] = [plain, idiom[1]!];
    }
    // "who is the president anyway?", "when was that ban lol": declined with chat filler at the end, without it.
    const bare = confidence(reply) === 0 ? withoutTrailer(question) : question;
    if (bare !== question) {
      const plain = this.run(askCommand, bare);
      if (confidence(plain) > 0) [reply, asked] = [plain, bare];
    }
    // "what's the president's name?" when declined as asked: who the president is.
    const byName = confidence(reply) === 0 && /\bname/i.test(question) ? nameAsked(question, view) : question;
    if (byName !== question) {
      const plain = this.run(askCommand, byName);
      if (confidence(plain) > 0) [reply, asked] = [plain, byName];
    }
    // "who's behind the ban?" after Telegram: the last topic carried into a question that does not name its own.
    const carried =
      carryThese(this.tools, reply, question, recall, view) ?? carryTopic(this.tools, reply, question, recall, view);
    if (carried) [reply, asked] = carried;
    // "how long do decisions take?" after "decisions promised within 30 working days": the last answer says.
    const answeredId = reply.type === "answer" && confidence(reply) > 0 ? reply.result.answer?.id : undefined;
    const told = answeredId === recall.entry ? null : toldAlready(view, recall, question, answeredId !== undefined);
    if (told !== null) return this.showTold(key, recall, view, told);
    const out = this.fromReply(reply, recall, view, asked, null);
    // "how long did it take?" declined as asked: the last answer, or an entry next to it on its topic, that tells a
    // duration ("four days on average").
    if (out.mode === "declined" && askKind(question) === "how long" && REFERS_BACK.test(question)) {
      const fit = fitting(this.tools, out, recall, view, "how long", "bare", null, question);
      if (fit.mode === "answer") {
        this.keep(key, recall);
        return fit;
      }
    }
    // "is YouTube banned in Iran?" declined: its words stay for a swap next ("what about Twitter?"), nothing else.
    if (out.mode === "declined") rememberDeclined(recall, view, question);
    this.keep(key, recall);
    if (out.mode === "declined") {
      // "bruh", "ayo": a short line the knowledge does not know at all is chatter, not a question to decline.
      const chatter = this.smallTalk.chatter(message, (w) => view.vocabulary.has(w));
      if (chatter) return this.chitchat(chatter, core, message);
    }
    return out;
  }

  /** The last answer again, as what a question asked of it; the words asked of it are what "them" means next. */
  private showTold(key: string, recall: Recall, view: KnowledgeView, told: { id: string; words: string[] }) {
    const out = this.showEntry(recall, view, told.id, null, "detail");
    const topic = told.words.filter((w) => view.vocabulary.has(w));
    if (topic.length) recall.topic = topic.slice(0, 4);
    this.keep(key, recall);
    return out;
  }

  /**
   * Answers a button press (see {@link ButtonAction}) like the matching follow-up, from the entry the button carries.
   * An entry a reload removed is answered with "that button is out of date", never with another entry.
   */
  press(key: string, action: ButtonAction): ConversationReply {
    const view = viewOf(this.coreNow());
    const { recall } = this.recall(key, view);
    const id = typeof action?.entryId === "string" ? action.entryId : "";
    if (!view.entries.has(id)) {
      this.keep(key, recall);
      return textReply(
        "declined",
        "That button belongs to an answer I no longer have (the knowledge was updated). Please ask again.",
        null,
      );
    }
    anchor(recall, view, id);
    const kind =
      action.action === "more"
        ? "more-from-speaker"
        : action.action === "related"
          ? "related"
          : action.action === "source"
            ? "source"
            : "pick";
    const out =
      kind === "pick"
        ? this.showEntry(recall, view, id, null, "pick")
        : answerFollowUp(this.tools, { kind }, recall, view, "", false)!;
    this.keep(key, recall);
    return out;
  }

  /**
   * Runs a command (a /command or a Discord slash command) in the conversation: `ask` is a turn like {@link handle};
   * `forget` clears this conversation's memory; any other command runs as usual and its answers are remembered.
   */
  command(key: string, def: CommandDef, arg: string, options: TurnOptions = {}): ConversationReply {
    if (def.name === "ask") return this.handle(key, arg, options);
    if (def.name === "forget") this.forget(key);
    const reply = this.run(def, arg);
    if (def.name === "forget" || def.name === "help" || def.name === "sources") {
      return plainReply(def.name === "help" ? "help" : "chitchat", reply, null, 1);
    }
    const view = viewOf(this.coreNow());
    const { recall } = this.recall(key, view);
    const out = this.fromReply(reply, recall, view, null, null);
    this.keep(key, recall);
    return out;
  }

  /**
   * The message without small talk in front of its question: "hi, …", "hiii does…", "good bot. now who…", "thanks!
   * and…", "ok so…". A phrasing of an opening intent (greeting, thanks, praise…) is cut when a punctuation mark or a
   * question word follows it; the message itself when nothing would remain.
   */
  stripOpener(message: string): string {
    return stripOpener(message, this.smallTalk);
  }

  /** Saves a conversation that has something to refer back to; one that has nothing is not kept at all. */
  private keep(key: string, recall: Recall): void {
    if (
      recall.entry !== null ||
      recall.speaker !== null ||
      recall.name !== null ||
      recall.frame.length ||
      recall.declined.length ||
      recall.options.length
    )
      this.memory.save(key, recall);
    else this.memory.forget(key);
  }

  /** Forgets what the conversation under `key` remembers (/forget). True when there was something. */
  forget(key: string): boolean {
    return this.memory.forget(key);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private recall(key: string, view: KnowledgeView): { recall: Recall; stale: boolean } {
    const r = this.memory.peek(key);
    if (!r) return { recall: emptyRecall(this.memory.now()), stale: false };
    // Ids a hot reload removed are dropped here: the conversation never shows an entry that is gone.
    let stale = false;
    if (r.entry !== null && !view.entries.has(r.entry)) {
      r.entry = null;
      stale = true;
    }
    if (r.speaker !== null && !view.speakers.has(r.speaker)) r.speaker = null;
    if (r.shown.some((id) => !view.entries.has(id))) r.shown = r.shown.filter((id) => view.entries.has(id));
    if (r.options.some((id) => !view.entries.has(id))) r.options = NO_OPTIONS;
    return { recall: r, stale };
  }

  /** Turns a command's reply into a turn, remembering what was shown. `question` (when asked) becomes the frame. */
  private fromReply(
    reply: Reply,
    recall: Recall,
    view: KnowledgeView,
    question: string | null,
    kind: FollowUp["kind"] | null,
  ): ConversationReply {
    if (reply.type === "quotes" || reply.type === "facts") {
      for (const a of reply.answers.slice(0, SHOWN_MAX)) pushShown(recall, a.id);
      const first = reply.answers[0];
      if (first) {
        recall.entry = first.id;
        recall.speaker = view.personOf(first.id) ?? recall.speaker;
      }
      const mode: Mode = reply.answers.length ? "answer" : "declined";
      return {
        mode,
        reply,
        answer: first ?? null,
        speaker: speakerOf(view, first?.id),
        alternatives: reply.answers.slice(1),
        actions: first ? actions(view, recall, first.id) : [],
        smalltalk: null,
        followUp: kind,
        score: first ? 1 : 0,
      };
    }
    if (reply.type !== "answer") {
      return plainReply(reply.type === "help" ? "help" : "chitchat", reply, kind, 1);
    }
    let result = reply.result;
    // "who's the minister?" while talking about one article: of answers the core ties, the one from the article of
    // the last answer (the knowledge may hold many articles, each with its own minister).
    const lastSource = recall.entry !== null ? view.entries.get(recall.entry)?.sourceId : undefined;
    if (lastSource !== undefined && result.answered && result.answer) {
      const top = result.answer;
      if (view.entries.get(top.id)?.sourceId !== lastSource) {
        const same = result.alternatives.find(
          (a) => a.confidence >= top.confidence - TIE && view.entries.get(a.id)?.sourceId === lastSource,
        );
        if (same) result = withAnswer(result, same);
      }
    }
    // "who else uses Instagram?": someone other than the last person, on the question's topic, not shown yet.
    if (question !== null && recall.entry !== null && WHO_ELSE_ASKED.test(plainWords(question))) {
      const other = someoneElse(view, recall, question, result);
      if (other) return this.showEntry(recall, view, other, question, kind ?? "related");
    }
    // "what else have Iranian entrepreneurs built?": "else" means next to what was just shown. When the core has
    // nothing new, an entry related to the last answer that holds the question's own words answers it.
    if (
      question !== null &&
      ELSE.test(plainWords(question)) &&
      recall.entry !== null &&
      (!result.answer || recall.shown.includes(result.answer.id))
    ) {
      const next = relatedMatching(view, recall, question);
      if (next) return this.showEntry(recall, view, next, question, kind ?? "related");
    }
    // "who made them?" after homegrown apps: a question leaning on "it"/"them" is about what the last answer is about,
    // so where the core ties an answer sharing no tag with it with one that does (or the last answer itself), that one.
    if (kind === "pronoun" && result.answered && result.answer && recall.entry !== null) {
      const lastTags = view.entries.get(recall.entry)?.tags ?? [];
      const near = (id: string) => id === recall.entry || view.entries.get(id)!.tags.some((t) => lastTags.includes(t));
      const top = result.answer;
      if (view.entries.has(top.id) && !near(top.id)) {
        const on = result.alternatives.find(
          (a) => a.confidence >= top.confidence - TIE && view.entries.has(a.id) && near(a.id),
        );
        if (on) result = withAnswer(result, on);
      }
    }
    // "is it done yet?" after the network's definition: a follow-up asks for something new, so where the core ties
    // the last answer with one not shown yet, the new one answers.
    if (
      (kind === "pronoun" || kind === "bare") &&
      result.answered &&
      result.answer &&
      recall.shown.includes(result.answer.id)
    ) {
      const top = result.answer.confidence;
      const ties = result.alternatives.filter((a) => a.confidence >= top - TIE && !recall.shown.includes(a.id));
      // Of the new ones, one that gives what the question word asks for ("what is it for?" → an aim) comes first.
      // A shown answer that gives what was asked ("why?" → "on national security grounds") stays.
      const wants = question !== null ? ANSWER_KIND[askKind(question) ?? ""] : undefined;
      const next = wants && !wants.test(result.answer.text) ? ties.find((a) => wants.test(a.text)) : undefined;
      if (next) result = withAnswer(result, next);
      // "who founded it?" after Snappfood: the shown answer again, the core unsure of it, and no one named in it.
      else if (question !== null && /^who\b/.test(plainWords(question)) && !namesSomeone(view, result.answer.id))
        result = declinedResult(result);
    }
    // "what is the national information network for?": where the core ties its answer with one that gives what the
    // question word asks for (an aim, a time, a reason, a figure, a status) and its own does not, that one answers.
    if ((kind === null || kind === "pronoun") && result.answered && result.answer && question !== null) {
      const wants = ANSWER_KIND[askKind(question) ?? ""];
      const top = result.answer.confidence;
      if (wants && !wants.test(result.answer.text)) {
        // A purpose asked ("what is it meant to do?") is not what a definition says: a confident aim comes first.
        const purpose = PURPOSE.test(plainWords(question));
        const fit =
          result.alternatives.find((a) => a.confidence >= top - TIE && wants.test(a.text)) ??
          (purpose
            ? result.alternatives.find(
                (a) => a.confidence >= CONFIDENCE_THRESHOLD && a.confidence >= top - 0.25 && AIM.test(a.text),
              )
            : undefined);
        if (fit) result = withAnswer(result, fit);
      }
    }
    // "what happened after the 2009 protests?": an answer telling what came after them, where the core's does not.
    if ((kind === null || kind === "pronoun") && result.answered && result.answer && question !== null) {
      const fit = cameAfter(result, question, kind === "pronoun");
      if (fit && fit.id !== result.answer.id) result = withAnswer(result, fit);
      // "what is she afraid of?": of tied answers, not the one saying she is not.
      const plain = unnegated(result, question, TIE);
      if (plain) result = withAnswer(result, plain);
    }
    if (result.answered && result.answer && question !== null) {
      // "what else…", "another…": an answer already shown gives way to the next one not shown yet.
      if (recall.shown.includes(result.answer.id) && ELSE.test(plainWords(question))) {
        const next = result.alternatives.find(
          (a) => a.confidence >= CONFIDENCE_THRESHOLD && !recall.shown.includes(a.id),
        );
        if (next) result = withAnswer(result, next);
      }
      // "what else did those sanctions do?" after an answer wants the next one, not a choice.
      if (kind === null && !(recall.entry !== null && ELSE.test(plainWords(question)))) {
        const options = clarifyOptions(result);
        if (options) {
          recall.options = options.map((a) => view.entries.get(a.id)!.id);
          // Who and what was asked about still count for the next message ("what's her name?").
          setFrame(recall, view, question);
          const people = options.map((a) => view.personOf(a.id));
          if (people[0] && people[0] === people[1]) recall.speaker = people[0];
          else recall.speaker = view.speakersNamed(plainWords(question).split(" "))[0] ?? recall.speaker;
          return clarify(options, view, result.answer!.confidence);
        }
      }
    }
    const a = result.answer;
    if (!result.answered || !a) {
      const near = result.alternatives[0]?.confidence ?? 0;
      return plainReply("declined", { type: "answer", result }, kind, near);
    }
    // "what did Zarif say?": someone the knowledge only names said nothing it holds; the entry naming them is no answer.
    const saidBy = kind === null && question !== null ? SAID_BY.exec(plainWords(question)) : null;
    if (saidBy && !view.speakerWords.has(saidBy[1]!) && view.speakerOf(a.id) === null) {
      const named = surnameIn(a.text, [saidBy[1]!], view);
      if (named !== null)
        return textReply(
          "declined",
          `I have nothing ${named[0]!.toUpperCase()}${named.slice(1)} said, only what the knowledge says about them.`,
          kind,
        );
    }
    // "who doesn't use it?": an answer that says nobody does not (no negation in it) tells the opposite.
    const negated = question !== null && /n['’]?t\b|\bnot\b/i.test(question);
    if (negated && /^who (?:does|did|do|is|was|are|were) not\b/.test(plainWords(keepNot(question!)))) {
      if (!NEGATION.test(`${a.text} ${a.context ?? ""}`))
        return this.fromReply(declined(reply), recall, view, question, kind);
    }
    // "what did the foreign minister say?" answered by a fact that only names "Foreign Minister Mohammad Javad
    // Zarif": nothing of his; "his name?" next is that person.
    const byTitle =
      kind === null && question !== null && /\b(?:say|said|tell|told)\b/i.test(question)
        ? SAID_BY_TITLE.exec(plainWords(question))
        : null;
    if (byTitle && view.speakerOf(a.id) === null) {
      const titled = titledName(a.text, byTitle[1]!.split(" "));
      const surname = titled?.split(" ").pop()?.toLowerCase();
      if (titled && surname && view.speakersNamed([surname]).length === 0) {
        recall.entry = a.id;
        recall.speaker = null;
        recall.name = view.ownName(titled);
        return textReply("declined", `I have nothing ${titled} said, only what the knowledge says about them.`, kind);
      }
    }
    // "what is AP?", "whats e-payment": an answer that only mentions it ("Vahid Salemi / AP") does not say what it is.
    if (kind === null && question !== null && !defines(view, a.id, question))
      return this.fromReply(declined(reply), recall, view, question, kind);
    // "who owns Snappfood?" answered with what Snappfood is: an answer to a "who" question names someone.
    if (kind === null && question !== null && /^who\b/.test(plainWords(question)) && !namesSomeone(view, a.id)) {
      if (!PEOPLE.test(a.text)) return this.fromReply(declined(reply), recall, view, question, kind);
    }
    recall.options = NO_OPTIONS;
    remember(recall, view, a.id, question);
    // A question of its own naming no topic ("what are they building?") moves the topic to what its answer is about.
    if (kind === null && question !== null) topicFromAnswer(recall, view, a.id, question);
    const final: Reply = result === reply.result ? reply : { type: "answer", result };
    return {
      mode: "answer",
      reply: final,
      answer: a,
      speaker: speakerOf(view, a.id),
      alternatives: result.alternatives,
      actions: actions(view, recall, a.id),
      smalltalk: null,
      followUp: kind,
      score: a.confidence,
    };
  }

  /**
   * Whether a line small talk also matches asks about the last answer: "for real?", "cool. and WhatsApp?", "hmm,
   * since when?". A question mark is needed for "really"/"sure"/"true" (said alone they acknowledge), and for the
   * others a follow-up reading of what is left after an opener.
   */
  private asksBack(message: string): boolean {
    const f = readFollowUp(this.stripOpener(message));
    if (f === null || f.kind === "pronoun" || f.kind === "surprise" || f.kind === "pick") return false;
    if (f.kind === "swap" && /^(?:you|u|ya|yourself|urself)$/.test(f.topic)) return false;
    if (f.kind === "confirm" || f.kind === "related") return /\?\s*$/.test(message);
    return true;
  }

  private showEntry(
    recall: Recall,
    view: KnowledgeView,
    id: string,
    question: string | null,
    kind: FollowUp["kind"],
  ): ConversationReply {
    const a = view.core.answerById(id);
    if (!a)
      return textReply("declined", "I no longer have that answer (the knowledge was updated). Please ask again.", kind);
    const result: AskResult = {
      question: question ?? "",
      answered: true,
      answer: a,
      alternatives: [],
      suggestions: [],
      notes: [],
    };
    remember(recall, view, a.id, question);
    return {
      mode: "answer",
      reply: { type: "answer", result },
      answer: a,
      speaker: speakerOf(view, a.id),
      alternatives: [],
      actions: actions(view, recall, a.id),
      smalltalk: null,
      followUp: kind,
      score: a.confidence,
    };
  }

  private chitchat(m: SmallTalkMatch, core: Core, message: string): ConversationReply {
    const text = fillTemplate(m.reply, core, message);
    const reply = textReply(m.intent.mode === "help" ? "help" : "chitchat", text, null);
    reply.smalltalk = { intent: m.intent.id, confidence: m.confidence };
    reply.score = m.confidence;
    return reply;
  }
}

/**
 * The conversation settings from the environment: SMALLTALK_FILE (a small-talk file replacing the shipped one) and
 * CONVERSATION_MAX (most conversations remembered, default 100,000). Throws naming the variable when one is invalid.
 */
export function conversationSettings(env: NodeJS.ProcessEnv = process.env): {
  smallTalkFile: string | undefined;
  max: number | undefined;
} {
  const file = env.SMALLTALK_FILE?.trim() || undefined;
  const rawMax = env.CONVERSATION_MAX?.trim() || undefined;
  const max = rawMax === undefined ? undefined : Number(rawMax);
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10_000_000))
    throw new Error("CONVERSATION_MAX: must be a whole number from 1 to 10,000,000");
  return { smallTalkFile: file, max };
}

/** A conversation layer over a core source (see {@link Conversation}). */
export function createConversation(options: ConversationOptions): Conversation {
  return new Conversation(options);
}
