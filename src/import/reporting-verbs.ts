/** The verbs of saying and the wording around them in each position: before the quote, after it, in a clause of its own. Patterns only. */

const VERB_WORDS =
  "described|describes|smiled|smiles|shrugged|shrugs|nodded|nods|grinned|grins|paused|pauses|said|says|say|told|tells|added|adds|wrote|writes|write|asked|asks|ask|argued|argues|warned|warns|laughed|laughs|explained|explains|noted|notes|posted|posts|insisted|insists|continued|continues|recalled|recalls|replied|replies|responded|responds|stated|states|declared|declares|acknowledged|acknowledges|admitted|admits|conceded|concedes|complained|complains|cautioned|cautions|claimed|claims|countered|counters|suggested|suggests|urged|urges|predicted|predicts|remarked|remarks|observed|observes|announced|announces|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|agreed|agrees|testified|testifies|tweeted|tweets|joked|jokes|sighed|sighs|shouted|shouts|whispered|whispers|recounted|recounts|remembers|remembered|confides|confided|deadpans|deadpanned|scoffs|scoffed|snaps|snapped|chuckles|chuckled|marvels|marvelled|marveled|beams|beamed|maintained|maintains|wondered|wonders|vowed|vows|promised|promises|confirmed|confirms|boasted|boasts|pleaded|pleads|reads|tell|calls|accused|accuses|accusing|criticised|criticized|criticises|criticizes|condemned|condemns|slammed|slams|blasted|blasts|hailed|hails|praised|praises|welcomed|welcomes|dismissed|dismisses|branded|brands|labelled|labeled|termed|terms|characterised|characterized|answered|answers|retorted|retorts|quipped|quips|mused|muses|reflected|reflects|lamented|pledged|assured|assures|protested|objected|grumbled|grumbles|demanded|reiterated|reiterates|repeated|texted|emailed|e-mailed|messaged|commented|asserted|asserts|contended|exclaimed|exclaims|muttered|mutters|murmured|murmurs|cried|hinted|elaborated|concluded|concludes|interjected|yelled|screamed|ventured|reckoned|reckons|estimated|advised|advises|recommended|proposed|alleged|alleges|denied|denies|revealed|reveals|disclosed|(?:hit|hits|fired|fires|wrote|writes) back|chimed in|summed up|(?:pointed|points|went|goes) (?:out|on)|puts? it|saying|calling|adding|describing|arguing|warning|noting|insisting|telling|writing|explaining|called|according to";

export const VERB_RE = new RegExp(`\\b(${VERB_WORDS})\\b`, "gi");

export const SPEECH_TEST = new RegExp(`\\b(${VERB_WORDS.replace("asked|asks|", "")})\\b`, "i");

/** A sentence has a few verbs of saying; more is not prose, and each costs a subject search. */
export const MAX_VERBS = 12;

export const PARTICIPLE =
  /^(saying|calling|adding|describing|arguing|warning|noting|insisting|telling|writing|explaining)$/i;

export const PART_SPLIT = /\s*(?:(?<!\d),|,(?!\d)|[;:()]|\s[—–]\s|—|–|\s-\s)\s*/;

/** "She gives her name only as Marguerite": the woman described so far, quoted as "she", now has a name. */
export const NAME_GIVEN_LATER =
  /^\s*(She|He)\s+(?:gives|gave|will give|would give)\s+(?:her|his)\s+name\s+(?:only\s+)?as\s+([\p{Lu}][\p{L}'’-]+)\b/u;

export const THAT_WAS_NAME =
  /^\s*(?:That|This)\s+(?:is|was)\s+((?:[\p{Lu}][\p{L}\p{M}'’-]+\s+){0,2}[\p{Lu}][\p{L}\p{M}'’-]+)(?=\s*,|\s+(?:speaking|talking|writing|explaining|recalling|describing|answering|on the phone|in an interview)\b)/u;

/** The sentence before opens with a document ("Her written report, seen by …, is blunter."): its noun. */
export const DOC_SUBJECT_BEFORE =
  /(?:^|[.!?][”"’]?\s+)(?:His|Her|Their|Its|The|An?)\s+(?:[\p{Ll}\p{N}-]+\s+){0,2}?(report|statement|letter|judgment|ruling|memo|review|audit|study|survey|submission|filing|diary)\b[^.!?\u2219]*[.!?]\s*$/u;

/** "I said", "and I told her": the first person as the subject right before a verb of saying. */
export const FIRST_PERSON =
  /(?:^\s*|[,;]\s*|\b(?:and|but|so|then)\s+)I(?:['’](?:ve|d|ll))?\s+(?:(?:also|then|just|once|later|finally|simply|only|always|often|never)\s+)?$/;

/** "Her 38-page judgment", "his letter": a document of the person the pronoun means. */
export const OWN_DOC =
  /\b(his|her)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(judgment|ruling|opinion|report|letter|diary|memo|statement)\b/iu;

export const WHAT_SUBJECT =
  /\b(what|which)\s+(he|she|they|it|(?:his|her|their|its|the)\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})\s*$/u;

export const THAT_SUBJECT =
  /\s(?:show|shows|showed|found|find|finds|reveal|reveals|revealed|suggest|suggests)\s+that\s+((?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,5}?[\p{L}’'-]+|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})$/u;

/** A sentence opening with someone's words named as a noun, then a colon and a quote. */
/** '"…," was Quaine's verdict', '"…" came his reply': whose words the quote before were. */
export const VERDICT_AFTER =
  /^\s*,?\s*(?:was|is|came|comes)\s+((?:[\p{Lu}][\p{L}\p{M}'’-]*\s+){0,2}[\p{Lu}][\p{L}\p{M}'’-]*[’']s|his|her|their|its)\s+(?:[\p{Ll}-]+\s+)?(?:verdict|reply|answer|response|assessment|summary|comment|view|description|conclusion|explanation|advice|retort|reaction|take|judgment|judgement|diagnosis|prediction|warning|promise)\b/u;

/** "MedRight's statement read:", "The letter began:": a document opening a quotation after a colon. */
export const DOC_READ =
  /^\s*((?:(?:The|His|Her|Their|Its)\s+|(?:[\p{Lu}][\p{L}\p{M}'’-]*\s+){0,3}[\p{Lu}][\p{L}\p{M}'’-]*[’']s\s+)(?:[\p{Ll}-]+\s+){0,2}?(?:statement|letter|post|message|email|note|memo|notice|tweet|submission|response|reply|report))\s+(?:read|reads|began|begins|ended|ends|concluded|concludes|continued|continues|went on)\s*:\s*$/u;

export const POSS_SAYING =
  /^(\s*)(His|Her|Their|Its|[\p{Lu}][\p{L}\p{M}-]*(?:\s+[\p{Lu}][\p{L}\p{M}-]*){0,2}(?:[’']s|s[’']))\s+(?:[\p{Ll}-]+\s+){0,2}?(message|account|description|tribute|answer|reply|response|verdict|view|advice|warning|reaction|explanation|conclusion|prediction|plea|assessment|argument|instruction|request|promise|retort|summary|comment|words|motto|mantra|take|diagnosis|prognosis|instructions|orders|appeal)\b[^:\u2219.!?]{0,140}:\s*(?=[“"«‘'])/u;

export const SUBORD_SUBJECT =
  /\s(?:after|when|as|while|because|before|since|until|once|though|although)\s+([\p{Ll}]{4,}s|(?:the|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2}|he|she|they)$/u;

/** "my colleague ", "her husband ", "their neighbour ": a relation noun right before a name. */
/** "My husband, ", "her brother, ": a relation noun in apposition before a first name. */
export const RELATION_APPOSITION =
  /(?:^|[\s,])(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:[\p{Ll}-]+\s+)?(?:wife|husband|partner|daughter|son|mother|father|brother|sister|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|fiancée?|widow|widower|friend|neighbour|neighbor)\s*,\s*$/u;

export const RELATION_BEFORE =
  /\b(?:my|his|her|their|our|a|the)\s+(?:[\p{Ll}-]+\s+)?(?:colleague|friend|neighbour|neighbor|wife|husband|partner|daughter|son|mother|father|brother|sister|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|boss|flatmate|roommate|classmate|teammate|fiancée?|widow|widower)\s+$/u;

const ORG_KIND =
  "(?:company|firm|contractor|start-up|startup|charity|group|operator|provider|developer|manufacturer|retailer|supplier|agency|consultancy|organisation|organization|nonprofit|non-profit|union|trust|authority|regulator|watchdog|utility|app|platform|broadcaster|publisher|newspaper|network|fund|foundation|association|institute|ministry|department|bank|airline|carrier|insurer|lender|landlord)";

export const ORG_APPOSITION = new RegExp(
  `\\b((?:a|an|the)\\s+(?:[\\p{Ll}-]+[’']s?\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}${ORG_KIND})\\s*,\\s*` +
    "([\\p{Lu}][\\p{L}\\p{N}&'’.-]*(?:\\s+(?:of|and|&|for)?\\s*[\\p{Lu}][\\p{L}\\p{N}&'’.-]*){0,4})(?=\\s*[,.;(]|\\s+(?:under|which|that|in|on|at|said|says)\\b)",
  "gu",
);

/** "Kelvane Systems, a software company based in Orrin", "Threadwell, the group-messaging app she founded": a body, then its kind. */
export const ORG_NAMED_FIRST = new RegExp(
  "(?:^|[\\s(])([\\p{Lu}][\\p{L}\\p{N}&'’.-]*(?:\\s+(?:of|and|&|for)?\\s*[\\p{Lu}][\\p{L}\\p{N}&'’.-]*){0,4})\\s*,\\s*" +
    `((?:a|an|the)\\s+(?:[\\p{Ll}\\p{N}-]+\\s+){0,3}?${ORG_KIND})` +
    "(?=\\s*[,.;:)]|\\s+(?:based|that|which|whose|in|from|with|owned|run|founded|used|she|he|it|they|we|on|at|for|headquartered|set|launched|created|built|made|known|registered)\\b)",
  "gu",
);

/** "in his words", "in Ekholt's own words", "in the words of the minister": whose words the quote after it are. */
export const IN_WORDS =
  /\bin\s+(?:(his|her|their|its|[\p{Lu}][\p{L}\p{M}'’-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’-]+){0,2}[’']s)\s+(?:own\s+)?words|the\s+(?:own\s+)?words\s+of\s+((?:the\s+)?[\p{L}\p{M}'’-]+(?:\s+[\p{L}\p{M}'’-]+){0,3}?))\s*,?\s*/u;

export const EVALUATIVE =
  /^(?:accus|critici[sz]|condemn|slam|blast|hail|prais|welcom|dismiss|brand|label|term|characteri[sz])/;

export const QUOTED_OBJECT = /\bquoted\s+((?:the|a|an|its|[\p{Lu}])[^\u2219;:]{1,160}?),?\s+as\s+$/u;

export const QUOTED_AS =
  /,?\s+(?:was|were|is|are|has been|had been)\s+(?:[\p{Ll}]+ly\s+)?quoted\b[^\u2219]{0,100}?\bas\s+$/u;

/** After a quote, the same subject's second verb of saying: "… but said", "…, and added". */
export const SAYS_AGAIN =
  /^[^\p{L}]*(?:(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:said|says|added|adds|told|tells|argued|argues|warned|warns|insisted|insists)\b|(?:and|but)\s+(?:(?!(?:the|a|an|he|she|they|it|we|i|you|his|her|their|its|this|that)\b)[\p{Ll}]+\s+){1,3}$)/u;

export const WITH_NAME = /\bwith\s+((?:[\p{Lu}][\p{L}\p{M}'’-]+\s+){0,2}[\p{Lu}][\p{L}\p{M}'’-]+)\s+$/u;

export const WITH_SUBJECT = /\bwith\s+((?:one|a|an|another)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+)\s+$/u;

export const WRITTEN_BY =
  /^(?:written|signed|authored|co-written|co-authored|drafted|penned|prepared)\s+by\s+(?:(?:senior\s+|government\s+)?(?:officials|staff|lawyers|analysts|researchers|economists|civil servants|officers)\s+(?:at|of|from|in)\s+)?(?:the\s+)?([\p{Lu}][\p{L}\p{M}'’-]*(?:\s+(?:(?:for|of|and)\s+)?[\p{Lu}][\p{L}\p{M}'’-]*){0,4}|(?:more than\s+)?(?:\d[\d,]*|dozens of|hundreds of|several|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}]+s)\b/u;

/** A prepositional phrase of a few words, then a pronoun or a capitalised name ending the piece. */
export const LEAD_IN_SUBJECT =
  /^(?:in|on|at|after|before|during|later|earlier|hours|days|minutes|when|once)\b(?:\s+[\p{Ll}\p{N}.:-]+){1,8}\s+(he|she|they|it|[\p{Lu}][\p{L}\p{M}'’-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’-]+){0,2})$/iu;

/** "When I mention this to Adeyemi-Lowe at 4 a.m., " : the reporter's own clause before a pronoun. */
export const REPORTER_CLAUSE = /^\W*(?:when|as|after|before|if|once|whenever)\s+I\b[^;:]{0,160},\s*$/i;

export const PRONOUN_LEAD =
  /^\W*(?:(?:in|on|at|after|before|during|by|for|since|when|as|later|earlier|then|now|today|still|there)\b[^,.;:\u2219]{0,50}?,?\s+|[^.;:\u2219]{0,100},\s+|when\s+I\b[^;:\u2219]{0,100},\s+)?(he|she)(?=\s+[\p{Ll}])/iu;

/** "Green councillor ", "Brackwater head coach ": a title noun, its modifiers and a capitalised word, before a name. */
export const TITLE_BEFORE =
  /(?:^|\s)((?:[\p{Lu}][\p{L}’'-]*\s+)?(?:(?:head|chief|deputy|assistant|senior|vice|acting|interim|managing|general|former|lead|principal|technical|executive)\s+){0,2}([\p{Ll}-]+)(?:\s+(?:of|for)\s+[\p{Ll}-]+)?)\s+$/u;
