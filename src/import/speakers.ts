/**
 * People and organisations an article quotes: how a reference to one is written (a name with its title, a
 * pronoun, "the minister", "an engineer at …", "the report"), and the registry that keeps one entity per
 * speaker with its full name, roles, aliases, gender evidence and where it was mentioned, so "he said",
 * "Okafor said" and "the superintendent said" find the right one.
 */
import nlp from "compromise";

type World = { model: { one: { lexicon: Record<string, string | string[]> } } };
const lexicon = (nlp.world() as World).model.one.lexicon;

function lexTags(word: string): string[] {
  const t = Object.prototype.hasOwnProperty.call(lexicon, word) ? lexicon[word] : undefined;
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** Gender of a first name by compromise's name lists, or null when it does not know the name. */
export function firstNameGender(word: string): "f" | "m" | null {
  const tags = lexTags(word.toLowerCase());
  if (tags.includes("FemaleName")) return "f";
  if (tags.includes("MaleName")) return "m";
  return null;
}

/** A word naming a nationality: "Romanian", "Dutchman", "Frenchwoman", "Briton". */
export function isDemonym(word: string): boolean {
  const w = word.toLowerCase();
  if (/^(?:briton|scot|pole|finn|turk|czech|swiss|kiwi|aussie|brit)$/.test(w)) return true;
  if (
    /^(?:dutch|french|english|scots|welsh|irish|country|chair|sports|business|spokes|congress|police)(?:man|woman)$/.test(
      w,
    )
  )
    return !/^(?:country|chair|sports|business|spokes|congress|police)/.test(w);
  return lexTags(w).includes("Demonym");
}

/**
 * Nouns a news story uses as a second name for the person it is about ("the Romanian said", "the midfielder
 * added", "the novelist says"): a nationality, a sports position, a trade the story has not given anyone else.
 */
export function isEpithetNoun(word: string): boolean {
  return EPITHETS.has(word.toLowerCase()) || (/^\p{Lu}/u.test(word) && isDemonym(word));
}

const EPITHETS = new Set(
  (
    "midfielder striker winger forward defender goalkeeper keeper captain skipper fullback full-back centre-back " +
    "batter batsman bowler pitcher quarterback rider cyclist sprinter runner swimmer boxer fighter golfer jockey " +
    "veteran youngster teenager rookie star champion titleholder debutant actor actress singer songwriter rapper " +
    "novelist poet painter sculptor filmmaker chef entrepreneur billionaire tycoon historian physicist biologist " +
    "climber sailor rower skier skater gymnast wrestler tennis-player player defendant accused appellant claimant " +
    // rugby, cricket and baseball positions
    "prop hooker lock flanker fly-half scrum-half wicketkeeper all-rounder spinner seamer opener shortstop linebacker"
  ).split(" "),
);

/** A word compromise knows as a place ("Paris", "Ohio"). */
export function isPlaceWord(word: string): boolean {
  return lexTags(word.toLowerCase()).some((t) => /Place|Country|City|Region/.test(t));
}

export function isKnownFirstName(word: string): boolean {
  const tags = lexTags(word.toLowerCase());
  return (
    tags.includes("FemaleName") || tags.includes("MaleName") || tags.includes("FirstName") || tags.includes("Person")
  );
}

/** A capitalised word that is an ordinary word (or a date) when lower-cased: "The", "Students", "Tuesday". */
export function isCommonCapitalised(word: string): boolean {
  // "van", "de" inside "Margit van der Hoeven" are name particles, not the noun "van"
  if (/^\p{Ll}/u.test(word) && SURNAME_PARTICLES.has(word)) return false;
  const w = word.toLowerCase().replace(/[’']s$/, "");
  if (COMMON_CAPS.has(w)) return true;
  const tags = lexTags(w);
  if (tags.length === 0) return false;
  return !tags.some((t) => /Name|Place|Country|City|Organization|Region|Person|ProperNoun|Acronym/.test(t));
}

/** Articles, prepositions, pronouns, days and months: capitalised only at a sentence start or as dates. */
/** A lower-case title noun that can stand right before a name: "councillor Ravi Castellane", "spokesperson X". */
export function isTitleNoun(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase()) && !(word.toLowerCase() in HONORIFIC_GENDER);
}

export function isFunctionWord(word: string): boolean {
  return COMMON_CAPS.has(word.toLowerCase());
}

const COMMON_CAPS = new Set(
  (
    "the a an in on at to of for from with by after before when while as but and or so if then this that these those " +
    "it its he his she her they their we our i you some many most all no not back outside inside within between until " +
    "speaking asked critics students members residents opponents lawmakers officials police counselors parents " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december today yesterday last next under over during about according earlier later " +
    "meanwhile still yet however also even only just one two three there here what who why how where which"
  ).split(" "),
);

/** Words that end a title in front of a name: "Digital Sovereignty Minister Aurel Dragomir", "state Senator X". */
const TITLE_WORDS = new Set(
  (
    "minister president mayor councillor cllr councilor councilman councilwoman senator sen rep representative governor " +
    "gov judge justice constable detective sergeant sgt inspector officer chief commissioner secretary chancellor " +
    "director superintendent supt professor prof dr mr mrs ms miss mx sir dame lord lady king queen prince princess " +
    "pope rev reverend father captain capt general gen colonel col lieutenant lt major admiral ambassador speaker " +
    "premier chairman chairwoman chair ceo coach deputy attorney prosecutor member mp mep bishop archbishop imam rabbi " +
    "sheikh ayatollah leader sheriff marshal trooper agent pastor dean provost principal executive manager " +
    "spokesman spokeswoman spokesperson editor founder co-founder treasurer convener organiser organizer goalkeeper " +
    "administrator " +
    "striker defender midfielder commander counsel lawyer congressman congresswoman assemblyman assemblywoman"
  ).split(" "),
);

const HONORIFIC_GENDER: Record<string, "f" | "m" | null> = {
  mr: "m",
  mrs: "f",
  ms: "f",
  miss: "f",
  sir: "m",
  dame: "f",
  lord: "m",
  lady: "f",
  dr: null,
  prof: null,
  professor: null,
  mx: null,
  cllr: null,
};

const ORG_WORDS =
  /\b(Alliance|Coalition|Forum|Ministry|Commission|Council|Department|Agency|Office|Institute|Trust|Group|Union|Bank|Company|Corporation|Corp|Inc|Ltd|LLC|SA|AG|GmbH|Police|Court|University|Government|Party|Association|Foundation|Authority|Board|Committee|Services?|Network|Times|News|Post|Wire|Institute|Center|Centre|Society|Federation|League|Organi[sz]ation|Fund|Holdings|Capital|Partners|Labs?|Systems|Media|Bureau|Administration|Congress|Parliament|Senate|Assembly|Cabinet|Church|Club|School|College|Hospital|Water|Energy|Airlines?|Motors|Insights|Research|Atlas|Lines|Minerals|Mining|Foods|Pharma|Pharmaceuticals|Logistics|Shipping|Technologies|Industries|Chemicals|Construction|Developments|Properties|Metals|Resources|Ventures|Enterprises|Solutions|Studios|Software|Robotics|Aerospace|Petroleum|Railways?|Freight|Ferries|Insurance|Securities|Investments|Brewery|Breweries|Dairies|Telecom|Electronics|Pharmacy|Pharmacies|Stores|Supermarkets|Athletic|FC|AFC|Rovers|Wanderers|Albion)\b/;

const ORG_NOUNS = new Set(
  (
    "company firm start-up startup business utility operator ministry government commission council department " +
    "agency office institute trust group union bank corporation police court university party association " +
    "foundation authority board committee service network platform app regulator watchdog charity organisation " +
    "organization fund bloc embassy administration cabinet parliament senate assembly club school hospital " +
    "airline carrier retailer manufacturer developer publisher broadcaster newspaper campaign league club team federation " +
    "body alliance coalition forum panel tribunal inquiry jury chain band"
  ).split(" "),
);

/** Nouns of documents that speak for their author: "the statement said", "the report warns". */
export const DOC_NOUNS =
  /\b(statement|report|study|survey|letter|post|blog post|filing|document|review|audit|analysis|press release|memo|email|e-mail|notice|ruling|judgment|indictment|complaint|lawsuit|affidavit|submission|paper|white paper|tweet|message|website|note)s?\b/i;

/** Nouns of places: "Port Celeste, the bloc's administrative capital" is not a person. */
export const PLACE_NOUNS = new Set(
  "capital city town village country region state province district county area neighbourhood neighborhood suburb island river street road square port county borough municipality".split(
    " ",
  ),
);

/** "in a statement", "in a blog post", "in the letter": the document a speaker spoke through. */
export const DOC_IN =
  /\b(?:in|on|via|through)\s+(?:a|an|the|its|their|his|her)\s+(?:[\p{L}’'-]+\s+){0,3}?(statement|report|study|survey|letter|blog post|post|filing|email|e-mail|memo|press release|tweet|message|notice|submission)\b/iu;

export type Ref =
  | { t: "pronoun"; g: "f" | "m" | "n" | "p" }
  | { t: "name"; name: string; prefix: string | null; honorific: string | null }
  | { t: "def"; np: string }
  | { t: "desc"; np: string }
  | { t: "doc"; np: string; author: Ref | null; noun: string };

const PREPOSITIONS =
  /^(in|on|at|to|for|from|with|after|before|during|outside|inside|by|under|over|speaking|asked|when|while|since|until|as|into|through|via|according|despite|like|unlike|among|amid|following|about|against|across|behind|near|within|without|back|later|earlier|but|and|so|then|also|if|though|although|because)\b/i;

/** Strips leading conjunctions and trailing auxiliaries and adverbs: "and he", "X later", "the group has". */
export function tidyPart(part: string): string {
  let p = part
    .replace(/[\u2219]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  p = p.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, "").replace(/(\p{L}{2,})\.$/u, "$1");
  p = p.replace(/^(and|but|then|so|while|yet|or)\s+/i, "");
  p = p.replace(/^that\s+(?=(the|a|an|its|his|her|their)\b)/i, "");
  // "Marit Solvasson, now the company's chief operating officer,": a time word before the role
  p = p.replace(
    /^(?:now|currently|formerly|still|by then|at the time|these days)\s+(?=(?:the|a|an|its|his|her|their)\s)/i,
    "",
  );
  for (let i = 0; i < 4; i++) {
    const q = p.replace(
      /\s+(has|have|had|also|later|then|previously|again|repeatedly|once|further|simply|only|will|would|could|can|may|might|did|does|do|is|was|were|are|first|now|still|even|never|already|recently|just|often|once|himself|herself|themselves|itself|(?!(?:family|ally|rally|supply|assembly|reply|daily|weekly|monthly|quarterly|anomaly|monopoly|italy|july)\b)[a-z]\w*ly)$/,
      "",
    );
    if (q === p) break;
    p = q;
  }
  return p.trim();
}

/** "al-Rashid", "el-Sayed", "bin-Talal": a lower-case particle joined to a capitalised surname. */
export const PARTICLE_NAME = "(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|ben|ould)-\\p{Lu}";
const TOKEN_CAP = new RegExp(`^(?:[\\p{Lu}]|${PARTICLE_NAME})[\\p{L}\\p{M}'’.-]*$`, "u");
const CONNECT = new Set([
  "of",
  "the",
  "for",
  "and",
  "de",
  "van",
  "von",
  "der",
  "den",
  "da",
  "du",
  "al",
  "bin",
  "la",
  "le",
  "y",
  "di",
  "&",
]);

/** Splits "council member Rosalind Achterberg" / "Digital Sovereignty Minister Aurel Dragomir" into title and name. */
export function splitName(np: string): { prefix: string | null; name: string; honorific: string | null } | null {
  const toks = np.split(" ").filter(Boolean);
  if (toks.length === 0) return null;
  // "Sam in Minsey", "Priya from Ardley": someone named with where they are, not the place
  const where = toks.findIndex((t, k) => k > 0 && (t === "in" || t === "from"));
  if (
    where > 0 &&
    where <= 3 &&
    where < toks.length - 1 &&
    toks.length - where <= 4 &&
    toks.every((t, k) => k === where || TOKEN_CAP.test(t)) &&
    !isCommonCapitalised(toks[0]!) &&
    !ORG_WORDS.test(toks.slice(0, where).join(" "))
  )
    return splitName(toks.slice(0, where).join(" "));
  // The trailing run of capitalised words (connectors allowed inside).
  let i = toks.length - 1;
  if (!TOKEN_CAP.test(toks[i]!)) return null;
  while (i > 0) {
    const t = toks[i - 1]!;
    if (TOKEN_CAP.test(t)) i--;
    else if (CONNECT.has(t) && i - 2 >= 0 && TOKEN_CAP.test(toks[i - 2]!)) i -= 2;
    else if (CONNECT.has(t) && i - 3 >= 0 && CONNECT.has(toks[i - 2]!) && TOKEN_CAP.test(toks[i - 3]!)) i -= 3;
    else break;
  }
  // "von der Leyen", "de Klerk": lower-case surname particles before the capitalised part
  while (i > 0 && SURNAME_PARTICLES.has(toks[i - 1]!) && !(i >= 2 && TOKEN_CAP.test(toks[i - 2]!))) {
    if (i - 1 > 0 && !SURNAME_PARTICLES.has(toks[i - 2]!) && !/^(?:the|a|an|said|says|and)$/i.test(toks[i - 2]!)) break;
    i--;
  }
  let run = toks.slice(i);
  let pre = toks.slice(0, i).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // '"…," said Harlan Voss': a verb of saying before the name is not part of a title
  for (let v = pre.length - 1; v >= 0; v--)
    if (
      /^(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|responded|responds|replied|replies|explained|explains|noted|notes|continued|continues|argued|argues|warned|warns|stated|states|insisted|insists)$/i.test(
        pre[v]!,
      )
    ) {
      pre = pre.slice(v + 1);
      break;
    }
  while (pre.length > 0 && /^(the|a|an)$/i.test(pre[pre.length - 1]!)) pre.pop();
  if (pre.length > 6) return null;
  if (pre.length > 0 && PREPOSITIONS.test(pre[0]!)) return null;
  // "As Adebayo-Kent puts it": a capitalised function word opening the sentence is not part of the name
  // (but "He Jianxiong": "He" before one unknown capitalised word is a surname)
  const heName = run.length === 2 && run[0] === "He" && !isCommonCapitalised(run[1]!) && !isKnownFirstName(run[1]!);
  while (!heName && run.length > 1 && COMMON_CAPS.has(run[0]!.toLowerCase()) && !/^(The|A|An)$/.test(run[0]!))
    run = run.slice(1);
  // "BBC's Emily Maitlis": the employer's possessive before a first name is not part of the name
  const poss = run.findIndex((w, k) => k < run.length - 2 && /[’']s$/u.test(w));
  if (poss >= 0 && isKnownFirstName(run[poss + 1]!)) {
    pre.push(...run.slice(0, poss + 1));
    run = run.slice(poss + 1);
  }
  // "Republican Ray Pelham", "Kenyan runner …": a party or nationality before a first name is a description
  if (
    run.length >= 3 &&
    (/^(?:Republican|Democrat|Labour|Conservative|Tory)$/.test(run[0]!) ||
      (isDemonym(run[0]!) && isKnownFirstName(run[1]!)))
  ) {
    pre.push(run[0]!);
    run = run.slice(1);
  }
  // "Mother-of-three Kelly Dawes", "Father-of-two X": a hyphenated description, not a first name
  if (run.length > 2 && /^\p{Lu}\p{Ll}+-(?:of|in|to)-\p{Ll}+/u.test(run[0]!)) {
    pre.push(run[0]!);
    run = run.slice(1);
  }
  // A leading "The" of an organisation ("The Charity Commission") is not part of the name.
  while (run.length > 1 && /^(The|A|An)$/.test(run[0]!)) {
    pre.push(run[0]!);
    run = run.slice(1);
  }
  // "Coxswain Tamsin Roskilly": a capitalised word no one is named, before a known first name, is a title
  if (run.length >= 3 && !isKnownFirstName(run[0]!) && isKnownFirstName(run[1]!) && /^\p{Lu}\p{Ll}+$/u.test(run[0]!)) {
    pre.push(run[0]!);
    run = run.slice(1);
  }
  // Title words: everything up to the last one is the role.
  let honorific: string | null = null;
  let cut = -1;
  for (let k = 0; k < run.length - 1; k++) {
    const w = run[k]!.toLowerCase().replace(/\.$/, "");
    // "Secretary-General", "Attorney-General", "Vice-President"
    if (TITLE_WORDS.has(w) || (w.includes("-") && w.split("-").some((x) => TITLE_WORDS.has(x) && x !== "vice")))
      cut = k;
    // "Det Insp Rosalind Marchbank": an abbreviated rank before a first name and surname
    else if (k < run.length - 2 && RANK_ABBREV[run[k]!.replace(/\.$/, "")] !== undefined) cut = k;
  }
  let titleWords: string[] = [];
  if (cut >= 0) {
    titleWords = run.slice(0, cut + 1);
    run = run.slice(cut + 1);
    const last = titleWords[titleWords.length - 1]!.toLowerCase().replace(/\.$/, "");
    if (last in HONORIFIC_GENDER) {
      honorific = last;
      titleWords = titleWords.slice(0, -1);
    } else if (
      /\.$/.test(titleWords[titleWords.length - 1]!) &&
      titleWords.length + pre.length > 1 &&
      // "Lt. Gen. Mark Hollis": a run of ranks is the role
      !(pre.length === 0 && titleWords.every((w) => /\.$/.test(w)))
    ) {
      // "Sheriff's spokesperson Lt. Owen X": the abbreviated rank is not part of the role phrase
      titleWords = titleWords.slice(0, -1);
    }
  }
  if (run.length === 0) return null;
  // "Superintendent of Police K. Vikram Nair", "Minister for Schools Jane Doe": the title's body, then the name
  if (/^(?:of|for)$/.test(run[0]!) && run.length >= 4) {
    const at = run.findIndex(
      (w, k) =>
        k >= 2 &&
        (/^\p{Lu}\.$/u.test(w) ||
          isKnownFirstName(w) ||
          // "… of Public Prosecution Eva-Marie Persson": a hyphenated first name two words from the end
          (k === run.length - 2 && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(w))),
    );
    if (at > 0 && run.length - at >= 2) {
      titleWords = [...titleWords, ...run.slice(0, at)];
      run = run.slice(at);
    }
  }
  // "the MP for North Calderbrook": what follows the title is a constituency, not a name
  if (/^\p{Ll}/u.test(run[0]!) && !(SURNAME_PARTICLES.has(run[0]!) && run.length > 1)) return null;
  // "Alys Penhaligon of Dunmore Police": a person's name stops at "of"; an organisation's does not
  const of = run.indexOf("of");
  if (
    of > 0 &&
    (cut >= 0 ||
      isKnownFirstName(run[0]!) ||
      honorific !== null ||
      // "planetary geologist Rosaly Lopes of NASA's …": a trade before the name makes it a person's
      (pre.length > 0 && isPersonNoun(pre[pre.length - 1]!) && /^\p{Ll}/u.test(pre[pre.length - 1]!))) &&
    !ORG_WORDS.test(run.slice(0, of).join(" "))
  )
    run = run.slice(0, of);
  if (
    /^(The|A|An|In|On|At|It|He|She|They|We|I|I['’](?:ve|d|ll|m)|We['’](?:ve|d|ll|re))$/.test(run[0]!) &&
    run.length === 1
  )
    return null;
  const prefixWords = [...pre, ...titleWords].filter(
    (w) => !/^(the|The)$/.test(w) || pre.length + titleWords.length > 1,
  );
  const prefix = prefixWords.join(" ").trim();
  return {
    prefix: prefix === "" || /^(the|The|a|A|an|An)$/.test(prefix) ? null : prefix,
    name: run.join(" "),
    honorific,
  };
}

/** Classifies one comma-separated piece of an attribution's subject. */
export type PartKind = "name" | "pronoun" | "def" | "desc" | "doc" | "age" | "rel" | "clause" | "empty";

export function partKind(part: string): PartKind {
  const p = part.trim();
  if (p === "") return "empty";
  if (/^(he|she|they|it)$/i.test(p)) return "pronoun";
  if (/^\d{1,3}$/.test(p)) return "age";
  // "Sen. Margaret Ellery, D-Ore., who …": a US party and state tag, skipped like an age
  if (/^(?:[DRI]|Dem|Rep|Ind)[-–]\p{Lu}[\p{L}.]{0,12}(?:\s\p{Lu}[\p{L}.]{0,12})?$/u.test(p)) return "age";
  if (/^(who|which|whose|whom|that|where)\b/i.test(p)) return "rel";
  // "Det Sgt Ann Lee, of the Western Rail Police, said": where the person is from, beside the name
  if (/^(?:of|from)\s+(?:the\s+)?\p{Lu}/u.test(p)) return "rel";
  // "speaking outside court", "sitting in the foyer": a participle clause beside the subject
  if (/^[\p{Ll}]+ing\s/u.test(p) && !/^(saying|telling|adding|calling|writing)\s/.test(p)) return "rel";
  // a participial appositive: "published in March", "based in Lessk", "founded in 1990"
  if (
    /^(?:[\p{Ll}]+ed|known|built|written|seen|given|made|held|led|run|born|founded|based)\s/u.test(p) &&
    !/\b(said|says|told)\b/.test(p) &&
    // "retired bus driver Maud Ellerby-Tan": an adjective in a role before a name, not a participle clause
    !/^[\p{Ll}]+ed\s+(?:(?!(?:by|in|at|of|from|for|on|to|with|as)\s)[\p{Ll}-]+\s+){1,3}[\p{Lu}][\p{L}'’-]+\s+[\p{Lu}][\p{L}'’-]+$/u.test(
      p,
    )
  )
    return "rel";
  if (!/^(in|on|at|after|before|during|with|from|via|through)\s/i.test(p) && docMatch(p)) return "doc";
  // "the Romanian", "the 31-year-old Dutchman": a nationality standing for a person, not a name
  const dem = /^[Tt]he\s+(?:[\p{Ll}\p{N}-]+\s+){0,3}?([\p{Lu}][\p{Ll}]+)$/u.exec(p);
  if (dem && isDemonym(dem[1]!)) return "def";
  if (/^(a|an)\s/i.test(p)) return "desc";
  // "one of the sources", "two people familiar with the matter", "several residents": people counted, not named
  if (
    /^(?:one|two|three|four|several|some|many|a few|a number)\s+of\s+(?:the|those|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+s(?:\s+(?:in|at|from|on)\s+(?:the|his|her|their|its|my|our)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)?$/iu.test(
      p,
    ) ||
    /^(?:two|three|four|five|several|some|many|a few|other)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:people|sources|officials|residents|witnesses|workers|employees|parents|students|lawmakers|diplomats|analysts|executives|experts|investors|traders|doctors|nurses|teachers|neighbours|neighbors|members|staff|activists|protesters|voters|fans)\b(?:\s+(?:familiar|close|with|who|briefed|involved|in|at|from|of|on)\b.*)?$/iu.test(
      p,
    )
  )
    return "desc";
  // "said one picker, who asked not to be named"; not "one day"
  // "one nurse in Breck": where they are from, after the noun
  // "one Penmarric player", "one miner's wife": a proper adjective or a possessive may qualify the noun
  const one =
    /^((?:[Oo]ne|[Aa]nother)\s+(?:(?:[\p{Ll}-]+|[\p{Lu}][\p{Ll}-]+|[\p{L}-]+[’']s)\s+){0,2}[\p{Ll}-]+)(?:\s+(?:in|from|at|near)\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,2})?$/u.exec(
      p,
    );
  if (one && !/\b(day|time|week|month|year|night|morning|evening|afternoon|of|he|she|they|it)\b/.test(one[1]!))
    return "desc";
  if (
    /^(the|its|his|her|their|our|my)\s/i.test(p) &&
    !/^(the|its|his|her|their|our|my)\s.*\b(said|says|told|is|was|are|were|has|have|had|wrote|writes|asked|asks|did|does|will|would|could|can)\b/i.test(
      p,
    ) &&
    p.split(" ").length <= 12
  ) {
    const n = splitName(p);
    // "my colleague Anders Lund", "her lawyer Rhian Price": a relation or role, then the name
    if (
      n &&
      n.prefix &&
      /^(its|his|her|their|our|my)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?$/iu.test(n.prefix) &&
      !PREPOSITIONS.test(n.prefix.split(/\s+/).pop()!) &&
      !isCommonCapitalised(n.name.split(" ")[0]!)
    )
      return "name";
    if (
      n &&
      /^the\s/i.test(p) &&
      !/^the\s[\p{Ll}]/u.test(p.replace(/^the\s+([\p{Ll}-]+\s+)*/u, "the ")) &&
      // "The chair of the Harbour Tenants Coalition" is a role naming its body
      !/^[Tt]he\s+(?:[\p{Ll}-]+\s+){1,4}(?:of|for|at|in|with|from)\s/u.test(p)
    )
      return "name";
    return "def";
  }
  if (/^[\p{Lu}][\p{L}\p{M}.-]*[’']s\s+(?:[\p{Ll}]|\p{Lu}{2,3}\b)/u.test(p) && p.split(" ").length <= 8) {
    // "Sheriff's spokesperson Lt. Owen Castellanos-Reid": a role, then a full name
    const n = splitName(p);
    if (
      n &&
      n.prefix &&
      n.name.split(" ").length >= 2 &&
      !isCommonCapitalised(n.name.split(" ")[0]!) &&
      // "NASA's associate administrator of the Science Mission Directorate": a role naming its body
      !/\s(?:of|for|at|in|with|from|on|to)$/.test(n.prefix)
    )
      return "name";
    return "def";
  }
  const n = splitName(p);
  // "chair of the Harbour Tenants Coalition", "vice-president of the Tenants Union": a role naming its body
  if (n && n.prefix && /^[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}\s+(?:of|for|at|in|with|from)(?:\s+the)?$/u.test(n.prefix))
    return "def";
  // "associate administrator of the Deep Survey Directorate": whatever the prefix, a name after "of" is a body
  // ("director of the Oslo-based group Open Faces": the body's kind may stand between the preposition and its name)
  const ofBody = n?.prefix
    ? /^(.*\S)\s+(?:of|for|at|with|from|in|on)(?:\s+(?:the|a|an)(?:\s+[\p{L}-]+){0,2}\s+(?:group|charity|company|firm|union|campaign|organisation|organization|network|association|institute|agency|foundation|trust))?$/u.exec(
        n.prefix,
      )
    : null;
  if (
    n &&
    ofBody &&
    ofBody[1]!.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && isPersonNoun(w)) &&
    !isKnownFirstName(n.name.split(" ")[0]!)
  )
    return "def";
  if (n && !isCommonCapitalised(n.name.split(" ")[0]!)) return "name";
  if (n && n.name.split(" ").length > 1) return "name";
  return "clause";
}

function docMatch(p: string): RegExpExecArray | null {
  return /^(?:(?:a|an|the|its|their|his|her)\s+|[\p{Lu}][\p{L}\p{M}.-]*[’']s\s+)?(?:[\p{L}\p{N}’'-]+\s+){0,4}?(statement|report|study|survey|letter|blog post|post|filing|document|review|audit|analysis|press release|memo|email|e-mail|notice|ruling|judgment|diary|entry|website|web page|indictment|complaint|lawsuit|submission|white paper|tweet|message)(?![’'])\b(.*)$/iu.exec(
    p,
  );
}

/** Parses one subject phrase into a reference. */
export function parseRef(part: string): Ref | null {
  const p = tidyPart(part);
  const kind = partKind(p);
  switch (kind) {
    case "pronoun": {
      const w = p.toLowerCase();
      return { t: "pronoun", g: w === "she" ? "f" : w === "he" ? "m" : w === "it" ? "n" : "p" };
    }
    case "name": {
      const n = splitName(p);
      if (!n) return null;
      return { t: "name", name: n.name, prefix: n.prefix, honorific: n.honorific };
    }
    case "doc": {
      const m = docMatch(p)!;
      const rest = m[2]!;
      const by = /\b(?:by|from)\s+(.+)$/.exec(rest);
      let author: Ref | null = null;
      if (by) {
        const np = by[1]!.replace(/\s+(found|shows?|said|says)\b.*$/, "");
        author = parseRef(np);
        // "a report by the National Geological Survey": a body whose name ends in a document noun
        if (author?.t === "doc") {
          const n = splitName(np.trim());
          author =
            n && /^(?:the\s+)?\p{Lu}/u.test(np.trim())
              ? { t: "name", name: n.name, prefix: null, honorific: null }
              : { t: "def", np: np.trim() };
        }
        // "a report by council officers": a plural group of people as the author
        if (!author && /^(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+s$/u.test(np.trim()))
          author = { t: "desc", np: np.trim() };
      } else {
        const poss = /^(.*?)[’']s\s/u.exec(p);
        const own = /^(his|her|their|its)\s/i.exec(p);
        // "His letter said": the letter's writer is whoever the pronoun means
        if (own) {
          const w = own[1]!.toLowerCase();
          author = { t: "pronoun", g: w === "his" ? "m" : w === "her" ? "f" : w === "its" ? "n" : "p" };
        } else if (poss) author = parseRef(poss[1]!);
      }
      return { t: "doc", np: p, author, noun: m[1]!.toLowerCase() };
    }
    case "def":
      return { t: "def", np: p };
    case "desc":
      return { t: "desc", np: p };
    default:
      return null;
  }
}

/**
 * A speaker's name and aliases as one regex alternation (escaped), the forms that start with a capital and have three
 * letters or more; null when there is none. For rules that look for the article's words around any of them.
 */
export function namesAlternation(s: { name: string; aliases: readonly string[] }): string | null {
  const names = [s.name, ...s.aliases].filter((n) => /^\p{Lu}/u.test(n) && n.length >= 3);
  return names.length ? names.map(escapeRe).join("|") : null;
}

/**
 * The noun phrase the article sets before a speaker's name as an appositive ("the head of the board, Oddvar Lien,"
 * → "the head of the board"), lower-cased at its start; null when it sets none.
 */
export function roleBefore(s: { name: string; aliases: readonly string[] }, body: string): string | null {
  const names = namesAlternation(s);
  if (!names) return null;
  const re = new RegExp(
    `(?:^|[.!?]\\s+|[,;:]\\s+|\\s)(?<!\\b(?:[Oo]n|[Ii]n|[Aa]t|[Oo]f|[Ff]rom|[Tt]o|[Nn]ear|[Bb]y|[Ff]or|[Ww]ith|[Ii]nto|[Oo]ver|[Uu]nder|[Aa]cross|[Oo]utside|[Ii]nside)\\s)((?:The|the|A|a|An|an|Her|her|His|his|Their|their|Its|its|Our|our|(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]*['’]s)\\s+\\p{Ll}[\\p{L}'’-]*(?:\\s+[\\p{L}'’-]+){0,5}?),\\s+(?:${names}),`,
    "u",
  );
  const m = re.exec(body);
  if (!m) return null;
  const lead = m[1]!;
  // "In the end, Falk," is no noun phrase: it needs a noun, not a time or a clause.
  if (/\b(?:said|says|told|asked|when|after|before|end|time|day|week|year)\b/.test(lead)) return null;
  return /^(?:The|A|An|Her|His|Their|Its|Our)\s/.test(lead) ? lead.charAt(0).toLowerCase() + lead.slice(1) : lead;
}

/** Role words' head noun: "the district's superintendent" → "superintendent", "head of X" → "head". */
export function roleHead(role: string): string | null {
  const core = role
    .replace(
      /\s+(of|at|for|in|from|with|who|which|that|on|since|to|based|clad|wearing|dressed|known|called|named|representing|leading|running|heading|advising|overseeing|serving|speaking|working|familiar|close|briefed)\b.*$/i,
      "",
    )
    .replace(/^.*[’']s\s+/u, "")
    .trim();
  const ws = core.split(/\s+/).filter((w) => /^[\p{L}-]+$/u.test(w));
  const head = ws[ws.length - 1];
  // "the 27-year-old": no noun left once the age is set aside
  if (!head || /^\d/.test(head) || /^(the|a|an|its|his|her|their|our|my)$/i.test(head)) return null;
  return head.toLowerCase();
}

export function genderWords(text: string): "f" | "m" | null {
  if (
    /\b(mother|mum|mom|wife|daughter|sister|grandmother|granddaughter|woman|girl|actress|spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|aunt|niece|widow|waitress|queen|princess|she|her)\b/i.test(
      text,
    )
  )
    return "f";
  if (
    /\b(father|dad|husband|son|brother|grandfather|grandson|man|boy|actor|spokesman|chairman|businessman|congressman|councilman|uncle|nephew|widower|waiter|king|prince|he|his)\b/i.test(
      text,
    )
  )
    return "m";
  return null;
}

export interface Mention {
  pos: number;
  entity: Entity;
  subject: boolean;
  /** Index of the sentence in the article, counted by the caller through Registry.sentence. */
  sent: number;
}

/** One person or organisation, as the registry builds it up through the article. */
export class Entity {
  name: string;
  kind: "person" | "organisation";
  described: boolean;
  roles: string[] = [];
  roleHeads = new Set<string>();
  firstPos: number;
  lastPos: number;
  votes = { f: 0, m: 0 };
  knownGender: "f" | "m" | null = null;
  honorifics = new Set<string>();
  quotes = 0;
  introduced: boolean;

  constructor(name: string, kind: "person" | "organisation", pos: number, described = false) {
    this.name = name;
    this.kind = kind;
    this.firstPos = pos;
    this.lastPos = pos;
    this.described = described;
    this.introduced = false;
    if (described && kind === "person") {
      // "the victim's daughter", "a council spokesman"
      const g = genderWords(name.replace(/\b(his|her|he|she)\b/gi, ""));
      if (g) this.knownGender = g;
    }
    if (kind === "person" && !described) {
      const g = firstNameGender(this.first ?? "");
      if (g) this.knownGender = g;
    }
  }

  private wordsCache: [string, string[]] = ["", []];
  get words(): string[] {
    if (this.wordsCache[0] !== this.name) this.wordsCache = [this.name, this.name.split(" ")];
    return this.wordsCache[1];
  }
  /** "Dale and Martha": two people named together, neither of whom the first or last word names alone. */
  get joint(): boolean {
    return / (?:and|&) /.test(this.name);
  }
  get first(): string | null {
    return this.described || this.kind !== "person" || this.joint ? null : this.words[0]!;
  }
  /** The surname, with its particle ("Van Dyke", "de la Cruz" keeps "la Cruz"). */
  get last(): string | null {
    if (this.described || this.kind !== "person" || this.joint) return null;
    const ws = this.words;
    const n = ws.length;
    // "Ursula von der Leyen" → "von der Leyen"
    let k = n - 1;
    while (k >= 1 && SURNAME_PARTICLES.has(ws[k - 1]!.toLowerCase()) && (k >= 2 || /^\p{Ll}/u.test(ws[0]!))) k--;
    return ws.slice(k).join(" ");
  }

  get gender(): "f" | "m" | null {
    if (this.kind !== "person") return null;
    if (this.knownGender) return this.knownGender;
    if (this.votes.f > this.votes.m) return "f";
    if (this.votes.m > this.votes.f) return "m";
    return null;
  }

  /** The age the article gives ("Jessie Morales, 29,"), for "the 29-year-old said". */
  age: number | null = null;

  /** Every name the article used for this entity ("Clearbrook", "Ms Solberg"). */
  refNames = new Set<string>();

  addRole(role: string): void {
    let r = role
      .trim()
      .replace(/[,.;:]+$/, "")
      .replace(/^(The|A|An|Its|His|Her|Their)\b/, (w) => w.toLowerCase());
    // "Sen.", "Det Sgt": abbreviated ranks written out, so the role reads and the alias is "the senator"
    const ws = r.split(/\s+/);
    if (ws.every((w) => RANK_ABBREV[w.replace(/\.$/, "")] !== undefined))
      r = ws.map((w) => RANK_ABBREV[w.replace(/\.$/, "")]!).join(" ");
    // a title alone ("Dr", "Prof") is an honorific, not a role
    if (r.toLowerCase().replace(/\.$/, "") in HONORIFIC_GENDER) return;
    // "a forklift driver who gave only his first name": the noun phrase, without its relative clause
    const rel = /^((?:\S+\s+){1,}?\S+)\s+(?:who|whose)\s/.exec(r);
    if (rel && (rel[1]!.split(/\s+/).length >= 3 || /\swhose\s/.test(r))) r = rel[1]!;
    if (r === "" || this.roles.some((x) => x.toLowerCase() === r.toLowerCase())) return;
    // words of another clause beside the name ("the Iowa caucuses", "the campaign did not appeal to") are no role
    if (!isPersonRole(r)) return;
    const h0 = roleHead(r);
    if (h0 && PLACE_NOUNS.has(h0)) return; // "the largest island" is where, not who
    const g = genderWords(r.replace(/\b(his|her|he|she)\b/gi, ""));
    if (g && this.kind === "person") this.votes[g] += 2;
    if (
      /^(his|her|their)\s+(son|daughter|mother|father|wife|husband|brother|sister|nephew|niece|grandson|granddaughter|friend|partner)\b/i.test(
        r,
      )
    )
      return;
    this.roles.push(r);
    const head = roleHead(r);
    if (head) this.roleHeads.add(head);
    // "the town's water utility, Clearbrook Water": an organisation, whatever its name looks like.
    if (
      head &&
      ORG_NOUNS.has(head) &&
      !this.described &&
      this.kind === "person" &&
      this.gender === null &&
      !isKnownFirstName(this.first ?? "")
    )
      this.kind = "organisation";
  }
}

/** Whether a body's name fits a noun for it: "the ministry" the Ministry of Health, "the company" Torvik Minerals. */
export function orgNameFits(name: string, head: string): boolean {
  const lname = name.toLowerCase();
  if (new RegExp(`\\b${escapeRe(head)}\\b`).test(lname)) return true;
  // "the regulator said" of the Health and Safety Executive: a public body, named as one
  if (/^(?:regulator|watchdog|agency|inspectorate|authority)$/.test(head))
    return /\b(?:Executive|Authority|Agency|Commission|Office|Inspectorate|Regulator|Ombudsman|Directorate)\b/.test(
      name,
    );
  // "the club said" of Harrowgate Athletic
  if (head === "club" || head === "side") return /\b(?:Athletic|FC|AFC|Rovers|Wanderers|Albion)\b/.test(name);
  if (
    ["company", "firm", "start-up", "startup", "business", "operator", "utility", "platform", "app", "chain"].includes(
      head,
    )
  )
    return !/\b(ministry|commission|government|council|trust|office|agency|department|institute|university|police|court|group|union|charity)\b/i.test(
      lname,
    );
  return false;
}

/** A title that goes by another noun: "Justice Renske Altamar" is "the judge", "Sgt Lyle Orme" "the officer". */
const ROLE_ALSO: Record<string, string[]> = {
  judge: ["justice"],
  justice: ["judge"],
  officer: ["constable", "sergeant", "detective", "inspector", "superintendent", "lieutenant", "captain"],
};

const RANK_ABBREV: Record<string, string> = {
  Sen: "Senator",
  Rep: "Representative",
  Gov: "Governor",
  Supt: "Superintendent",
  Insp: "Inspector",
  Det: "Detective",
  Sgt: "Sergeant",
  Lt: "Lieutenant",
  Capt: "Captain",
  Col: "Colonel",
  Gen: "General",
  Cmdr: "Commander",
  Cpl: "Corporal",
  Pte: "Private",
  Adm: "Admiral",
  Maj: "Major",
  Ch: "Chief",
};

const SURNAME_PARTICLES = new Set([
  "van",
  "von",
  "de",
  "da",
  "di",
  "del",
  "der",
  "den",
  "du",
  "la",
  "le",
  "bin",
  "al",
  "ter",
  "ten",
  "st",
  "mac",
]);

/** How many mentions back a pronoun looks: far more than a news article's few paragraphs, bounded for huge input. */
const LOOKBACK = 400;

/** Keeps the entities of one article and finds the one a reference means. */
export class Registry {
  entities: Entity[] = [];
  mentions: Mention[] = [];
  private excluded: Set<string>;

  constructor(reporters: readonly string[] = []) {
    this.excluded = new Set(reporters.map((r) => r.toLowerCase()));
  }

  isReporter(name: string): boolean {
    return this.excluded.has(name.toLowerCase());
  }

  /** Where the paragraph being read starts (a position). */
  paragraphStart = 0;

  /** Whether the article is a Q&A interview (see interview.ts). */
  interview = false;

  /** Where the names of the sentence being read have been scanned to (a position), so none is mentioned twice. */
  scannedTo = 0;

  /** Who a third-person pronoun cannot mean here: in an interview's answer, the interviewee speaks as "I". */
  exclude: Entity | null = null;

  /** Whether the last pronoun found its person in the same or the previous sentence. */
  lastRecent = false;

  /** The sentence being read, counted across the article: pronouns look at this one and the one before first. */
  sentence = 0;

  mention(entity: Entity, pos: number, subject: boolean): void {
    entity.lastPos = Math.max(entity.lastPos, pos);
    this.mentions.push({ pos, entity, subject, sent: this.sentence });
  }

  create(name: string, kind: "person" | "organisation", pos: number, described = false): Entity {
    const e = new Entity(name, kind, pos, described);
    this.entities.push(e);
    return e;
  }

  /** The entity a name means: the full name, else a surname or first name (gender from an honorific decides ties). */
  findByName(name: string, honorific: string | null): Entity | null {
    const lower = name.toLowerCase();
    const exact = this.entities.find((e) => e.name.toLowerCase() === lower);
    if (exact) return exact;
    const words = name.split(" ");
    const g = honorific ? (HONORIFIC_GENDER[honorific] ?? null) : null;
    let candidates: Entity[];
    if (words.length === 1) {
      candidates = this.entities.filter(
        (e) =>
          (e.last !== null && e.last.toLowerCase() === lower) ||
          // "Sir Roland" is Roland Pettifer: knights and dames go by their first name
          (e.first !== null && e.first.toLowerCase() === lower && (!honorific || /^(sir|dame)$/.test(honorific))) ||
          (e.kind === "organisation" && e.words[0]!.toLowerCase() === lower),
      );
    } else {
      const last = words[words.length - 1]!.toLowerCase();
      const first = words[0]!.toLowerCase();
      candidates = this.entities.filter(
        (e) =>
          (e.last?.toLowerCase() === last && (e.first?.toLowerCase() === first || e.words.length === 1)) ||
          e.last?.toLowerCase() === lower ||
          (e.kind === "organisation" &&
            !e.described &&
            // "Lars Ostermark" is not the company Ostermark; "Ostermark Group" is
            (e.name.toLowerCase().includes(lower) || (lower.includes(e.name.toLowerCase()) && ORG_WORDS.test(name)))),
      );
      if (candidates.length === 0) {
        // "their union said …", then "The Maritime and Coastal Workers' Union said": the union gets its name
        const head = last.replace(/[’']s$/, "");
        const described = this.entities.find(
          (e) => e.described && e.kind === "organisation" && e.name.toLowerCase() === head,
        );
        if (described && ORG_WORDS.test(name)) {
          described.name = name;
          described.described = false;
          return described;
        }
      }
    }
    if (g) {
      const same = candidates.filter((e) => e.gender === g || e.gender === null);
      if (same.length > 0) candidates = same;
    }
    if (candidates.length === 0) return null;
    if (candidates.length > 1 && words.length === 1 && !g) {
      // Two people share a surname: the article's convention is that the bare surname keeps meaning the one it
      // meant before, or the one introduced first ("Rostami" the father, "Leila" the daughter).
      const used = candidates.filter((e) => e.refNames.has(name));
      if (used.length === 1) return used[0]!;
      const persons = candidates.filter((e) => e.kind === "person" && e.last?.toLowerCase() === lower);
      if (persons.length > 1) return persons.reduce((a, b) => (b.firstPos < a.firstPos ? b : a));
    }
    return candidates.reduce((a, b) => (b.lastPos > a.lastPos ? b : a));
  }

  /** "the minister", "the company", "the engineer": the most recently mentioned entity that fits. */
  findByRole(np: string): Entity | null {
    const words = np
      .toLowerCase()
      .replace(/^(the|its|his|her|their|my|our)\s+/, "")
      .split(/\s+/);
    const head = words[words.length - 1]!;
    let best: Entity | null = null;
    const age = /^(\d{1,3})-year-old$/.exec(words[0] ?? "");
    if (age) {
      const n = Number(age[1]);
      for (const e of this.entities)
        if ((e.age === n || e.roles.some((r) => r.includes(`${n}-year-old`))) && (!best || e.lastPos > best.lastPos))
          best = e;
      if (best) return best;
      // "…," said the 24-year-old forward: the person just written about, whose age was not given before
      for (const e of this.entities)
        if (e.kind === "person" && !e.described && e.age === null && (!best || e.lastPos > best.lastPos)) best = e;
      if (best) {
        best.age = n;
        best.addRole(np.replace(/^The\b/, "the"));
        return best;
      }
    }
    // "the prime minister" is not the fisheries minister when someone was given the whole phrase
    const phrase = words.length >= 2 && !/[’']s?$/.test(words[words.length - 2]!) ? words.slice(-2).join(" ") : null;
    const byPhrase = phrase
      ? this.entities.filter((e) => e.roles.some((r) => new RegExp(`\\b${escapeRe(phrase)}\\b`, "i").test(r)))
      : [];
    if (byPhrase.length > 0) return byPhrase.reduce((x, y) => (y.lastPos > x.lastPos ? y : x));
    let named: Entity | null = null;
    const also = ROLE_ALSO[head];
    for (const e of this.entities) {
      let fits =
        e.roleHeads.has(head) || (also !== undefined && e.kind === "person" && also.some((h) => e.roleHeads.has(h)));
      if (!fits && e.described) fits = roleHead(e.name) === head;
      if (fits && !e.described && (!named || e.lastPos > named.lastPos)) named = e;
      if (!fits && e.kind === "organisation") fits = orgNameFits(e.name, head);
      if (fits && (!best || e.lastPos > best.lastPos)) best = e;
    }
    // a body's own role ("a software company") beats a name that only looks like one ("Harbour Authority")
    if (best && best.kind === "organisation" && named && named.kind === "organisation" && !best.roleHeads.has(head))
      return named;
    if (best) return best;
    // "the detective" for "Detective Inspector Rosalind Marchbank": a word of a capitalised title, not only its last
    if (isPersonNoun(head) && !ORG_NOUNS.has(head)) {
      const word = new RegExp(`\\b${escapeRe(head)}\\b`, "i");
      for (const e of this.entities)
        if (
          e.kind === "person" &&
          !e.described &&
          e.roles.some((r) => /^\p{Lu}/u.test(r) && word.test(r)) &&
          (!best || e.lastPos > best.lastPos)
        )
          best = e;
      if (best) return best;
    }
    // "the researcher" for "the office's director of research": a noun made from a word of someone's role
    const stem = /^([\p{L}-]{5,}?)(?:er|or|ist)$/u.exec(head)?.[1];
    if (!stem) return null;
    const re = new RegExp(`\\b${escapeRe(stem)}(?:e|es|s|y)?\\b`, "i");
    for (const e of this.entities)
      if (e.kind === "person" && !e.described && e.roles.some((r) => re.test(r)) && (!best || e.lastPos > best.lastPos))
        best = e;
    return best;
  }

  /** The entity a pronoun at `pos` means: the nearest subject of matching gender, within a few paragraphs. */
  resolvePronoun(g: "f" | "m" | "n" | "p", pos: number, windowStart: number): Entity | null {
    const wantPerson = g === "f" || g === "m";
    const ok = (e: Entity, strict: boolean): boolean => {
      if (e === this.exclude) return false;
      if (wantPerson) {
        if (e.kind !== "person") return false;
        // "the traders", "the fishermen": a group is not "he" or "she"
        if (e.described && /(?:[^s]s|men|people)$/.test(roleHead(e.name) ?? "")) return false;
        const eg = e.gender;
        return strict ? eg === g : eg === g || eg === null;
      }
      if (g === "n") return e.kind === "organisation";
      return true;
    };
    const cur = this.sentence;
    const near = (m: Mention): boolean => cur - m.sent <= 1;
    // 1. a subject of this sentence or the one before that agrees, then one of unknown gender
    const recent =
      this.nearest(pos, windowStart, (m) => near(m) && m.subject && ok(m.entity, true)) ??
      // "… so I rang the officer, Gideon Parr, and he said": one of this sentence who agrees
      this.nearest(pos, windowStart, (m) => m.sent === cur && ok(m.entity, true)) ??
      this.nearest(pos, windowStart, (m) => m.sent === cur && ok(m.entity, false) && !m.entity.described) ??
      this.nearest(pos, windowStart, (m) => near(m) && m.subject && ok(m.entity, false) && !m.entity.described) ??
      // 2. anyone named in those two sentences who agrees
      this.nearest(pos, windowStart, (m) => near(m) && ok(m.entity, true)) ??
      // 3. the one person of unknown gender named in those two sentences
      this.nearest(pos, windowStart, (m) => near(m) && wantPerson && ok(m.entity, false) && !m.entity.described);
    this.lastRecent = recent !== null;
    if (recent) return recent.entity;
    // in an interview's answer, a person the answer itself names ("I spoke to their general secretary, Benedikta
    // Runsvold … She came.") before anyone from an earlier answer or the introduction
    if (this.exclude && wantPerson) {
      const here = this.nearest(
        pos,
        Math.max(windowStart, this.paragraphStart),
        (m) => ok(m.entity, false) && !m.entity.described,
      );
      if (here) return here.entity;
    }
    // 3. further back: the nearest subject that agrees (or has no known gender), then anyone who agrees
    const ms = this.mentions;
    const floor = Math.max(0, ms.length - LOOKBACK);
    // the nearest agreeing person named after the subject found below, though not as a subject
    let object: Entity | null = null;
    for (let i = ms.length - 1; i >= floor; i--) {
      const m = ms[i]!;
      if (m.pos >= pos) continue;
      if (m.pos < windowStart) break;
      if (!m.subject && !object && wantPerson && ok(m.entity, true)) object = m.entity;
      if (m.subject && ok(m.entity, false)) {
        // "The commission wrote to Escandell-Moor asking her to stop … She stopped": the article's main person,
        // named since, rather than someone quoted once before
        if (object && object !== m.entity && this.count(object, floor) >= 3 && this.count(m.entity, floor) < 3)
          return object;
        if (m.entity.gender === null && wantPerson) {
          // an unknown-gender subject wins only if no agreeing subject is in the same paragraph
          const strict = this.nearest(pos, windowStart, (x) => x.subject && ok(x.entity, true));
          if (strict && strict.pos > m.pos - 400) return strict.entity;
        }
        return m.entity;
      }
    }
    const any = this.nearest(pos, windowStart, (x) => ok(x.entity, true));
    if (any) return any.entity;
    // an obituary's or profile's subject, last named pages ago: the article's most-mentioned person of that gender
    // not in an interview's answer, where the interviewee is the profile's subject and speaks as "I"
    if (!wantPerson || this.exclude) return null;
    const counts = new Map<Entity, number>();
    for (let i = floor; i < ms.length; i++) {
      const e = ms[i]!.entity;
      if (ms[i]!.pos < pos && e.kind === "person" && !e.described && e.gender === g && e !== this.exclude)
        counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    let best: Entity | null = null;
    let most = 2;
    for (const [e, n] of counts)
      if (n > most) {
        most = n;
        best = e;
      }
    return best;
  }

  private count(e: Entity, floor: number): number {
    let n = 0;
    for (let i = floor; i < this.mentions.length; i++) if (this.mentions[i]!.entity === e) n++;
    return n;
  }

  /** The nearest mention of a person whose known gender is `g`, or null. */
  resolvePronounStrict(g: "f" | "m", pos: number, windowStart: number): Entity | null {
    return (
      this.nearest(
        pos,
        windowStart,
        (m) => m.entity.kind === "person" && m.entity.gender === g && m.entity !== this.exclude,
      )?.entity ?? null
    );
  }

  private nearest(pos: number, windowStart: number, pred: (m: Mention) => boolean): Mention | null {
    const floor = Math.max(0, this.mentions.length - LOOKBACK);
    for (let i = this.mentions.length - 1; i >= floor; i--) {
      const m = this.mentions[i]!;
      if (m.pos >= pos) continue;
      if (m.pos < windowStart) break;
      if (pred(m)) return m;
    }
    return null;
  }

  isOrgNoun(np: string): boolean {
    const head = np.toLowerCase().split(/\s+/).pop() ?? "";
    return ORG_NOUNS.has(head);
  }

  static looksLikeOrg(name: string): boolean {
    return ORG_WORDS.test(name);
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A lower-case ASCII slug. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const HONORIFICS = HONORIFIC_GENDER;

/** Nouns for people and groups of people a role or a described speaker can end in (besides titles, trades, bodies). */
const PERSON_NOUNS = new Set(
  (
    "man woman boy girl person people child kid adult resident citizen voter student user source expert official " +
    "aide staffer staff victim witness survivor patient fellow head member veteran graduate native deportee " +
    "millionaire billionaire retiree candidate nominee envoy guard chief chair ceo cfo coo cto cmo vp svp evp md " +
    "mp mep rep star legend icon hero heir heiress mouthpiece crew team family couple pair duo trio band artist " +
    "author friend partner colleague neighbour neighbor mother father parent wife husband widow widower cousin " +
    "uncle aunt niece nephew grandmother grandfather grandson granddaughter son daughter sister brother fiancé " +
    "fiancée fiance fiancee boss owner host guest fan client ally rival critic judge analyst chef medic cleric " +
    "nurse doctor physician surgeon pilot soldier marine cop diplomat delegate activist volunteer intern trainee " +
    "apprentice athlete champion actress musician comedian journalist columnist anchor presenter scholar academic " +
    "dean principal pupil alumnus alumna priest pastor bishop imam rabbi monk nun vicar chaplain king queen prince " +
    "princess duke duchess lord lady emir sheikh sultan pope cardinal clerk registrar emissary representative " +
    "deputy general colonel major lieutenant sergeant corporal private admiral marshal pioneer mogul tycoon magnate " +
    "mechanic architect local immigrant refugee migrant expat tourist traveller traveler passenger consumer " +
    "subscriber supporter follower opponent acquaintance mentor suspect defendant accused convict inmate detainee " +
    "hostage donor recipient finalist nominee contestant referee umpire rookie insider outsider executive " +
    "detective relative spokesperson spokesman spokeswoman official officials military navy army police jury " +
    "panel tank startup start-up firm outlet newspaper magazine broadcaster network prosecutors conservative " +
    "liberal democrat republican independent socialist progressive moderate centrist hardliner loyalist"
  ).split(" "),
);

/** "-er/-or/-ist/-ian/-ant/-ent/-ee" nouns that are not people. */
const NOT_PERSON =
  /^(?:matter|number|order|border|center|water|letter|quarter|paper|power|error|factor|sector|floor|door|corridor|career|chapter|corner|meter|summer|winter|september|october|november|december|thunder|river|tower|cancer|computer|weather|answer|character|monitor|motor|mirror|colour|color|honour|honor|labour|labor|favour|favor|flavour|flavor|rumour|rumor|behaviour|behavior|event|plant|grant|content|percent|extent|talent|accent|moment|element|comment|statement|government|department|agreement|parliament|investment|environment|payment|movement|development|management|equipment|treatment|entertainment|restaurant|ambient|incident|accident|president's|guarantee|committee|fee|degree|coffee|tree|decree|jubilee|trophy|ledger|register|cluster|shelter|theater|theatre|filter|pointer|banner|manner|dinner|shoulder|folder|holder|cover|offer|other|another|either|neither|whether|together|rather|further|however|never|ever|over|under|after|later|earlier|former|latter|per|super|upper|lower|inner|outer|finals?)$/;

/** Whether a noun names a person, a group of people or a body ("superintendent", "editors", "think tank"). */
export function isPersonNoun(word: string): boolean {
  const w = word.toLowerCase().replace(/[’']s$/, "");
  const forms = [w];
  if (/ies$/.test(w)) forms.push(w.replace(/ies$/, "y"));
  if (/(?:ss|sh|ch|x)es$/.test(w)) forms.push(w.replace(/es$/, ""));
  if (/[^s]s$/.test(w)) forms.push(w.slice(0, -1));
  for (const f of forms) {
    if (NOT_PERSON.test(f)) continue;
    if (PERSON_NOUNS.has(f) || TITLE_WORDS.has(f) || ORG_NOUNS.has(f) || EPITHETS.has(f)) return true;
    // "Mother-of-three", "co-founder", "Hungarian-American"
    if (
      f.includes("-") &&
      f.split("-").some((x, k, all) => (k === 0 || k === all.length - 1) && x !== f && isPersonNoun(x))
    )
      return true;
    if (isDemonym(f)) return true;
    if (
      /(?:[^aeiou]er|ier|yer|wer|or|ist|ian|ant|(?<!m)ent|ee|eer|man|woman|person|ess|logist|naut|crat|smith|wright)$/.test(
        f,
      ) &&
      f.length >= 4
    )
      return true;
  }
  return false;
}

const ROLE_CUT =
  /\s+(?:of|at|for|in|from|with|who|whose|which|that|on|since|to|based|clad|wearing|dressed|known|called|named|against|over|under|behind|during|after|before|when|where|while|familiar|close|involved|briefed|aware|knowledgeable|speaking|representing|working|responsible|he|she|they|it|we|i|you)\b.*$/i;

/** The noun a role or a described speaker ends in, before its prepositional tail: "the key to …" → "key". */
function headNoun(np: string): string | null {
  const core = np
    .replace(ROLE_CUT, "")
    .replace(/^.*[’']s\s+/u, "")
    .trim();
  const ws = core.split(/\s+/).filter((w) => /^[\p{L}.-]+$/u.test(w));
  const head = ws[ws.length - 1];
  return head ? head.replace(/\.$/, "") : null;
}

/**
 * Whether a phrase can be a person's role: an appositive noun phrase about them (title, job, relation, age), not
 * the words of another clause that happened to sit beside the name ("the Iowa caucuses", "the campaign did not
 * appeal to", "ukraine"). Used so a wrong role is left out rather than shown.
 */
export function isPersonRole(role: string): boolean {
  const r = role.trim().replace(/[,.;:]+$/, "");
  if (r === "" || r.length > 160) return false;
  const ws = r.split(/\s+/);
  if (/^(?:he|she|they|it|we|i|you|both|all|each|either|neither)$/i.test(ws[0]!)) return false;
  // "Greta Holm and her brother": another person's name, not this one's role
  if (/^\p{Lu}\S*\s+\p{Lu}\S*\s+(?:and|&)\s/u.test(r)) return false;
  if (
    /^(?:of|for|at|in|on|to|by|with|from|and|or|but|the|a|an|around|about|into|than|as|who|that|which|whose|when|where|while)$/i.test(
      ws[ws.length - 1]!,
    )
  )
    return false;
  const rel = /\s(?:who|whose|that|which)\s/.exec(r);
  const main = rel ? r.slice(0, rel.index) : r;
  // a finite verb in the noun phrase itself: a clause, not a role
  if (
    /\b(?:did|does|do|is|was|were|are|has|have|had|will|would|said|says|told|gathered|deny|denies|denied)\b/i.test(main)
  )
    return false;
  if (/\b\d{1,3}-year-old\b/.test(r)) return true;
  // "one of his editors at Tor", "a member of the board"
  const of =
    /^(?:one|another|some|two|three|several|none|each|many|most)\s+of\s+(?:the|his|her|their|its|our)\s+(.+)$/i.exec(r);
  if (of) return isPersonRole(of[1]!);
  const head = headNoun(main);
  if (!head || /^\d/.test(head)) return false;
  // "Ukraine" or "ukraine": a place's or a name's single word is not a role
  if (ws.length === 1 && !isPersonNoun(head)) return false;
  if (isPersonNoun(head) || PERSON_SUFFIX.test(head.toLowerCase())) return true;
  // "a sophomore", "the curator": a singular common noun the lists lack, after an article or a possessive (a plural,
  // "the Iowa caucuses", "the finals", still needs the lists)
  return (
    /^(?:a|an|the|\p{L}+['’]s)\s/iu.test(main) &&
    /^\p{Ll}+$/u.test(head) &&
    main.trim().split(/\s+/).pop() === head &&
    !/^(?:a|an|the)$/.test(head) &&
    !/(?:s|ed|ing|ly)$/.test(head) &&
    !/^(?:day|week|month|year|time|night|morning|evening|afternoon|moment|way|end|start|case|point|place|area)$/.test(
      head,
    ) &&
    !NOT_PERSON.test(head)
  );
}

const NUMBER_WORD =
  /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|dozens?|hundreds|thousands|millions|half|most|many|some)$/i;

/**
 * Whether a speaker the attribution found is junk rather than a person, a body or a described person or group:
 * a poll figure ("Fifty-one", "70 percent of Americans"), a clause fragment ("… brutality and"), a noun phrase
 * whose head is no one ("the key to Stadia's success"). A quote whose speaker is junk is better left unattributed.
 */
export function isJunkSpeaker(name: string, kind: "person" | "organisation", described: boolean): boolean {
  void kind;
  const n = name.trim();
  if (n === "") return true;
  if (NUMBER_WORD.test(n)) return true;
  if (/\b(?:percent|per cent)\b|%/i.test(n)) return true;
  if (/\s(?:and|or|but|of|the|a|an|to|for|with|by|in|on|at|that|which|who|when|than|as)$/i.test(n)) return true;
  // "Ukraine and the U.S.": a place in a pair of names is no speaker
  const pair = / (?:and|&) (?:the )?/.exec(n);
  if (
    pair &&
    !described &&
    [n.slice(0, pair.index), n.slice(pair.index + pair[0].length)].some(
      (x) => isPlaceWord(x) || /^(?:U\.?S\.?|UK|U\.K\.|EU)$/.test(x),
    )
  )
    return true;
  // "a victim of Epstein's": a phrase cut before its noun
  if (/\s\S+[’']s$/u.test(n) && described) return true;
  if (!described) return false;
  const head = headNoun(n.replace(/^(?:the|a|an|one|another|his|her|their|its|our|my)\s+/i, ""));
  return !head || !(isPersonNoun(head) || PERSON_SUFFIX.test(head.toLowerCase()));
}

/** A head noun a described speaker often has that the noun lists lack: "a deckhand", "the stall holder", "fishermen". */
const PERSON_SUFFIX =
  /^(?!hands?$).*(?:hands?|holders?|keepers?|makers?|workers?|sellers?|owners?|men|man|women|woman)$/;
