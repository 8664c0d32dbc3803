import { CONFIDENCE_THRESHOLD, STOP_WORDS, stem } from "../core/index.js";
import type { Core, Answer, AskResult, Entry } from "../core/index.js";
import { ask as askCommand } from "../commands/ask.js";
import { fact as factCommand } from "../commands/fact.js";
import type { CommandDef, Reply } from "../commands/types.js";
import { encodeAction, type ButtonAction } from "./actions.js";
import { clarifyOptions, sameThing } from "./clarify.js";
import {
  fillPronouns,
  keepNot,
  plainIdiom,
  plainWords,
  readFollowUp,
  withoutTrailer,
  type FollowUp,
} from "./followup.js";
import {
  ConversationMemory,
  FRAME_MAX,
  NO_OPTIONS,
  SHOWN_MAX,
  emptyRecall,
  type MemoryOptions,
  type Recall,
} from "./memory.js";
import { loadSmallTalk, type SmallTalk, type SmallTalkMatch } from "./smalltalk.js";
import { viewOf, type KnowledgeView } from "./view.js";

export type { ButtonAction } from "./actions.js";
export { decodeAction, encodeAction } from "./actions.js";

/** How a turn was answered: from the knowledge, as small talk, by asking back, by declining, or with the guide. */
export type Mode = "answer" | "chitchat" | "clarify" | "declined" | "help";

/** One turn's reply, as data. Adapters render `reply` (every renderer already knows it) and offer `actions` as buttons. */
export interface ConversationReply {
  mode: Mode;
  /** What to show: an answer (or decline) from the core, the help, or a short text (small talk, "Did you mean …?"). */
  reply: Reply;
  /** The entry answered (mode "answer"), else null. */
  answer: Answer | null;
  /** Who said the answer (a quote's speaker, the speaker whose words a fact reports), or the one person a fact is about; else null. */
  speaker: { id: string; name: string; role: string | null } | null;
  /** The core's next-best answers (answers), or the two options (clarify). */
  alternatives: Answer[];
  /** Buttons to offer under the reply: "more" (from the speaker), "related", "source", or "pick" (clarify options). */
  actions: ButtonAction[];
  /** The small-talk intent, when mode is chitchat or help from small talk. */
  smalltalk: { intent: string; confidence: number } | null;
  /** The follow-up this turn was read as ("who-said", "swap", …), or null for a question of its own. */
  followUp: FollowUp["kind"] | null;
  /** Confidence: the answer's, the small talk's, or the best near miss's when declined. */
  score: number;
}

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

const QUESTION_WORDS = new Set(
  "what when where who whom whose why how which is are was were do does did can could will would should has have had say said says think thought tell told many much opinion view views stance position".split(
    " ",
  ),
);
const VERBS = new Set("say said says think thought tell told use used using get got make made do does did".split(" "));
const ELSE = /\b(?:else|other|another|more)\b/;
/** What an entry's text must hold to answer a bare "why?", "when?" or "how many?". */
const ANSWER_KIND: Partial<Record<string, RegExp>> = {
  "how many": /\d|\b(?:million|billion|thousand|hundred|half|percent|dozen)\b/i,
  when: /\b(?:1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|last year|years? ago|this week|this year|last month|recent years|recently|months? ago|weeks? ago|decades? ago)\b/i,
  why: /\b(?:because|due to|grounds|fearing|wary of|in order to|with the aim|aims?|as a result|so that|as (?:he|she|they) (?:received|had|got|faced|was|were))\b/i,
  where: /\b(?:in|from|at) (?:the )?(?:capital |city of )?[A-Z][a-z]+/,
  status: /\b(?:still|so far|under development|under way|underway|completed|finished|ongoing|not yet|remains?)\b/i,
  "how long":
    /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|many) (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\bsince (?:1[89]\d\d|20\d\d)\b|\bfor (?:an? )?(?:hour|day|week|month|year|decade)s?\b/i,
};
/** What an entry's text holds to tell what something is for. */
const AIM = /\b(?:aims?|aimed|with the aim|in order to|so that|designed to|meant to|intended to|purpose)\b/i;
/** Words asking what something is for. */
const PURPOSE = /\b(?:meant to|supposed to|designed to|intended to|purpose|aim|goal|point of)\b|\bfor$/;
/** A person's reason told as what they criticized someone for ("criticized the judiciary for banning…"). */
const REASON_OF_PERSON = /\b(?:criticized|criticised|blamed|praised|thanked|attacked) [\w ]{0,40}? for [a-z]+ing\b/i;
/** What an entry's text holds to answer "how?" / "how do people do it?": a means. */
const MEANS = /\b(?:by (?:using|[a-z]+ing)|using|through|via|with the help of)\b/i;
/** What an entry's text holds when it tells what followed something: "after…", "prompted", "undercut", "so far". */
const RESULT =
  /\b(?:as a result|in the wake of|led to|leading to|prompted|pushed|undercut|undercutting|slashed|spooked|so far|backfired|made the|resulted)\b/i;
/** What an entry's text holds when it tells what caused something: "sanctions … prompted firms to …". */
const CAUSE = /\b(?:prompted|led to|caused|forced|drove|spooked|triggered|sparked)\b/i;
/** Small-talk intents about the bot itself, which a line pointing back at an answer ("what is it for?") is not about. */
const ABOUT_THE_BOT = new Set(["capabilities", "what-are-you", "who-made-you"]);
/** Laughter opening a short line: "lol figures", "haha true", "lmao ok" (the rest, at most two words, in group 1). */
const LAUGH_LEAD = /^(?:lol|lmao|lmfao|rofl|haha+|hahaha+|hehe+|ha ha|xd|kek)\s+([a-z]+(?: [a-z]+)?)$/;
/** "who wrote this?", "who reported it": about the article itself, when nothing was answered before. */
const ABOUT_ARTICLE =
  /^who (reported|wrote|published|authored|filed) (?:this|it|that)(?: (?:story|article|piece|report))?$/;
/** "what's the deal with X?", "what's up with X", "tell me about X": a question about X alone. */
const ABOUT_TOPIC =
  /^(?:what is (?:the deal|the story|the situation|up|going on|happening|new) (?:with|w)|whats (?:the deal|the story|up|going on|happening) (?:with|w)|what do you know about|what can you tell me about|tell me (?:something |anything )?about|anything (?:on|about)|info (?:on|about)|any news (?:on|about)|what about|how about) (.+)$/;
const REFERS_BACK = /\b(?:it|its|that|this|he|she|him|her|they|them)\b/i;
/** What a question's words ask for: a time, a reason or purpose, a figure; else null. */
function askKind(question: string): "when" | "why" | "how many" | "how long" | "status" | null {
  const q = plainWords(question);
  // "when is it gonna be done?" asks how far along it is.
  if (/\b(?:done|finished|complete|completed|ready|built)$/.test(q)) return "status";
  if (/^(?:when|what year|since when)\b/.test(q)) return "when";
  if (/^why\b|^what\b.* for$|\b(?:purpose|aim|goal|point of|supposed to|meant to|designed to|intended to)\b/.test(q))
    return "why";
  if (/^how (?:many|much)\b/.test(q)) return "how many";
  if (/^(?:for )?how long\b/.test(q)) return "how long";
  if (/\b(?:done|finished|complete|completed|ready|over|yet|still|working|progress|status)$|^how far\b/.test(q))
    return "status";
  return null;
}

/** A follow-up asking for an example: "like what?", "such as?", "for example?", "name some". */
const EXAMPLE_ASK =
  /^(?:(?:can|could) you (?:give|name|show) (?:me |us )?(?:an?|some|one)(?: examples?)?|give an example|like (?:what|which|which ones)|such as(?: what)?|for (?:example|instance)|examples?|an example|give (?:me|us) (?:an|some) examples?|give me examples|any examples|examples? please|name (?:some|one|them)|e g)$/;
/** "which app?", "what apps?": which one of what the last answer speaks of. */
const WHICH_NOUN = /^(?:which|what) ([a-z]{3,})$/;
/** A text that gives its own examples. */
const HOLDS_EXAMPLES = /\b(?:like|such as|including|for example|e\.g\.)\s|\b[A-Z][a-z]+,? (?:and|or) [A-Z]/;
/** "and what does Jahromi say?", "what did the minister think about it?": a speaker's say, no topic of its own. */
const SAYS_NAMED =
  /^(?:(?:and|so|but|ok|okay|then) )*what (?:does|did|has|do|would) ((?:the )?[a-z]+(?: [a-z]+)?) (?:say|said|think|thinks|thought)(?: (?:about|of|on) (?:it|that|this|them|those))?$/;
/** "what did Zarif say?", "what has Khamenei said about Trump?": the words of the one named. */
const SAID_BY = /^what (?:did|does|has|had) ([a-z]{3,}) (?:say|said|tell|told)\b/;
/** "who else uses Instagram?", "and who else?": someone besides the last person. */
const WHO_ELSE_ASKED = /^(?:(?:and|so|ok|okay|but|then) )*who else\b/;
/** "what did she say?", "and what did he tell them?": their words, no topic given. */
const SAID_WHAT =
  /^(?:(?:and|so|ok|okay|well|but|then) )*what (?:exactly )?(?:did|does|has|had) (?:he|she) (?:say|said|says|tell|told)(?: (?:to )?(?:them|him|her|us|me|reporters|the press|[a-z]+(?: news)?))?(?: exactly| again| then)?$/;

/** Words someone said, given in the question: "who said we have lost it?", 'who said "…"?'. */
const QUOTED =
  /["“”]|\b(?:said|says|say|saying|told|tweeted|wrote|claimed|admitted)\s+(?:['‘]|(?:that\s+)?(?:(?:yes|no|well|oh),?\s+)?(?:we|i|you|our|my)\b)/i;

/** "they" as the subject of a verb: "what do they use it for?", "why did they want…", "what they think". */
const THEY_DO =
  /\b(?:do|did|does|would|will|can|could|should)? ?they (?!are\b|were\b|is\b|was\b|have\b|had\b)([a-z]{2,})\b/;
/** Words naming people in a fact's text (besides namesSomeone's). */
const PEOPLE =
  /\b(?:[a-z]+ians|people|figures|users|conservatives|hardliners|activists|reporters|journalists|voters)\b/i;
/** What a verb of wanting or saying may be written as in an entry. */
const VERB_SENSES: Record<string, string[]> = {
  want: ["want", "push", "pushed", "call", "demand", "seek", "aim"],
  wanted: ["want", "push", "pushed", "call", "demand", "seek", "aim"],
  think: ["think", "say", "said", "believe", "call"],
  say: ["say", "said", "call", "saying"],
  use: ["use", "using", "help", "tool", "relied", "turn"],
  fear: ["fear", "fearing", "concern", "worri", "wary"],
  blame: ["blame", "criticized", "criticised", "accused", "attacked"],
  criticize: ["criticized", "criticised", "blame", "attacked"],
  attack: ["attacked", "criticized", "criticised"],
};

/** Verbs of a question asking what someone said. */
const SAYING = new Set("say said says think thought tell told opinion view views stance position".split(" "));
/** Words around a swapped-in topic that are not part of it: "and in the US?", "what about for the minister?". */
const SWAP_FILLER = new Set("in on at of the a an for to by from with about".split(" "));

/** "what did the foreign minister say?": the words of someone named by a title. */
const SAID_BY_TITLE = /^what (?:did|does|has|had) the ((?:[a-z]+ ){0,2}[a-z]{3,}) (?:say|said|tell|told)\b/;

/** The name written after a title in a text ("Foreign Minister Mohammad Javad Zarif" for "foreign minister"), or null. */
export function titledName(text: string, title: readonly string[]): string | null {
  const cap = title.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
  const m = new RegExp(`\\b${cap.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ((?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+)\\b`).exec(
    text,
  );
  return m ? m[1]! : null;
}

/** The first "Firstname Lastname" in a text with no word of the names `not`, or null. */
function otherName(text: string, not: string): string | null {
  const own = new Set(plainWords(not).split(" "));
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g)) {
    const words = plainWords(m[0]).split(" ");
    if (m.index === 0 || /[.!?]\s*$/.test(text.slice(0, m.index))) continue;
    if (!words.some((w) => own.has(w) || STOP_WORDS.has(w))) return m[0];
  }
  return null;
}

/** "what is X?", "what are Xs", "whats X": X (one to three words), or null for any other question. */
const DEFINE =
  /^(?:(?:so|ok|okay|and|but|wait) )*(?:what|whats) (?:is|are|s)(?: an?| the)? ([a-z0-9][a-z0-9 ]{0,40}?)(?: exactly| again| even)?$/;

/**
 * Whether an entry says what the X of "what is X?" is: X as the subject of is/are/means, in apposition ("X, a …",
 * "…, or X"), named as what something is called; or one of the entry's own questions asks what X is. Any other
 * question: true.
 */
function defines(view: KnowledgeView, id: string, question: string): boolean {
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
  const phrase = x.map((w) => `${w.replace(/s$/, "")}s?`).join(" ");
  // Once per entry and phrase (the entry object is the key: a reload's new entries are read anew).
  let known = DEFINES.get(e);
  if (!known) DEFINES.set(e, (known = new Map()));
  let out = known.get(phrase);
  if (out === undefined) {
    if (known.size > 200) known.clear();
    known.set(phrase, (out = says(e, phrase)));
  }
  return out;
}

const DEFINES = new WeakMap<Entry, Map<string, boolean>>();

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

/** Words that say something is not so, or is stopped: what answers "who doesn't …?". */
const NEGATION =
  /\b(?:not|no|never|nobody|none|neither|nor|without|refus\w*|against|oppos\w*|critici[sz]\w*|block\w*|bann\w*|prohibit\w*|stopp?\w*|cut off|at odds)\b|n['’]t\b/i;

/** Nouns that say a person is meant without naming anyone: "the coffee shop guy", "that woman". */
const PERSON_NOUNS = new Set("guy guys dude man woman lady person bloke chap girl boy fella fellow".split(" "));

/** How much surer the core must be of a pronoun question as written than as filled in for it to win. */
const PLAIN_MARGIN = 0.05;
/** Confidences this close are a tie. */
const TIE = 0.005;
const PRONOUNS = new Set("he she him her his hers himself herself it its itself that this they them".split(" "));

/** "Mohammad Javad Azari Jahromi" → "Jahromi": the one word that names them, without outweighing the question. */
function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** The confidence of an answer reply (0 when declined or not an answer). */
function confidence(reply: Reply): number {
  return reply.type === "answer" && reply.result.answered ? (reply.result.answer?.confidence ?? 0) : 0;
}

/** What the memory cannot answer without: who is meant, or what. */
type Missing = "person" | "thing";

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

  constructor(options: ConversationOptions) {
    this.coreNow = options.core;
    const settings = conversationSettings();
    this.smallTalk = options.smallTalk ?? loadSmallTalk(settings.smallTalkFile);
    this.memory =
      options.memory instanceof ConversationMemory
        ? options.memory
        : new ConversationMemory({ max: settings.max, ...options.memory });
    this.run = options.run ?? ((def, arg) => def.run(this.coreNow(), arg));
  }

  /** Answers one message of the conversation under `key`. Never throws on any text. */
  handle(key: string, text: string, options: TurnOptions = {}): ConversationReply {
    const core = this.coreNow();
    const view = viewOf(core);
    const { recall, stale } = this.recall(key, view);
    if (options.replyTo) this.anchor(recall, view, options.replyTo);
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
        (small !== null && (this.asksBack(message) || this.whichOf(message, recall, view) !== null)) ||
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
    const follow = read === null || read.kind === "pronoun" ? (this.whichOf(question, recall, view) ?? read) : read;
    if (follow) {
      const speakerBefore = recall.speaker;
      const out = this.followUp(follow, recall, view, question, stale);
      if (out) {
        this.keep(key, recall);
        return out;
      }
      // A follow-up that found nothing to say leaves the remembered person as it was.
      recall.speaker = speakerBefore;
    }
    // "and what does Jahromi say?" after an answer on sanctions: his words on them.
    const said = this.saidOnTopic(question, recall, view);
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
    const carried = this.carryThese(reply, question, recall, view) ?? this.carryTopic(reply, question, recall, view);
    if (carried) [reply, asked] = carried;
    const out = this.fromReply(reply, recall, view, asked, null);
    // "how long did it take?" declined as asked: the last answer, or an entry next to it on its topic, that tells a
    // duration ("four days on average").
    if (out.mode === "declined" && askKind(question) === "how long" && REFERS_BACK.test(question)) {
      const fit = this.fitting(out, recall, view, "how long", "bare", null, question);
      if (fit.mode === "answer") {
        this.keep(key, recall);
        return fit;
      }
    }
    // "is YouTube banned in Iran?" declined: its words stay for a swap next ("what about Twitter?"), nothing else.
    if (out.mode === "declined") this.rememberDeclined(recall, view, question);
    this.keep(key, recall);
    if (out.mode === "declined") {
      // "bruh", "ayo": a short line the knowledge does not know at all is chatter, not a question to decline.
      const chatter = this.smallTalk.chatter(message, (w) => view.vocabulary.has(w));
      if (chatter) return this.chitchat(chatter, core, message);
    }
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
    this.anchor(recall, view, id);
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
        : this.followUp({ kind }, recall, view, "", false)!;
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
        const m = this.smallTalk.match(rest.slice(0, end));
        if (m && m.confidence >= 0.8 && OPENING.has(m.intent.id)) {
          rest = after.replace(/^[\s,.!:;…—–-]+/, "");
          break;
        }
      }
      if (rest === before) break;
    }
    return /[\p{L}\p{N}]/u.test(rest) ? rest : message;
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

  /** Continues from a given entry (a reply to one of the bot's answers, or a button): its speaker and its frame. */
  private anchor(recall: Recall, view: KnowledgeView, id: string): void {
    const e = view.entries.get(String(id));
    if (!e) return;
    recall.entry = e.id;
    recall.speaker = view.personOf(e.id) ?? recall.speaker;
    if (e.questions[0]) this.setFrame(recall, view, e.questions[0]);
    if (!recall.shown.includes(e.id)) pushShown(recall, e.id);
  }

  private followUp(
    f: FollowUp,
    recall: Recall,
    view: KnowledgeView,
    message: string,
    stale: boolean,
  ): ConversationReply | null {
    const core = view.core;
    const before = recall.speaker;
    const speaker = this.pronounSpeaker(message, recall, view);
    // "what else did she say?" after a quote by him: she is someone else, found by pronounSpeaker.
    const switched = speaker !== undefined && speaker.id !== before;
    switch (f.kind) {
      case "surprise":
        return this.fromReply(this.run(factCommand, ""), recall, view, null, f.kind);
      case "pick": {
        const id = recall.options[f.index];
        recall.options = NO_OPTIONS;
        return id ? this.showEntry(recall, view, id, null, "pick") : null;
      }
      case "who-said":
      case "source":
      case "confirm":
      case "detail": {
        if (recall.entry === null) {
          // "who wrote this?" with nothing before: "this" is the article the chat is about (its byline), as asked of it.
          const article = ABOUT_ARTICLE.exec(plainWords(message));
          if (article && !stale) {
            const reply = this.run(askCommand, `who ${article[1]} the article`);
            if (confidence(reply) > 0) return this.fromReply(reply, recall, view, null, f.kind);
          }
          return this.missing(f.kind === "who-said" ? "person" : "thing", core, stale, f.kind);
        }
        // "like what?" after an answer that gives no example ("homegrown versions of Western apps"): one that does.
        const asked = plainWords(message);
        // "which app?", "like which apps?": one of those; "what kind?" is what the answer says they are.
        const which = /^(?:what|which) (?:kind|sort|type)/.test(asked)
          ? null
          : (WHICH_NOUN.exec(asked) ?? /^like (?:which|what) ([a-z]{3,})$/.exec(asked));
        const example =
          f.kind === "detail" && (EXAMPLE_ASK.test(asked) || which)
            ? this.example(view, recall, which ? stem(which[1]!) : null, /^like\b/.test(asked))
            : null;
        // "who asked him?" after words of his whose context names no one: his words whose context does.
        const to = f.kind === "detail" && example === null ? this.addressed(view, recall, asked) : null;
        return this.showEntry(recall, view, example ?? to ?? recall.entry, null, f.kind);
      }
      case "agent": {
        // "who's responsible?": the last answer when it names who (an authority, a person), else nothing to say.
        if (recall.entry === null) return this.missing("person", core, stale, f.kind);
        // "by whom?" after a quote: who said it.
        if (view.speakerOf(recall.entry) !== null) return this.showEntry(recall, view, recall.entry, null, f.kind);
        // A specific agent ("the judiciary") before a generic one ("authorities"): the last answer or a neighbour on
        // the same topic that names one.
        const topic = recall.topic.map(stem);
        const near = view
          .related(recall.entry, new Set(), 12)
          .filter((id) => topic.length > 0 && view.mentions(id, topic) && view.entries.get(id)!.kind === "fact");
        const specific = [recall.entry, ...near].find((id) => specificAgent(view, id));
        if (specific) return this.showEntry(recall, view, specific, null, f.kind);
        if (namesSomeone(view, recall.entry)) return this.showEntry(recall, view, recall.entry, null, f.kind);
        return textReply("declined", "The knowledge does not say who.", f.kind);
      }
      case "person": {
        if (!speaker && recall.name !== null) return this.ask(`who is ${recall.name}`, recall, view, f.kind);
        // "what did they do?" after a question about sanctions: "they" are the things asked about, not people.
        if (!speaker && recall.topic.length && /\b(?:they|them)\b/.test(plainWords(message)))
          return this.followUp({ kind: "pronoun", person: false, thing: true }, recall, view, message, stale);
        if (!speaker) return this.missing("person", core, stale, f.kind);
        const result = this.run(askCommand, `who is ${speaker.name}`);
        const a = result.type === "answer" ? result.result.answer : null;
        if (a && view.personOf(a.id) === speaker.id) return this.fromReply(result, recall, view, null, f.kind);
        // No entry says who they are: their own words, which carry their name and role.
        const own = view.wordsOf(speaker.id)[0];
        return own
          ? this.showEntry(recall, view, own, null, f.kind)
          : this.fromReply(result, recall, view, null, f.kind);
      }
      case "more-from-speaker": {
        // "what else did Jahromi say?": the speaker named; a name that is no speaker is a question of its own.
        const namedId = f.name !== undefined ? view.speakersNamed(plainWords(f.name).split(" "))[0] : undefined;
        // "and from Tehran?" names no speaker: the last question asked of it.
        if (f.name !== undefined && namedId === undefined)
          return f.swap !== undefined
            ? this.followUp({ kind: "swap", topic: f.swap }, recall, view, message, stale)
            : null;
        const who =
          (namedId !== undefined ? view.speakers.get(namedId) : undefined) ??
          (switched ? speaker : undefined) ??
          (recall.entry !== null ? view.speakerOf(recall.entry) : null) ??
          speaker ??
          null;
        if (!who) return this.missing("person", core, stale, f.kind);
        // Words not shown yet, preferring those that do not restate what was shown (a fact quoting a shown quote).
        const unseen = view.wordsOf(who.id).filter((id) => id !== recall.entry && !recall.shown.includes(id));
        const shownAnswers = recall.shown.map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
        const next = unseen.find((id) => !shownAnswers.some((a) => sameThing(a, core.answerById(id)!))) ?? unseen[0];
        if (!next) return textReply("declined", `That's everything I have from ${who.name}.`, f.kind);
        return this.showEntry(recall, view, next, null, f.kind);
      }
      case "disagree": {
        // "who's against the minister?": the person named.
        const namedId = f.name !== undefined ? view.speakersNamed(plainWords(f.name).split(" "))[0] : undefined;
        if (f.name !== undefined && namedId === undefined) return null;
        const named = namedId !== undefined ? view.speakers.get(namedId) : undefined;
        if (named) recall.speaker = named.id;
        const who = named ? shortName(named.name) : speaker ? shortName(speaker.name) : recall.name;
        const what = who ?? topicText(recall);
        if (what === null) return this.missing("thing", core, stale, f.kind);
        return this.ask(`who disagrees with ${what}`, recall, view, f.kind);
      }
      case "person-more": {
        if (!speaker) return this.missing("person", core, stale, f.kind);
        // Facts about them first (what they did), then their own words.
        const name = stem(shortName(speaker.name).toLowerCase());
        const near = recall.entry !== null ? view.related(recall.entry, new Set(recall.shown), 50) : [];
        const about = near.find(
          (id) =>
            view.entries.get(id)!.kind === "fact" && (view.personOf(id) === speaker.id || view.mentions(id, [name])),
        );
        const next = about ?? view.wordsOf(speaker.id).find((id) => !recall.shown.includes(id));
        if (!next) return textReply("declined", `That's everything I have about ${speaker.name}.`, f.kind);
        return this.showEntry(recall, view, next, null, f.kind);
      }
      case "related": {
        if (recall.entry === null) return this.missing("thing", core, stale, f.kind);
        // "who else does?": someone other than the last person, next to the last answer.
        const other = WHO_ELSE_ASKED.test(plainWords(message)) ? this.someoneElse(view, recall, message, null) : null;
        if (other) return this.showEntry(recall, view, other, null, f.kind);
        // After a quote, "more" is more of what they said on it: their next words sharing a topic tag, if any.
        const next =
          this.moreWords(view, recall) ??
          this.relatedDoing(view, recall, message) ??
          view.related(recall.entry, new Set(recall.shown), 1)[0];
        if (!next) return textReply("declined", "That's all I have on this. Ask me something else!", f.kind);
        return this.showEntry(recall, view, next, null, f.kind);
      }
      case "bare": {
        const content = frameContent(recall);
        if (content.length === 0) return this.missing("thing", core, stale, f.kind);
        // "what was the result?": an entry on the same topic telling what followed, else the last answer if it does.
        if (f.ask === "result" && recall.entry !== null) {
          const prevEntry = recall.entry;
          const fit = this.followed(view, recall);
          if (fit) {
            const topic = recall.topic.map(stem);
            const shown = this.showEntry(recall, view, fit, null, f.kind);
            // What followed is what "it" means next ("is it finished?" after the network built in the protests' wake),
            // unless it is the last answer itself.
            moveTopic(recall, view, fit, fit === prevEntry ? topic : []);
            return shown;
          }
          // "and then?" with nothing telling what followed: more on it, as "tell me more".
          if (!/result|outcome|effect|impact|consequence|upshot|lead|cause|change/.test(plainWords(message)))
            return this.followUp({ kind: "related" }, recall, view, message, stale);
        }
        const lead = f.ask === "when" ? "when was" : f.ask === "result" ? "what was the result of" : f.ask;
        // "since when?" after "is Twitter blocked?": an answer about another topic (Telegram's ban) is no answer.
        const asked = `${lead} ${content.join(" ")}`;
        let reply = this.run(askCommand, asked);
        const topic = recall.topic.map(stem);
        // The answer about the whole topic ("since when?" after the network's aim: the network, not internet users),
        // else about a word of it.
        if (topic.length)
          reply =
            naming(reply, topic, view) ??
            naming(reply, [], view, (id) => topic.some((t) => view.mentions(id, [t]))) ??
            declined(reply);
        const prev = recall.entry;
        const out = this.fromReply(reply, recall, view, asked, f.kind);
        // A bare "how?" asks how the answer came about, which it tells; only "how do people …?" asks for a means.
        return this.fitting(out, recall, view, f.ask, f.kind, f.ask === "how" ? null : prev, message);
      }
      case "swap": {
        // After a declined question, its words are the frame: "is YouTube banned?" → "what about Twitter?".
        const frame = recall.declined.length ? recall.declined : recall.frame;
        if (frame.length === 0) return null;
        // "and the other reporter?" after an answer naming the reporters: that answer names the other one too.
        const other = /^(?:the )?other ([a-z]{3,})$/.exec(plainWords(f.topic));
        if (other && recall.entry !== null && view.mentions(recall.entry, [stem(other[1]!)]))
          return this.showEntry(recall, view, recall.entry, null, "detail");
        // "and the other one?" after "where was De Luce?" on an answer naming two people: the frame asked of the other.
        if (other && recall.entry !== null && (other[1] === "one" || PERSON_NOUNS.has(other[1]!))) {
          const e = view.entries.get(recall.entry)!;
          const focus = speaker?.name ?? recall.name ?? frame.join(" ");
          const name = otherName(`${e.kind === "quote" ? (e.context ?? "") : ""} ${e.text}`, focus);
          if (name !== null) {
            const out = this.followUp({ kind: "swap", topic: plainWords(name) }, recall, view, message, stale);
            if (out?.mode === "answer") return out;
          }
        }
        // The answer must be about the new topic ("and WhatsApp?" is declined, never answered about Telegram): the
        // swapped question's best answer that names it, else the new topic with the last topic ("and investors?"
        // after sanctions), else declined.
        const people = new Set(
          plainWords(recall.name ?? "")
            .split(" ")
            .filter((w) => w.length > 2),
        );
        const kept: string[] = [];
        const asked = swapTopic(frame, f.topic, view, people, kept);
        // "and in the US?": a short name counts ("us", "uk"); words the knowledge does not know leave it declined.
        // "and get a taxi?": the verb is the frame's, not something the answer must name.
        const must = plainWords(f.topic)
          .split(" ")
          .filter((w) => w.length >= 2 && !SWAP_FILLER.has(w) && !VERBS.has(w) && !PERSON_NOUNS.has(w))
          .map(stem);
        // The person kept from the last question must be in the answer too.
        if (must.length > 0) must.push(...kept.map(stem));
        if (must.length === 0) return this.ask(asked, recall, view, f.kind);
        const first = this.run(askCommand, asked);
        // "what about the president?": a speaker named by a title must be the one the answer is by or about, not
        // anyone the same word names ("President Donald Trump" is not the knowledge's president).
        const sid = view.speakersNamed(plainWords(f.topic).split(" "))[0];
        const who = sid !== undefined ? view.speakers.get(sid) : undefined;
        const about = who
          ? (id: string) => view.personOf(id) === who.id || view.mentions(id, [stem(shortName(who.name).toLowerCase())])
          : undefined;
        // "what did the president say?" then "and the minister?": what the minister said (their words, on the
        // last question's topic words if it had any), not any entry about them.
        if (who && frame.some((w) => SAYING.has(w))) {
          const topic = frame
            .filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w))
            .map(stem);
          const unseen = view.wordsOf(who.id).filter((id) => !recall.shown.includes(id));
          // Their words on all the topic's words, else on one of them ("and Jahromi's?" after the judiciary's
          // position on social media: his words on social media).
          const own =
            unseen.find((id) => view.mentions(id, topic)) ??
            unseen.find((id) => topic.some((t) => view.mentions(id, [t])));
          const said = naming(first, must, view, (id) => view.speakerOf(id)?.id === who.id);
          const quoted = said?.type === "answer" && said.result.answer?.kind === "quote";
          if (said && (quoted || !own)) return this.fromReply(said, recall, view, asked, f.kind);
          if (own) return this.showEntry(recall, view, own, asked, f.kind);
          return this.fromReply(declined(first), recall, view, asked, f.kind);
        }
        const fit = naming(first, must, view, about, true);
        if (fit) return this.fromReply(fit, recall, view, asked, f.kind);
        const context = speaker ? [shortName(speaker.name).toLowerCase(), ...recall.topic] : recall.topic;
        for (const w of context.slice(0, 3)) {
          const wider = `${f.topic} ${w}`;
          const second = naming(this.run(askCommand, wider), [...must, stem(w)], view, about, true);
          if (second) return this.fromReply(second, recall, view, asked, f.kind);
        }
        // "and Lidia Marrow?" after a question the frame cannot ask of her: who she is, when the knowledge says.
        if (who && must.every((w) => view.speakersNamed([w]).includes(who.id))) {
          const intro = this.run(askCommand, `who is ${who.name}`);
          const ia = intro.type === "answer" ? intro.result.answer : null;
          if (ia && about!(ia.id)) {
            const out = this.fromReply(intro, recall, view, null, f.kind);
            recall.speaker = who.id;
            recall.name = null;
            return out;
          }
        }
        return this.fromReply(declined(first), recall, view, asked, f.kind);
      }
      case "pronoun": {
        const words = plainWords(message).split(" ");
        // "what did she say?" after a fact about her: her own words (quotes first), not the fact again; after her
        // quote, that quote.
        if (speaker && SAID_WHAT.test(words.join(" "))) {
          const last = recall.entry !== null ? view.entries.get(recall.entry) : undefined;
          if (last?.kind === "quote" && last.speakerId === speaker.id)
            return this.showEntry(recall, view, last.id, null, "who-said");
          const next = view.wordsOf(speaker.id).find((id) => !recall.shown.includes(id));
          if (next) return this.showEntry(recall, view, next, null, f.kind);
        }
        // "what did he say?" about someone the knowledge only names (Zarif in the list of leaders on Twitter): no
        // words of theirs, so nothing to show; the entry naming them again would be no answer.
        if (!speaker && recall.name !== null && SAID_WHAT.test(words.join(" ")))
          return textReply(
            "declined",
            `I have nothing ${recall.name[0]!.toUpperCase()}${recall.name.slice(1)} said, only what the knowledge says about them.`,
            f.kind,
          );
        // "what do they use it for?", "what do they want?": "they" doing something are the people of the last answer;
        // when that answer already says it (its text holds the verb), it is the answer again.
        const doing = THEY_DO.exec(plainWords(message));
        const last = recall.entry !== null ? view.entries.get(recall.entry) : undefined;
        if (doing && last && !ELSE.test(words.join(" ")) && (namesSomeone(view, last.id) || PEOPLE.test(last.text))) {
          const verbs = (VERB_SENSES[doing[1]!] ?? [doing[1]!]).map(stem);
          if (verbs.some((v) => view.mentions(last.id, [v])))
            return this.showEntry(recall, view, last.id, null, "detail");
        }
        // "who did he blame?" after Rouhani "criticized the judiciary": the answer already names whom.
        const whom = /^who (?:did|does|do) (?:he|she) ([a-z]{3,})$/.exec(plainWords(message));
        if (whom && last && speaker && view.personOf(last.id) === speaker.id) {
          const verbs = (VERB_SENSES[whom[1]!] ?? [whom[1]!]).map(stem);
          if (verbs.some((v) => view.mentions(last.id, [v])) && namesSomeone(view, last.id))
            return this.showEntry(recall, view, last.id, null, "detail");
        }
        // "where were they?" after the reporters' byline: the answer that names them says where.
        // "why do they do that?" after officials "wary of" protests: the same, for a reason, a time or a figure.
        const being = /^(where|when) (?:were|are|was|is) (?:they|he|she|the other(?: [a-z]+)?)$/.exec(
          plainWords(message),
        );
        const place = being ? ANSWER_KIND[being[1]!] : doing ? ANSWER_KIND[askKind(message) ?? ""] : undefined;
        if (place && last && (namesSomeone(view, last.id) || PEOPLE.test(last.text)) && place.test(last.text))
          return this.showEntry(recall, view, last.id, null, "detail");
        // A question with enough words of its own, or naming its person, may use "its" or "he" within itself
        // ("Does Iran have its own ride-hailing app?"): it is read as it is, or as filled in, whichever the core is surer of.
        const content = words.filter((w) => !STOP_WORDS.has(w) && !PRONOUNS.has(w));
        const personNamed = words.some((w) => view.personWords.has(w));
        const needPerson = f.person && !personNamed;
        // A speaker's id is one of the tags; naming the speaker does not name the thing "it" or "them" stands for.
        const needThing =
          f.thing && !words.some((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
        // With something to refer to, a question about a thing is also tried as it is ("how do people get around that?").
        const selfContained =
          content.length >= 3 ||
          (f.person && personNamed && !needThing) ||
          // "did it work?", "are they legal?": one word the knowledge does not know, beside the pronoun, is no
          // question of its own ("who criticized it?" is).
          (!needPerson && topicText(recall) !== null && (content.length >= 2 || content.every((w) => view.knows(w))));
        const topic = topicText(recall);
        const person = speaker ? shortName(speaker.name) : recall.name;
        const canPerson = !needPerson || person !== null;
        const canThing = !needThing || topic !== null;
        if (!needPerson && !needThing) return null;
        if (!canPerson || !canThing) {
          // Nothing to refer to: a question about a thing with words of its own is read as asked ("who reported this
          // from Washington?"); "it" and "they" always point back, so they need more words of their own.
          const pointsBack = /\b(?:it|its|itself|they|them|their)\b/.test(words.join(" "));
          if (selfContained || (!needPerson && !pointsBack && content.length >= 2)) return null;
          // "who said we have lost it?" with nothing before: "it" is the speaker's, and the question's own words find
          // the one entry that holds them all.
          if (!needPerson && QUOTED.test(message)) {
            const own = content.filter((w) => !VERBS.has(w) && !QUESTION_WORDS.has(w)).map(stem);
            const fit = own.length ? naming(this.run(askCommand, message), own, view) : null;
            if (fit) return this.fromReply(fit, recall, view, message, null);
          }
          // "what did she say about Instagram?" as a first message: when one person's words answer it, and nobody
          // else's come close, the question names its person by what it asks about.
          const about = content.filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !ASKS_KIND.has(w));
          if (!canPerson && recall.entry === null && about.length > 0) {
            const asked = this.run(askCommand, message);
            if (asked.type === "answer" && onePerson(asked.result, view))
              return this.fromReply(asked, recall, view, message, null);
          }
          return this.missing(!canPerson ? "person" : "thing", core, stale, f.kind);
        }
        let rewritten = fillPronouns(message, needPerson ? person : null, needThing ? topic : null);
        let filled = this.run(askCommand, rewritten);
        // "who uses it?" after "is Twitter blocked?" (topic "facebook twitter"): declined, or only the answer shown,
        // with the whole topic; the last question's own topic word alone.
        const own = recall.frame.filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
        const same =
          /^who\b/.test(plainWords(message)) && filled.type === "answer" && filled.result.answer?.id === recall.entry;
        // (Not when the topic moved on from the last question's: "is that legal?" after VPNs for blocked Facebook.)
        const moved = recall.topic.length > 0 && !own.some((w) => recall.topic.includes(w));
        if (needThing && (confidence(filled) === 0 || same) && own.length > 0 && own.join(" ") !== topic && !moved) {
          const narrower = fillPronouns(message, needPerson ? person : null, own.join(" "));
          const second = this.run(askCommand, narrower);
          const again = second.type === "answer" && second.result.answer?.id === recall.entry;
          if (confidence(second) > 0 && !again) [rewritten, filled] = [narrower, second];
        }
        // "who pays for them?" after the local Amazon (topic "apps amazon"): declined with the whole topic, the topic's
        // first word (the last answer's own first tag) alone.
        if (needThing && confidence(filled) === 0 && recall.topic.length > 1) {
          const broader = fillPronouns(message, needPerson ? person : null, recall.topic[0]!);
          const third = this.run(askCommand, broader);
          if (confidence(third) > 0) [rewritten, filled] = [broader, third];
        }
        if (selfContained) {
          const plain = this.run(askCommand, message);
          // The reading that refers back is what a follow-up means, unless the core is clearly surer of the other
          // and, where a short question leans on "it"/"they" (not "that"), its answer is about the last topic too
          // ("are they legal?" after VPNs is not answered about Instagram; "how do people get around it?" says more).
          const plainId = plain.type === "answer" ? plain.result.answer?.id : undefined;
          const onTopic =
            !needThing ||
            content.length >= 2 ||
            !/\b(?:it|its|they|them|their|that|this|those|these)\b/.test(plainWords(message)) ||
            recall.topic.length === 0 ||
            (plainId !== undefined && recall.topic.some((w) => view.mentions(plainId, [stem(w)])));
          if (onTopic && confidence(plain) > confidence(filled) + PLAIN_MARGIN)
            return this.fromReply(plain, recall, view, message, null);
        }
        const prev = recall.entry;
        const out = this.fromReply(filled, recall, view, rewritten, f.kind);
        const ask =
          askKind(rewritten) ??
          // "what's it meant to do?": words the knowledge lacks ("meant to") drop out of the filled-in question.
          askKind(message) ??
          (/^(?:(?:so|and|but|then|ok|okay|well|also) )*how (?:do|did|can|could|would) (?!it\b|that\b|this\b)/.test(
            plainWords(message),
          )
            ? "how"
            : null);
        return ask ? this.fitting(out, recall, view, ask, f.kind, prev, message) : out;
      }
    }
  }

  /**
   * The speaker "he"/"she" stands for: the last one, unless the knowledge writes about them with the other pronoun
   * and an answer shown earlier is by or about someone it writes about with this one ("what did she say?" after the
   * make-up artist, then Rouhani: the make-up artist). The speaker found is remembered as the last one.
   */
  private pronounSpeaker(message: string, recall: Recall, view: KnowledgeView) {
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

  private ask(question: string, recall: Recall, view: KnowledgeView, kind: FollowUp["kind"]): ConversationReply {
    return this.fromReply(this.run(askCommand, question), recall, view, question, kind);
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
        actions: first ? this.actions(view, recall, first.id) : [],
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
      const other = this.someoneElse(view, recall, question, result);
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
      const next = this.relatedMatching(view, recall, question);
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
          this.setFrame(recall, view, question);
          const people = options.map((a) => view.personOf(a.id));
          if (people[0] && people[0] === people[1]) recall.speaker = people[0];
          else recall.speaker = view.speakersNamed(plainWords(question).split(" "))[0] ?? recall.speaker;
          return this.clarify(options, view, result.answer!.confidence);
        }
      }
    }
    const a = result.answer;
    if (!result.answered || !a) {
      const near = result.alternatives[0]?.confidence ?? 0;
      return {
        mode: "declined",
        reply: { type: "answer", result },
        answer: null,
        speaker: null,
        alternatives: [],
        actions: [],
        smalltalk: null,
        followUp: kind,
        score: near,
      };
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
    this.remember(recall, view, a.id, question);
    // A question of its own naming no topic ("what are they building?") moves the topic to what its answer is about.
    if (kind === null && question !== null) this.topicFromAnswer(recall, view, a.id, question);
    const final: Reply = result === reply.result ? reply : { type: "answer", result };
    return {
      mode: "answer",
      reply: final,
      answer: a,
      speaker: speakerOf(view, a.id),
      alternatives: result.alternatives,
      actions: this.actions(view, recall, a.id),
      smalltalk: null,
      followUp: kind,
      score: a.confidence,
    };
  }

  /**
   * A question of its own asked after an answer, that names neither the last topic nor a person and that the core is
   * not sure of as asked, is also tried with the last topic's words added. That reading wins only when the core is
   * surer of it, its answer names every topic word of the question (a word of the knowledge's tags: "the ban" →
   * "banned") and the last topic, and no content word of the question is unknown to the knowledge (so "who won the
   * world cup?" after Telegram stays declined).
   */
  private carryTopic(reply: Reply, question: string, recall: Recall, view: KnowledgeView): [Reply, string] | null {
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
    const tried = this.run(askCommand, asked);
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
  private carryThese(reply: Reply, question: string, recall: Recall, view: KnowledgeView): [Reply, string] | null {
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
        const tried = this.run(askCommand, asked);
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
    const tried = naming(this.run(askCommand, asked), stems, view);
    return tried ? [tried, asked] : null;
  }

  /**
   * When nothing answers a follow-up as filled in, the last answer, or an entry related to it, that gives what the
   * question word asks for ("by how much?" → the one with the figure, "why?" → the one with a reason) answers it.
   */
  private fitting(
    out: ConversationReply,
    recall: Recall,
    view: KnowledgeView,
    ask: string,
    kind: FollowUp["kind"],
    prev: string | null = null,
    message = "",
  ): ConversationReply {
    const wants = ANSWER_KIND[ask] ?? (ask === "how" ? MEANS : undefined);
    if (recall.entry === null || !wants) return out;
    if (out.mode === "answer") {
      // "why did they do it?" answered with the entry just shown, which gives no reason: a neighbour of it in the
      // knowledge, not shown yet, on the same topic (naming it, or sharing two tags), that gives what is asked.
      // "why was he mad?" after Rouhani's criticism "for banning" Telegram (or his words on it): the new answer unsure,
      // the last one, or the same person's entry next to it, tells it.
      const theirs = ask === "why" && /\b(?:he|she|him|her)\b/.test(plainWords(message));
      const tells = (id: string) => {
        const t = view.entries.get(id)!.text;
        return wants.test(t) || (theirs && REASON_OF_PERSON.test(t));
      };
      // "since when?" after "… increased in recent years": the last answer tells it, the new one is unsure.
      if (ask === "when" && prev !== null && out.answer && out.answer.id !== prev && out.answer.confidence < 1) {
        if (wants.test(view.entries.get(prev)!.text)) return this.showEntry(recall, view, prev, null, kind);
      }
      // (A purpose asked, "what is it meant to do?", is no reason: the aim found stays.)
      const aim = PURPOSE.test(plainWords(message)) && out.answer !== null && AIM.test(out.answer.text);
      if (ask === "why" && !aim && prev !== null && out.answer && out.answer.id !== prev && out.answer.confidence < 1) {
        const who = view.personOf(prev);
        const near =
          who === null ? [] : view.related(prev, new Set([prev]), 12).filter((id) => view.personOf(id) === who);
        const fit = [prev, ...near].find(tells);
        if (fit) return this.showEntry(recall, view, fit, null, kind);
      }
      if (prev === null || out.answer?.id !== prev || wants.test(out.answer.text)) return out;
      const topic = recall.topic.map(stem);
      const tags = view.entries.get(prev)?.tags ?? [];
      // "why?" after what someone said or did asks their reason; "why did they do it?" may be someone else's.
      const who = /\b(?:they|them)\b/.test(plainWords(message)) ? null : view.personOf(prev);
      const fits = (id: string) => {
        const e = view.entries.get(id)!;
        const named = topic.some((t) => view.mentions(id, [t]));
        const close = e.tags.filter((t) => tags.includes(t)).length >= 2;
        // A means may be told beside the topic (VPNs for blocked Facebook); a reason or a time must be its own.
        const same = who === null || view.personOf(id) === who;
        return (wants === MEANS ? named || close : named && close) && same && wants.test(e.text);
      };
      // One not shown yet first; else one shown earlier in the conversation still answers ("on what grounds?" after
      // the ban's date and grounds, then who banned it).
      const causes = (id: string) => {
        const e = view.entries.get(id)!;
        return e.kind === "fact" && e.tags.filter((t) => tags.includes(t)).length >= 2 && CAUSE.test(e.text);
      };
      const near =
        view.related(prev, new Set(recall.shown), 12).find(fits) ??
        view.related(prev, new Set([prev]), 12).find((id) => recall.shown.includes(id) && fits(id)) ??
        // "why?" after Apple cut Iranians off: nothing says "because", but a fact close to it tells what prompted it.
        (ask === "why" ? view.related(prev, new Set(recall.shown), 12).find(causes) : undefined);
      if (!near) return out;
      const shown = this.showEntry(recall, view, near, null, kind);
      moveTopic(recall, view, near, topic);
      return shown;
    }
    // A related entry must name the topic too: a year in any entry sharing a tag is not when this happened.
    const topic = recall.topic.map(stem);
    const related = view
      .related(recall.entry, new Set(recall.shown), 12)
      .filter((id) => topic.some((t) => view.mentions(id, [t])));
    const candidates = [recall.entry, ...related];
    const fit = candidates.find((id) => wants.test(view.entries.get(id)!.text));
    return fit ? this.showEntry(recall, view, fit, null, kind) : out;
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

  /**
   * "what else did they ban?": of the entries related to the last one, the first that holds the verb (or a tag of
   * it) and is about something else than the last topic; null when none does or the message names no verb.
   */
  private relatedDoing(view: KnowledgeView, recall: Recall, message: string): string | null {
    const m = /^what else (?:have|has|did|do|does|can|could|will) (?:they|it) ([a-z]{3,})/.exec(plainWords(message));
    if (!m) return null;
    const verb = stem(m[1]!);
    const topic = recall.topic.map(stem);
    return (
      view
        .related(recall.entry!, new Set(recall.shown), 12)
        .find((id) => view.mentions(id, [verb]) && !(topic.length > 0 && view.mentions(id, topic))) ?? null
    );
  }

  /**
   * "which apps?" / "what laws?" / "whose sanctions?", or an echo ("lost what?", "said to who?"), right after an
   * answer that holds the word: the answer holds the detail asked for. ("wait what" echoes nothing of it.)
   */
  private whichOf(question: string, recall: Recall, view: KnowledgeView): FollowUp | null {
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
   * An example of what the last answer says in general: when its text names none (no "like", "such as", "including",
   * no "X and Y" of names), the entry related to it, not shown, sharing its first tag, that names something (a
   * capitalised word inside the sentence) the last answer does not ("Uber" for "homegrown versions of Western apps").
   */
  private example(view: KnowledgeView, recall: Recall, noun: string | null = null, like = false): string | null {
    const last = view.entries.get(recall.entry!)!;
    if (HOLDS_EXAMPLES.test(last.text)) return null;
    const first = last.tags.find((t) => !view.speakers.has(t));
    if (!first) return null;
    // The article's own subject ("Iran", "Iranians" in its headline) is no example of anything.
    const title = view.core.knowledge.sources.find((s) => s.id === last.sourceId)?.title ?? "";
    const subject = [...title.matchAll(/\b[A-Z][a-z]+/g)].map((m) => m[0].replace(/(?:ians?|s)$/, ""));
    // A sentence's first word is capitalised whatever it is ("Wary of …"): a name there only when a tag is its word.
    const names = (text: string, first = false) =>
      [...text.matchAll(/\b[A-Z][a-z]+/g)]
        .filter((m) => first || m.index! > 0 || view.tagWords.has(m[0].toLowerCase()))
        .map((m) => m[0])
        .filter(
          (w) =>
            !subject.some((t) => t.length >= 3 && w.startsWith(t)) &&
            !STOP_WORDS.has(w.toLowerCase()) &&
            // "Western", "European": a region's or a people's adjective names no example.
            !/^(?:Western|Eastern|Northern|Southern|Foreign|Local|National|Domestic)$|(?:ian|ean|ese|ish)$/.test(w),
        );
    const known = new Set(names(last.text, true));
    const fits = view.related(last.id, new Set(recall.shown), 12).filter(
      (id) =>
        // "like what apps?" names what the examples are of; "what apps?" and "like what?" lean on the last answer's
        // first tag.
        ((like && noun !== null) || view.entries.get(id)!.tags.includes(first)) &&
        names(view.entries.get(id)!.text).some((w) => !known.has(w)) &&
        // "which protests?": one that is about protests too (its text or the questions it answers).
        (noun === null || view.mentionsAsked(id, [noun])),
    );
    // The same person's first, shown or not ("which app?" after the make-up artist's customers: her Instagram).
    const person = view.personOf(last.id);
    const theirs =
      person === null
        ? undefined
        : view
            .related(last.id, new Set(), 12)
            .find(
              (id) =>
                view.personOf(id) === person &&
                names(view.entries.get(id)!.text).some((w) => !known.has(w)) &&
                (noun === null || view.mentionsAsked(id, [noun])),
            );
    return theirs ?? fits[0] ?? null;
  }

  /**
   * "who asked him?", "who was she talking to?": when the last entry's text and context name nobody it was said to,
   * the same speaker's entry whose context does ("Asked by …" for who asked, "Told …", "said to …" too otherwise).
   */
  private addressed(view: KnowledgeView, recall: Recall, asked: string): string | null {
    const m =
      /^who (asked|interviewed) (?:him|her)$|^who (?:was|is|were) (?:he|she) (?:talking|speaking|saying (?:it|that|this)) to$|^who did (?:he|she) (?:say|tell|said) (?:it|that|this) to$/.exec(
        asked,
      );
    if (!m || recall.entry === null) return null;
    const addressee = m[1]
      ? /\b(?:asked by|interviewed by|in an interview)\b/i
      : /\b(?:asked by|told|said to|spoke to|speaking to|interview)/i;
    const said = (id: string) => {
      const e = view.entries.get(id);
      return e ? `${e.kind === "quote" ? (e.context ?? "") : ""} ${e.text}` : "";
    };
    if (addressee.test(said(recall.entry))) return null;
    const who = view.personOf(recall.entry);
    if (who === null) return null;
    return view.wordsOf(who).find((id) => id !== recall.entry && addressee.test(said(id))) ?? null;
  }

  /**
   * "who else uses Instagram?", "who else does?": of the core's answers to the question (when given) and the entries
   * related to the last answer, the first not shown that is on the question's topic words (else the last topic) and
   * is by or about someone other than the last person: a named person first, then any that names someone.
   */
  private someoneElse(view: KnowledgeView, recall: Recall, question: string, result: AskResult | null): string | null {
    const own = plainWords(question)
      .split(" ")
      .filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
    const topic = (own.length ? own : recall.topic).map(stem);
    // Its other words ("uses", "criticized") must be there too, as written or in a sense of the verb ("relied").
    const verbs = plainWords(question)
      .split(" ")
      .filter(
        (w) =>
          w.length > 2 &&
          w !== "else" &&
          !own.includes(w) &&
          !STOP_WORDS.has(w) &&
          !QUESTION_WORDS.has(w) &&
          !PRONOUNS.has(w),
      )
      .map((w) => (VERB_SENSES[w] ?? VERB_SENSES[w.replace(/s$/, "")] ?? [w]).map(stem));
    const last = recall.entry !== null ? view.personOf(recall.entry) : null;
    const candidates = [
      ...(result?.answer ? [result.answer.id] : []),
      ...(result?.alternatives ?? []).map((a) => a.id),
      ...view.related(recall.entry!, new Set(recall.shown), 12),
    ].filter(
      (id) =>
        !recall.shown.includes(id) &&
        view.mentions(id, topic) &&
        verbs.every((senses) => senses.some((v) => view.mentions(id, [v]))),
    );
    const person = (id: string) => {
      const p = view.personOf(id);
      return p !== null ? p !== last && p !== recall.speaker : view.nameIn(id) !== null;
    };
    return (
      candidates.find(person) ?? candidates.find((id) => view.personOf(id) === null && namesSomeone(view, id)) ?? null
    );
  }

  /** An entry related to the last one and naming its topic that tells what followed it, else the last one if it does. */
  private followed(view: KnowledgeView, recall: Recall): string | null {
    const topic = recall.topic.map(stem);
    const tags = view.entries.get(recall.entry!)?.tags ?? [];
    const near = view.related(recall.entry!, new Set(recall.shown), 12);
    const named = near.filter((id) => topic.length > 0 && topic.some((t) => view.mentions(id, [t])));
    // Then, when neither these nor the last answer tell it, a fact sharing two tags with the last answer (the network
    // built "in the wake of" the protests the regime feared; a quote is someone's view, not what followed).
    const close = near.filter(
      (id) =>
        !named.includes(id) &&
        view.entries.get(id)!.kind === "fact" &&
        view.entries.get(id)!.tags.filter((t) => tags.includes(t)).length >= 2,
    );
    // "After authorities banned Telegram, …" follows the topic; "After street protests, … Telegram" does not.
    const after = new RegExp(`\\bafter (?:[\\w'-]+ ){0,3}(?:${recall.topic.join("|") || "-"})`, "i");
    return (
      [...named, recall.entry!, ...close].find((id) => {
        const t = view.entries.get(id)!.text;
        return RESULT.test(t) || after.test(t);
      }) ?? null
    );
  }

  /**
   * After a quote, the speaker's next words (quotes first) not shown yet that share a topic tag with it and do not
   * restate a shown answer; null when the last answer is no quote or they said nothing more on it.
   */
  private moreWords(view: KnowledgeView, recall: Recall): string | null {
    const last = view.entries.get(recall.entry ?? "");
    // A fact reporting someone's words ("X said the shield would …") is their words too.
    // After "what did he say about …?", "what else?" is what else he said, on it or not.
    const asked = recall.frame.some((w) => SAYING.has(w));
    const named = asked ? view.speakersNamed(recall.frame)[0] : undefined;
    const by = last ? (view.speakerOf(last.id) ?? (named !== undefined ? view.speakers.get(named) : null)) : null;
    if (!last || !by) return null;
    const topics = last.tags.filter((t) => !view.speakers.has(t));
    const core = view.core;
    const shown = recall.shown.map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
    const fresh = (id: string) =>
      id !== last.id && !recall.shown.includes(id) && !shown.some((a) => sameThing(a, core.answerById(id)!));
    const words = view.wordsOf(by.id).filter(fresh);
    return (
      words.find((id) => view.entries.get(id)!.tags.some((t) => topics.includes(t))) ??
      (asked ? words[0] : undefined) ??
      null
    );
  }

  /** The entry related to the last answer, not shown yet, sharing the most content words (at least two) with `question`. */
  private relatedMatching(view: KnowledgeView, recall: Recall, question: string): string | null {
    const asked = new Set(
      plainWords(question)
        .split(" ")
        .filter((w) => !STOP_WORDS.has(w) && !ELSE.test(w) && w.length > 2),
    );
    let best: string | null = null;
    let bestShared = 1;
    for (const id of view.related(recall.entry!, new Set(recall.shown), 12)) {
      const e = view.entries.get(id)!;
      let shared = 0;
      for (const w of new Set(plainWords(e.text).split(" "))) if (asked.has(w)) shared++;
      if (shared > bestShared) {
        best = id;
        bestShared = shared;
      }
    }
    return best;
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
    this.remember(recall, view, a.id, question);
    return {
      mode: "answer",
      reply: { type: "answer", result },
      answer: a,
      speaker: speakerOf(view, a.id),
      alternatives: [],
      actions: this.actions(view, recall, a.id),
      smalltalk: null,
      followUp: kind,
      score: a.confidence,
    };
  }

  private remember(recall: Recall, view: KnowledgeView, id: string, question: string | null): void {
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
      if (named.length > 0 && /^who (?!is |was |are |were |said |says |say |s )\w/.test(qWords.join(" "))) {
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
      this.setFrame(recall, view, question);
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
      if (first && !view.speakers.has(first) && recall.topic.every((w) => tags.has(w))) {
        const own = first
          .split("-")
          .map((w) => view.vocabulary.get(w))
          .filter((w): w is string => w !== undefined);
        recall.topic = [...new Set([...own, ...recall.topic])].slice(0, 4);
      }
    } else recall.speaker = view.personOf(e.id) ?? recall.speaker;
  }

  /**
   * "and what does Jahromi say?", "what did the minister think about it?": a speaker named, no topic of the question's
   * own, right after an answer on a topic: the speaker's words (quotes first) on that topic, not shown yet; else null.
   */
  private saidOnTopic(question: string, recall: Recall, view: KnowledgeView): ConversationReply | null {
    if (recall.entry === null || recall.topic.length === 0) return null;
    const m = SAYS_NAMED.exec(plainWords(question));
    if (!m) return null;
    const words = m[1]!.split(" ");
    const id = view.speakersNamed(words)[0];
    if (id === undefined || words.some((w) => view.tagWords.has(w) && !view.speakerWords.has(w))) return null;
    const topic = recall.topic.map(stem);
    const next = view.wordsOf(id).find((x) => !recall.shown.includes(x) && topic.some((t) => view.mentions(x, [t])));
    return next ? this.showEntry(recall, view, next, null, "more-from-speaker") : null;
  }

  /**
   * A declined question's words stay for a swap next ("is YouTube banned?" → "what about Twitter?"). When the knowledge
   * knows every word of it ("are VPNs legal in Iran?"), its topic words are also what "them" means next ("do people
   * use them?"); a word it does not know ("WhatsApp") leaves the topic as it was.
   */
  private rememberDeclined(recall: Recall, view: KnowledgeView, question: string): void {
    recall.declined = this.knowledgeWords(view, question);
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
  private topicFromAnswer(recall: Recall, view: KnowledgeView, id: string, question: string): void {
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

  /** The question's words that are question words or the knowledge's own (its string instances), in order. */
  private knowledgeWords(view: KnowledgeView, question: string): string[] {
    const frame: string[] = [];
    for (const w of plainWords(question).split(" ")) {
      const own = view.vocabulary.get(w);
      if (own !== undefined) frame.push(own);
      else if (QUESTION_WORDS.has(w)) frame.push(w);
      if (frame.length >= FRAME_MAX) break;
    }
    return frame.length ? frame : NO_OPTIONS;
  }

  /** Keeps the question's words that are question words or the knowledge's own as the frame (and its topic). */
  private setFrame(recall: Recall, view: KnowledgeView, question: string): void {
    const frame = this.knowledgeWords(view, question);
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

  private actions(view: KnowledgeView, recall: Recall, id: string): ButtonAction[] {
    const out: ButtonAction[] = [];
    const who = speakerOf(view, id);
    if (who && view.wordsOf(who.id).some((x) => x !== id && !recall.shown.includes(x)))
      out.push({ action: "more", entryId: id });
    if (view.related(id, new Set(recall.shown), 1).length) out.push({ action: "related", entryId: id });
    out.push({ action: "source", entryId: id });
    return out.filter((a) => encodeAction(a) !== null);
  }

  private clarify(options: [Answer, Answer], view: KnowledgeView, score: number): ConversationReply {
    const label = (a: Answer) => {
      const e = view.entries.get(a.id);
      const text = e?.questions[0] ?? a.text;
      return text.length > 100 ? `${text.slice(0, 99)}…` : text;
    };
    const text = `Did you mean one of these?\n${options.map((a) => `  • ${label(a)}`).join("\n")}`;
    return {
      mode: "clarify",
      reply: { type: "prompt", text },
      answer: null,
      speaker: null,
      alternatives: options,
      actions: options.map((a) => ({ action: "pick" as const, entryId: a.id })),
      smalltalk: null,
      followUp: null,
      score,
    };
  }

  private chitchat(m: SmallTalkMatch, core: Core, message: string): ConversationReply {
    const text = fillTemplate(m.reply, core, message);
    const reply = textReply(m.intent.mode === "help" ? "help" : "chitchat", text, null);
    reply.smalltalk = { intent: m.intent.id, confidence: m.confidence };
    reply.score = m.confidence;
    return reply;
  }

  private missing(what: Missing, core: Core, stale: boolean, kind: FollowUp["kind"]): ConversationReply {
    const example = core.exampleQuestions(1)[0];
    const lead = stale
      ? "I no longer have the answer you mean (the knowledge was updated)."
      : what === "person"
        ? "Who do you mean? There is no earlier answer in this conversation to go on."
        : "What do you mean? There is no earlier answer in this conversation to go on.";
    const ask = what === "person" ? "Ask about someone by name" : "Ask me a question first";
    return textReply("declined", `${lead} ${ask}${example ? `, for example: “${example}”` : "."}`, kind);
  }
}

/** Words that ask what kind of answer is wanted ("how old", "her name"), not what it is about. */
const ASKS_KIND = new Set([
  "old",
  "age",
  "name",
  "job",
  "role",
  "work",
  "live",
  "lives",
  "born",
  "from",
  "real",
  "full",
]);

/** Whether an answer is one person's words, and no confident alternative is another person's words. */
function onePerson(result: AskResult, view: KnowledgeView): boolean {
  const a = result.answer;
  const who = a && a.kind === "quote" && a.confidence >= CONFIDENCE_THRESHOLD ? view.personOf(a.id) : null;
  if (!who) return false;
  return result.alternatives.every(
    (x) => x.kind !== "quote" || x.confidence < CONFIDENCE_THRESHOLD || view.personOf(x.id) === who,
  );
}

/** A word of the question that the text writes as a surname after a capitalised name ("Ali Khamenei"), as the knowledge's own string; else null. */
function surnameIn(text: string, qWords: readonly string[], view: KnowledgeView): string | null {
  for (const w of qWords) {
    if (w.length < 3 || STOP_WORDS.has(w) || view.speakerWords.has(w) || !view.vocabulary.has(w)) continue;
    const cap = w[0]!.toUpperCase() + w.slice(1);
    if (new RegExp(`\\b[A-Z][a-z]+ ${cap}\\b`).test(text)) return view.vocabulary.get(w)!;
  }
  return null;
}

function pushShown(recall: Recall, id: string): void {
  const i = recall.shown.indexOf(id);
  if (i >= 0) recall.shown.splice(i, 1);
  recall.shown.push(id);
  if (recall.shown.length > SHOWN_MAX) recall.shown.shift();
}

/** The stems of a topic's content words ("the Apple app store" → appl, app, store). */
/**
 * A neighbour answered beside the topic (VPNs for blocked Facebook, the network after the feared protests) is what
 * "those" and "it" mean next: its first tag becomes the topic. `topic` are the stems of the topic before it.
 */
function moveTopic(recall: Recall, view: KnowledgeView, id: string, topic: readonly string[]): void {
  if (topic.some((t) => view.mentions(id, [t]))) return;
  const first = (view.entries.get(id)!.tags.find((t) => !view.speakers.has(t)) ?? "").split("-");
  const own = first.map((w) => view.vocabulary.get(w)).filter((w): w is string => w !== undefined);
  if (own.length) recall.topic = own.slice(0, 4);
}

function topicStems(topic: string): string[] {
  return plainWords(topic)
    .split(" ")
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map(stem);
}

/** The reply with its best answer (or a near alternative above the threshold) that names every stem; else null. */
function naming(
  reply: Reply,
  stems: string[],
  view: KnowledgeView,
  about: (id: string) => boolean = () => true,
  asked = false,
): Reply | null {
  if (reply.type !== "answer") return null;
  const r = reply.result;
  if (!r.answered || !r.answer) return null;
  const fits = (id: string) => (asked ? view.mentionsAsked(id, stems) : view.mentions(id, stems)) && about(id);
  if (fits(r.answer.id)) return reply;
  const alt = r.alternatives.find((a) => a.confidence >= CONFIDENCE_THRESHOLD && fits(a.id));
  return alt ? { type: "answer", result: withAnswer(r, alt) } : null;
}

/** The reply as declined (its answer dropped, the near misses kept as suggestions). */
function declined(reply: Reply): Reply {
  if (reply.type !== "answer" || !reply.result.answered) return reply;
  return { type: "answer", result: declinedResult(reply.result) };
}

/** Whether an entry names someone: its speaker, the one person it is about, a person's name, or an authority. */
function namesSomeone(view: KnowledgeView, id: string): boolean {
  return (
    view.personOf(id) !== null ||
    view.nameIn(id) !== null ||
    /\b(?:authorities|officials|government|regime|judiciary|president|minister|leaders?|groups?|entrepreneurs|company|firms)\b/i.test(
      view.entries.get(id)?.text ?? "",
    )
  );
}

/** Whether an entry names a person, or an agent more specific than "authorities", "officials", "the regime". */
function specificAgent(view: KnowledgeView, id: string): boolean {
  if (view.personOf(id) !== null || view.nameIn(id) !== null) return true;
  return /\b(?:judiciary|president|minister|leaders?|groups?|entrepreneurs|company|firms)\b/i.test(
    view.entries.get(id)?.text ?? "",
  );
}

function declinedResult(r: AskResult): AskResult {
  return {
    question: r.question,
    answered: false,
    answer: null,
    alternatives: [],
    suggestions: r.suggestions,
    notes: r.notes,
    cutTo: r.cutTo,
  };
}

function frameContent(recall: Recall): string[] {
  return recall.frame.filter((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w));
}

function topicText(recall: Recall): string | null {
  const t = recall.topic.length ? recall.topic : frameContent(recall);
  return t.length ? t.join(" ") : null;
}

/**
 * The last question's frame with the new topic in place of its topic words (speaker words when a speaker is named).
 * A topic word the knowledge tags together with the new topic is context and stays ("sanctions" in "how did the
 * sanctions affect oil?" → "and investors?"), and so does a person (`people`) when the new topic names no one ("is
 * Khamenei on Twitter?" → "and Instagram?" asks about Khamenei on Instagram): `kept` gets those people's words.
 */
function swapTopic(
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
  frame.forEach((w, i) => {
    if (!replaceable(w)) out.push(w);
    else if (keepSome && context(w)) {
      out.push(w);
      // "Trump's sanctions": a name before a topic word qualifies it; the answer need not name them.
      const next = frame[i + 1];
      const qualifies = next !== undefined && view.tagWords.has(next) && !STOP_WORDS.has(next);
      if (people.has(w) && !qualifies) kept.push(w);
    } else if (!replaced) {
      out.push(topic);
      replaced = true;
    }
  });
  if (!replaced) out.push(topic);
  return out.join(" ");
}

function withAnswer(result: AskResult, answer: Answer): AskResult {
  return {
    question: result.question,
    answered: true,
    answer,
    alternatives: result.alternatives.filter((a) => a.id !== answer.id),
    suggestions: result.suggestions,
    notes: result.notes,
    cutTo: result.cutTo,
  };
}

/** Who said an entry, or for a fact the one person it is about ("More from <speaker>" applies to both). */
function speakerOf(view: KnowledgeView, id: string | undefined): ConversationReply["speaker"] {
  if (id === undefined) return null;
  const person = view.personOf(id);
  const s = view.speakerOf(id) ?? (person !== null ? (view.speakers.get(person) ?? null) : null);
  return s ? { id: s.id, name: s.name, role: s.role ?? null } : null;
}

function textReply(mode: Mode, text: string, kind: FollowUp["kind"] | null): ConversationReply {
  return plainReply(mode, { type: "prompt", text }, kind, 0);
}

/** A reply that shows no entry: a prompt, the help, the sources list. */
function plainReply(mode: Mode, reply: Reply, kind: FollowUp["kind"] | null, score: number): ConversationReply {
  return {
    mode,
    reply,
    answer: null,
    speaker: null,
    alternatives: [],
    actions: [],
    smalltalk: null,
    followUp: kind,
    score,
  };
}

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

function about(core: Core): string {
  const sources = core.knowledge.sources;
  const first = sources[0];
  if (!first) return "nothing yet";
  const one = `“${first.title}” (${first.publisher})`;
  return sources.length === 1 ? one : `${sources.length} sources, such as ${one}`;
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

/** Fills {example}, {examples} and {about} from the knowledge loaded now. */
export function fillTemplate(template: string, core: Core, seed: string): string {
  const examples = core.exampleQuestions(6);
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  const pick = examples.length ? examples[Math.abs(h) % examples.length]! : "";
  return template
    .replace(/\{about\}/g, about(core))
    .replace(/\{example\}/g, pick)
    .replace(
      /\{examples\}/g,
      examples
        .slice(0, 3)
        .map((q) => `  • ${q}`)
        .join("\n"),
    );
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
