import { fold } from "../core/index.js";

/**
 * What a message asks about the conversation so far, read from its wording alone (no memory, no knowledge):
 * - `who-said`: "who said that?", "whose words are those?"
 * - `person`: "who is he?", "what does she do?", "what's his name?"
 * - `more-from-speaker`: "what else did he say?", "more from him"
 * - `related`: "tell me more", "anything else?" (an entry related to the last one, not shown yet)
 * - `source`: "source?", "where is that from?"
 * - `confirm`: "really?", "is that true?", "is that still the case?" (the last answer again: all the knowledge says)
 * - `detail`: "which ones?", "like who?", "is that a lot?" (the last answer again: it holds the detail asked for)
 * - `disagree`: "does everyone agree?", "who disagrees?" (who opposes the last speaker or topic)
 * - `agent`: "who's responsible?", "who is behind it?" (the last answer, when it names who)
 * - `person-more`: "what else did he do?" (another entry about the last person, not shown yet)
 * - `more-from-speaker` with `name`: "what else did Jahromi say?" (more from the speaker that name is, if any)
 * - `surprise`: "tell me something interesting", "random fact" (any fact: the /fact command with no topic)
 * - `swap`: "and Pinterest?", "what about Instagram?" (the last question's frame with `topic` in place of its topic)
 * - `bare`: "why?", "when was that?" (the question word `ask` over the last question's words)
 * - `pick`: "the first one" after a "Did you mean …?" (`index` from 0)
 * - `pronoun`: a question with "he", "she", "his", "her" (`person` true) or "it", "that" (`thing` true) to fill in
 * - null: a question that stands on its own.
 */
export type FollowUp =
  | {
      kind: "who-said" | "person" | "related" | "source" | "confirm" | "surprise" | "detail" | "person-more" | "agent";
    }
  | { kind: "more-from-speaker"; name?: string; swap?: string }
  | { kind: "disagree"; name?: string }
  | { kind: "swap"; topic: string }
  | { kind: "bare"; ask: "why" | "when" | "where" | "how" | "how many" | "result" }
  | { kind: "pick"; index: number }
  | { kind: "pronoun"; person: boolean; thing: boolean };

/** Results of plainWords during one turn (see withinTurn); null between turns, so no message outlives its turn. */
let turnMemo: Map<string, string> | null = null;

/**
 * Runs one turn with plainWords remembered for its length: the rules read the same message and entries many times.
 * The memo is dropped when the turn ends, so no message text stays in memory after it (the privacy rule).
 */
export function withinTurn<T>(turn: () => T): T {
  if (turnMemo !== null) return turn();
  turnMemo = new Map();
  try {
    return turn();
  } finally {
    turnMemo = null;
  }
}

/** How many texts the current turn remembers (0 between turns): what tests check the privacy rule with. */
export function rememberedTexts(): number {
  return turnMemo?.size ?? 0;
}

/** The words of a message as follow-up rules read them: folded, apostrophes dropped, punctuation as spaces. */
export function plainWords(text: string): string {
  if (turnMemo === null) return readPlain(text);
  const key = String(text ?? "");
  let out = turnMemo.get(key);
  if (out === undefined) turnMemo.set(key, (out = readPlain(key)));
  return out;
}

function readPlain(text: string): string {
  const raw = String(text ?? "").slice(0, 600);
  // Plain ASCII needs no Unicode work (every entry of a large knowledge base goes through here once).
  if (/^[\x20-\x7e]*$/.test(raw))
    return raw
      .toLowerCase()
      .replace(/`/g, "'")
      .replace(POSSESSIVE, possessive)
      .replace(/'/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .replace(CONTRACTED, (w) => CONTRACTIONS[w] ?? w)
      .trim();
  return fold(raw)
    .replace(/[`\u2019]/g, "'")
    .replace(POSSESSIVE, possessive)
    .replace(/'/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(CONTRACTED, (w) => CONTRACTIONS[w] ?? w)
    .trim();
}

// As the core reads words: "Iran's" is "iran", "don't" is "do"; but "who's" is "who is".
const POSSESSIVE = /\b(who|what|where|when|why|how|that|he|she|there|it)'s\b|'(?:s|re|ve|ll|m|d)\b|n't\b/g;
const possessive = (_m: string, head?: string) => (head ? `${head} is` : "");

// "who's he?" typed without the apostrophe reads as "who is he?" too ("whos").
const CONTRACTIONS: Record<string, string> = {
  whos: "who is",
  whats: "what is",
  wheres: "where is",
  whens: "when is",
  whys: "why is",
  hows: "how is",
  thats: "that is",
  hes: "he is",
  shes: "she is",
  theyre: "they are",
  olds: "old is",
  isnt: "is",
  wasnt: "was",
  arent: "are",
  werent: "were",
  doesnt: "does",
  didnt: "did",
};
const CONTRACTED =
  /\b(?:whos|whats|wheres|whens|whys|hows|thats|hes|shes|theyre|olds|isnt|wasnt|arent|werent|doesnt|didnt)\b/g;

// Words at the end that carry nothing: "who is he anyway?", "tell me more pls", "what else did he say lol".
const TRAILER =
  /(?:\s+(?:anyway|anyways|then|again|exactly|please|pls|plz|bot|briefbot|lol|haha|lmao|tho|though|btw|bro|mate|dude|man|now|real quick|quickly|for me|thanks|thx|ty))+$/;

/** Chat idioms for a plain question: "with whose money?" is "who funds it?", "who's on the other side?" "who disagrees?". */
const IDIOMS: [RegExp, string][] = [
  [/^(?:(?:and|but|so) )?(?:with |on |using )?whose (?:money|cash|funds|funding|dime)$/, "who funds it"],
  [
    /^(?:(?:and|but|so) )?who (?:paid|pays|is paying|was paying|put up the money)(?: for (?:it|that|this|them))?$/,
    "who funds it",
  ],
  [
    /^(?:(?:and|but|so) )?who is (?:on the other side|on the other side of (?:it|this|that)|the other side)$/,
    "who disagrees",
  ],
  [
    /^(?:(?:and|but|so) )?(?:who is|whos) (?:against (?:it|that|this)|not on board|not happy(?: with (?:it|that|this))?)$/,
    "who disagrees",
  ],
];

/** "put sanctions on": a phrasal verb a text writes as "impose" ("sanctions imposed by …"). */
const PUT_ON =
  /\b(?:put|puts|putting|slapped|slap|slaps) ((?:the |those |these |new |more )?(?:sanctions|restrictions|limits|curbs|tariffs|bans?|embargo(?:es)?))(?: on(?=\W*$)| in place)?\b/i;

/** The question as a plain one when it is a chat idiom (see IDIOMS, PUT_ON); else as typed. */
export function plainIdiom(question: string): string {
  if (PUT_ON.test(question)) return question.replace(PUT_ON, "imposed $1");
  if (!/whose|pa(?:id|ys|ying)|money|side|against|board|happy/i.test(question)) return question;
  const s = plainWords(question).replace(TRAILER, "").trim();
  for (const [re, plain] of IDIOMS) if (re.test(s)) return plain;
  return question;
}

/** The last word of a message is one TRAILER may drop (a cheap test before folding the message). */
const TRAILER_END =
  /\b(?:anyway|anyways|then|again|exactly|please|pls|plz|bot|briefbot|lol|haha|lmao|tho|though|btw|bro|mate|dude|man|now|quick|quickly|me|thanks|thx|ty)\W*$/i;

/** A question without chat filler at its end ("… anyway?", "… lol", "… tho"), or the question itself when it has none. */
export function withoutTrailer(question: string): string {
  if (!TRAILER_END.test(question)) return question;
  const s = plainWords(question);
  const short = s.replace(TRAILER, "").trim();
  return short !== s && short.split(" ").length >= 2 ? short : question;
}

// Chat openers that carry nothing: "ok so who said that?" reads as "who said that".
const OPENER =
  /^(?:(?:ok|okay|so|well|hmm+|alright|right|cool|great|nice|interesting|oh|ah|wow|thanks|thank you|got it|i see|sorry|um+|uh|hey|hi|and so|but|now|then|also|wait|btw|ok so|oh and|please)\s+)+/;

const THAT =
  "(?:that|this|it|those|these|the quote|that quote|this quote|the last one|the last answer|that answer|this answer)";
const HE = "(?:he|she|him|her|they|them)";

const WHO_SAID = new RegExp(
  `^(?:who (?:said|says|say|wrote|spoke|tweeted|admitted|claimed|stated|declared|announced|mentioned) ${THAT}|who (?:said|says) so|whose (?:quote|words|statement|comment|line) (?:is|was|are|were) ${THAT}|` +
    `who (?:is|was) (?:that|this) (?:quote )?(?:from|by)|(?:who|whom) (?:is|was) ${THAT} (?:from|by)|said by whom|who was it|who said|from who|from whom|` +
    `who(?: said)? ${THAT}|who says|which (?:person|one|guy|official|minister) said ${THAT}|who (?:reported|published|found|measured|counted) ${THAT}|who)$`,
);
const PERSON = new RegExp(
  `^(?:who (?:is|was|s) ${HE}(?: (?:exactly|again|really|then))?|who (?:is|was|s) (?:that|this)(?: (?:exactly|again|then))?|who (?:is|was) (?:this|that) (?:guy|man|woman|lady|person|official|minister)|` +
    `what (?:does|did) ${HE} do(?: for (?:a )?(?:living|work))?|what (?:is|was|s) (?:his|her|their) (?:full |first |last |real |sur)?(?:name|job|role|position|title|work|profession|occupation)|` +
    `(?:his|her) (?:full |first |last |real |sur)?(?:name|job|role|position|title)|what (?:is|was) ${HE}|tell me (?:more )?about (?:him|her)|what (?:is|was) (?:his|her) deal|` +
    `who (?:is|was) (?:he|she) (?:to|in)(?: [a-z]+)?|(?:and )?(?:what|how) about (?:him|her)|what do we know about (?:him|her)|whats (?:his|her|their) (?:full |first |last |real |sur)?(?:name|job|role|position|title))$`,
);
const MORE_FROM = new RegExp(
  `^(?:what else (?:did|does|has|have|would) ${HE} (?:say|said|says|tell|told|think)(?: about anything)?|(?:did|does|has) ${HE} (?:say|said|tell|told) (?:anything|something) else|` +
    `(?:any|some|give me|show me)? ?(?:more|other|another|further) (?:quotes?|words|things|statements|comments)? ?(?:from|by) (?:him|her|them|that (?:guy|man|woman|person))|` +
    `(?:more|other|another) (?:quotes?|one) (?:from|by) (?:him|her|them)|more from (?:him|her|them)|anything else (?:from|by) (?:him|her|them)|` +
    `what (?:other|more) (?:things )?(?:did|does|has) ${HE} (?:say|said)|(?:any|some) other quotes?|another quote|more quotes|` +
    `(?:did|does) ${HE} say anything else|what else (?:did|has) ${HE} (?:got|said))$`,
);
const RELATED = new RegExp(
  `^(?:tell me more|more|go on|continue|keep going|and|so|and so|and what|so what|and what else|more please|say more|tell me something else|something else|anything else|anything more|` +
    `(?:is there )?anything else(?: (?:i should know|to know|about (?:it|that|this)))?|what more|more info(?:rmation)?|more details|more about (?:it|that|this)|` +
    `tell me more about (?:it|that|this)|is that all|thats all|is that it|what next|what happened then|elaborate|can you elaborate|go deeper|more on that|` +
    `what else|who else|anyone else|anybody else|anything more|what other|any others|others|what else (?:is there|do you know|can you tell me)(?: about (?:it|that|this))?|what else (?:about (?:it|that|this))|related|other answers?|next)$`,
);
/** "who else does?", "who else uses it?": more people doing the same, next to the last answer. */
const WHO_ELSE =
  /^(?:and )?who else(?: (?:does|did|do|is|was|has|have|can|uses? (?:it|that)|said (?:it|that|so)|thinks so|agrees))?$/;
/** "does everyone agree?", "who disagrees?": who opposes the last speaker or the last topic. */
const DISAGREE =
  /^(?:(?:does|do|did) (?:everyone|everybody|anyone|anybody|others|the others|all of them) (?:agree|disagree)(?: with (?:him|her|that|this|it))?|(?:is|was) (?:everyone|everybody) on board|who (?:disagrees|disagreed|opposes|opposed|is against|was against)(?: (?:with )?(?:him|her|that|this|it))?(?: (?:on|about|over) (?:that|this|it))?|(?:is|was) (?:anyone|anybody) against (?:him|her|that|this|it)(?: (?:on|about|over) (?:that|this|it))?|(?:did|does) (?:anyone|anybody|someone|somebody) (?:object|complain|push back|protest|oppose it|oppose that|disagree|criticize it|criticise it)|who (?:objected|complained|pushed back)(?: to (?:it|that|this))?|(?:was|is|were) (?:everyone|everybody|anyone|the government|the president) (?:ok|okay|fine|happy|on board) with (?:that|it|this)|(?:did|does) (?:everyone|everybody) (?:accept|like|support) (?:that|it|this))$/;
/** "who's against the minister?", "who opposes Jahromi?": who opposes someone named. */
const DISAGREE_NAMED =
  /^who (?:is |was |are |were )?(?:against|opposes|opposed|disagrees with|disagreed with|is at odds with|was at odds with) (?:the )?([a-z]+(?: [a-z]+){0,3})$/;
/** "what else did he do (online)?": more about the last person than their words. */
const PERSON_MORE = /^what else (?:did|does|has) (?:he|she) (?:do|done|did)(?: [a-z]+){0,2}$/;
/** "what else have they built?", "what else did they ban?": more of the same kind, next to the last answer. */
const ELSE_THEY = /^what else (?:have|has|did|do|does|can|could|will) (?:they|it) [a-z]+(?: [a-z]+)?$/;
const SOURCE = new RegExp(
  `^(?:sources?|(?:the )?source please|citation|link|reference|(?:what|which) (?:is|was|s) (?:the|your|its|that s) sources?|whats (?:the|your) sources?|` +
    `where (?:is|was|does|did) ${THAT} (?:come )?from|where (?:is|was) ${THAT} (?:reported|published|said)|where did you (?:get|read|find|hear) ${THAT}|` +
    `where (?:does|did) (?:that|this|it) (?:info|information|quote|fact) come from|says who|according to (?:who|whom|what)|how do you know(?: ${THAT})?|` +
    `(?:what|which) (?:article|report|story|paper|outlet|source) (?:is|was) ${THAT} from|(?:is|was) ${THAT} (?:from )?(?:a )?(?:reliable|credible) source|` +
    `(?:got|have|do you have) a (?:source|link)(?: for (?:that|this|it))?|where from|from where|source for ${THAT}|where can i (?:read|find|see) (?:more|it|that|this|the (?:article|story|report|full story))|(?:the )?(?:full|original) (?:article|story|report)|read more|link to (?:the )?(?:article|story|source))$`,
);
const SURPRISE =
  /^(?:(?:tell|give|show|teach) me (?:something|anything|a fact|a random fact|a fun fact|an interesting fact|a cool fact)(?: interesting| cool| new| random| fun| surprising)?|surprise me|random fact|fun fact|any fact|a fact|an interesting fact|something interesting|say something interesting)$/;
const MORE_FROM_NAMED =
  /^(?:what else (?:did|does|has|have|would) (.+?) (?:say|said|says|tell|told|think)|(?:anything|something) else (?:from|by) (.+)|(?:any |some |give me |show me )?(?:more|other|another) (?:quotes? |words |things )?(?:from|by) (.+)|(?:did|does|has) (.+?) (?:say|said) anything else)$/;
const DETAIL =
  /^(?:(?:can|could) you (?:give|name|show) (?:me |us )?(?:an?|some|one)(?: examples?)?|give an example|(?:and )?compared (?:to|with) (?:what|others|other countries|the rest of the world|the world|other places|before|last year)|which ones?|which one|which of them|give me an example|give me examples|give (?:me|us) (?:an|some) examples?|any examples|example please|examples please|e g|such as what|about what|regarding what|on what|about whom|about who|to whom|to who|with whom|with who|for whom|for who|in what context|what context|context|like (?:who|what|which|whom|where)|such as|for (?:example|instance)|examples?|an example|name them|list them|name some|what are they|who are they|who were they|who exactly|what exactly|(?:is|was|are|were) (?:that|it|this) (?:a lot|much|many|big|bad|good|normal|high|low|significant|serious|common|unusual|surprising|a big deal|important)|that (?:much|many|big|bad|good|high|low))$/;
/**
 * More ways to ask for what the last answer holds: "name one", "like which apps?", "what kind?", "who was he talking
 * to?" (a quote's context says), "how does that compare?", "after what?".
 */
const DETAIL_MORE =
  /^(?:name (?:one|a few|any)|like (?:which|what) [a-z]+|(?:what|which) (?:kind|sort|type)s?(?: of [a-z]+)?|who (?:was|is|were) (?:he|she) (?:talking|speaking|saying (?:it|that|this)) to|who did (?:he|she) (?:say|tell|said) (?:it|that|this) to|who (?:asked|interviewed) (?:him|her)|(?:is|was) (?:that|it|this) (?:a lot|a big deal|a big jump|[a-z]+) (?:compared (?:to|with)|relative to|next to)(?: [a-z]+){1,4}|how does (?:that|it|this) compare(?: (?:to|with)(?: [a-z]+){1,4})?|(?:after|before|following|despite|against|over) what|what did (?:he|she|they) mean(?: by (?:that|it|this))?|what (?:was|is|were|are) (?:he|she|they) (?:talking|speaking|on) about|what (?:was|is) (?:that|it|this) about|out of how many|out of what|(?:when|where) did (?:he|she|they) say (?:that|it|this))$/;
/** "who's responsible?", "whose fault is that?", "who is behind it?": who did what the last answer tells. */
const AGENT =
  /^(?:by whom|by who|who by|by which (?:people|group|person|authority|body)|who is responsible(?: for (?:that|it|this))?|who was responsible(?: for (?:that|it|this))?|who is to blame|who was to blame|whose fault (?:is|was) (?:that|it|this)|whose fault|who is behind (?:that|it|this)|who was behind (?:that|it|this)|whose idea was (?:that|it|this))$/;
const CONFIRM =
  /^(?:say (?:that|it) again|repeat (?:that|it|the answer)|repeat|can you repeat (?:that|it)|come again|one more time|really|for real|seriously|is that (?:true|right|correct|so)|are you sure|sure|true|no way|is it true|you sure|rly|srsly|(?:is|are) (?:that|it|this|they) still (?:the case|true|so|a thing|happening|going on)|(?:is that )?still (?:the case|true|a thing)|does (?:that|it|this) still (?:hold|apply|stand))$/;
const BARE: [RegExp, "why" | "when" | "where" | "how" | "how many" | "result"][] = [
  [
    /^(?:(?:and )?(?:what|whats) (?:is|was|were) (?:the )?(?:result|results|outcome|effect|effects|impact|consequence|consequences|upshot)(?: of (?:that|this|it))?|with what (?:result|effect)|what came of (?:it|that|this)|and then|then what|and then what|what came next|(?:and )?what happened (?:next|after(?: that)?)|(?:and )?after that|what followed|what did (?:they|he|she|it|the [a-z]+(?: [a-z]+)?) do (?:after|afterwards|next|then|after that|about (?:it|that|this)|in response)|what did (?:that|it|this) (?:lead to|do|change|cause)|what did (?:that|it|this) result in|why (?:does|did|would|should) (?:that|it|this) matter|why (?:is|was) (?:that|it|this) (?:important|a problem|a big deal|bad|significant)|so what does (?:that|it|this) mean|what does (?:that|it|this) mean for (?:them|people|[a-z]+))$/,
    "result",
  ],
  [
    /^(?:why|why so|why is that|why was that|why would (?:that|they|it) be|why did (?:that|it) happen|why did they do (?:that|it)|why not|how come|what for|for what|for what purpose|to what end|for what reason|on what grounds|whats the reason|what was the reason|what is the reason|and why|on what basis|based on what|because of what|because of|due to what|due to|why though|how come|what for exactly)$/,
    "why",
  ],
  [
    /^(?:when|since when|since|in what year|in which year|what year was (?:that|this|it)|in what month|how long ago|how many years ago|when was (?:that|this|it)|when did (?:that|this|it) happen|when did (?:they|it) happen|what year|which year|what date|when exactly|and when|when was that exactly)$/,
    "when",
  ],
  [/^(?:where|where was (?:that|this|it)|where did (?:that|this|it) happen|and where|where exactly)$/, "where"],
  [/^(?:how|how so|how did (?:that|it|this) happen|how exactly|and how|in what way)$/, "how"],
  [
    /^(?:by how much|how much|how many|how many people|how big|what share|what percentage|how much exactly|and how many|and how much)$/,
    "how many",
  ],
];
const PICK =
  /^(?:(?:the )?(?:first|1st|second|2nd|1|2|one|two|a|b)(?: one| option| answer)?|option (?:1|2|one|two|a|b)|number (?:1|2|one|two)|the (?:former|latter))$/;
const SWAP =
  /^(?:and|or|but|also|so)?\s*(?:(?:what|how) about|whatabout|what of|and what about|same for|same question for|what about for)\s+(.+)$|^(?:and|or)\s+(.+)$|^(?:and |so |but )?(?:is|are) ([a-z]+(?: [a-z]+)?)$/;
const QUESTION_START =
  /^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell|give|show|list)\b/;

/** "this"/"that" as a pronoun ("when was that", "that is") rather than a determiner ("that ban"). */
const DEMONSTRATIVE =
  /\b(?:that|this)(?=$| (?:is|was|s|means?|meant|happen|happened|true|right|from|about|for|in|on|to|by|with|so|again|too)\b)|(?<=\b(?:is|was|are|were|does|did)(?: not)? )(?:that|this)\b|\bthem$/;

/** "is that one blocked?", "who made this one": "that one" standing for the last topic. */
const THAT_ONE = /\b(?:that|this) one\b/;

/** "those"/"these" standing alone for the last topic ("what do those do?", "are these safe?"), not "those apps". */
const PLURAL_DEMONSTRATIVE =
  /\b(?:those|these)(?=$| (?:do|did|does|are|were|have|had|can|could|will|would|work|works|help|cost|mean)\b)|(?<=\b(?:are|were|do|did|use|using|about|of|for|with) )(?:those|these)$|(?<=^(?:are|were) )(?:those|these)(?= [a-z]+$)/;

/** "<subject> blocked", "<subject> legal": a yes/no question's predicate after "is", not a second word of a topic. */
const PREDICATE =
  /^(?!the |a |an )[a-z]+ (?:[a-z]+(?:ed|en)|legal|illegal|allowed|available|popular|safe|free|open|ok|okay|true|real|done|finished|working|common|big|good|bad|dangerous|new|still)$/;

/** "who doesn't agree with him?", "who did not support it": who disagrees. */
const NOT_AGREE =
  /^(?:(?:and|so|but|ok|then) )*(?:who|anyone|anybody|does anyone|did anyone) (?:does|did|do) not (?:agree|support|back|like)(?: (?:with )?(?:the )?([a-z]+(?: [a-z]+){0,2}))?$/;

/** "ones" standing for the last topic's noun: "the ones last year", "last year's ones" (not "which ones"). */
const ONES = /(?<!\b(?:which|what|other|two|three|few|some|any) )\bones\b/;

/** Reads what a message refers back to, or null when it stands on its own. `options` is whether a "Did you mean" is open. */
export function readFollowUp(text: string, options = false): FollowUp | null {
  let s = plainWords(text);
  if (s === "") return null;
  // "who doesn't agree with him?" is who disagrees (folding "doesn't" to "does" would read the opposite).
  const against = /n['’]?t\b|\bnot\b/i.test(text) ? NOT_AGREE.exec(plainWords(keepNot(text))) : null;
  if (against) {
    const name = against[1];
    return name === undefined || /^(?:him|her|that|this|it|them)$/.test(name)
      ? { kind: "disagree" }
      : { kind: "disagree", name };
  }
  // "then what?", "and then?", "so what?": phrasings that begin with an opener's word are read whole first.
  const whole = s !== s.replace(OPENER, "") ? readWords(s, options) : null;
  if (whole) return whole;
  s = s.replace(OPENER, "").trim() || s;
  // "who is he anyway?": read as written first ("what happened then" is a phrasing of its own), then without the tail.
  const short = s.replace(TRAILER, "").trim();
  const found = readWords(s, options) ?? (short !== "" && short !== s ? readWords(short, options) : null);
  if (found) return found;
  // "where was the other one?" after an answer naming two people is about one of them.
  const person =
    /\b(?:he|she|him|her|his|hers|himself|herself)\b|\bthe other (?:one|guy|man|woman|person|reporter|journalist)$/.test(
      s,
    );
  const thing =
    /\b(?:it|its|itself|they|them|their)\b/.test(s) ||
    DEMONSTRATIVE.test(s) ||
    THAT_ONE.test(s) ||
    PLURAL_DEMONSTRATIVE.test(s) ||
    ONES.test(s);
  return person || thing ? { kind: "pronoun", person, thing } : null;
}

/** The follow-ups read from a message's words by their phrasing (not yet the pronoun questions). */
function readWords(s: string, options: boolean): FollowUp | null {
  if (options) {
    const m = PICK.exec(s);
    if (m) return { kind: "pick", index: /(?:second|2nd|2|two|b|latter)/.test(s) ? 1 : 0 };
  }
  if (WHO_SAID.test(s)) return { kind: "who-said" };
  if (PERSON.test(s)) return { kind: "person" };
  if (MORE_FROM.test(s)) return { kind: "more-from-speaker" };
  const named = MORE_FROM_NAMED.exec(s);
  if (named) {
    const name = (named[1] ?? named[2] ?? named[3] ?? named[4] ?? "").trim();
    if (name !== "" && name.split(" ").length <= 5) return { kind: "more-from-speaker", name };
  }
  if (RELATED.test(s) || ELSE_THEY.test(s) || WHO_ELSE.test(s)) return { kind: "related" };
  if (DISAGREE.test(s)) return { kind: "disagree" };
  const against = DISAGREE_NAMED.exec(s);
  if (against && !/\b(?:him|her|that|this|it|them)$/.test(against[1]!)) return { kind: "disagree", name: against[1]! };
  const doing = PERSON_MORE.exec(s);
  if (doing) return { kind: "person-more" };
  if (SOURCE.test(s)) return { kind: "source" };
  if (CONFIRM.test(s)) return { kind: "confirm" };
  if (DETAIL.test(s) || DETAIL_MORE.test(s)) return { kind: "detail" };
  if (AGENT.test(s)) return { kind: "agent" };
  if (SURPRISE.test(s)) return { kind: "surprise" };
  for (const [re, ask] of BARE) if (re.test(s)) return { kind: "bare", ask };
  const swap = SWAP.exec(s);
  if (swap) {
    // "is instagram?" right after "is YouTube allowed in Iran?": the last question asked of Instagram.
    const topic = (swap[1] ?? swap[2] ?? swap[3] ?? "")
      .replace(/^(?:the|a|an)\s+/, "")
      .replace(/\s+(?:then|too|as well|instead)$/, "")
      // "the other one, pinterest": the name given after it.
      .replace(/^other (?:one|ones|guy|app|site|thing) ([a-z].*)$/, "$1")
      // "the uber one", "the food ones": the word before "one" is the topic.
      .replace(/^(?!(?:other|another|this|that|which|first|second|last|next|same)\b)([a-z]+(?: [a-z]+)?) ones?$/, "$1")
      .trim();
    // "and who banned it?" is a question of its own after "and": read what follows instead.
    // "and his name?" asks about the person: read what follows instead, too.
    const pointsBack = /\b(?:he|she|him|her|his|hers|it|its|that|this|they|them|their|those|these)\b/.test(topic);
    // "are these safe?", "is it done?": not a swap, a question pointing back.
    if (swap[3] !== undefined && (pointsBack || /\b(?:you|u|there|here)\b/.test(topic))) return null;
    // "isn't Twitter blocked?", "is Telegram legal": a subject and what is said of it is a question of its own.
    if (swap[3] !== undefined && PREDICATE.test(topic)) return null;
    // "and from Rouhani?" after "more from him": more from the one named.
    const from = /^(?:from|by) (.+)$/.exec(topic);
    if (from && !pointsBack && from[1]!.split(" ").length <= 4)
      return { kind: "more-from-speaker", name: from[1]!, swap: topic };
    if (topic !== "" && !QUESTION_START.test(topic) && !pointsBack && topic.split(" ").length <= 5)
      return { kind: "swap", topic };
    if (topic !== "") return readFollowUp(topic, options);
  }
  return null;
}

/** "doesn't", "isnt", "can't" written out with "not" (plainWords folds "doesn't" to "does", as the core reads words). */
export function keepNot(text: string): string {
  return String(text ?? "")
    .replace(/\b(can|won)['’]?t\b/gi, (_m, w: string) => (w.toLowerCase() === "can" ? "can not" : "will not"))
    .replace(/\b(is|are|was|were|do|does|did|has|have|had|could|would|should)n['’]?t\b/gi, "$1 not");
}

/** Replaces the pronouns of a question: people by `name`, things by `topic` (either may be null: left as they are). */
export function fillPronouns(text: string, name: string | null, topic: string | null): string {
  // The question goes to the core as a question: "who doesn't use it?" keeps its "not".
  let s = plainWords(keepNot(text)).replace(OPENER, "");
  if (name !== null) s = s.replace(/\b(?:he|she|him|her|his|hers|himself|herself)\b/g, name);
  if (topic !== null) {
    s = s.replace(/\b(?:it|its|itself|they|them|their)\b/g, topic).replace(THAT_ONE, topic);
    s = s.replace(DEMONSTRATIVE, topic).replace(PLURAL_DEMONSTRATIVE, topic).replace(ONES, topic);
  }
  return s;
}
