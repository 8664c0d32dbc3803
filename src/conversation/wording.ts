/** The words of a question as the follow-up rules read them: what it asks for, what an entry must hold to give it. */
import { plainWords } from "./followup.js";

export const QUESTION_WORDS = new Set(
  "what when where who whom whose why how which is are was were do does did can could will would should has have had say said says think thought tell told many much opinion view views stance position".split(
    " ",
  ),
);

export const VERBS = new Set(
  "say said says think thought tell told use used using get got make made do does did".split(" "),
);

export const ELSE = /\b(?:else|other|another|more)\b/;

/** What an entry's text must hold to answer a bare "why?", "when?" or "how many?". */
export const ANSWER_KIND: Partial<Record<string, RegExp>> = {
  "how many": /\d|\b(?:million|billion|thousand|hundred|half|percent|dozen)\b/i,
  when: /\b(?:1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|last year|years? ago|this week|this year|last month|recent years|recently|months? ago|weeks? ago|decades? ago)\b/i,
  why: /\b(?:because|due to|grounds|fearing|wary of|in order to|with the aim|aims?|as a result|so that|as (?:he|she|they) (?:received|had|got|faced|was|were))\b/i,
  where: /\b(?:in|from|at) (?:the )?(?:capital |city of )?[A-Z][a-z]+/,
  status: /\b(?:still|so far|under development|under way|underway|completed|finished|ongoing|not yet|remains?)\b/i,
  "how long":
    /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|many) (?:working |business |calendar |straight |full )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\bsince (?:1[89]\d\d|20\d\d)\b|\bfor (?:an? )?(?:hour|day|week|month|year|decade)s?\b/i,
};

/** What an entry's text holds to tell what something is for. */
export const AIM = /\b(?:aims?|aimed|with the aim|in order to|so that|designed to|meant to|intended to|purpose)\b/i;

/** Words asking what something is for. */
export const PURPOSE = /\b(?:meant to|supposed to|designed to|intended to|purpose|aim|goal|point of)\b|\bfor$/;

/** A person's reason told as what they criticized someone for ("criticized the judiciary for banning…"). */
export const REASON_OF_PERSON =
  /\b(?:criticized|criticised|blamed|praised|thanked|attacked) [\w ]{0,40}? for [a-z]+ing\b/i;

/** What an entry's text holds to answer "how?" / "how do people do it?": a means. */
export const MEANS = /\b(?:by (?:using|[a-z]+ing)|using|through|via|with the help of)\b/i;

/** What an entry's text holds when it tells what followed something: "after…", "prompted", "undercut", "so far". */
export const RESULT =
  /\b(?:as a result|in the wake of|led to|leading to|prompted|pushed|undercut|undercutting|slashed|spooked|so far|backfired|made the|resulted)\b/i;

/** What an entry's text holds when it tells what caused something: "sanctions … prompted firms to …". */
export const CAUSE = /\b(?:prompted|led to|caused|forced|drove|spooked|triggered|sparked)\b/i;

/** Small-talk intents about the bot itself, which a line pointing back at an answer ("what is it for?") is not about. */
export const ABOUT_THE_BOT = new Set(["capabilities", "what-are-you", "who-made-you"]);

/** Laughter opening a short line: "lol figures", "haha true", "lmao ok" (the rest, at most two words, in group 1). */
export const LAUGH_LEAD = /^(?:lol|lmao|lmfao|rofl|haha+|hahaha+|hehe+|ha ha|xd|kek)\s+([a-z]+(?: [a-z]+)?)$/;

/** "who wrote this?", "who reported it": about the article itself, when nothing was answered before. */
export const ABOUT_ARTICLE =
  /^who (reported|wrote|published|authored|filed) (?:this|it|that)(?: (?:story|article|piece|report))?$/;

/** "what's the deal with X?", "what's up with X", "tell me about X": a question about X alone. */
export const ABOUT_TOPIC =
  /^(?:what is (?:the deal|the story|the situation|up|going on|happening|new) (?:with|w)|whats (?:the deal|the story|up|going on|happening) (?:with|w)|what do you know about|what can you tell me about|tell me (?:something |anything )?about|anything (?:on|about)|info (?:on|about)|any news (?:on|about)|what about|how about) (.+)$/;

export const REFERS_BACK = /\b(?:it|its|that|this|he|she|him|her|they|them)\b/i;

/** What a question's words ask for: a time, a reason or purpose, a figure; else null. */
export function askKind(question: string): "when" | "why" | "how many" | "how long" | "status" | null {
  // "so why …?", "ok when …?": words leading into a question leave it the question it is.
  const q = plainWords(question).replace(/^(?:(?:so|and|but|ok|okay|well|then|also|wait|hmm|right) )+/, "");
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
export const EXAMPLE_ASK =
  /^(?:(?:can|could) you (?:give|name|show) (?:me |us )?(?:an?|some|one)(?: examples?)?|give an example|like (?:what|which|which ones)|such as(?: what)?|for (?:example|instance)|examples?|an example|give (?:me|us) (?:an|some) examples?|give me examples|any examples|examples? please|name (?:some|one|them)|e g)$/;

/** "which app?", "what apps?": which one of what the last answer speaks of. */
export const WHICH_NOUN = /^(?:which|what) ([a-z]{3,})$/;

/** A text that gives its own examples. */
export const HOLDS_EXAMPLES = /\b(?:like|such as|including|for example|e\.g\.)\s|\b[A-Z][a-z]+,? (?:and|or) [A-Z]/;

/** "and what does Jahromi say?", "what did the minister think about it?": a speaker's say, no topic of its own. */
export const SAYS_NAMED =
  /^(?:(?:and|so|but|ok|okay|then) )*what (?:does|did|has|do|would) ((?:the )?[a-z]+(?: [a-z]+)?) (?:say|said|think|thinks|thought)(?: (?:about|of|on) (?:it|that|this|them|those))?$/;

/** "what did Zarif say?", "what has Khamenei said about Trump?": the words of the one named. */
export const SAID_BY = /^what (?:did|does|has|had) ([a-z]{3,}) (?:say|said|tell|told)\b/;

/** "who else uses Instagram?", "and who else?": someone besides the last person. */
export const WHO_ELSE_ASKED = /^(?:(?:and|so|ok|okay|but|then) )*who else\b/;

/** "what did she say?", "and what did he tell them?": their words, no topic given. */
export const SAID_WHAT =
  /^(?:(?:and|so|ok|okay|well|but|then) )*what (?:exactly )?(?:did|does|has|had) (?:he|she) (?:say|said|says|tell|told)(?: (?:to )?(?:them|him|her|us|me|reporters|the press|[a-z]+(?: news)?))?(?: exactly| again| then)?$/;

/** Words someone said, given in the question: "who said we have lost it?", 'who said "…"?'. */
export const QUOTED =
  /["“”]|\b(?:said|says|say|saying|told|tweeted|wrote|claimed|admitted)\s+(?:['‘]|(?:that\s+)?(?:(?:yes|no|well|oh),?\s+)?(?:we|i|you|our|my)\b)/i;

/** "they" as the subject of a verb: "what do they use it for?", "why did they want…", "what they think". */
export const THEY_DO =
  /\b(?:do|did|does|would|will|can|could|should)? ?they (?!are\b|were\b|is\b|was\b|have\b|had\b)([a-z]{2,})\b/;

/** Words naming people in a fact's text (besides namesSomeone's). */
export const PEOPLE =
  /\b(?:[a-z]+ians|people|figures|users|conservatives|hardliners|activists|reporters|journalists|voters)\b/i;

/** What a verb of wanting or saying may be written as in an entry. */
export const VERB_SENSES: Record<string, string[]> = {
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
export const SAYING = new Set("say said says think thought tell told opinion view views stance position".split(" "));

/** Words around a swapped-in topic that are not part of it: "and in the US?", "what about for the minister?". */
export const SWAP_FILLER = new Set("in on at of the a an for to by from with about".split(" "));

/** "what did the foreign minister say?": the words of someone named by a title. */
export const SAID_BY_TITLE = /^what (?:did|does|has|had) the ((?:[a-z]+ ){0,2}[a-z]{3,}) (?:say|said|tell|told)\b/;

/** Words that say something is not so, or is stopped: what answers "who doesn't …?". */
export const NEGATION =
  /\b(?:not|no|never|nobody|none|neither|nor|without|refus\w*|against|oppos\w*|critici[sz]\w*|block\w*|bann\w*|prohibit\w*|stopp?\w*|cut off|at odds)\b|n['’]t\b/i;

/** Nouns that say a person is meant without naming anyone: "the coffee shop guy", "that woman". */
export const PERSON_NOUNS = new Set("guy guys dude man woman lady person bloke chap girl boy fella fellow".split(" "));

/** How much surer the core must be of a pronoun question as written than as filled in for it to win. */
export const PLAIN_MARGIN = 0.05;

/** Confidences this close are a tie. */
export const TIE = 0.005;

export const PRONOUNS = new Set("he she him her his hers himself herself it its itself that this they them".split(" "));

/** Words that ask what kind of answer is wanted ("how old", "her name"), not what it is about. */
export const ASKS_KIND = new Set([
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
