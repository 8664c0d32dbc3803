import { stem, words } from "./normalise.js";

/**
 * Words that carry no topic: articles, pronouns, auxiliaries, question words and chat filler. They are dropped from
 * questions before matching (question words are read for intent first, see intent.ts).
 */
const STOP = `a about above after again against all am an and any are aren as at be because been before being below
between both but by can cannot could couldn did didn do does doesn doing don down during each few for from further had
hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself just let
me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same shan she
should shouldn so some such than that the their theirs them themselves then there these they this those through to too
under until up very was wasn we were weren what when where which while who whom why will with wo wouldn would you your
yours yourself yourselves yes ok okay please tell know explain describe give show say something anything thing things
really actually also even ever still much many lot lots get got kind sort s t d ll m re ve y hi hey hello bot briefbot
according exactly think thinks thought feel feels opinion view views despite whether
um uh er hmm basically literally wondering wonder curious sorry question questions somewhere someone anyone somebody
anybody stuff whole point friend friends thanks thank cheers read heard hear saw seen
school project homework article story piece wat wut u ur pls plz thx lol btw like tho type types kinds sorts
mention mentions mentioned mentioning r whos whats hows wheres whens whys thats theres im ive id youre dont doesnt
didnt isnt wasnt arent werent cant wont us month months date dates fraction proportion percentage amount reason reasons`;

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP.split(/\s+/));

/**
 * Groups of words a reader may use for one another. Every word of a group finds the others at a lower weight, so
 * "tweet" finds Twitter and "ride-hailing" finds Uber, but an exact word still ranks first.
 */
const GROUPS = [
  "twitter tweet tweets tweeting tweeted",
  "uber ridehailing taxi taxis cab cabs rideshare ridesharing",
  "vpn vpns proxy proxies circumvent circumvention bypass workaround workarounds",
  "media networks platform platforms",
  "ban banned banning block blocked blocking prohibit prohibited forbid forbidden outlaw outlawed illegal shut shutting shutdown",
  "allow allowed permit permitted legal",
  "instagram insta",
  "facebook fb",
  "government regime authorities officials state establishment",
  "chat chats messaging messenger",
  "risk risks danger dangerous endanger endangers threat threaten threatens",
  "benefit benefits advantage advantages upside",
  "disagree disagrees disagreement odds oppose opposes opposed conflict conflicts",
  "profession job occupation career work",
  "talk talked talking spoke speak speaking interview interviewed",
  "affect affects effect effects impact hurt hurts harm harms undermine undermining damage",
  "app apps application applications",
  "sanction sanctions embargo",
  "fund funds funding funded finance financed pay pays paid",
  "foreign overseas international abroad",
  "wary suspicious distrust mistrust fear fears fearing afraid",
  "protest protests demonstration demonstrations unrest uprising",
  "censorship censor censored filtering restriction restrictions limits",
  "makeup cosmetics beauty",
  "customer customers clients client",
  "iran iranian iranians persia persian",
  "khamenei ayatollah",
  "journalist reporter reporters anchor correspondent",
  "wrote author authors writer byline",
  "startup startups entrepreneur entrepreneurs",
  "company companies firm firms corporation corporations",
  "revenue revenues income earnings",
  "privacy surveillance spying",
  "grew growth increase increased rise rose better improve improved improving",
  "weak weakness",
  "speed speeds fast faster slow bandwidth",
  "lost lose losing loss",
  "delivery deliver",
  "homegrown domestic local",
  "e-commerce ecommerce shopping",
  "ceo executive",
  "fall fell falls falling drop dropped drops decline declined decrease decreased",
  "lady ladies woman women",
  "photo photos photograph photographs picture pictures image images",
  "justification justify justified grounds",
  "professor prof",
  "mom mum mother mothers moms mums",
  "dad father fathers",
  "kid kids child children",
  "teen teens teenager teenagers",
  "florist flower flowers",
  "cost costs price prices charge charges",
].map((g) => g.split(" "));

const SYNONYM_WEIGHT = 0.7;
const synonyms = new Map<string, Map<string, number>>();
for (const group of GROUPS) {
  const stems = [...new Set(group.flatMap((w) => words(w)).map(stem))];
  for (const s of stems) {
    const m = synonyms.get(s) ?? new Map<string, number>();
    for (const other of stems) if (other !== s && !m.has(other)) m.set(other, SYNONYM_WEIGHT);
    synonyms.set(s, m);
  }
}

/**
 * Words that find others one way only: "who runs X?" finds X's chief executive, director or chair, but "chief
 * executive" does not find a director (a director is not the chief executive a question asks about).
 */
const ONE_WAY: [string, string][] = [
  [
    "run runs running lead leads leading heads heading",
    "head chief executive ceo boss leader director chair chairman chairwoman",
  ],
];
for (const [from, to] of ONE_WAY) {
  const targets = [
    ...new Set(
      to
        .split(" ")
        .flatMap((w) => words(w))
        .map(stem),
    ),
  ];
  for (const s of new Set(
    from
      .split(" ")
      .flatMap((w) => words(w))
      .map(stem),
  )) {
    const m = synonyms.get(s) ?? new Map<string, number>();
    for (const t of targets) if (t !== s && !m.has(t)) m.set(t, SYNONYM_WEIGHT);
    synonyms.set(s, m);
  }
}

/**
 * Nouns that name a person by their role or tie ("the mayor", "her mother"): a question that asks about the mayor is
 * not answered by a sentence about someone else in the same town. Plain English, not any article's words.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  (
    "mayor leader head chief executive ceo director president chair chairman chairwoman chairperson spokesperson " +
    "spokesman spokeswoman minister secretary manager owner founder boss governor commissioner councillor senator " +
    "judge lawyer solicitor prosecutor coach captain editor principal headteacher superintendent treasurer inspector " +
    "officer sheriff mother father wife husband son daughter brother sister grandmother grandfather uncle aunt cousin " +
    "parent friend neighbour neighbor partner deputy predecessor successor landlord employer"
  ).split(" "),
);

/** Every word of the synonym groups, for typo correction towards them ("profesor" → "professor"). */
export function lexiconWords(): string[] {
  return GROUPS.flat().filter((w) => /^[a-z]+$/.test(w));
}

/** The stems a stem also stands for, each with its weight (below 1). */
export function synonymsOf(s: string): ReadonlyMap<string, number> | undefined {
  return synonyms.get(s);
}

/** Chat abbreviations a reader may type, read as the word they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  govt: "government",
  gov: "government",
  gvt: "government",
  ppl: "people",
  ppls: "people",
  comms: "communications",
  info: "information",
  pres: "president",
  prez: "president",
  admin: "administration",
  intl: "international",
  biz: "business",
  msg: "message",
  msgs: "messages",
  tv: "television",
  pics: "pictures",
  pic: "picture",
  pop: "population",
  yrs: "years",
  yr: "year",
  mil: "million",
  mln: "million",
  k: "thousand",
  approx: "approximately",
  b4: "before",
  bc: "because",
  cuz: "because",
  coz: "because",
  abt: "about",
  w: "with",
  w8: "wait",
  gr8: "great",
};

/** Two-word verbs read as the one word an article would use ("went up" → "rose"). */
const PHRASES: [RegExp, string][] = [
  [/\b(?:go|goes|going|gone|went)\s+up\b/gi, "rise"],
  [/\b(?:go|goes|going|gone|went)\s+down\b/gi, "fall"],
  [/\b(?:set|sets|setting)\s+up\b/gi, "founded"],
  [/\b(?:shut|shuts|shutting)\s+down\b/gi, "shutdown"],
  [/\b(?:is|are|was|were)\s+in\s+charge\s+(?:of|at)\b/gi, "heads"],
];

/** A question with its two-word verbs replaced by single words. */
export function withPhrases(question: string): string {
  let q = question;
  for (const [re, word] of PHRASES) q = q.replace(re, word);
  return q;
}

/** The word an abbreviation stands for ("govt" → "government"); the word itself otherwise. */
export function expandAbbreviation(word: string): string {
  return Object.prototype.hasOwnProperty.call(ABBREVIATIONS, word) ? ABBREVIATIONS[word]! : word;
}

/** "sales are down 12.3 percent" says they fell; "up 4%" that they rose. */
const MOVE = String.raw`\b(?:is|are|was|were|been|be|remain(?:s|ed)?|stay(?:s|ed)?|ended|closed|finished)\s+`;
const BY = String.raw`\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+|more than\s+)?[$£€]?\d`;
const MOVES: [RegExp, string][] = [
  [new RegExp(`${MOVE}down${BY}`, "i"), "fall"],
  [new RegExp(`${MOVE}up${BY}`, "i"), "rise"],
];

/** The words an entry implies without writing them ("down 12 percent" → "fall"), for the index only. */
export function impliedWords(text: string): string {
  let out = "";
  for (const [re, word] of MOVES) if (re.test(text)) out += ` ${word}`;
  return out;
}
