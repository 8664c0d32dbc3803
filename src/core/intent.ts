import { fold, stem, words } from "./normalise.js";
import { isKnownEnglish, isNamingWord, properNames } from "./pos.js";
import type { Entry } from "./types.js";

/** What kind of answer a question's own wording asks for. */
export type Intent = "number" | "money" | "age" | "time" | "future" | "person" | "reason" | "name" | null;

/** Reads the question word: "how many" wants a number, "when" a time, "who" a person, "why" a reason. */
export function intentOf(question: string): Intent {
  // "by name" is how something was done, not a request for a name.
  const q = fold(question).replace(/\bby name\b/g, " ");
  // "What age check methods…" asks about checks, not an age: "what age" asks one only before a verb or at the end.
  if (
    /\bhow old\b|\bwhat age\b(?=\s*(?:$|[?.!,]|(?:is|was|are|were|did|do|does|will|would|can|could|should|must|has|have|had|for|to)\b))|\bwhat is (his|her|their) age\b/.test(
      q,
    )
  )
    return "age";
  if (
    /\bhow much\b.*\b(cost|costs|pay|pays|paid|charge|charges|spend|spent|earn|earns|earned|make|makes|made|owe|owes|owed|worth|valued?|lend|lent|loan|price|money|fee|fees|salary|budget|sell|sold|give|gives|gave|get|gets|got|receive|receives|received|fine|fined|compensation|grant|award|awarded|donate|donated|invest|invested|offer|offered)\b(?! way\b)/.test(
      q,
    )
  )
    return "money";
  // "What was Corvane's profit in 2021?", "what is her salary": a thing that is a sum of money asks one.
  if (
    /\b(?:what(?:'s| is| was| are| were| will be)|whats)\s+(?:[\w'’-]+\s+){0,3}?(?:profits?|revenues?|turnover|salary|salaries|wages?|income|budget|price|cost|fees?|fine|valuation|debts?)(?:\s+(?:in|of|for|last|this|next|per|at|on|now|then)\b|\s*[?.!]*$)/.test(
      q,
    )
  )
    return "money";
  // "How much is a VPN subscription?" asks a price.
  if (/\bhow much (?:is|are|was|were) (?:a|an|one|the|\w+'s)\b(?!.*\b(?:of|percent|slower|faster|more|less)\b)/.test(q))
    return "money";
  if (
    /\bhow (many|much|big|large|long|far|fast|slow)\b|\bnumber of\b|\bpercent(age)?\b|\b(what|which) (fraction|proportion|share|portion|part|amount)\b/.test(
      q,
    )
  )
    return "number";
  if (
    /\bnames? of\b|\b(what|which|whats)\b.*\bnames?\b|\bnames? (pls|please)\b|\bwhat(s| is| was| are)\b.*\bcalled\b|\bcalled what\b/.test(
      q,
    )
  )
    return "name";
  // "When will…" asks about the future: only an entry that speaks of what will happen can answer it.
  if (/\bwhen (will|shall|is .* going to|are .* going to)\b/.test(q)) return "future";
  // "When…" as the question word, not "what did he say when asked…".
  if (
    /^(?:\W*(?:so|and|but|hey|hi|ok|okay|please|tell me|do you know|i wonder)\b)*\W*when\b|\b(what|which) (year|month|date|day)\b|\bwhat time\b|\bsince when\b/.test(
      q,
    )
  )
    return "time";
  if (/^\s*(who|whom|whose|whos)\b|\bwho (is|was|said|says|wrote|reported)\b/.test(q)) return "person";
  if (/^\s*why\b|\bfor what reason\b|\bwhat for\b|\bon what grounds\b/.test(q)) return "reason";
  return null;
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
/**
 * An age is a number, but not a quantity: "Lidia Marrow, 52, sells…" does not say how much anything costs. "is 12"
 * is an age only where the sentence stops there ("She is 17."), not in "is 12 kilometres long".
 */
const AGE =
  /\b\d{1,3}-year-olds?\b|\b\d{1,3} years? old\b|\baged \d{1,3}\b|(?<=[A-Z][\w'’-]*), \d{1,2},|\b(?:is|was|turned|turns) \d{1,2}\b(?=\s*(?:[,.;:!?)]|$|and\b|but\b|when\b|years?\b))/g;
/** The name right before an age: "Ali, a 36-year-old", "Quennell, 39,", "Kayla is 17". */
const AGE_OWNER = /(\p{Lu}[\p{L}'’-]+)(?:,\s*(?:(?:a|an|the|who is|who was)\s+)?|\s+)$/u;

/**
 * Whether every age a text gives sits right after a name that is not among `asked` (the question's folded words):
 * "Ali, a 36-year-old Iranian man…" gives Ali's age, not Jahromi's. False when the text gives no age, or an age with no
 * name before it ("the 24-year-old", "She is 17"), which may be anyone's.
 */
export function agesOfOthers(text: string, asked: ReadonlySet<string>): boolean {
  let any = false;
  // matchAll starts where the shared pattern's last test stopped.
  AGE.lastIndex = 0;
  for (const m of text.matchAll(AGE)) {
    const owner = AGE_OWNER.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1];
    if (owner === undefined) return false;
    const first = m.index - owner.length < 2 || /[.!?]\s*$/.test(text.slice(0, text.lastIndexOf(owner, m.index)));
    if (first && isKnownEnglish(fold(owner))) return false;
    if (words(owner).some((w) => asked.has(w))) return false;
    any = true;
  }
  return any;
}

/** An amount of money: a currency sign or word, or a number beside a word about paying. */
const MONEY =
  /[$£€¥₹]|\b\d[\d,.]*\s*(?:bn|m|k|million|billion|thousand)?\s*(?:dollars?|euros?|pounds?|cents?|pence|crowns?|krone|kroner|marks?|francs?|rupees?|yuan|yen|roubles?|rubles?|dinars?|rials?|lira)\b|\b(?:cost|costs|costing|paid|pay|pays|owe|owes|owed|lend|lent|loan|worth|valued|price|priced|fee|fees|salary|earned|earns|made|spend|spent|charge|charges|budget|revenue|subscription|grant|compensation|awarded|donated|invested)\b[^.]{0,40}\d|\d[^.]{0,40}\b(?:cost|costs|paid|owed|lent|loan|worth|fee|salary|budget|revenue|a month|a year|a week|per month|per year)\b/i;
/** A sum of money: a currency sign or word beside a number. */
const MONEY_AMOUNT =
  /[$£€¥₹]\s?\d|\b\d[\d,.]*\s*(?:bn|m|k|million|billion|thousand)?\s*(?:dollars?|euros?|pounds?|crowns?|krone|marks?|francs?|rupees?|yuan|yen|roubles?|rubles?|dinars?|rials?|lira)\b/i;
/** "two years ago" is a time, not a quantity. */
const AGO = /\b\w+ (?:years?|months?|weeks?|days?|decades?) ago\b/gi;
const NUMBER =
  /\d|\b(million|billion|thousand|hundred|hundreds|thousands|millions|half|percent|dozens?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|two-thirds|one-third|a third|a quarter|twice|double|tripled?)\b/i;
const MONTH =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
/** A time of day: "5:40 a.m.", "9 pm", "12:10" (a full stop may follow "p.m.", so no word boundary after it). */
const CLOCK = String.raw`\b\d{1,2}(?::\d\d)? ?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b`;
const SMALL_NUMBER = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
/**
 * A time told by its place in the story or the calendar: "three years later", "on the 14th", "on the ninth day",
 * "at six", "within five working days".
 */
const RELATIVE_TIME = String.raw`\b(?:${SMALL_NUMBER}|\d{1,2}|a few|several) (?:years?|months?|weeks?|days?|decades?|hours?) (?:later|earlier)\b|\bon the \d{1,2}(?:st|nd|rd|th)\b|\b(?:on|by) the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th|last|next|same|following) (?:day|night|morning|evening|week)\b|\bat (?:${SMALL_NUMBER})(?: o'clock)?(?=\s*(?:[,.;:!?)]|$|o'clock|in the|at night|every|each|sharp))|\bwithin (?:${SMALL_NUMBER}|\d{1,2}|a few) (?:working |business )?(?:days|weeks|hours|months)\b`;
/** A time an answer can give: a date, a year, a weekday, a time of day, or a time relative to the report. */
const TIME = new RegExp(
  `\\b(1[89]\\d\\d|20\\d\\d|(?:${MONTH})\\b\\.?|${WEEKDAY}|midnight|noon|(?:last|this|next|that) (?:year|month|week|spring|summer|autumn|fall|winter)|years? ago|months? ago|weeks? ago|yesterday|today|tonight|tomorrow|(?:first|last) day)\\b|${CLOCK}|${RELATIVE_TIME}`,
  "i",
);
/** A date is a time, not a quantity: "June 18" does not say how many drivers there are. */
const DATE = new RegExp(
  `\\b(?:${MONTH})\\b\\.? ?\\d{1,2}\\b|\\b\\d{1,2} (?:${MONTH})\\b|\\b\\d{1,2}(?::\\d\\d)? ?(?:am|pm|a\\.m\\.|p\\.m\\.)`,
  "gi",
);
/** A time naming a day or a month ("1 November", "Aug. 24", "Tuesday"), not only a year or "last year". */
const EXACT_TIME = new RegExp(
  `\\b(?:${MONTH})\\b\\.? ?\\d{1,2}\\b|\\b\\d{1,2} (?:${MONTH})\\b|\\b(?:${MONTH})\\b\\.? (?:1[89]|20)\\d\\d|\\b(?:${WEEKDAY})\\b|\\bmidnight\\b|${CLOCK}`,
  "i",
);
const NEVER = /(?:\bwill|['’]ll) never\b/gi;
const FUTURE =
  /['’]ll\b|\b(will|shall|going to|within (?:[a-z]+ ){1,2}(?:hours|days|weeks|months|years)|expected|plans?|planned|next (year|month|week)|scheduled|set to|due to (?:be|start|begin|open|vote|take)|from (?:\d|next)|starting|begins?|until)\b/i;
const REASON =
  /\b(because|due to|grounds|fearing|in order to|with the aim|as a result|so that|aim|aimed|after|following|amid|citing|cited|accused|meant to|in response|to protect|over fears?|blamed|led to|caused|since)\b/i;

/**
 * Whether an entry's text offers the kind of answer an intent asks for. `asked` holds the question's folded words:
 * a name only answers "what is the name of…" when the question does not already hold it.
 */
export function satisfies(
  entry: Entry,
  intent: Intent,
  asked: ReadonlySet<string>,
  speakerName?: string,
  speakerRole?: string,
  ofAnother = false,
): boolean {
  switch (intent) {
    case "name": {
      const names = properNames(entry.text);
      if (speakerName) names.push(words(speakerName));
      return names.some((name) => name.every((w) => !asked.has(w) && !asked.has(stem(w))));
    }
    case "number":
      // A year is a time, not a quantity: "2009" does not answer "how many were arrested"; an age is not either.
      return NUMBER.test(entry.text.replace(AGE, " ").replace(AGO, " ").replace(DATE, " ").replace(YEAR, ""));
    case "money":
      return MONEY.test(entry.text);
    case "age":
      AGE.lastIndex = 0;
      // In a quote, an age the speaker gives is mostly someone else's ("My mother was 88"): unless the question asks
      // another's age (`ofAnother`: "How old was Fergal's mother?"), only their own counts, or one the sentence around
      // the quote gives them ("Mr Trethewey, 58, said").
      // A fact attributed to a speaker ("According to X (interview)") is their words too.
      if ((entry.kind === "quote" || entry.attribution !== undefined) && !ofAnother) {
        if (speakerRole !== undefined && /\b\d{1,3}-year-old\b|\b\d{1,3} years? old\b/.test(speakerRole)) return true;
        if (/\bI(?:'m|’m| am| was| turned| turn) \d{1,3}\b/.test(entry.text)) return true;
        AGE.lastIndex = 0;
        return entry.kind === "quote" && entry.context !== undefined && AGE.test(entry.context);
      }
      return AGE.test(entry.text);
    case "time":
      return TIME.test(entry.text);
    case "future":
      // "I'll never retire" says it will not happen: no answer to "when will she retire?".
      return FUTURE.test(entry.text.replace(NEVER, " "));
    case "reason":
      return REASON.test(entry.text);
    case "person":
      return entry.kind === "quote" || speakerName !== undefined || /\b[A-Z][a-z]+ [A-Z][a-z]+\b/.test(entry.text);
    default:
      return false;
  }
}

/** A time of day: a clock time, "at six", "midnight", "noon", "dawn". */
const TIME_OF_DAY = new RegExp(
  `${CLOCK}|\\bat (?:${SMALL_NUMBER})(?: o'clock)?\\b|\\b(?:midnight|noon|midday|dawn|dusk|o'clock)\\b`,
  "i",
);

/** Whether a question asks a time of day ("what time does the bakery open?"), not a date or a year. */
export function asksClock(question: string): boolean {
  return /\bwhat time\b(?! of (?:year|the year|day))/.test(fold(question));
}

/** Whether a text gives a time of day ("at 2:15", "7:45 p.m.", "at six", "midnight"). */
export function givesClock(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

/** How well an entry answers "when…": 2 for a day or month named, 1 for a year or a relative time, 0 for none. */
export function timeStrength(text: string): number {
  return EXACT_TIME.test(text) ? 2 : TIME.test(text) ? 1 : 0;
}

const DETERMINER = /^(?:the|a|an)\s+/;
/** "What's Harlan Voss's job?", "what does Selin Marr do": who someone is, asked through their work. */
const ROLE_QUESTION =
  /^(?:\W*(?:so|and|but|hey|ok|okay|please|pls)\b)*\W*(?:what(?:'s|s| is| was)\s+(.{2,40}?)'s?\s+(?:job|role|position|title|profession|occupation|work)|what does\s+(.{2,40}?)\s+do(?: for a living| for work)?)$/;

const ATTRIBUTE_START =
  /^(?:\W*(?:so|and|but|hey|ok|okay|please|pls)\b)*\W*what(?:'s|s| is| was| are| were)\s+(?:(?:the|a|an|this|that|his|her|their|its|your|my)\s+|[\w-]+(?:\s[\w-]+){0,3}?'s?\s+)([\w-]+(?:\s[\w-]+){0,2}?)(?=\s+(?:of|for|in|on|at|to|from|with|about|called|named|that|which|who|when|where|like|than|as|by|under|over|behind|between)\b|$)/;
/** "Which supermarket is…", "which cruise line made…": the words before the verb name the kind of thing asked. */
const WHICH_START =
  /^(?:\W*(?:so|and|but|hey|ok|okay|please|pls)\b)*\W*which\s+(?:[\w-]+\s){0,2}?([\w-]+)(?=\s+(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|made|makes|[a-z]+ed)\b)/;
/**
 * Heads that other checks read (a job, a name), that an article gives without the word (a result, a purpose, a rate:
 * "a move that undermined…", "6.4%"), or that ask for no thing ("what is the matter").
 */
const NOT_ATTRIBUTE = new Set(
  (
    "job role position title profession occupation work name matter point deal thing way result effect impact outcome " +
    "consequence purpose aim goal reason cause problem issue situation plan idea difference message story news " +
    "response reaction view opinion argument case rate share number percentage proportion amount total figure level " +
    "size average count kind kinds type types sort year month day time date one ones"
  ).split(" "),
);

/**
 * The thing a "what is the X…" question asks of its subject, as the head noun of X (after "the" or a possessive, at most three words):
 * "What is Khamenei's Twitter handle?" → handle, "What is the penalty for using a VPN?" → penalty; null for any
 * other question, and for a job or a name (asked and checked elsewhere).
 */
export function askedAttribute(question: string): string | null {
  const q = fold(question).replace(/[?!.\s]+$/, "");
  const m = ATTRIBUTE_START.exec(q);
  const head = m?.[1]?.split(" ").pop();
  // After "the" or a possessive the head is a noun whatever the lexicon says ("handle", "limit").
  if (head === undefined || NOT_ATTRIBUTE.has(head) || /^\d/.test(head)) return null;
  return head;
}

/**
 * The kind of thing a "which X…" question asks for, as the head noun of X ("Which supermarket is on Corran Street?"
 * → supermarket, "which cruise line made…" → line); null for any other question.
 */
export function whichThing(question: string): string | null {
  const head = WHICH_START.exec(fold(question).replace(/[?!.\s]+$/, ""))?.[1];
  return head === undefined || NOT_ATTRIBUTE.has(head) || /^\d/.test(head) ? null : head;
}

/** Whether the question asks what someone's job or role is: answered only by an entry that says who they are. */
export function asksRole(question: string): boolean {
  return ROLE_QUESTION.test(fold(question).replace(/[?!.\s]+$/, ""));
}
/**
 * The subject of a question asking what or who something is ("who is Aurel Dragomir", "what's Karavan", "what is
 * the national digital shield"), as folded words; null for any other question, and for "who is the minister" or
 * "who is Velora's CEO", which ask for a name rather than about one.
 */
export function definitionSubject(question: string): string[] | null {
  const q = fold(question).replace(/[?!.\s]+$/, "");
  const role = ROLE_QUESTION.exec(q);
  if (role) {
    const ws = words(role[1] ?? role[2] ?? "");
    return ws.length >= 1 && ws.length <= 4 ? ws : null;
  }
  const m =
    /^(?:\W*(?:so|and|but|hey|hi|ok|okay|um|please)\b)*\W*(who|what)(?:\s+(?:is|was|are|were)|'s|s)\s+(.{1,60})$/.exec(
      q,
    );
  if (!m) return null;
  let subject = m[2]!.trim();
  if (
    /'s\b|\b(of|in|for|about|with|by|from|on|at|to|that|this|these|those|it|he|she|they|his|her|their|your|my)\b/.test(
      subject,
    )
  )
    return null;
  if (m[1] === "who" && DETERMINER.test(subject)) return null;
  subject = subject.replace(DETERMINER, "");
  const ws = words(subject);
  // A thing or a name ("ghost mode", "Aurel Dragomir"), not a clause ("what was Ali wearing").
  if (ws.length === 0 || ws.length > 4 || !isNamingWord(ws[ws.length - 1]!)) return null;
  return ws.some((w) => /(ing|ed)$/.test(w) && !isNamingWord(w)) ? null : ws;
}

const NOT_ROLES = new Set([
  "said",
  "says",
  "added",
  "told",
  "and",
  "but",
  "or",
  "year",
  "week",
  "month",
  "however",
  "also",
  "then",
  "now",
  "today",
  "ago",
]);
const SENTENCE_START =
  /^(?:In|On|At|The|A|An|But|And|For|From|After|Before|When|While|Under|Since|By|With|As|If|Of|To|It|This|That|Meanwhile|However)$/;
const TITLE_BEFORE = /(?:^|[^.!?]\s)((?:[A-Z][\w'’.-]*\s+){1,4})$/;
const ROLE_BEFORE = /\b([a-z][\w'’-]+)\s*,\s*$/;
const NOUN_PHRASE_BEFORE = /\b(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w'’-]*\s+){1,4}["“‘']?$/;
const NAMED_BEFORE = /\b(?:call|calls|called|named|known as|nicknamed|nickname|dubbed)\s+(?:the\s+)?["“‘']?$/i;
const APPOSITIVE_AFTER = /^["”’']?\s*(?::\s*\w|(?:,|\(|—|–)\s*["“‘']?(?:a|an|the|who|which|where|whose|one|\d+)\b)/i;
const COPULA_AFTER =
  /^["”’']?\s+(?:(?:is|are|was|were)\s+(?:a|an|the|one|not|now|still|already)\b|(?:became|becomes|has become|had become|serves as|served as|works as|worked as)\s)/i;
/** A relation by name: "Kristin Lindqvist-Hale is Hester Lindqvist's daughter", "Mikkel is her husband". */
const RELATION_AFTER =
  /^\s+(?:is|are|was|were)\s+(?:(?:his|her|their)\s|(?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*['’]s\s)/u;
/** "Bettina Ruhl leads the union", "X has been director of…": what someone does, said of them by name. */
const OCCUPATION_AFTER =
  /^\s+(?:(?:runs|ran|leads|led|chairs|chaired|heads|headed|owns|owned|manages|managed|directs|directed|founded|co-founded|represents|represented|coaches|teaches|taught|edits)\s+(?:the|a|an|its|his|her|their|\p{Lu})|(?:works|worked)\s+(?:at|for|in|on)\s|(?:has|had)\s+(?:been|served as)\s+(?:(?:a|an|the)\s+)?[\p{L}-]+\s+(?:of|at|for)\s)/u;
/** "The council leader on Vorren Sør, Ingrid Falk": a role with its place, then the name. */
const ROLE_AT_PLACE_BEFORE =
  /\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w'’-]*\s+){1,3}(?:on|of|at|in|for|from)\s+(?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*,\s*$/u;
/** "…evidence from Lionel Farrant, a site foreman who…": an appositive noun phrase, not a clause ("In Vell, a man was…"). */
const NOUN_APPOSITIVE_AFTER =
  /^,\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?:,|\s+(?:who|whose|at|of|for|with|in|from)\b)/i;

function escape(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether a text says what or who `subject` is: "President Donald Trump", "ACOM's chairman, Dariusz Wenck", "the
 * anonymous messaging app Whisperly", "a state-run app store, Karavan", "Lidia Marrow, 52, sells…", "X is a…",
 * "officially called the National Digital Shield". A mention alone ("the Trump administration") is not enough.
 */
export function defines(text: string, subject: readonly string[]): boolean {
  return definer(subject)(text);
}

/** {@link defines} for one subject, compiled once: the core checks many entries against one question. */
export function definer(subject: readonly string[]): (text: string) => boolean {
  if (subject.length === 0) return () => false;
  const full = subject.map(escape).join("[\\s-]+");
  const lastWord = subject[subject.length - 1]!;
  const last = escape(lastWord);
  const re = new RegExp(`(?<![a-z0-9])(?:${full}|${last})(?:s|es)?(?![a-z0-9])`, "g");
  return (text: string) => {
    // Most entries do not name the subject at all: a plain substring test before folding and matching.
    if (!text.toLowerCase().includes(lastWord.slice(0, 4))) return false;
    let seen = 0;
    const plain = fold(text);
    if (plain.length !== text.length) return false;
    for (const m of plain.matchAll(re)) {
      if (++seen > 3) break;
      const before = text.slice(Math.max(0, m.index - 50), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      // "In Iran, the regime…" is a place, not an appositive.
      if (/\b(?:in|on|at|from|to|for|of|by|with|across|inside|outside|into|about|over)\s+$/i.test(before)) {
        if (subject.length >= 2 && NOUN_APPOSITIVE_AFTER.test(after)) return true;
        continue;
      }
      if (APPOSITIVE_AFTER.test(after) || COPULA_AFTER.test(after) || RELATION_AFTER.test(after)) return true;
      if (OCCUPATION_AFTER.test(after)) return true;
      if (NAMED_BEFORE.test(before) || NOUN_PHRASE_BEFORE.test(before) || ROLE_AT_PLACE_BEFORE.test(before))
        return true;
      const role = ROLE_BEFORE.exec(before);
      if (role && !NOT_ROLES.has(role[1]!) && !/(ly|ed)$/.test(role[1]!)) return true;
      const title = TITLE_BEFORE.exec(before);
      if (title) {
        const first = title[1]!.trim().split(/\s+/)[0]!;
        const own = title[1]!
          .trim()
          .split(/\s+/)
          .every((w) => subject.includes(fold(w)));
        if (!own && !SENTENCE_START.test(first)) return true;
      }
    }
    return false;
  };
}

const COUNT_WORDS = /\b(?:how many|how much|number of)\s+([a-z][\w-]*)/;
const NUMBER_TOKEN =
  "(?:\\d[\\d.,]*(?:%|bn|m|k)?|million|billion|thousand|hundred|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

/** The thing a "how many…" question counts ("how many drivers" → "drivers"); null when it names none. */
export function countedNoun(question: string): string | null {
  const m = COUNT_WORDS.exec(fold(question));
  if (!m) return null;
  const w = m[1]!;
  return /^(do|does|did|is|are|was|were|has|have|had|will|would|can|could|of|the|a|an|more|less)$/.test(w) ? null : w;
}

/** Whether a number stands right before the counted thing in a text ("38,000 drivers", "6 million of … people"). */
export function countsNoun(text: string, noun: string): boolean {
  return counter(noun)(text);
}

/** {@link countsNoun} for one noun, compiled once. */
export function counter(noun: string): (text: string) => boolean {
  const head = escape(stem(noun));
  // "a 1911 power loom": a year before a noun dates it, it does not count it.
  const re = new RegExp(`\\b(?!(?:1[89]|20)\\d\\d\\b)${NUMBER_TOKEN}(?:\\s+[\\w'’,-]+){0,3}?\\s+${head}`, "i");
  return (text: string) => re.test(fold(text));
}

/**
 * The thing whose name a question asks, as its head noun: "what is the driver's name" / "what is the name of the
 * ride-hailing app" / "what's the app called" → "driver" / "app"; null for any other question.
 */
export function namedThing(question: string): string | null {
  const q = fold(question).replace(/[?!.\s]+$/, "");
  const m =
    /\bnames? of (?:the |a |an |this |that |its |their |his |her |(?:[a-z]+ ){0,2}[a-z]+'s )?(?:[\w-]+ ){0,3}?([a-z][\w-]*?)(?:'s)?(?: (?:in|at|on|from|that|which|who|used|run|owned)\b.*)?$/.exec(
      q,
    ) ??
    /\b(?:what|whats)(?:'s| is| was| are)? (?:the |this |that |its |their |his |her |(?:[a-z]+ ){0,2}[a-z]+'s )(?:[\w-]+ ){0,3}?([a-z][\w-]*?)(?:'s)? (?:name|called)\b/.exec(
      q,
    );
  const noun = m?.[1];
  // "whats the make up artists name": a possessive written without its apostrophe, or a plural, asks the one thing.
  return noun && noun.length >= 3 && isNamingWord(noun) ? noun.replace(/([^su])s$/, "$1") : null;
}

/** Whether a text puts a name beside the thing ("The driver, Osric Naylor,", "Tandem, a ride-hailing app"). */
export function namer(noun: string): (text: string) => boolean {
  const n = `[${noun[0]!.toUpperCase()}${noun[0]}]${escape(noun.slice(1))}`;
  const after = new RegExp(
    String.raw`\b${n}s?,?\s+(?:(?:(?:is|was|she|he|they|we|it|i)\s+)?(?:called|calls|named|known as|dubbed)\s+)?["“‘]?\p{Lu}[\p{L}'’-]+`,
    "u",
  );
  const before = new RegExp(
    String.raw`\p{Lu}[\p{L}'’-]+(?:,\s+(?:a|an|the)|(?:,[^.,]{0,40},)?\s+(?:is|was)\s+(?:a|an|the|(?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*['’]s))\s+(?:[\p{L}'’-]+\s+){0,3}${n}s?\b`,
    "u",
  );
  return (text: string) => {
    const m = after.exec(text);
    // "the driver Monday": a capital that starts a weekday or a month is not a name.
    return (m !== null && !/(?:day|uary|ember|ober|March|April|May|June|July|August)$/.test(m[0])) || before.test(text);
  };
}

const SIZE_UNITS =
  "miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|yards?|acres?|hectares?|square|sq|tons?|tonnes?|kilograms?|kg|pounds?|lbs?|grams?|litres?|liters?|gallons?";
const TIME_UNITS = "seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?";
const MEASURE = {
  size: new RegExp(String.raw`\d[\d,.]*(?:\s*|-)(?:${SIZE_UNITS})\b`, "i"),
  length: new RegExp(
    String.raw`(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|a few|several))(?:\s*|-)(?:${SIZE_UNITS}|${TIME_UNITS})\b`,
    "i",
  ),
};

/**
 * A measure a question asks for: "how big / wide / tall…" a size with its unit, "how long" a length or a duration
 * ("1,900-mile-wide", "nine-hour"); null for any other question. The returned test reads an entry's text.
 */
export function measureOf(question: string): ((text: string) => boolean) | null {
  const q = fold(question);
  // "How big was the grant?": a sum of money is its size too.
  if (/\bhow (?:big|large|small)\b/.test(q)) return (t) => MEASURE.size.test(t) || MONEY_AMOUNT.test(t);
  if (/\bhow (?:wide|tall|high|deep|far|heavy)\b/.test(q)) return (t) => MEASURE.size.test(t);
  if (/\bhow long\b/.test(q)) return (t) => MEASURE.length.test(t);
  return null;
}

/** The kinds of answer {@link answerTypeOf} tells apart. */
export type AnswerType =
  | "duration"
  | "length"
  | "distance"
  | "measure"
  | "speed"
  | "frequency"
  | "colour"
  | "share"
  | "called"
  | "day"
  | "year"
  | "month"
  | "place"
  | "population";

const COUNT_WORD = String.raw`(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|a few|several|many|dozens?(?: of)?)`;
const DISTANCE_UNITS =
  "miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|m|feet|foot|ft|inch(?:es)?|yards?|centimet(?:re|er)s?|cm";
const TYPE_TESTS: Record<AnswerType, RegExp> = {
  // "more than six hours", "a fortnight", "since 2009", "until the end of September"; not "six years ago", "a 6-year-old".
  duration: new RegExp(
    String.raw`\b${COUNT_WORD}\s+(?:and a half\s+)?(?:${TIME_UNITS})\b(?!\s+(?:ago|old)\b|-old\b)|\b(?:a|one|two|three) fortnights?\b|\bhalf an hour\b|\b(?:overnight|all night|all day|until\b|till\b)`,
    "i",
  ),
  length: new RegExp(
    String.raw`\b${COUNT_WORD}(?:\s+|-)(?:${DISTANCE_UNITS})\b|\b${COUNT_WORD}\s+[\w-]+\s+long\b`,
    "i",
  ),
  // "two buses and an hour away" tells a distance too.
  distance: new RegExp(
    String.raw`\b${COUNT_WORD}(?:\s+|-)(?:${DISTANCE_UNITS})\b|\baway\b|\b${COUNT_WORD}(?:\s+|-)(?:minutes?|hours?)(?:['’]|\s+)(?:walk|drive|ride)\b`,
    "i",
  ),
  measure: new RegExp(String.raw`\b${COUNT_WORD}(?:\s+|-)(?:${SIZE_UNITS}|storeys?|stories|floors)\b`, "i"),
  speed: /\b\d[\d,.]*\s*(?:mph|km\/h|kph|knots?|miles (?:an|per) hour|kilomet(?:re|er)s (?:an|per) hour)\b/i,
  // "every six months", "twice a week", "once a month", "daily", "three times a year".
  frequency: new RegExp(
    String.raw`\bevery\b|\beach (?:day|night|week|month|year|morning|evening|time)\b|\b(?:once|twice|${COUNT_WORD} times)(?: (?:a|an|per|every|each) \w+)?\b|\b(?:a|an|per) (?:day|night|week|fortnight|month|year)\b|\b(?:daily|nightly|weekly|fortnightly|monthly|yearly|annually|hourly|regularly)\b`,
    "i",
  ),
  colour:
    /\b(?:red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|grey|gray|silver|gold|golden|navy|maroon|crimson|scarlet|turquoise|beige|cream|amber|dark|light|pale|bright)(?:-coloured|-colored)?\b/i,
  // "23%", "sixty percent", "a third", "half", "one in five", "three out of ten".
  share:
    /\d\s?%|\bper ?cent\b|\bhalf\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b|\b(?:one|two|three|four|\d+) (?:in|out of) (?:\w+)\b|\bmost\b|\bmajority\b|\bminority\b/i,
  // "known locally as “the Book Barge”", "a petition, “Keep the Keeper”", "named Cyril".
  day: new RegExp(
    `\\b(?:${WEEKDAY})\\b|\\b(?:${MONTH})\\b\\.? ?\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})\\b|\\b(?:yesterday|today|tomorrow)\\b|\\bon the \\d{1,2}(?:st|nd|rd|th)\\b`,
    "i",
  ),
  year: /\b(?:1[89]|20)\d\d\b|\b(?:last|this|next|that) year\b|\byears? ago\b/i,
  month: new RegExp(`\\b(?:${MONTH})\\b|\\b(?:last|this|next|that) month\\b`, "i"),
  // "a town of about 4,000", "its 1,200 residents", "home to 300 families", "population".
  population: new RegExp(
    String.raw`\bpopulation\b|\binhabitants\b|\bhome to\b|\b(?:town|village|city|country|island|nation|community|estate|district|parish|region|state)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|just over\s+|fewer than\s+)?${COUNT_WORD}\b|\b${COUNT_WORD}(?:\s+(?:million|thousand|hundred))?\s+(?:people|residents|inhabitants|villagers|islanders|households|families|citizens|souls)\b`,
    "i",
  ),
  // "at the launch in Lausanne", "on Corran Street", "outside the community centre", "140 kilometres to the south".
  place: new RegExp(
    String.raw`\b(?:in|at|on|near|outside|inside|from|into|off|along|across|opposite|behind|beside|above|below|towards?|around)\s+(?:the\s+)?(?:(?!(?:${MONTH}|${WEEKDAY})\b)\p{Lu}[\p{L}'’-]*|(?:[\p{L}'’-]+\s+){0,2}(?:road|street|lane|avenue|square|junction|roundabout|bridge|village|town|city|estate|park|station|hospital|church|school|centre|center|hall|harbour|port|quay|pier|beach|river|canal|farm|site|plant|factory|office|shop|store|market|house|home|ward|court|stadium|ground|field|valley|coast|border|capital)s?)\b|\b${COUNT_WORD}\s*(?:kilomet(?:re|er)s?|km|miles?)\b|\b(?:north|south|east|west)(?:ern)?\b|\b(?:abroad|overseas|nearby|locally)\b`,
    "iu",
  ),
  called: /\b(?:called|named|known (?:\w+ )?as|nicknamed|dubbed|titled|entitled)\b|[“"‘][\p{Lu}]/u,
};

/**
 * The kind of answer a question's form asks beyond its question word, with a test of an entry's text: "how long was
 * TideTap down?" a duration, "how long is the canal?" a length, "how often…" a frequency, "how far…" a distance, "how
 * tall / high / deep / wide / heavy…" a measure, "how fast…" a speed, "what colour…", "what percentage / proportion /
 * share…", "what is X called?". Null for any other question. The core prefers an entry that gives it.
 */
export function answerTypeOf(question: string): { type: AnswerType; test: (text: string) => boolean } | null {
  const type = answerTypeName(fold(question).replace(/[?!.\s]+$/, ""));
  if (type === null) return null;
  const re = TYPE_TESTS[type];
  if (type !== "duration") return { type, test: (t) => re.test(t) };
  const q = fold(question);
  // "How long has she run it?" is answered by "since 2009"; "how long was it down?" is not.
  const since = /\b(?:has|have|hasn't|haven't)\b/.test(q) ? SINCE : null;
  // "a six-week strike" tells how long the strike lasted, "a five-year contract" how long a contract runs.
  const asked = new Set(words(q).map(stem));
  return {
    type,
    test: (t) => {
      if (re.test(t) || since?.test(t)) return true;
      for (const m of t.matchAll(COMPOUND_DURATION)) if (asked.has(stem(fold(m[1]!)))) return true;
      return false;
    },
  };
}

const SINCE = new RegExp(String.raw`\bsince (?:(?:1[89]|20)\d\d|(?:${MONTH})\b)`, "i");
const COMPOUND_DURATION = new RegExp(
  String.raw`\b${COUNT_WORD}-(?:second|minute|hour|day|night|week|month|year|decade)(?:-long)? ([\p{L}-]+)`,
  "giu",
);

/** A thing whose length is a time, not a size ("how long was the strike?", "how long is her walk home?"). */
const TIMED_THING =
  /\b(?:strike|outage|wait|waiting|delay|meeting|hearing|trial|debate|session|shift|visit|stay|flight|journey|trip|walk|drive|ride|closure|war|siege|ban|lockdown|break|search|rescue|career|reign|tenure|contract|sentence|programme|program|course|season|tour|show|film|speech|interview|operation|surgery|process|campaign|project|study|day|night|week|month|year|stint|spell|term|commute)s?\b/;

function answerTypeName(q: string): AnswerType | null {
  if (/\b(?:what|which) (?:day|date)\b|\bon what day\b/.test(q)) return "day";
  if (/\b(?:what|which|in what) year\b/.test(q)) return "year";
  if (/\b(?:what|which|in what) month\b/.test(q)) return "month";
  if (
    /\bhow many (?:people|persons|residents|inhabitants|folks?) (?:live|lives|living|reside)\b|\bpopulation of\b|\bwhat(?:'s| is| was) (?:the |its |their )?population\b|\bhow (?:big|large) is the population\b/.test(
      q,
    )
  )
    return "population";
  // "Where did the crash happen?", "in which town…": a place, named or by its kind ("on the ring road"). Not "where can
  // Iranians shop online?", which asks where in a wider sense (a site, an app).
  if (
    /^(?:\W*(?:so|and|but|hey|ok|okay|please|pls)\b)*\W*where(?!\s+(?:can|could|should|would|will|might|may)\b)\b|\b(?:in|at) (?:what|which) (?:town|city|village|country|county|region|place|street|area)\b/.test(
      q,
    )
  )
    return "place";
  if (/\bhow often\b|\bhow frequently\b|\bhow many times (?:a|an|per|each|every) \w+\b/.test(q)) return "frequency";
  if (/\bhow (?:fast|quickly)\b|\bwhat (?:speed|pace)\b|\bat what speed\b/.test(q)) return "speed";
  if (/\bhow far\b(?!\s+(?:behind|ahead|below|above|off|short|along|into|back|up|down)\b)/.test(q)) return "distance";
  if (/\bhow (?:tall|high|deep|wide|heavy|thick)\b/.test(q)) return "measure";
  if (/\bwhat colou?rs?\b|\bwhich colou?rs?\b/.test(q)) return "colour";
  if (
    /\b(?:what|which) (?:percentage|percent|proportion|share|fraction|portion)\b|\bhow much of\b|\bwhat part of\b/.test(
      q,
    )
  )
    return "share";
  if (/\b(?:what|whats)(?:'s| is| was| are| were)?\b.*\bcalled\b|\bcalled what\b/.test(q)) return "called";
  const long = /\bhow long\b(.*)$/.exec(q);
  if (long) {
    const rest = long[1]!.trim();
    // "How long is the Amberlow Canal?", "how long was the trawler": a copula and a noun phrase only.
    const thing =
      /^(?:is|was|are|were)\s+(?:(?:the|a|an|this|that|its|his|her|their|[\w-]+'s)\s+)?((?:[\w-]+\s+){0,3}[\w-]+)$/.exec(
        rest,
      );
    if (
      thing &&
      // "How long was she an accountant?" asks how long she was one.
      !/^(?:he|she|it|they|you|i|we)\b/.test(thing[1]!) &&
      !TIMED_THING.test(thing[1]!) &&
      !/\b(?:down|closed|open|shut|away|gone|out|off|in|on|there|here|missing|ill|sick|married|alive|dead|empty|idle|late|delayed)$/.test(
        thing[1]!,
      )
    )
      return "length";
    return "duration";
  }
  return null;
}
