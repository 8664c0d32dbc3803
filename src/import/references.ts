/**
 * What a fact's pronoun or definite description stands for, so the name it means can go into the fact's tags:
 * "The company, founded in 2019, employs 140 people" is about the body the article called "a company"; "Until 9
 * December she had about 3,000 followers" is about the last woman it named, paragraphs back; "Its spokesman" after a
 * sentence naming a party is the party's. A wrong name makes the bot answer a question about the wrong one, so every
 * rule here declines when two readings are open.
 */
import nlp from "compromise";
import { isKnownEnglish, isNamingWord } from "../core/index.js";
import { splitSentences } from "./sentences.js";
import { escapeRe, firstNameGender } from "./speakers.js";

/** A person or body the quote attribution found, with what it learnt of them (gender from the pronouns used). */
export interface PersonHint {
  name: string;
  kind: "person" | "organisation";
  gender: "f" | "m" | null;
  role?: string | null;
}

/** How facts reads names; passed in so the two agree on what a name is. */
export interface ReferenceHooks {
  /** The proper-name phrases of a sentence, in order. */
  phrases(sentence: string): string[];
  /** "Marcus Delahaye", not "Carrow State University". */
  looksLikePerson(phrase: string): boolean;
}

type Gender = "f" | "m";
type Kind = "person" | "org" | "place" | "other";
interface Mention {
  name: string;
  kind: Kind;
  at: number;
}
interface Seen {
  text: string;
  mentions: Mention[];
}

/** Nouns that name a body, a product or a place: "the company" never means a person. */
const THING_NOUN = new RegExp(
  `^(?:${[
    "company|firm|app|application|platform|regulator|commission|party|ministry|court|agency|group|startup|start-up",
    "service|union|council|authority|government|bank|fund|network|website|site|operator|provider|retailer|maker",
    "manufacturer|bloc|alliance|coalition|committee|board|department|office|university|college|school|newspaper",
    "broadcaster|channel|club|team|charity|organisation|organization|body|watchdog|insurer|airline|carrier|brand",
    "chain|studio|label|outlet|exchange|marketplace|store|shop|programme|program|scheme|project|tool|product|device",
    "chatbot|bot|game|report|survey|study|law|bill|campaign|movement|foundation|institute|association|federation",
    "parliament|assembly|senate|legislature|tribunal|inquiry|panel|lab|laboratory|hospital|clinic|system|software",
    "messenger|portal|forum|subsidiary|conglomerate|giant|utility|railway|city|town|village|country|region|province",
    "island|newsroom|publication|magazine|outlet|business|venture|conglomerate|lender|co-operative|cooperative",
    "bakery|restaurant|cafe|café|hotel|theatre|theater|playhouse|gallery|museum|library|station|factory|mine|brewery",
  ].join("|")})$`,
);
const PLACE_NOUN = /^(?:city|town|village|country|region|province|island)$/;
/** Nouns that name a person by their work or relation: "the minister", "the spokesman", "the mother". */
const PERSON_NOUN =
  /^(?:minister|spokesman|spokeswoman|spokesperson|judge|mother|father|son|daughter|wife|husband|widow|widower|sister|brother|aunt|uncle|grandmother|grandfather|teenager|girl|boy|woman|man|chief|head|official|owner|student|pupil|teacher|nurse|doctor|founder|leader|member|resident|parent|mayor|lawyer|coach|chair|chairman|chairwoman|president|premier|senator|governor|councillor|councilor|commissioner|prosecutor|detective|officer|inspector|director|executive|secretary|deputy|economist|analyst|researcher|scientist|engineer|developer|creator|influencer|designer|reporter|journalist|editor|activist|candidate|campaigner|blogger|youtuber|streamer|singer|rapper|actor|actress|player|striker|midfielder|manager|boss|victim|survivor|suspect|defendant|witness|patient|worker|driver|farmer|soldier|pilot|priest|imam|rabbi|professor|lecturer|expert|adviser|advisor|consultant|negotiator|ambassador|envoy|diplomat|lawmaker|legislator|politician|economist|pensioner|veteran|volunteer|user)$/;

/** Words in a name that make it a body or a place, not a person ("Greenway Alliance", "Kelvane Systems"). */
const BODY_NAME_WORD =
  /\b(?:University|College|School|Lyceum|Academy|Council|Ministry|Department|News|Wire|Times|Post|Group|Fund|Union|Bank|Court|Agency|Authority|Commission|Committee|Board|Institute|Association|Guild|Party|Company|Inc|Ltd|Corp|Holdings|Office|Police|Network|States?|Alliance|Bloc|Front|Movement|Society|Trust|Foundation|Federation|Coalition|League|Systems|Labs?|Technologies|Tech|Media|Capital|Partners|Services|Solutions|Software|Networks|Airlines?|Motors|Energy|Health|Telecom|Digital|Online|Games|Studios?|Records|Press|Herald|Tribune|Gazette|Radio|TV|Television|Channel|Club|Street|Road|Square|Avenue|Station|Park|Bridge|Hall|Tower|Centre|Center|Hospital|Church|Airport|Port|River|Lake|Island|Valley|City|County|Province|Region|District|Republic|Kingdom|Act|Law|Bill|Code|Plus|Pro|Prize|Award|Cup|Parliament|Assembly|Senate|Government|Army|Navy|Forces|Service|Watch|Project|Initiative|Institute|Observatory|Monitor|Exchange|Market|Stores?|App|Fairness|Safety|Rights|Bay|Beach|Point|Hills?|Heights|Springs|Falls|Creek|Cove|Fort|Mount|Harbou?r|Quay|Gardens|Estate|Terminal|Aid|Legal|Aerospace|Aviation|Pharma|Pharmaceuticals|Therapeutics|Biotech|Robotics|Dynamics|Industries|Enterprises|Ventures|Logistics|Analytics|Mining|Metals|Steel|Oil|Gas|Power|Water|Electric|Foods|Airways|Rail|Railways|Transit|Sealink|Ferries|Shipping|Mobile|Wireless|Broadband|Insurance|Finance|Financial|Credit|Properties|Homes|Construction|Engineering|Consulting|Communications|Entertainment|Pictures|Films|Music|Publishing|Books|Magazine|Journal|Review|Daily|Weekly|Courier|Observer|Guardian|Standard|Express|Mirror|Telegraph|Chronicle|Ledger|Bulletin|Post|Records|Elementary|Primary|High|Forum|Democrats?|Republicans?|Socialists?|Greens|Conservatives?|Liberals?|Labour|Progress|Renewal|Together|Action|Solidarity|Unity|Justice|Freedom|Future|Citizens|Reform|Independence|Democracy|Democratic|Socialist|Liberal|Conservative|Popular|National|Civic|Federal|Social|Workers|Pirates?)\b/;

/** A woman or a man the article introduces without a name: "a woman who runs …", "one mother", "his widow". */
const UNNAMED: Record<Gender, RegExp> = {
  f: /\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{Ll}\d-]+\s+){0,3}?(?:woman|girl|mother|mum|mom|wife|daughter|sister|grandmother|granddaughter|aunt|niece|widow|spokeswoman|chairwoman|businesswoman|actress|waitress)\b/u,
  m: /\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{Ll}\d-]+\s+){0,3}?(?:man|boy|father|dad|husband|son|brother|grandfather|grandson|uncle|nephew|widower|spokesman|chairman|businessman|actor|waiter)\b/u,
};
const GENDERED_ROLE: Record<Gender, RegExp> = {
  f: /\b(?:woman|girl|mother|wife|daughter|sister|grandmother|aunt|widow|spokeswoman|chairwoman|actress)\b/,
  m: /\b(?:man|boy|father|husband|son|brother|grandfather|uncle|widower|spokesman|chairman|actor)\b/,
};
const GENDER_NOUN =
  /\b(?:woman|girl|mother|mum|mom|wife|daughter|sister|grandmother|aunt|niece|widow|spokeswoman|man|boy|father|dad|husband|son|brother|grandfather|uncle|nephew|widower|spokesman)\b/i;

/** A person introduced in the sentence by a common noun ("A teacher at the lyceum", "the boy's mother"). */
const PERSON_NP =
  /\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Ss]ome|[Mm]any|[Ss]everal|\d+)\s+(?:[\p{Ll}\d-]+\s+){0,3}?([\p{Ll}-]{3,})\b/gu;

const QUOTED = /[“"«][^”"»]*[”"»]?|‘(?:[^’]|’(?=\p{L}))*’/gu;
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** "It is unclear whether …", "It was not clear …": an "it" that stands for nothing. */
const DUMMY_IT =
  /^It(?:'s|’s| is| was| remains| remained| seems| seemed| appears| appeared| has been| had been| will be| would be| may be| could be)\s+(?:not\s+|also\s+|still\s+|now\s+)?(?:\p{Ll}+ly\s+)?(?:unclear|clear|likely|unlikely|possible|impossible|hard|difficult|easy|important|true|false|too|time|worth|expected|understood|thought|believed|estimated|feared|hoped|known|reported|said|the first|the second|the last|the latest|the only|the biggest|the largest|the first time|a sign|not)\b/u;
/** What a country or a town has: "Its digital economy minister", "Its population". */
const CIVIC =
  /^(?:[\p{L}-]+\s+){0,3}?(?:minister|ministry|government|president|parliament|prime|capital|economy|population|people|citizens|residents|army|military|police|courts?|laws?|regulator|leader|king|queen|mayor|council|borders?|currency|election|voters)\b/u;
/** How many sentences back "It" and a body's "Its" look, and the proximity fallback for "the <noun>". */
const RECENT = 4;
/** How far back a person's pronoun looks for the last person of its gender. */
const PERSON_MEMORY = 60;
/**
 * Nouns for a body: "the company", "the council" mean one the article named with the noun (or whose name ends in
 * it), never whichever body stands near the word ("the council's convener" beside the ferry firm it pays).
 */
const BODY_NOUN =
  /^(?:company|firm|regulator|commission|party|ministry|court|agency|group|startup|start-up|union|council|authority|government|bank|fund|bloc|alliance|coalition|committee|board|department|office|university|college|school|charity|organisation|organization|watchdog|insurer|airline|operator|provider|retailer|maker|manufacturer|lender|broadcaster|newspaper|publication|magazine|business)$/;
/** A noun neither list knows that may still name a person: "the cyclist", "the organiser", "the 29-year-old". */
const PERSONISH = /(?:ist|er|or|ian|ant|ent|ee|man|woman|old|one)$/;
/** A verb that makes "X, the company said" a clause, not an apposition. */
const FINITE =
  /^\s+(?:said|says|told|tells|added|adds|has|had|was|is|would|will|could|did|does|announced|confirmed|denied|declined|argued|insisted|noted|wrote|warned|replied)\b/u;
const SUBJECT_VERB =
  /^\s+(?:had|has|have|was|were|is|are|would|will|could|can|did|does|said|says|told|added|employs|employed|plans|planned|wants|wanted|now|also|still|then|later|already|never|only|\p{Ll}{3,}ed)\b/u;

type World = { model: { one: { lexicon: Record<string, string | string[]> } } };
const lexicon = (nlp.world() as World).model.one.lexicon;
/** A word English uses for things ("halo", "paper", "morning"), not only as a name ("Hamid", "Pilar"). */
function commonWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s?$/, "");
  if (!isKnownEnglish(w)) return false;
  const t = Object.prototype.hasOwnProperty.call(lexicon, w) ? lexicon[w] : undefined;
  const tags = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return !tags.some((x) => /Name|Person/.test(x));
}
/** Words of office written before a name: "Judge Philippa Renwick-Osei", "Councillor Ines Baptiste". */
const TITLE =
  /^(?:Judge|Justice|Councillor|Cllr|Chancellor|Sheriff|Secretary|Minister|President|Senator|Sen|Governor|Gov|Mayor|Deputy|Chief|General|Gen|Inspector|Detective|Det|Sergeant|Sgt|Officer|Constable|Professor|Prof|Dr|Sir|Dame|Lord|Lady|Rev|Reverend|Father|Sister|Brother|Captain|Capt|Commissioner|Superintendent|Coach|Director|Ambassador|Representative|Rep|Speaker|Premier|Chairman|Chairwoman|Chair|Pastor|Rabbi|Imam|Bishop|Archbishop|Cardinal|King|Queen|Prince|Princess)$/;

const esc = escapeRe;
/** The longest sentence whose references are read (longer ones are not prose; see the constructor). */
const MAX_SENTENCE = 2000;

/** Blanks out quoted speech, keeping offsets: a pronoun inside a quotation is the speaker's, not the reporter's. */
function unquoted(s: string): string {
  return s.replace(QUOTED, (m) => " ".repeat(m.length));
}

/**
 * The article's people and bodies, learnt from the whole text once, and the sentences read so far. `observe` each
 * sentence in order; `resolve` a fact's text against what came before it.
 */
export class References {
  private readonly hooks: ReferenceHooks;
  private readonly persons = new Set<string>();
  private readonly short = new Map<string, Set<string>>();
  private readonly genders = new Map<string, Gender>();
  private readonly bodies = new Set<string>();
  /** Body name → the nouns the article put in apposition with it ("Brantwell, a data company" → company). */
  private readonly thingNouns = new Map<string, Set<string>>();
  /** Person → the nouns the article called them by ("Ines Marlow, the digital minister" → minister). */
  private readonly personNouns = new Map<string, Set<string>>();
  private readonly seen: Seen[] = [];
  /** People the article shows to be people (a known first name, an honorific, an age, a role, a quote). */
  private readonly strong = new Set<string>();
  /** Names the article writes as places ("in Hollin Bay", "Valdera, a fishing town"). */
  private readonly places = new Set<string>();
  /** How often the article names each person and refers to them by a pronoun it could tie to them. */
  private readonly salience = new Map<string, number>();

  constructor(paragraphs: readonly string[], hooks: ReferenceHooks, people: readonly PersonHint[] = []) {
    this.hooks = hooks;
    // A sentence of thousands of characters is no prose (a list, a page without full stops): reading its phrases
    // against it costs time that grows with its square, and facts that long are left out anyway.
    const sentences = paragraphs.flatMap((p) => splitSentences(p)).filter((s) => s.length <= MAX_SENTENCE);
    const text = paragraphs.join("\n");
    const hinted = new Map<string, PersonHint>();
    for (const h of people) hinted.set(h.name, h);
    // Appositions, as written: "Brantwell, a data company", "the short-video app Quillo", "Ines Marlow, the minister".
    const apposed: { phrase: string; noun: string }[] = [];
    for (const s of sentences)
      for (const p of new Set(this.phrasesOf(s))) {
        const e = esc(p);
        const after = new RegExp(
          `${e},?\\s+(?:(?:which|who)\\s+(?:is|was)\\s+|is\\s+|was\\s+)?(?:a|an|the|its|his|her|their|[\\p{Lu}][\\p{L}'’-]*['’]s)\\s+((?:[\\p{L}\\d'’-]+\\s+){0,4}[\\p{Ll}-]{3,})`,
          "gu",
        );
        // The head is the first noun either list knows: "a centrist party founded last year" → party.
        for (const m of s.matchAll(after)) {
          const head = m[1]!.split(/\s+/).find((w) => THING_NOUN.test(w) || PERSON_NOUN.test(w));
          if (!head) continue;
          // "In a statement emailed to The Ledger, the company said …": a subject, not an apposition.
          const rest = s.slice(m.index + m[0].length - m[1]!.length + m[1]!.indexOf(head) + head.length);
          if (/^,?\s+the\s/iu.test(m[0].slice(p.length)) && FINITE.test(rest)) continue;
          apposed.push({ phrase: p, noun: head });
        }
        const before = new RegExp(
          `\\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[\\p{Lu}][\\p{L}'’-]*['’]s)\\s+((?:[\\p{L}\\d'’-]+\\s+){0,4}?[\\p{Ll}-]{3,}),?\\s+${e}\\b`,
          "gu",
        );
        // The head is the last word before a preposition: "the chief executive of the company, X" → executive.
        for (const m of s.matchAll(before)) {
          const run = m[1]!.replace(/['’]s\b/g, "");
          // "the chief executive of the company, X" → executive; "… to the short-video app Quillo" → app; "the
          // Veszna copper mine in southern Dravonia" → nothing (the name is the preposition's).
          const head = m[0].endsWith(`, ${p}`)
            ? run
                .split(/\s+(?:of|for|at|in|on|with|from)\s+/)[0]!
                .split(/\s+/)
                .at(-1)!
            : run
                .split(/\s+(?:of|for|at|in|on|with|from|to|near|by|the|a|an|its|his|her|their)\s+/)
                .at(-1)!
                .split(/\s+/)
                .at(-1)!;
          apposed.push({ phrase: p, noun: head });
        }
      }
    const calledThing = new Set(apposed.filter((x) => THING_NOUN.test(x.noun)).map((x) => x.phrase));
    const calledPerson = new Set(apposed.filter((x) => PERSON_NOUN.test(x.noun)).map((x) => x.phrase));
    // People: full names (two to four capitalised words), and the attribution's people.
    const checked = new Set<string>();
    for (const s of sentences)
      for (const p of this.phrasesOf(s)) {
        if (checked.has(p)) continue;
        checked.add(p);
        const n = p.split(/\s+/).length;
        if (n < 2 || n > 5 || !hooks.looksLikePerson(p) || BODY_NAME_WORD.test(p)) continue;
        // "Civic Forum, a liberal party": a body, whatever its words look like.
        if (calledThing.has(p) && !calledPerson.has(p) && !firstNameGender(p.split(/\s+/)[0]!)) continue;
        // "a former ropeworks in Hollin Bay": a place.
        if (
          hinted.get(p)?.kind === "organisation" ||
          // "whose second album “Paper Lanterns”": a title.
          new RegExp(`["“‘«]${esc(p)}[,.]?["”’»]`, "u").test(text) ||
          new RegExp(`\\b(?:in|at|near|across|outside)\\s+${esc(p)}\\b`, "u").test(text)
        )
          continue;
        // "Judge Philippa Renwick-Osei" is Philippa Renwick-Osei; the phrase finds her by its end.
        const ws = p.split(/\s+/);
        while (ws.length > 2 && TITLE.test(ws[0]!)) ws.shift();
        if (ws.length <= 4) this.persons.add(ws.join(" "));
      }
    for (const h of people) if (h.kind === "person" && !BODY_NAME_WORD.test(h.name)) this.persons.add(h.name);
    for (const h of people) if (h.kind === "organisation") this.bodies.add(h.name);
    for (const full of this.persons) {
      const ws = full.split(/\s+/);
      if (ws.length < 2) continue;
      for (const w of [ws[0]!, ws.at(-1)!]) {
        if (!this.short.has(w)) this.short.set(w, new Set());
        this.short.get(w)!.add(full);
      }
    }
    // A single word the article gives an age or an honorific, or the attribution calls a person: "Mirela, 16,".
    for (const s of sentences)
      for (const p of this.phrasesOf(s)) {
        if (checked.has(`1 ${p}`)) continue;
        checked.add(`1 ${p}`);
        if (p.includes(" ") || this.short.has(p) || BODY_NAME_WORD.test(p) || MONTH_OR_DAY.test(p)) continue;
        const e = esc(p);
        if (
          hinted.get(p)?.kind === "person" ||
          new RegExp(`\\b${e},\\s+\\d{1,2},`, "u").test(text) ||
          new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+${e}\\b`, "u").test(text)
        )
          this.persons.add(p);
      }
    const nounsOf = new Map<string, string[]>();
    for (const { phrase, noun } of apposed) nounsOf.set(phrase, [...(nounsOf.get(phrase) ?? []), noun]);
    for (const p of checked) {
      if (p.startsWith("1 ")) continue;
      const name = this.canonical(p);
      const nouns = [...(nounsOf.get(p) ?? [])];
      // "Digital Minister Ines Marlow": the title is part of the phrase.
      if (this.persons.has(name) && p !== name)
        for (const w of p.slice(0, p.length - name.length).split(/\s+/)) if (w) nouns.push(w.toLowerCase());
      const isPerson = this.persons.has(name);
      for (const noun of nouns) {
        if (THING_NOUN.test(noun) && !isPerson) {
          if (!this.thingNouns.has(name)) this.thingNouns.set(name, new Set());
          this.thingNouns.get(name)!.add(noun);
          if (!PLACE_NOUN.test(noun)) this.bodies.add(name);
        } else if (PERSON_NOUN.test(noun) && isPerson) {
          if (!this.personNouns.has(name)) this.personNouns.set(name, new Set());
          this.personNouns.get(name)!.add(noun);
        }
      }
    }
    for (const h of people)
      if (h.kind === "person" && h.role)
        for (const w of h.role.toLowerCase().split(/[^\p{L}-]+/u))
          if (PERSON_NOUN.test(w)) {
            const name = this.canonical(h.name);
            if (!this.personNouns.has(name)) this.personNouns.set(name, new Set());
            this.personNouns.get(name)!.add(w);
          }
    for (const name of this.persons) {
      const e = esc(name);
      const ws = name.split(/\s+/);
      if (
        firstNameGender(ws[0]!) ||
        // "Miro Kastelan", not "Nimbleloop Halo", "Paper Lanterns", "Orbis Aerospace": no word of it is a word.
        ws.every((w) => !commonWord(w)) ||
        this.personNouns.has(name) ||
        people.some((h) => h.kind === "person" && this.canonical(h.name) === name) ||
        new RegExp(`\\b${e},\\s+(?:\\d{1,3},|an?\\s+\\d{1,3}-year-old)|\\d-year-old\\s+${e}\\b`, "u").test(text) ||
        new RegExp(
          `\\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.?\\s+(?:${[...new Set([ws[0]!, ws.at(-1)!])].map(esc).join("|")})\\b`,
          "u",
        ).test(text)
      )
        this.strong.add(name);
    }
    for (const p of checked) {
      if (p.startsWith("1 ") || this.persons.has(p) || BODY_NAME_WORD.test(p) || this.bodies.has(p)) continue;
      if (
        [...(this.thingNouns.get(p) ?? [])].some((n) => PLACE_NOUN.test(n)) ||
        new RegExp(`\\b(?:in|near|across|outside|throughout)\\s+(?:the\\s+)?${esc(p)}\\b`, "u").test(text)
      )
        this.places.add(p);
    }
    this.learnGenders(sentences, text, people);
  }

  private readonly phraseCache = new Map<string, string[]>();
  private phrasesOf(sentence: string): string[] {
    let out = this.phraseCache.get(sentence);
    if (!out) {
      out = this.hooks
        .phrases(sentence)
        .map((p) =>
          p.replace(
            /^(?:Outside|Inside|Across|Near|Beyond|Behind|Along|Around|Throughout|Within|Despite|During|Without|Among|Against|Between|Opposite)\s+(?=\S)/u,
            "",
          ),
        );
      this.phraseCache.set(sentence, out);
    }
    return out;
  }

  /** The fullest name a phrase stands for: "Haddad-Levin" → "Noor Haddad-Levin" when only one person has it. */
  canonical(phrase: string): string {
    if (this.persons.has(phrase)) return phrase;
    for (const full of this.persons) if (phrase.endsWith(` ${full}`)) return full;
    if (!phrase.includes(" ")) {
      const fulls = this.short.get(phrase);
      if (fulls?.size === 1) return [...fulls][0]!;
    }
    return phrase;
  }

  private kindOf(name: string): Kind {
    if (this.persons.has(name)) return "person";
    if (this.bodies.has(name) || BODY_NAME_WORD.test(name)) return "org";
    if (this.places.has(name)) return "place";
    return "other";
  }

  private learnGenders(sentences: readonly string[], text: string, people: readonly PersonHint[]): void {
    const votes = new Map<string, { f: number; m: number }>();
    const vote = (name: string, g: Gender) => {
      this.salience.set(name, (this.salience.get(name) ?? 0) + 1);
      const v = votes.get(name) ?? { f: 0, m: 0 };
      v[g]++;
      votes.set(name, v);
    };
    let prevOnly: string | null = null;
    for (const s of sentences) {
      const plain = unquoted(s);
      const named = [
        ...new Set(
          this.phrasesOf(plain)
            .map((p) => this.canonical(p))
            .filter((n) => this.persons.has(n)),
        ),
      ];
      for (const n of named) this.salience.set(n, (this.salience.get(n) ?? 0) + 1);
      const f = /\b(?:she|her|hers|herself)\b/i.test(plain);
      const m = /\b(?:he|him|his|himself)\b/i.test(plain);
      if (!GENDER_NOUN.test(plain)) {
        if (named.length === 1 && f !== m) vote(named[0]!, f ? "f" : "m");
        // "Ilinca Varo posted … . She now earns …": a sentence led by the pronoun, after one person alone.
        if (named.length === 0 && prevOnly && /^(?:She|Her)\b/.test(plain)) vote(prevOnly, "f");
        if (named.length === 0 && prevOnly && /^(?:He|His)\b/.test(plain)) vote(prevOnly, "m");
      }
      prevOnly = named.length === 1 ? named[0]! : null;
    }
    for (const name of this.persons) {
      const hint = people.find((h) => h.kind === "person" && this.canonical(h.name) === name && h.gender);
      const ws = name.split(/\s+/);
      const hon = new RegExp(
        `\\b(Mr|Mrs|Ms|Miss)\\.?\\s+(?:${[...new Set([ws[0]!, ws.at(-1)!])].map(esc).join("|")})\\b`,
        "u",
      ).exec(text);
      // A first name the article shares with someone else says nothing about this one.
      const first = ws.length >= 2 && (this.short.get(ws[0]!)?.size ?? 0) <= 1 ? firstNameGender(ws[0]!) : null;
      const single = ws.length === 1 ? firstNameGender(name) : null;
      const roleWords = [...(this.personNouns.get(name) ?? [])].join(" ");
      const role = GENDERED_ROLE.f.test(roleWords) ? "f" : GENDERED_ROLE.m.test(roleWords) ? "m" : null;
      const v = votes.get(name);
      const voted = v && v.f !== v.m ? (v.f > v.m ? "f" : "m") : null;
      const g: Gender | null =
        hint?.gender ??
        (hon ? (hon[1] === "Mr" ? "m" : "f") : null) ??
        role ??
        first ??
        single ??
        (this.strong.has(name) ? voted : null);
      if (g) this.genders.set(name, g);
    }
  }

  /** Reads one sentence of the article (every sentence, facts or not, in order); returns its index. */
  observe(sentence: string, pronouns = true): number {
    const mentions: Mention[] = [];
    let from = 0;
    for (const p of this.phrasesOf(sentence)) {
      if (MONTH_OR_DAY.test(p)) continue;
      let at = sentence.indexOf(p, from);
      if (at < 0) at = sentence.indexOf(p);
      if (at >= 0) from = at + p.length;
      const name = this.canonical(p);
      mentions.push({ name, kind: this.kindOf(name), at: Math.max(0, at) });
    }
    // A surname or first name the phrase reader leaves out at the start of a sentence or clause ("Caulfield: Mr
    // Dressik says …").
    for (const m of sentence.matchAll(/[\p{Lu}][\p{L}'’-]+/gu)) {
      const w = m[0].replace(/['’]s$/, "");
      if (mentions.some((x) => m.index >= x.at && m.index < x.at + x.name.length + 12)) continue;
      if (this.persons.has(w) || this.short.get(w)?.size === 1)
        mentions.push({ name: this.canonical(w), kind: "person", at: m.index });
    }
    mentions.sort((a, b) => a.at - b.at);
    this.seen.push({ text: sentence, mentions });
    const i = this.seen.length - 1;
    // "She … . Her daughter, Clare, said …": whom the sentence leads with counts as named there, first.
    if (/^(?:The\s+\p{Ll}|(?:He|She|His|Her|It|Its)\b)/u.test(sentence)) {
      const meant = this.resolve(sentence, i, pronouns);
      if (meant) mentions.unshift({ name: meant, kind: this.kindOf(meant), at: 0 });
    }
    return i;
  }

  /**
   * The name a fact's text leans on, from the sentences read before `upTo` (default: all read so far): a leading
   * pronoun or "the <noun>", else a pronoun or "the <noun>" in subject position later in the sentence when the
   * sentence names no one it could mean. Null when unsure.
   */
  resolve(text: string, upTo = this.seen.length, pronouns = true): string | null {
    const own = this.hooks
      .phrases(text)
      .filter((p) => !MONTH_OR_DAY.test(p))
      .map((p) => this.canonical(p));
    // "Varga, 44, said she …": a name at the start the phrase reader leaves out (it cannot tell it from a word).
    for (const m of text.matchAll(/[\p{Lu}][\p{L}'’-]+/gu)) {
      const w = m[0].replace(/['’]s$/, "");
      if (this.persons.has(w) || this.short.has(w)) own.push(this.canonical(w));
    }
    const ownSet = new Set(own.map((n) => n.toLowerCase()));
    const out = (n: string | null) => (n && !ownSet.has(n.toLowerCase()) && n.split(/\s+/).length <= 3 ? n : null);

    const lead = /^The\s+((?:[\p{Ll}\d-]+\s+){0,3}?)([\p{Ll}-]{3,})(?=['’]s\b|[\s,.;:]|$)/u.exec(text);
    if (lead) {
      // "The third company, Audiq, did not respond": the sentence names it.
      if (/^The\s+(?:[\p{Ll}\d-]+\s+){0,3}?[\p{Ll}-]+,\s+\p{Lu}/u.test(text)) return null;
      const head = this.headNoun(text.slice(4));
      if (head) return out(this.definite(head, upTo, own));
      return null;
    }
    const pron = /^(It|Its|They|Their|He|His|She|Her)\b/.exec(text)?.[1];
    if (pron && !pronouns) return null;
    if (pron) {
      if (pron === "It" && DUMMY_IT.test(text)) return null;
      if (pron === "They") return null;
      if (pron === "Their") return out(this.their(upTo));
      if (pron === "It" || pron === "Its")
        return out(this.it(upTo, pron === "Its", own, pron === "Its" && CIVIC.test(text.slice(4))));
      return out(this.person(/^(?:She|Her)$/.test(pron) ? "f" : "m", upTo, own, true));
    }
    return out(this.later(text, upTo, own, pronouns));
  }

  /** The head noun of a definite description: "short-video app now has …" → app; "company, founded …" → company. */
  private headNoun(rest: string): string | null {
    const words: string[] = [];
    const re = /([\p{Ll}\d-]+)(['’]s)?(\s*[,.;:]?)\s*/uy;
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      words.push(m[1]!);
      if (m[2] || m[3]!.trim() || words.length >= 4) break;
    }
    for (const w of words) if (THING_NOUN.test(w) || PERSON_NOUN.test(w)) return w;
    // Not a noun either list knows: the first word, when it names a thing (the old rule's reach).
    const w = words[0];
    return w && w.length >= 3 && isNamingWord(w) ? w : null;
  }

  /** "the <noun>": a body or a person of the noun's kind. */
  private definite(noun: string, upTo: number, own: readonly string[], near = true): string | null {
    const wantPerson = PERSON_NOUN.test(noun) && !THING_NOUN.test(noun);
    const nounRe = new RegExp(`\\b${esc(noun)}\\b`, "iu");
    // "the commission" is the Digital Fairness Commission, not the Lanning County Jail for "the county".
    const headRe = new RegExp(`^(?:(?!\\sof\\s).)*\\b${esc(noun)}(?:$|\\s+of\\s)`, "iu");
    const lastSeen = this.lastMentions(upTo);
    // 1. Named with the noun: "Brantwell, a data company"; "the Digital Fairness Commission"; "Ines Marlow, the minister".
    let best: string | null = null;
    let bestAt = -1;
    for (const [name, at] of lastSeen) {
      const fits = wantPerson
        ? (this.personNouns.get(name)?.has(noun) ?? false)
        : !this.strong.has(name) &&
          (this.thingNouns.get(name)?.has(noun) ||
            headRe.test(name) ||
            // "Storm Verity" for "the storm", "Lake Orra" for "the lake".
            (!THING_NOUN.test(noun) && new RegExp(`^${esc(noun)}\\s+\\S+$`, "iu").test(name)));
      if (fits && at > bestAt) {
        best = name;
        bestAt = at;
      }
    }
    if (best) return own.includes(best) ? null : best;
    if (!near) return null;
    // 2. The old rule, kept to the noun's kind: the nearest sentence with a name a few words from the noun.
    for (let i = upTo - 1; i >= Math.max(0, upTo - RECENT); i--) {
      const s = this.seen[i]!;
      for (const m of s.mentions) {
        if (own.includes(m.name) || m.name.split(/\s+/).length > 4) continue;
        // Only a person for a person, only a body otherwise ("the company" beside a place is not the place; "the
        // block" beside Corvid is Corvid's); a noun that may name a person ("the cyclist") is not guessed at.
        if (
          wantPerson
            ? !this.isPerson(m)
            : m.kind !== "org" || BODY_NOUN.test(noun) || (!THING_NOUN.test(noun) && PERSONISH.test(noun))
        )
          continue;
        // The window around the name, without the name ("Lanning County Jail" does not stand next to "county").
        const near = `${s.text.slice(Math.max(0, m.at - 40), m.at)} ${s.text.slice(m.at + m.name.length, m.at + m.name.length + 40)}`;
        // "at the company's offices" beside a person says where they were, not what they are.
        if (nounRe.test(near.replace(new RegExp(`\\b${esc(noun)}['’]s\\b`, "giu"), ""))) return m.name;
      }
    }
    return null;
  }

  /** Last sentence each name was mentioned in, before `upTo`. */
  private lastMentions(upTo: number): Map<string, number> {
    const out = new Map<string, number>();
    for (let i = 0; i < upTo && i < this.seen.length; i++)
      for (const m of this.seen[i]!.mentions) out.set(m.name, i * 1e6 + m.at);
    return out;
  }

  /** "It" / "Its": a body of the sentence before (one the article treats as a body first), "Its" a few back. */
  private it(upTo: number, possessive: boolean, own: readonly string[], civic: boolean): string | null {
    const prev = this.seen[upTo - 1];
    if (!prev) return null;
    // Not a place ("a second kitchen in Valdera. It will serve …" is the kitchen), unless what follows belongs to
    // one: "Its digital economy minister".
    const things = prev.mentions.filter(
      (m) => m.kind !== "person" && (m.kind !== "place" || civic) && !own.includes(m.name),
    );
    // The fullest body named ("the Logistics and Retail Workers' Union" reads as two names; the union is the longer).
    const bodies = things.filter((m) => m.kind === "org");
    const body = bodies.reduce<Mention | null>(
      (b, m) => (!b || m.name.split(/\s+/).length > b.name.split(/\s+/).length ? m : b),
      null,
    );
    if (body) return body.name;
    if (things[0]) return things[0].name;
    if (!possessive) return null;
    for (let i = upTo - 2; i >= Math.max(0, upTo - RECENT); i--) {
      const m = this.seen[i]!.mentions.find((x) => x.kind === "org" && !own.includes(x.name));
      if (m) return m.name;
    }
    return null;
  }

  /** "Their …" at the start: only the one body the sentence before names, with no person in it. */
  private their(upTo: number): string | null {
    const prev = this.seen[upTo - 1];
    if (!prev || prev.mentions.some((m) => m.kind === "person")) return null;
    const bodies = [...new Set(prev.mentions.filter((m) => m.kind === "org").map((m) => m.name))];
    return bodies.length === 1 ? bodies[0]! : null;
  }

  /**
   * "she" / "he": the sentence before's first person of that gender (or of none known, as the article's subject);
   * further back, the last person of that gender, unless someone it could also mean (a person of unknown gender,
   * a woman introduced without a name) came in between.
   */
  private person(g: Gender, upTo: number, own: readonly string[], leading: boolean): string | null {
    const fits = (n: string) => this.genders.get(n) === g;
    const open = (n: string) => !this.genders.has(n);
    const prev = this.seen[upTo - 1];
    if (prev && leading) {
      const ps = prev.mentions.filter((m) => this.isPerson(m));
      const hit = ps.find((m) => fits(m.name)) ?? ps.find((m) => open(m.name));
      // The one it means is named in the sentence itself: nothing to add, and no one else to guess.
      if (hit) return own.includes(hit.name) ? null : hit.name;
    }
    for (let i = upTo - (prev && leading ? 2 : 1); i >= Math.max(0, upTo - PERSON_MEMORY); i--) {
      const s = this.seen[i]!;
      const ps = [...new Set(s.mentions.filter((m) => this.isPerson(m) && !own.includes(m.name)).map((m) => m.name))];
      const agree = ps.filter(fits);
      // Two of that gender: the one the sentence opens with, by name or by a pronoun of its own ("Her daughter,
      // Clare, said she …" opens with the mother).
      const led = s.mentions[0];
      if (agree.length > 1 && led?.at === 0 && agree.includes(led.name)) return led.name;
      if (agree.length > 1) return null;
      // Further back than the last two sentences, only the article's main person of that gender (a feature's subject
      // named paragraphs ago), not a passer-by who happened to be the last one named.
      if (agree.length === 1) return upTo - i <= 2 || this.isMain(agree[0]!, g) ? agree[0]! : null;
      if (ps.some(open)) return null;
      if (UNNAMED[g].test(unquoted(s.text))) return null;
    }
    return null;
  }

  private isPerson(m: Mention): boolean {
    return m.kind === "person" && this.strong.has(m.name);
  }

  private isMain(name: string, g: Gender): boolean {
    const n = this.salience.get(name) ?? 0;
    for (const [other, m] of this.salience) if (other !== name && this.genders.get(other) === g && m >= n) return false;
    return true;
  }

  /** A reference after the start: "Until 9 December she had …", "Teague said the commission had …". */
  private later(text: string, upTo: number, own: readonly string[], pronouns: boolean): string | null {
    const plain = unquoted(text);
    const pron = pronouns ? /\s(she|he|her|his)\b/.exec(plain) : null;
    const def = /\bthe\s+((?:[\p{Ll}\d-]+\s+){0,2}?)([\p{Ll}-]{3,})(?=\s)/gu;
    let definite: { noun: string; at: number } | null = null;
    for (const m of plain.matchAll(def)) {
      if (m.index === 0) continue;
      const noun = m[2]!;
      const tail = plain.slice(m.index + m[0].length);
      if ((THING_NOUN.test(noun) || PERSON_NOUN.test(noun)) && !PLACE_NOUN.test(noun) && SUBJECT_VERB.test(tail)) {
        definite = { noun, at: m.index };
        break;
      }
    }
    if (pron && (!definite || pron.index < definite.at)) {
      const before = plain.slice(0, pron.index);
      const people = own.filter((n) => this.kindOf(n) === "person");
      const g: Gender = /^(?:she|her)$/.test(pron[1]!) ? "f" : "m";
      // Someone the sentence names or introduces before the pronoun may be who it means.
      if (people.some((n) => this.genders.get(n) !== (g === "f" ? "m" : "f"))) return null;
      for (const m of before.matchAll(PERSON_NP)) if (PERSON_NOUN.test(m[1]!) || GENDER_NOUN.test(m[1]!)) return null;
      if (/\b(?:who|whom|whose)\b/.test(before)) return null;
      return this.person(g, upTo, own, false);
    }
    if (definite) {
      const wantPerson = PERSON_NOUN.test(definite.noun) && !THING_NOUN.test(definite.noun);
      const nounRe = new RegExp(`\\b${esc(definite.noun)}\\b`, "iu");
      // The sentence names one it could mean: it needs no help.
      const could = own.some((n) =>
        wantPerson
          ? this.personNouns.get(n)?.has(definite.noun)
          : this.kindOf(n) !== "person" && (this.thingNouns.get(n)?.has(definite.noun) || nounRe.test(n)),
      );
      if (could) return null;
      return this.definite(definite.noun, upTo, own, false);
    }
    return null;
  }
}
