/**
 * Who said what in an article: every direct quotation of its paragraphs with the person or organisation who
 * said it, their role from the article's own words, aliases and a stable id. Rule-based over the sentence
 * structure around each quote (no tagger on the whole text), so a 2,000-word article takes a few milliseconds.
 * The import command builds the knowledge file's speakers and quotes from this; the review prints its warnings.
 */
import {
  findQuoteSpans,
  isReportersQuestion,
  quoteStyle,
  isSentenceLike,
  isTitleLike,
  maskQuotes,
  sentenceRanges,
  wordCount,
  type QuoteSpan,
} from "./quotes.js";
import {
  DOC_IN,
  PLACE_NOUNS,
  Entity,
  HONORIFICS,
  Registry,
  escapeRe,
  firstNameGender,
  genderWords,
  isCommonCapitalised,
  isEpithetNoun,
  isDemonym,
  isFunctionWord,
  isKnownFirstName,
  isTitleNoun,
  isPlaceWord,
  isPersonNoun,
  orgNameFits,
  parseRef,
  partKind,
  roleHead,
  slug,
  splitName,
  tidyPart,
  type Ref,
} from "./speakers.js";
import { readInterview, turnMarkLength } from "./interview.js";

export interface DraftSpeaker {
  id: string;
  name: string;
  role: string | null;
  aliases: string[];
  kind: "person" | "organisation";
  gender: "f" | "m" | null;
}

export interface DraftQuote {
  /** Exactly the characters between the quotation marks. */
  text: string;
  speakerId: string | null;
  /** Index into the paragraphs given. */
  paragraph: number;
  /** Offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** The attribution sentence without the quote: to whom, about what. */
  context: string;
  /** False when the speaker came from a weak rule (a pronoun of unknown gender, a guess across paragraphs). */
  confident: boolean;
}

export interface Attribution {
  speakers: DraftSpeaker[];
  quotes: DraftQuote[];
  warnings: string[];
}

const VERB_WORDS =
  "described|describes|smiled|smiles|shrugged|shrugs|nodded|nods|grinned|grins|paused|pauses|said|says|say|told|tells|added|adds|wrote|writes|write|asked|asks|ask|argued|argues|warned|warns|laughed|laughs|explained|explains|noted|notes|posted|posts|insisted|insists|continued|continues|recalled|recalls|replied|replies|responded|responds|stated|states|declared|declares|acknowledged|acknowledges|admitted|admits|conceded|concedes|complained|complains|cautioned|cautions|claimed|claims|countered|counters|suggested|suggests|urged|urges|predicted|predicts|remarked|remarks|observed|observes|announced|announces|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|agreed|agrees|testified|testifies|tweeted|tweets|joked|jokes|sighed|sighs|shouted|shouts|whispered|whispers|recounted|recounts|remembers|remembered|confides|confided|deadpans|deadpanned|scoffs|scoffed|snaps|snapped|chuckles|chuckled|marvels|marvelled|marveled|beams|beamed|maintained|maintains|wondered|wonders|vowed|vows|promised|promises|confirmed|confirms|boasted|boasts|pleaded|pleads|reads|tell|calls|accused|accuses|accusing|criticised|criticized|criticises|criticizes|condemned|condemns|slammed|slams|blasted|blasts|hailed|hails|praised|praises|welcomed|welcomes|dismissed|dismisses|branded|brands|labelled|labeled|termed|terms|characterised|characterized|answered|answers|retorted|retorts|quipped|quips|mused|muses|reflected|reflects|lamented|pledged|assured|assures|protested|objected|grumbled|grumbles|demanded|reiterated|reiterates|repeated|texted|emailed|e-mailed|messaged|commented|asserted|asserts|contended|exclaimed|exclaims|muttered|mutters|murmured|murmurs|cried|hinted|elaborated|concluded|concludes|interjected|yelled|screamed|ventured|reckoned|reckons|estimated|advised|advises|recommended|proposed|alleged|alleges|denied|denies|revealed|reveals|disclosed|(?:hit|hits|fired|fires|wrote|writes) back|chimed in|summed up|(?:pointed|points|went|goes) (?:out|on)|puts? it|saying|calling|adding|describing|arguing|warning|noting|insisting|telling|writing|explaining|called|according to";
const VERB_RE = new RegExp(`\\b(${VERB_WORDS})\\b`, "gi");
const SPEECH_TEST = new RegExp(`\\b(${VERB_WORDS.replace("asked|asks|", "")})\\b`, "i");
/** A sentence has a few verbs of saying; more is not prose, and each costs a subject search. */
const MAX_VERBS = 12;
const PARTICIPLE = /^(saying|calling|adding|describing|arguing|warning|noting|insisting|telling|writing|explaining)$/i;
const PART_SPLIT = /\s*(?:(?<!\d),|,(?!\d)|[;:()]|\s[—–]\s|—|–|\s-\s)\s*/;

/** Positions are paragraph * STRIDE + offset, so one number orders every mention in the article. */
const STRIDE = 10_000_000;

interface DocText {
  /** The paragraphs joined by newlines, for finding a name's first full form anywhere before. */
  full: string;
  offsets: number[];
}

interface Attrib {
  /** Where the attribution's clause starts: the sentence start or just after the quote before it. */
  from: number;
  verbStart: number;
  verbEnd: number;
  /** Where the subject phrase starts and ends (in the paragraph). */
  subjStart: number;
  subjEnd: number;
  entity: Entity | null;
  ref: Ref | null;
  pronoun: boolean;
  weak: boolean;
  /** "“Why stay?” I ask": the reporter speaking in the first person, whose words are no one's quote. */
  reporter?: boolean;
}

interface QState {
  span: QuoteSpan;
  sentence: [number, number];
  entity: Entity | null;
  confident: boolean;
  how: "post" | "pre" | "sentence" | "paragraph" | "continuation" | "previous" | "none";
  context: string;
  rejected: boolean;
  midSentence: boolean;
}

/**
 * Finds the quotations in an article's paragraphs and who said each. `reporters` (the byline) are never taken as
 * speakers. Never throws; unbalanced marks and huge paragraphs are handled.
 */
export function attributeQuotes(
  paragraphs: string[],
  opts: { reporters?: string[]; title?: string } = {},
): Attribution {
  try {
    return attribute(paragraphs, opts);
  } catch (err) {
    // A rule that breaks on odd input must not take the import down: the review shows the warning instead.
    const message = err instanceof Error ? err.message : String(err);
    return { speakers: [], quotes: [], warnings: [`quote attribution failed: ${message}`] };
  }
}

function attribute(paragraphs: string[], opts: { reporters?: string[]; title?: string }): Attribution {
  // "Our reporter Jonah Pell is at the causeway": a byline name the text introduces as its reporter on the spot is
  // quoted as a source there, not the writer's own voice
  const reporters = (opts.reporters ?? []).filter(
    (r) =>
      !new RegExp(
        `\\b[Oo]ur\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:reporter|correspondent|editor)\\s*,?\\s+${escapeRe(r.trim())}\\b`,
        "u",
      ).test(paragraphs.join("\n")),
  );
  const reg = new Registry(reporters);
  const trackers = new Map<string, Entity>();
  const warnings: string[] = [];
  const all: QState[] = [];
  let prevParaQuotes: QState[] = [];
  let prevParaSubject: Entity | null = null;
  let prevParaNarrator: Entity | null = null;
  const doc: DocText = { full: "", offsets: [] };
  for (const para of paragraphs) {
    doc.offsets.push(doc.full.length);
    doc.full += `${para ?? ""}\n`;
  }

  const style = quoteStyle(paragraphs);
  // A Q&A: the turns' names are not subjects, and in an answer "I" is the interviewee, "he"/"she" someone else.
  const interview = readInterview(paragraphs, opts.title ?? "", opts.reporters ?? []);
  reg.interview = interview !== null;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p] ?? "";
    const spans = findQuoteSpans(text, p, style);
    let masked = maskQuotes(text, spans);
    const turn = interview ? turnMarkLength(interview, p, text) : 0;
    if (turn > 0 && !spans.some((sp) => sp.open < turn)) masked = " ".repeat(turn) + masked.slice(turn);
    let firstPerson: Entity | null = null;
    if (interview?.speaker && interview.answers.has(p)) {
      const ref = parseRef(interview.speaker);
      if (ref?.t === "name")
        firstPerson =
          reg.findByName(ref.name, null) ??
          resolve(ref, p * STRIDE, reg, trackers, p * STRIDE, doc, doc.offsets[p]!, false, false).entity;
      if (firstPerson?.kind !== "person") firstPerson = null;
    }
    reg.exclude = firstPerson;
    reg.paragraphStart = p * STRIDE;
    const sentences = sentenceRanges(text, masked, spans);
    const states: QState[] = [];
    let si = 0;
    for (const span of spans) {
      while (si < sentences.length - 1 && span.open >= sentences[si]![1]) si++;
      states.push({
        span,
        sentence: sentences[si] ?? [0, text.length],
        entity: null,
        confident: false,
        how: "none",
        context: "",
        rejected: false,
        midSentence: false,
      });
    }
    let lastSubject: Entity | null = null;
    const paraAttribs: Attrib[] = [];
    const windowStart = Math.max(0, p - 3) * STRIDE;

    let qi = 0;
    let prevSentence: [number, number] | null = null;
    for (const [a, b] of sentences) {
      reg.sentence++;
      const q0 = qi;
      while (qi < states.length && states[qi]!.span.open < b) qi++;
      const inSentence = states.slice(q0, qi);
      const local = spans.slice(q0, qi);
      const attribs = findAttributions(
        doc,
        p,
        masked,
        a,
        b,
        local,
        p * STRIDE,
        reg,
        trackers,
        windowStart,
        firstPerson,
      );
      for (const at of attribs) {
        // "Pivvo sent its head of creator partnerships to the hearing. "…," said Malik Osterhout."
        const e = at.entity;
        if (
          e &&
          e.kind === "person" &&
          !e.described &&
          e.roles.length === 0 &&
          e.firstPos === p * STRIDE + at.subjStart &&
          prevSentence
        ) {
          const role = unnamedRole(masked.slice(prevSentence[0], prevSentence[1]));
          if (role) e.addRole(role);
        }
      }
      prevSentence = [a, b];
      if (reg.sentence > 0 && prevSentence[0] === sentences[0]![0])
        mergeLedeSpeaker(attribs, p, STRIDE, prevParaQuotes, all, reg);
      if (prevSentence[0] === sentences[0]![0])
        claimPreviousQuotes(attribs, masked, a, b, p, prevParaQuotes, paragraphs, reg);
      nameGivenLater(masked.slice(a, b), p * STRIDE + a, reg, windowStart);
      for (const at of attribs) if (at.entity) lastSubject = at.entity;
      for (const at of attribs) paraAttribs.push(at);
      scanNames(doc, p, masked, a, b, p * STRIDE, reg, attribs);
      scanDescribed(masked, a, b, p * STRIDE, reg, attribs);
      chainPronoun(masked, a, b, p * STRIDE, reg, attribs, windowStart);
      const firstWord = a + masked.slice(a, b).search(/[\p{L}\p{N}]/u);

      for (let k = 0; k < inSentence.length; k++) {
        const q = inSentence[k]!;
        const s = q.span;
        q.midSentence = firstWord >= a && firstWord < s.open;
        if (s.open - a < 600 && isReportersQuestion(masked.slice(a, s.open).replace(/\u2219+/g, "Q"), SPEECH_TEST)) {
          q.rejected = true;
          continue;
        }
        const chosen = chooseAttribution(q, local[k + 1]?.open ?? Infinity, attribs, masked);
        if (chosen?.at.reporter) {
          q.rejected = true;
          continue;
        }
        if (chosen) {
          q.entity = chosen.at.entity;
          q.how = chosen.how;
          q.confident = chosen.at.entity !== null && !chosen.at.weak;
        }
        const words = wordCount(s.text);
        if (isTitleLike(s.text) && !isSentenceLike(s.text)) q.rejected = true;
        else if (words < 4) {
          const upper = /^\s*["'‘“«(]?[\p{Lu}\p{N}]/u.test(s.text);
          const attached =
            chosen !== null && (chosen.how === "post" || /:\s*$/.test(masked.slice(Math.max(a, s.open - 5), s.open)));
          // "said the dressing room had been “chaos, absolute chaos”": three lower-case words reported by a named
          // speaker in the same clause are their words, not a scare-quoted name ("so-called “clip farms”")
          // likewise two words that judge, after a copula: 'said the demand was "not crazy"' (an adverb first, so
          // not a scare-quoted noun like 'the accounts were "clip farms"')
          const judged =
            words === 2 &&
            /^\s*(?:not|never|very|too|so|quite|rather|fairly|pretty|really|simply|just|entirely|totally|completely|utterly|absolutely|deeply|hugely|wholly|[\p{Ll}]+ly)\s+[\p{Ll}-]+[,.!?]?\s*$/u.test(
              s.text,
            ) &&
            /\b(?:is|was|are|were|be|been|being|seemed|seems|looked|looks|felt|feels|sounded|sounds)\s+$/.test(
              masked.slice(Math.max(a, s.open - 30), s.open),
            );
          const reported =
            (words === 3 || judged) &&
            chosen !== null &&
            chosen.how === "pre" &&
            chosen.at.entity !== null &&
            !chosen.at.weak &&
            /^\s*[\p{Ll}]/u.test(s.text) &&
            // not a name used as a modifier: 'a weekly “time on clips” summary'
            (s.close < 0 ||
              judged ||
              !/^\s+(?![\p{Ll}]+ly\b)(?!(?:and|or|but|after|before|when|while|because|as|if|in|on|at|to|for|from|with|by|of|that|which|who|afterwards|again|too|instead|then|now|yet|so|this|last|over|since|until|unless|inside|outside|within|among|across|around|about|between|behind|during|under|throughout)\b)[\p{Ll}]/u.test(
                masked.slice(s.close + 1, s.close + 30),
              )) &&
            // (an earlier quote between is fine when the same subject speaks again: 'called it “…” but said …')
            !/[.;!?]/u.test(masked.slice(chosen.at.verbEnd, s.open)) &&
            (!/\u2219/u.test(masked.slice(chosen.at.verbEnd, s.open)) ||
              SAYS_AGAIN.test(masked.slice(masked.lastIndexOf("\u2219", s.open) + 1, s.open))) &&
            !/\b(?:or|so-called|dubbed|known as|called|named|titled|entitled|nicknamed|the word|the words|the phrase|the term)\s*$/i.test(
              masked.slice(Math.max(a, s.open - 30), s.open),
            );
          if (!(isSentenceLike(s.text) || reported || (upper && attached && /[,.?!]\s*$/.test(s.text))))
            q.rejected = true;
          else if (!chosen && q.midSentence) q.rejected = true;
        }
      }
    }

    // Quotes without their own attribution: the sentence's or paragraph's other quotes, reported speech before
    // them, a quote running on from the previous paragraph, or a quote-only paragraph continuing the speaker.
    const kept = states.filter((q) => !q.rejected);
    const nextAttributed: Array<QState | undefined> = new Array(kept.length);
    for (let i = kept.length - 1, next: QState | undefined; i >= 0; i--) {
      nextAttributed[i] = next;
      if (kept[i]!.how === "post" || kept[i]!.how === "pre") next = kept[i];
    }
    const prevLast = prevParaQuotes[prevParaQuotes.length - 1];
    let before: QState | undefined;
    let said: Attrib | undefined;
    let ai = 0;
    const firstText = text.search(/\S/);
    for (let i = 0; i < kept.length; i++) {
      const q = kept[i]!;
      while (ai < paraAttribs.length && paraAttribs[ai]!.verbEnd <= q.span.open) {
        if (paraAttribs[ai]!.entity) said = paraAttribs[ai];
        ai++;
      }
      if (q.how === "none") {
        const paraInitial = firstText === q.span.open;
        const sameSentence = before && before.sentence[0] === q.sentence[0] ? before : undefined;
        const after = nextAttributed[i];
        if (sameSentence) set(q, sameSentence.entity, "sentence", sameSentence.confident);
        else if (paraInitial && prevLast && prevLast.span.close < 0 && prevLast.how !== "none")
          set(q, prevLast.entity, "continuation", prevLast.confident);
        else if (!q.midSentence && nextSentenceSays(q, sentences, paraAttribs, masked))
          set(q, nextSentenceSays(q, sentences, paraAttribs, masked)!.entity, "post", true);
        else if (said && (!before || said.verbStart > before.span.end)) set(q, said.entity, "paragraph", !said.weak);
        else if (before) set(q, before.entity, "paragraph", before.confident);
        else if (after && paraInitial) set(q, after.entity, "paragraph", after.confident);
        else if (paraInitial && !q.midSentence && q.span.close >= 0 && subjectNext(reg, p * STRIDE, text, q))
          set(q, subjectNext(reg, p * STRIDE, text, q), "paragraph", false);
        else if (paraInitial && !q.midSentence) {
          const prevSpeaker = [...prevParaQuotes].reverse().find((x) => x.how !== "none" && x.entity);
          // "Ossing has heard the argument before. She reaches for the fader." then a bare quote: hers
          if (prevParaNarrator && !prevParaSubject) set(q, prevParaNarrator, "previous", false);
          else if (prevSpeaker) set(q, prevSpeaker.entity, "previous", prevSpeaker.confident);
          else if (prevParaSubject) set(q, prevParaSubject, "previous", false);
        } else if (!paraInitial && !q.midSentence) {
          // 'Outside, Mercer exhales. "Thirty days. Okay."': the person the sentence before is about
          const e = beatSubject(reg, p * STRIDE, sentences, q.sentence[0]);
          if (e) set(q, e, "paragraph", false);
        }
      }
      if (q.how !== "none") before = q;
    }
    let ci = 0;
    for (const q of kept) {
      if (q.how === "none" && q.midSentence) {
        q.rejected = true; // a quoted phrase with nobody saying it: a scare quote or a name
        continue;
      }
      if (q.entity) reg.mention(q.entity, p * STRIDE + q.span.open, true);
      const at = spans.indexOf(q.span, ci);
      ci = Math.max(ci, at);
      if (q.entity) q.context = contextOf(text, q, spans, at);
      all.push(q);
    }
    const keptNow = kept.filter((q) => !q.rejected);
    prevParaQuotes = keptNow;
    prevParaSubject = lastSubject;
    const quoted = states.filter((q) => !q.rejected).map((q) => q.span);
    prevParaNarrator = narratedSubject(reg, p * STRIDE, masked, sentences, quoted, windowStart);
  }

  // '"We were told it was inspected.' then '"It was not," Farrant said.': a quote running into the next paragraph
  // with no speaker of its own is the speaker's who finishes it there.
  for (let i = all.length - 2; i >= 0; i--) {
    const q = all[i]!;
    const next = all[i + 1]!;
    if (q.entity || q.span.close >= 0 || next.span.paragraph !== q.span.paragraph + 1) continue;
    const startsAt = (x: QState) => (paragraphs[x.span.paragraph] ?? "").search(/\S/) === x.span.open;
    if (!startsAt(q) || !startsAt(next) || !next.entity || next.how === "none" || next.how === "previous") continue;
    set(q, next.entity, "continuation", next.confident);
    reg.mention(next.entity, q.span.paragraph * STRIDE + q.span.open, true);
  }

  // Quote-only quotes take the context of the quote they continue.
  const lastContext = new Map<Entity, string>();
  for (const q of all) {
    if (!q.entity) continue;
    if (q.context === "") q.context = lastContext.get(q.entity) ?? `continuing ${q.entity.name}`;
    else lastContext.set(q.entity, q.context);
  }
  mergeLedeRole(all, reg);
  return build(all, reg, warnings, paragraphs);
}

/**
 * "A coroner has said the centre “…”", then "the area coroner, Philippa Strand, said": a lede's speaker described
 * only by a role is the one person the next paragraphs name with that role as a definite appositive.
 */
function mergeLedeRole(all: QState[], reg: Registry): void {
  const lede = all.filter((q) => q.span.paragraph === 0 && q.entity);
  const d = lede[0]?.entity;
  if (!d || !d.described || d.kind !== "person" || !/^(?:a|an)\s+(?:[\p{Ll}-]+\s+){0,1}[\p{Ll}-]+$/iu.test(d.name))
    return;
  if (all.some((q) => q.entity === d && q.span.paragraph > 0)) return;
  const head = roleHead(d.name);
  if (!head) return;
  const named = reg.entities.filter(
    (e) =>
      e !== d &&
      e.kind === "person" &&
      !e.described &&
      e.firstPos < 4 * STRIDE &&
      e.roles.some((r) => /^(?:the\s|[\p{L}-]+[’']s\s)/iu.test(r) && roleHead(r) === head),
  );
  const others = reg.entities.filter((e) => e !== d && e.roleHeads.has(head));
  if (named.length !== 1 || others.length !== 1) return;
  for (const q of all) if (q.entity === d) q.entity = named[0]!;
  reg.entities.splice(reg.entities.indexOf(d), 1);
}

/**
 * A lede quote from "the opposition leader", then the next paragraph opens with a newly named speaker
 * ("Councillor Howard Tennant, who leads the Independent group, said …"): the role was that person's.
 */
function mergeLedeSpeaker(
  attribs: Attrib[],
  p: number,
  stride: number,
  prevQuotes: QState[],
  all: QState[],
  reg: Registry,
): void {
  if (p < 1 || p > 2 || prevQuotes.length === 0) return;
  const d = prevQuotes[0]!.entity;
  if (!d || !d.described || d.kind !== "person" || !/^(the|one)\s/i.test(d.name)) return;
  if (Math.floor(d.firstPos / stride) !== p - 1 || d.firstPos > (p - 1) * stride + 400) return;
  if (prevQuotes.some((q) => q.entity !== d)) return;
  const at = attribs.find((x) => x.entity && !x.pronoun);
  const n = at?.entity;
  if (!n || n === d || n.kind !== "person" || n.described || Math.floor(n.firstPos / stride) !== p) return;
  // "Jane Doe, a resident, said": introduced as someone new, not as the person the lede described
  if (n.roles.some((r) => /^(a|an)\s/i.test(r))) return;
  for (const q of all) if (q.entity === d) q.entity = n;
  if (/^the\s/i.test(d.name)) n.addRole(d.name);
  reg.entities.splice(reg.entities.indexOf(d), 1);
}

/** "She gives her name only as Marguerite": the woman described so far, quoted as "she", now has a name. */
const NAME_GIVEN_LATER =
  /^\s*(She|He)\s+(?:gives|gave|will give|would give)\s+(?:her|his)\s+name\s+(?:only\s+)?as\s+([\p{Lu}][\p{L}'’-]+)\b/u;

function nameGivenLater(sentence: string, pos: number, reg: Registry, windowStart: number): void {
  const m = NAME_GIVEN_LATER.exec(sentence);
  if (!m || isCommonCapitalised(m[2]!)) return;
  const e = reg.resolvePronoun(m[1] === "She" ? "f" : "m", pos, windowStart);
  if (!e || !e.described || e.kind !== "person" || reg.findByName(m[2]!, null)) return;
  const was = e.name;
  e.name = m[2]!;
  e.described = false;
  e.addRole(was);
}

/**
 * A quote-only paragraph, then "So says Hester Quaine, who …" or "That is how Holtby, the inspector, explains it":
 * the next paragraph's opening names whose words they were.
 */
function claimPreviousQuotes(
  attribs: Attrib[],
  masked: string,
  a: number,
  b: number,
  p: number,
  prevQuotes: QState[],
  paragraphs: string[],
  reg: Registry,
): void {
  if (p === 0 || prevQuotes.length === 0) return;
  const sentence = masked.slice(a, b);
  // "That was Hester Quaine, speaking at the parish meeting in May."
  const was = THAT_WAS_NAME.exec(sentence);
  let entity: Entity | null = null;
  if (was && !isCommonCapitalised(was[1]!.split(" ")[0]!)) {
    const name = was[1]!;
    const at = p * STRIDE + a + was[0].indexOf(name);
    const known = reg.findByName(name, null);
    if (known?.kind === "person") entity = known;
    else if (!known && name.includes(" ") && !Registry.looksLikeOrg(name)) entity = reg.create(name, "person", at);
    if (entity) reg.mention(entity, at, true);
  } else if (/^\s*(?:(?:So|Thus)\s+(?:says|said|writes|wrote)\b|(?:That|This)\s+(?:is|was)\s+how\s)/.test(sentence))
    entity = attribs.find((x) => x.entity && !x.pronoun && !x.weak)?.entity ?? null;
  if (!entity) return;
  const prev = paragraphs[p - 1] ?? "";
  // only a paragraph that is nothing but quotation
  let rest = prev;
  for (const q of prevQuotes) rest = rest.replace(q.span.text, "");
  if (/[\p{L}\p{N}]/u.test(rest.replace(/[“”"‘’'«»]/g, ""))) return;
  if (prevQuotes.some((q) => q.how === "post" || q.how === "pre" || q.how === "sentence")) return;
  for (const q of prevQuotes) set(q, entity, "paragraph", true);
}

const THAT_WAS_NAME =
  /^\s*(?:That|This)\s+(?:is|was)\s+((?:[\p{Lu}][\p{L}\p{M}'’-]+\s+){0,2}[\p{Lu}][\p{L}\p{M}'’-]+)(?=\s*,|\s+(?:speaking|talking|writing|explaining|recalling|describing|answering|on the phone|in an interview)\b)/u;

/**
 * '"People think foraging is romantic." Pilar Escandell-Moor is standing knee-deep …': a paragraph that opens
 * with a bare quote and goes on with a newly named person as the next sentence's subject.
 */
function subjectNext(reg: Registry, base: number, text: string, q: QState): Entity | null {
  const at = q.span.close + 1;
  const gap = /^[\s,.;:!?]*/.exec(text.slice(at, at + 8))![0].length;
  const want = base + at + gap;
  for (let i = reg.mentions.length - 1; i >= 0; i--) {
    const m = reg.mentions[i]!;
    if (m.pos < base) break;
    const e = m.entity;
    if (m.pos === want && m.subject && e.kind === "person" && !e.described && e.firstPos === m.pos) return e;
  }
  return null;
}

/**
 * '"Nobody had checked." Lunde says it flatly, stirring her coffee.': a quote whose next sentence opens with a
 * named speaker and a verb of saying with nothing said after it ("says it", "said so", "said.") is that speaker's.
 */
function nextSentenceSays(
  q: QState,
  sentences: Array<[number, number]>,
  attribs: Attrib[],
  masked: string,
): Attrib | null {
  if (q.span.close < 0) return null;
  const k = sentences.findIndex(([a0]) => a0 === q.sentence[0]);
  const next = sentences[k + 1];
  if (!next || next[0] < q.span.close || !/^[\s\u2219]*$/.test(masked.slice(q.span.close + 1, next[0]))) return null;
  const at = attribs.find((x) => x.from === next[0] && x.verbStart < next[1]);
  if (!at || !at.entity || at.pronoun || at.weak || at.reporter || at.subjEnd > at.verbStart) return null;
  if (!/^\s*$/.test(masked.slice(next[0], at.subjStart)) || !/^\s*$/.test(masked.slice(at.subjEnd, at.verbStart)))
    return null;
  const after = masked.slice(at.verbEnd, next[1]);
  if (/\u2219/.test(after)) return null;
  return /^(?:\s+(?:it|this|so))?(?:\s+\p{Ll}+ly)?\s*(?:[,.;!?]|$)/u.test(after) ||
    /^\s+(?:it|this|so)\s+(?:with|without|again|twice|once|over|while|before|after)\b/.test(after)
    ? at
    : null;
}

/** The person the sentence before `start` (in the same paragraph) is about: its first subject mention. */
function beatSubject(reg: Registry, base: number, sentences: Array<[number, number]>, start: number): Entity | null {
  const k = sentences.findIndex(([a]) => a === start);
  if (k <= 0) return null;
  const [a, b] = sentences[k - 1]!;
  let found: Entity | null = null;
  for (let i = reg.mentions.length - 1; i >= 0; i--) {
    const m = reg.mentions[i]!;
    if (m.pos < base + a) break;
    if (m.pos < base + b && m.subject && m.entity.kind === "person") found = m.entity;
  }
  return found;
}

/**
 * The person a paragraph's last sentence is about, when that sentence has no quotation: its first subject
 * mention, or a leading "He"/"She" resolved. A following quote-only paragraph is most likely theirs.
 */
function narratedSubject(
  reg: Registry,
  base: number,
  masked: string,
  sentences: Array<[number, number]>,
  spans: QuoteSpan[],
  windowStart: number,
): Entity | null {
  const last = sentences[sentences.length - 1];
  if (!last) return null;
  const [a, b] = last;
  if (spans.some((s) => s.end > a && s.open < b)) return null;
  let found: Entity | null = null;
  for (let i = reg.mentions.length - 1; i >= 0; i--) {
    const m = reg.mentions[i]!;
    if (m.pos < base + a) break;
    if (m.pos < base + b && m.subject && m.entity.kind === "person") found = m.entity;
  }
  if (found) return found;
  // "When I put it to Castellane that …, she shakes her head."
  const pr =
    /^\s*(He|She)\b/.exec(masked.slice(a, b)) ?? PRONOUN_LEAD.exec(masked.slice(a, b).replace(/\u2219+/g, "Q"));
  if (!pr) return null;
  const e = reg.resolvePronoun(pr[1] === "She" ? "f" : "m", base + a, windowStart);
  return e && e.kind === "person" ? e : null;
}

function set(q: QState, e: Entity | null, how: QState["how"], confident: boolean): void {
  q.entity = e;
  q.how = how;
  q.confident = confident && e !== null;
}

/** Picks the attribution for one quote among its sentence's: right after it, else the nearest before it. */
function chooseAttribution(
  q: QState,
  nextOpen: number,
  attribs: Attrib[],
  masked: string,
): { at: Attrib; how: "post" | "pre" } | null {
  const s = q.span;
  let pre: Attrib | undefined;
  for (const at of attribs) if (at.verbEnd <= s.open) pre = at;
  if (s.close >= 0) {
    const post = attribs.find((at) => at.from === s.close + 1 && at.verbStart < nextOpen);
    const colon = pre && /:\s*$/.test(masked.slice(Math.max(pre.verbEnd, s.open - 5), s.open));
    if (post && !colon) return { at: post, how: "post" };
  }
  return pre ? { at: pre, how: "pre" } : null;
}

/** Every verb of saying in one sentence, with its subject resolved to an entity where possible. */
function findAttributions(
  doc: DocText,
  p: number,
  masked: string,
  a: number,
  b: number,
  spans: QuoteSpan[],
  base: number,
  reg: Registry,
  trackers: Map<string, Entity>,
  windowStart: number,
  firstPerson: Entity | null = null,
): Attrib[] {
  const out: Attrib[] = [];
  const sentence = masked.slice(a, b);
  /** Resolves a reference made at offset `at` of this paragraph's masked text. */
  const resolveAt = (ref: Ref, at: number, orgHint: boolean, intro: boolean) =>
    resolve(ref, base + at, reg, trackers, windowStart, doc, doc.offsets[p]! + at, orgHint, intro);
  let docIn: RegExpExecArray | null | undefined;
  let mentionsStatement: boolean | undefined;
  VERB_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let verbs = 0;
  while ((m = VERB_RE.exec(sentence)) !== null && verbs++ < MAX_VERBS) {
    const verb = m[1]!.toLowerCase();
    const vs = a + m.index;
    const ve = vs + m[0].length;
    const before = masked.slice(Math.max(a, vs - 300), vs);
    const after = masked.slice(ve, Math.min(b, ve + 300));
    // "the Northern States Utility Board": a capitalised word inside a name is not a verb
    if (/^\p{Lu}/u.test(m[1]!) && /[\p{Lu}][\p{L}'’-]*\s+$/u.test(before)) continue;
    // "Among them was Ellen Vosper, 81, who said she had eaten there "most mornings"": the person "who" is
    const relWho =
      /(?:^|[\s(])((?:[\p{Lu}][\p{L}\p{M}'’-]+\s+){0,3}[\p{Lu}][\p{L}\p{M}'’-]+)(?:,\s*\d{1,3})?,\s*(who|which)\s+(?:also\s+|later\s+|then\s+)?$/u.exec(
        before,
      );
    // "funded by the National Ageing Research Council, which said …": "which" only for a name that is a body's
    const relWhoRef =
      relWho && (relWho[2] === "who" || Registry.looksLikeOrg(relWho[1]!)) ? parseRef(relWho[1]!) : null;
    const byWho =
      relWhoRef?.t === "name" &&
      !isFunctionWord(relWho![1]!) &&
      /^(?:said|says|told|tells|added|argued|insisted|warned|explained|recalled|claimed|described)$/.test(verb)
        ? relWhoRef
        : null;
    if (
      !byWho &&
      /\b(who|which|that|to|been|be|being|was|were|is|are|not|it|they)\s+$/i.test(before) &&
      !/^according/.test(verb) &&
      // "He used to say that …", "as she likes to put it": a habit of saying, the subject before it
      !/\b(?:used|likes?|liked|loves?|loved|went on|was fond|is fond|was known|is known)\s+to\s+$/i.test(before)
    ) {
      if (!/\b(it|they)\s+$/i.test(before)) continue;
    }
    if ((verb === "asked" || verb === "asks" || verb === "ask") && !/(?:^|[\s,;\u2219”"’])I\s+$/.test(before)) {
      if (
        (/^\W*$/.test(before) && !/[”"»]\s*$/.test(before)) ||
        /^\s+(whether|if|about|to|for|by|after|how|why|what|when|him|her|them|the|a|an|on)\b/i.test(after)
      )
        continue;
    }
    // "what he called “…”", "called the announcement “…”"; not "a programme called "Open Roads""
    if (
      (verb === "called" || verb === "calls") &&
      !WHAT_SUBJECT.test(before) &&
      // '"Left a bit. Now stop," she calls.': called out, right after the quote
      !(
        /[\u2219,!?]\s*[”"’»]\s+(?:he|she|they|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)\s+$/u.test(before) &&
        /^\s*(?:out\b|back\b|across\b|up\b|down\b|over\b|after\b|[,.;:!?]|$)/.test(after)
      ) &&
      !/^\s+(?:it|them|him|her|this|that|(?:the|his|her|their|its|a|an|that|this|these|those)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,6})\s*[“"«‘']/u.test(
        after,
      )
    )
      continue;
    if (verb === "tell" && !/\b(to)\s+$/.test(before)) continue;
    // "accused the government of "…"", "hailed the ruling as "…"", "branded the plan "…"": only with the quote
    // right after the object, so "welcomed the visitors" or "dismissed the case" say nothing
    if (EVALUATIVE.test(verb)) {
      const obj = /^accus/.test(verb)
        ? /^\s+(?:\S+\s+){0,6}?of\s+(?:[\p{Ll}-]+\s+){0,4}?[“"«‘']/u
        : /^(?:brand|label|term)/.test(verb)
          ? /^\s+(?:\S+\s+){0,5}?(?:as\s+)?[“"«‘']/u
          : /^\s+(?:\S+\s+){0,6}?as\s+(?:(?:a|an|the)\s+)?[“"«‘']/u;
      if (!obj.test(after)) continue;
    }
    // "described him as “…”"
    // "described him as a man who "…""
    if (
      (verb === "described" || verb === "describes") &&
      !/^\s+(?:\S+\s+){0,4}?as\s+(?:(?:a|an|the|someone|somebody|one)\s+(?:[\p{L}-]+\s+){0,3}?(?:who|that|which)\s+)?[“"«‘']/u.test(
        after,
      )
    )
      continue;

    let clause = a;
    for (const s of spans) if (s.close >= a && s.close < vs) clause = s.close + 1;
    let ref: Ref | null;
    let subjStart: number;
    let subjEnd: number;
    const roles: string[] = [];
    let intro = false;
    let acronym: string | null = null;
    let whichCue = false;

    if (verb === "according to") {
      // '“…,” she said, according to a video posted by …': where the words were found, not who said them
      if (/\b(?:said|says|told|tells|added|adds|wrote|writes|insisted|insists)\b[^.;!?\u2219]{0,60},\s*$/.test(before))
        continue;
      const np = /^\s*([^,;:\u2219]+)/.exec(after);
      if (!np) continue;
      ref = parseRef(np[1]!);
      subjStart = ve;
      subjEnd = ve + np[0].length;
    } else {
      // Where this clause starts: the sentence start or the last quote's closing mark before the verb.
      let from = a;
      for (const s of spans) if (s.close >= a && s.close < vs) from = s.close + 1;
      const atStart = from;
      from = Math.max(from, vs - 400);
      const lead0 = masked.slice(from, vs);
      const lead = lead0;
      // "So says Hester Quaine, who …": the inverted subject follows the verb as after a quote
      const inverted = atStart === a && /^\s*(?:So|Thus)\s+$/.test(lead) && /^(?:says|said|writes|wrote)$/.test(verb);
      if ((/^[\s,;:—–-]*$/.test(lead) && atStart > a) || inverted) {
        // "…," said Name, role — the subject follows the verb.
        const nextQuote = spans.find((s) => s.open > ve && s.open < b)?.open ?? b;
        const tail = masked.slice(ve, Math.min(nextQuote, ve + 400));
        const parts = tail.split(PART_SPLIT);
        let head = leadingNP(parts[0] ?? "");
        // '"…," said another, Petra Lund': the name after "another" / "one" is the speaker
        if (/^\s*(?:another|one|a second|a third)\s*$/i.test(parts[0] ?? "") && parts[1]) {
          const np = leadingNP(parts[1]);
          if (np && partKind(tidyPart(np)) === "name") head = np;
        }
        if (!head) continue;
        ref = parseRef(head) ?? surnameRef(head, doc, doc.offsets[p]! + ve, reg);
        // '"We will rebuild," vowed the mayor, Ana Lucia Ferreira': the name in apposition is the speaker
        if (ref?.t === "def" && parts[1] && partKind(tidyPart(parts[1])) === "name") {
          const named = parseRef(tidyPart(parts[1]));
          if (named && named.t === "name" && !named.prefix) {
            roles.push(tidyPart(head));
            ref = named;
            parts.splice(0, 1);
          }
        }
        if (ref?.t === "desc") {
          const given = givenName(tail);
          if (given) {
            roles.push(tidyPart(head).replace(/\s+who\b.*$/i, ""));
            ref = { t: "name", name: given, prefix: null, honorific: null };
          }
        }
        collectAppositives(parts.slice(1), roles);
        whichCue = /^\s*which\b/i.test(parts[1] ?? "");
        intro = roles.some((r) => /^(a|an)\s/i.test(r)) || /^\s*\d{1,3}\s*$/.test(parts[1] ?? "");
        const off = tail.indexOf(head.trim());
        subjStart = ve + Math.max(0, off);
        subjEnd = subjStart + head.length;
      } else if (byWho) {
        ref = byWho;
        subjStart = vs - before.length + relWho!.index + relWho![0].indexOf(relWho![1]!);
        subjEnd = subjStart + relWho![1]!.length;
      } else if (verb === "saying" && QUOTED_OBJECT.test(lead)) {
        // "The agency quoted the head of the authority, Ilario Bessant, as saying …": the one quoted speaks
        const q = QUOTED_OBJECT.exec(lead)!;
        const npAt = q.index + q[0].indexOf(q[1]!);
        const found = subjectBefore(q[1]!);
        if (!found || found.ref.t === "pronoun") continue;
        ref = found.ref;
        roles.push(...found.roles);
        subjStart = from + npAt + found.offset;
        subjEnd = subjStart + found.length;
      } else if (verb === "saying" && QUOTED_AS.test(lead)) {
        // "whose president, Dale Petrosky, was quoted in a release as saying the bill "…""
        const cut = lead.slice(0, QUOTED_AS.exec(lead)!.index);
        const found = subjectBefore(cut);
        if (!found) continue;
        ref = found.ref;
        roles.push(...found.roles);
        subjStart = from + found.offset;
        subjEnd = subjStart + found.length;
      } else if (PARTICIPLE.test(verb) && WITH_SUBJECT.test(before)) {
        // "…, with one Conservative backbencher warning that …"
        const w = WITH_SUBJECT.exec(before)!;
        ref = { t: "desc", np: w[1]! };
        subjStart = vs - w[0].length + w[0].indexOf(w[1]!);
        subjEnd = subjStart + w[1]!.length;
      } else if (
        PARTICIPLE.test(verb) &&
        WITH_NAME.test(before) &&
        parseRef(WITH_NAME.exec(before)![1]!)?.t === "name"
      ) {
        // "…, with Dempsey-Hale telling a magazine that the band had “…”": the name before the participle
        const w = WITH_NAME.exec(before)!;
        ref = parseRef(w[1]!);
        subjStart = vs - w[0].length + w[0].indexOf(w[1]!);
        subjEnd = subjStart + w[1]!.length;
      } else if (PARTICIPLE.test(verb)) {
        const found = sentenceSubject(masked.slice(a, Math.min(vs, a + 400)));
        if (!found) continue;
        ref = found.ref;
        roles.push(...found.roles);
        subjStart = a + found.offset;
        subjEnd = subjStart + found.length;
      } else {
        // "He used to say that …": the habit's words are not part of the subject
        const lead = lead0.replace(
          /\s(?:used|likes?|liked|loves?|loved|went on|was fond|is fond|was known|is known)\s+to\s+$/i,
          " ",
        );
        const i = FIRST_PERSON.exec(lead);
        if (i && !firstPerson) {
          // outside an interview's answers "I" is the reporter, who is not quoted
          const at = from + i.index + i[0].indexOf("I");
          out.push({
            from: clause,
            verbStart: vs,
            verbEnd: ve,
            subjStart: at,
            subjEnd: at + 1,
            entity: null,
            ref: null,
            pronoun: false,
            weak: true,
            reporter: true,
          });
          continue;
        }
        const found: ReturnType<typeof subjectBefore> =
          i && firstPerson
            ? {
                ref: { t: "name", name: firstPerson.name, prefix: null, honorific: null },
                roles: [],
                offset: i.index + i[0].indexOf("I"),
                length: 1,
              }
            : (subjectBefore(lead) ?? surnameSubject(lead, doc, doc.offsets[p]! + from, reg));
        if (!found) continue;
        acronym = found.acronym ?? null;
        // "Yarnly, which …, said" (not "Odile Brassard, director of the Collective, which …, said")
        whichCue = /^\s*,\s*which\b/i.test(lead.slice(found.offset + found.length));
        ref = found.ref;
        roles.push(...found.roles);
        intro = roles.some((r) => /^(a|an)\s/i.test(r));
        subjStart = from + found.offset;
        subjEnd = subjStart + found.length;
        if (ref.t === "desc" || ref.t === "def") {
          const given = givenName(masked.slice(subjStart, vs));
          if (given && ref.t === "desc") {
            roles.unshift(tidyPart(ref.np).replace(/\s+(?:called|named)\s.*$/, ""));
            ref = { t: "name", name: given, prefix: null, honorific: null };
          }
        }
      }
    }
    if (!ref) continue;
    // "the waiting list, Wren-Okafor says, is …": the phrase before a parenthetical attribution is not a role
    if (/^\s*,\s+(?:is|was|are|were|has|had|will|would|can|could|remains?)\b/.test(after)) roles.length = 0;
    const pos = base + subjStart;
    const orgHint =
      whichCue ||
      /^\s+(in a statement|in an? (?:emailed |written )?statement|on its|it|its)\b/i.test(after) ||
      (mentionsStatement ??= /\bstatement\b/i.test(sentence));
    // "I rang the arts officer, Gideon Marlowe, and he said": the names before the pronoun count for it
    // (not "Ossing, she says, “…”", where the name is what she speaks about)
    if (
      ref.t === "pronoun" &&
      subjStart > a + 3 &&
      reg.scannedTo < base + subjStart &&
      (/\b(?:and|but|so|then|until|before|after|when)\s+$/.test(masked.slice(a, subjStart)) ||
        REPORTER_CLAUSE.test(masked.slice(a, subjStart).replace(/\u2219+/g, "Q")))
    ) {
      scanNames(doc, p, masked, a, subjStart, base, reg, out);
      scanDescribed(masked, a, subjStart, base, reg, out);
      reg.scannedTo = base + subjStart;
    }
    const byClause =
      ref.t === "pronoun" && (ref.g === "f" || ref.g === "m")
        ? reporterClauseObject(masked, a, subjStart, base, reg, ref.g)
        : null;
    // "Her written report is blunter. It describes the kitchen as “…”": "it" is the document just named
    const docIt =
      ref.t === "pronoun" && ref.g === "n" && /^[\s\u2219“”"‘’'«»,.!?]*$/.test(masked.slice(a, subjStart))
        ? DOC_SUBJECT_BEFORE.exec(masked.slice(Math.max(0, a - 400), a))
        : null;
    const docOwner = docIt ? trackers.get(docIt[1]!.toLowerCase()) : undefined;
    let resolved = docOwner
      ? { entity: docOwner, weak: false }
      : byClause
        ? { entity: byClause, weak: false }
        : resolveAt(ref, subjStart, orgHint, intro);
    // "Pop singer Lila Marchetti has cancelled …, saying she needs …": a pronoun bound by its own sentence's subject
    if (ref.t === "pronoun" && ref.g !== "p" && subjStart > a + 3) {
      const own = sentenceSubject(masked.slice(a, subjStart));
      // not "Ossing, she says, "…"": the name must have its own clause before the pronoun
      const between = own ? masked.slice(a + own.offset + own.length, subjStart) : "";
      if (own && own.ref.t === "name" && own.offset < subjStart - a && between.trim().split(/\s+/).length >= 4) {
        const at = a + own.offset;
        const e = reg.findByName(own.ref.name, own.ref.honorific);
        const fresh = e ?? resolveAt(own.ref, at, false, false).entity;
        const g = ref.g;
        const fits =
          fresh !== null &&
          (g === "n"
            ? fresh.kind === "organisation"
            : fresh.kind === "person" && (fresh.gender === g || fresh.gender === null));
        if (fresh && fits && fresh !== resolved.entity) {
          if (own.ref.prefix && !/^(the|a|an)$/i.test(own.ref.prefix))
            fresh.addRole(own.ref.prefix.replace(/\s+the$/i, ""));
          for (const r of own.roles) fresh.addRole(r);
          if (g !== "n" && fresh.gender === null) fresh.votes[g] += 1;
          resolved = { entity: fresh, weak: false };
        }
      }
    }
    if (resolved.entity) {
      const e = resolved.entity;
      if (acronym) e.refNames.add(acronym);
      if (ref.t === "name" && ref.prefix && !/^(the|a|an)$/i.test(ref.prefix)) e.addRole(ref.prefix);
      for (const r of roles) e.addRole(r);
      // "Certavo's chief executive, Ludmila Ferrant-Osei, said its system …": a person's role outweighs "its"
      if (
        e.kind === "organisation" &&
        ref.t === "name" &&
        e.firstPos === pos &&
        !Registry.looksLikeOrg(e.name) &&
        e.roles.length > 0 &&
        e.roles.every((r) => {
          const h = roleHead(r);
          return h !== null && isPersonNoun(h) && !reg.isOrgNoun(h);
        })
      )
        e.kind = "person";
      if (ref.t === "name" && ref.honorific) {
        e.honorifics.add(ref.honorific);
        const g = HONORIFICS[ref.honorific];
        if (g && e.kind === "person") e.votes[g] += 3;
      }
      reg.mention(e, pos, true);
      if (ref.t === "name" && e.kind === "person") {
        voteFromPronoun(e, after, reg);
      }
      // A statement, post or report named in the sentence speaks for this entity later ("the statement said").
      const doc = docIn === undefined ? (docIn = DOC_IN.exec(sentence)) : docIn;
      if (doc && ref.t !== "doc") trackers.set(doc[1]!.toLowerCase(), e);
      trackers.set("*", e);
    }
    out.push({
      from: clause,
      verbStart: vs,
      verbEnd: ve,
      subjStart,
      subjEnd,
      entity: resolved.entity,
      ref,
      pronoun: ref.t === "pronoun",
      weak: resolved.weak,
    });
  }
  // "Rivera, the team's manager, was blunt: "…"": a quote after a colon belongs to the clause's subject
  if (out.length === 0) {
    const first = spans.find((sp) => sp.open >= a && sp.open < b);
    const lead = first ? masked.slice(a, first.open) : "";
    const docLead = first ? DOC_READ.exec(lead) : null;
    const docRef = docLead ? parseRef(docLead[1]!) : null;
    // The subject before the colon speaks the quote after it.
    const claim = (subjStart: number, subjEnd: number, entity: Entity, ref: Ref, weak: boolean) => {
      reg.mention(entity, base + subjStart, true);
      out.push({
        from: a,
        verbStart: a + lead.length - 1,
        verbEnd: a + lead.length,
        subjStart,
        subjEnd,
        entity,
        ref,
        pronoun: ref.t === "pronoun",
        weak,
      });
    };
    // "MedRight's statement read: "…"", "The letter began: "…"": the document's author
    const docStart = docLead ? a + docLead[0].indexOf(docLead[1]!) : -1;
    const byDoc = docRef && docRef.t === "doc" ? resolveAt(docRef, docStart, true, false) : null;
    if (docRef && byDoc?.entity) claim(docStart, docStart + docLead![1]!.length, byDoc.entity, docRef, byDoc.weak);
    else if (first && /:\s*$/.test(lead) && lead.length < 300 && !/\b(?:asked|question)\b/i.test(lead)) {
      const found = sentenceSubject(lead.replace(/:\s*$/, ""));
      if (found && (found.ref.t === "name" || found.ref.t === "pronoun")) {
        const subjStart = a + found.offset;
        const r = resolveAt(found.ref, subjStart, false, false);
        if (r.entity) {
          for (const role of found.roles) r.entity.addRole(role);
          claim(subjStart, subjStart + found.length, r.entity, found.ref, true);
        }
      }
    }
  }
  // '"Lovely woman," was Quaine's verdict.': a noun of saying owned by the speaker, right after the quote
  for (const sp of spans) {
    if (sp.close < a || sp.close >= b || out.some((x) => x.from === sp.close + 1)) continue;
    const v = VERDICT_AFTER.exec(masked.slice(sp.close + 1, b));
    if (!v) continue;
    const owner = v[1]!;
    const lower = owner.toLowerCase();
    const ref: Ref | null = /^(his|her|their|its)$/.test(lower)
      ? { t: "pronoun", g: lower === "his" ? "m" : lower === "her" ? "f" : lower === "its" ? "n" : "p" }
      : parseRef(owner.replace(/[’']s$/u, ""));
    if (!ref || (ref.t !== "name" && ref.t !== "pronoun")) continue;
    const subjStart = sp.close + 1 + v[0].indexOf(owner);
    const r = resolveAt(ref, subjStart, false, false);
    if (!r.entity) continue;
    reg.mention(r.entity, base + subjStart, true);
    out.push({
      from: sp.close + 1,
      verbStart: sp.close + 1,
      verbEnd: sp.close + 1 + v[0].length,
      subjStart,
      subjEnd: subjStart + owner.length,
      entity: r.entity,
      ref,
      pronoun: ref.t === "pronoun",
      weak: r.weak,
    });
  }
  // '"I have never seen anything like it" — Jim Haskell, 54, a fisherman': a name after a dash signs the quote
  for (const sp of spans) {
    // the signature ends the sentence: only a quote closing within 160 characters of the sentence's end
    if (sp.close < a || sp.close >= b || b - sp.close > 160 || out.some((x) => x.from === sp.close + 1)) continue;
    const dash = /^(\s*[—–]\s*)([^\u2219“”"«»]{2,120})$/u.exec(masked.slice(sp.close + 1, b).replace(/[.\s]+$/, ""));
    if (!dash) continue;
    const parts = dash[2]!.split(PART_SPLIT);
    const ref = parseRef(parts[0]!);
    if (!ref || ref.t !== "name") continue;
    const subjStart = sp.close + 1 + dash[1]!.length;
    const r = resolveAt(ref, subjStart, false, true);
    if (!r.entity) continue;
    const roles: string[] = [];
    collectAppositives(parts.slice(1), roles);
    for (const role of roles) r.entity.addRole(role);
    reg.mention(r.entity, base + subjStart, true);
    out.push({
      from: sp.close + 1,
      verbStart: sp.close + 1,
      verbEnd: subjStart,
      subjStart,
      subjEnd: subjStart + parts[0]!.length,
      entity: r.entity,
      ref,
      pronoun: false,
      weak: r.weak,
    });
  }
  // "His message to the Senate: "…"", "Her answer, when asked …, was immediate: "…"": the owner speaks
  const pc = out.length === 0 ? POSS_SAYING.exec(sentence) : null;
  if (pc) {
    const owner = pc[2]!;
    const lower = owner.toLowerCase();
    const ref: Ref | null =
      lower === "his" || lower === "her" || lower === "their" || lower === "its"
        ? { t: "pronoun", g: lower === "his" ? "m" : lower === "her" ? "f" : lower === "its" ? "n" : "p" }
        : parseRef(owner.replace(/[’']s?$/u, ""));
    const subjStart = a + pc[1]!.length;
    const colon = a + pc.index + pc[0].length;
    if (ref && (ref.t === "pronoun" || ref.t === "name")) {
      const r = resolveAt(ref, subjStart, false, false);
      if (r.entity) {
        reg.mention(r.entity, base + subjStart, true);
        out.push({
          from: a,
          verbStart: a + pc.index + pc[0].indexOf(pc[3]!, pc[1]!.length + owner.length),
          verbEnd: colon,
          subjStart,
          subjEnd: subjStart + owner.length,
          entity: r.entity,
          ref,
          pronoun: ref.t === "pronoun",
          weak: r.weak,
        });
      }
    }
  }
  // "The closure was, in his words, "not yet a done deal"", "must, in the words of the act, take "…"": the owner
  // of the words speaks the quote that follows
  const iw = IN_WORDS.exec(sentence);
  const iwQuote = iw ? spans.find((sp) => sp.open >= a + iw.index + iw[0].length && sp.open < b) : undefined;
  if (iw && iwQuote && iwQuote.open - (a + iw.index + iw[0].length) <= 60) {
    const owner = (iw[1] ?? iw[2])!;
    const lower = owner.toLowerCase();
    const ref: Ref | null = iw[1]
      ? /^(his|her|their|its)$/.test(lower)
        ? { t: "pronoun", g: lower === "his" ? "m" : lower === "her" ? "f" : lower === "its" ? "n" : "p" }
        : parseRef(owner.replace(/[’']s$/u, ""))
      : parseRef(owner);
    const subjStart = a + iw.index + iw[0].indexOf(owner);
    let entity: Entity | null = null;
    let weak = true;
    if (ref && (ref.t === "pronoun" || ref.t === "name")) {
      const r = resolveAt(ref, subjStart, false, false);
      entity = r.entity;
      weak = r.weak;
    } else if (ref && ref.t === "def") {
      // only a body or person the article has named: "the words of the act" is no one's otherwise
      entity = reg.findByRole(ref.np);
      // "in the words of the act" after "… passed the Online Age Assurance Act": the one so named before
      const noun = ref.np.replace(/^the\s+/i, "").toLowerCase();
      if (!entity && /^[\p{Ll}]+$/u.test(noun)) {
        const cap = noun.charAt(0).toUpperCase() + noun.slice(1);
        const before = doc.full.slice(Math.max(0, doc.offsets[p]! + a - 20_000), doc.offsets[p]! + a);
        const names = new Set(
          [...before.matchAll(new RegExp(`((?:[\\p{Lu}][\\p{L}'’-]+\\s+){1,5}${cap})\\b`, "gu"))].map((x) =>
            x[1]!.replace(/^(?:The|A|An)\s+/, ""),
          ),
        );
        if (names.size === 1) {
          const name = [...names][0]!;
          entity = reg.findByName(name, null) ?? reg.create(name, "organisation", base + a + iw.index);
        }
      }
      weak = false;
    }
    if (entity) {
      reg.mention(entity, base + subjStart, true);
      out.push({
        from: a,
        verbStart: a + iw.index,
        verbEnd: a + iw.index + iw[0].length,
        subjStart,
        subjEnd: subjStart + owner.length,
        entity,
        ref,
        pronoun: ref!.t === "pronoun",
        weak,
      });
      out.sort((x, y) => x.verbStart - y.verbStart);
    }
  }
  // "a report by X" anywhere in a sentence makes X the author of "the report" later.
  const rep =
    /\b(?:a|an|the)\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(report|study|survey|analysis|review|audit|diary|judgment|ruling)(?:\s*,)?\s+(?:(?:[\p{Ll}]+ed|kept|written|drawn up|carried out)(?:\s+[\p{L}\p{N}]+){0,2}?\s+)?by\s+(?:the\s+)?([^,;.\u2219]+)/iu.exec(
      sentence,
    );
  if (rep) {
    let byPerson = false;
    let r = parseRef(
      rep[2]!.replace(/\s+(found|shows?|said|says|presented|published|on|in|at|last|this|earlier)\b.*$/, ""),
    );
    // "a diary kept by one of them, retired teacher Morwenna Tregellas, who …"
    if (!r || r.t !== "name") {
      const next = /^,\s*([^,;.\u2219]+)/.exec(sentence.slice(rep.index + rep[0].length));
      const r2 = next ? parseRef(next[1]!) : null;
      if (r2 && r2.t === "name") {
        r = r2;
        byPerson = true;
      }
    }
    if (r && r.t === "name") {
      const res = resolveAt(r, a + rep.index, !byPerson, false);
      if (res.entity) {
        trackers.set(rep[1]!.toLowerCase(), res.entity);
        const at = rep.index + rep[0].length;
        const prefixRole = r.prefix;
        if (prefixRole) res.entity.addRole(prefixRole);
        const tail = sentence.slice(at).split(PART_SPLIT);
        if (/^\s*,/.test(sentence.slice(at))) collectAppositives(tail.slice(1, 2), []);
      }
    }
  }
  const own = OWN_DOC.exec(sentence);
  if (own && !trackers.has(own[2]!.toLowerCase())) {
    const e = reg.resolvePronoun(/^her$/i.test(own[1]!) ? "f" : "m", base + a + own.index, windowStart);
    if (e) trackers.set(own[2]!.toLowerCase(), e);
  }
  return out;
}

/**
 * A bare capitalised word that is also a common word ("Haste", "Cook", "Early") as a surname: a name when the article
 * named that person in full before, in the registry ('"Cook told Benioff"') or, with `fromText`, anywhere in its text
 * before ('"…," Haste says' after "Corwin Haste has been a lighthouse keeper").
 */
function surnameRef(np: string, doc: DocText, at: number, reg: Registry, fromText = true): Ref | null {
  const w = /^\s*([\p{Lu}][\p{Ll}'’-]+)\.?\s*$/u.exec(np)?.[1];
  if (!w || isFunctionWord(w)) return null;
  const ref: Ref = { t: "name", name: w, prefix: null, honorific: null };
  const known = /^\p{Lu}\p{Ll}+$/u.test(w) ? reg.findByName(w, null) : null;
  if (known && known.kind === "person" && known.words.length >= 2) return ref;
  if (!fromText || /\.\s*$/.test(np) || isTitleWord(w)) return null;
  const full = expand(w, doc.full, at, false);
  if (!full || full.name.split(" ").length < 2 || isCommonCapitalised(full.name.split(" ")[0]!)) return null;
  if (Registry.looksLikeOrg(full.name) || full.name.split(" ").some((x) => isPlaceWord(x))) return null;
  return ref;
}

/** The same surname as the last word before a verb; from the text only when it opens the clause or follows a comma. */
function surnameSubject(lead: string, doc: DocText, at: number, reg: Registry): ReturnType<typeof subjectBefore> {
  const m = /(?:^|[\s,;])([\p{Lu}][\p{Ll}'’-]+)\s*$/u.exec(lead);
  if (!m) return null;
  const offset = m.index + m[0].indexOf(m[1]!);
  const fromText = /(?:^|[,;])\s*$/.test(lead.slice(0, offset)) && /\s$/.test(lead);
  const ref = surnameRef(m[1]!, doc, at, reg, fromText);
  return ref ? { ref, roles: [], offset, length: m[1]!.length } : null;
}

/** The sentence before opens with a document ("Her written report, seen by …, is blunter."): its noun. */
const DOC_SUBJECT_BEFORE =
  /(?:^|[.!?][”"’]?\s+)(?:His|Her|Their|Its|The|An?)\s+(?:[\p{Ll}\p{N}-]+\s+){0,2}?(report|statement|letter|judgment|ruling|memo|review|audit|study|survey|submission|filing|diary)\b[^.!?\u2219]*[.!?]\s*$/u;

/** "I said", "and I told her": the first person as the subject right before a verb of saying. */
const FIRST_PERSON =
  /(?:^\s*|[,;]\s*|\b(?:and|but|so|then)\s+)I(?:['’](?:ve|d|ll))?\s+(?:(?:also|then|just|once|later|finally|simply|only|always|often|never)\s+)?$/;

/** "Her 38-page judgment", "his letter": a document of the person the pronoun means. */
const OWN_DOC =
  /\b(his|her)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(judgment|ruling|opinion|report|letter|diary|memo|statement)\b/iu;

/** The noun phrase a part starts with: "mayor Corinne Attalens after the result…" → "mayor Corinne Attalens". */
function leadingNP(part: string): string | null {
  const p = part.replace(/\u2219+/g, " ").trim();
  if (p === "") return null;
  if (/^(a|an|the|its|his|her|their|one|another)\s/i.test(p) || /^(he|she|they|it)\b/i.test(p)) {
    if (/^(he|she|they|it)\b/i.test(p)) return p.split(/\s+/)[0]!;
    return p;
  }
  const m =
    /^((?:[\p{Ll}-]+\s+){0,3}?)((?:[\p{Lu}][\p{L}\p{M}'’.-]*)(?:\s+(?:(?:of|the|for|and|de|van|von|der|da|du|al|bin)\s+)?(?:[\p{Lu}]|(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|ben|ould)-\p{Lu})[\p{L}\p{M}'’.-]*)*)/u.exec(
      p,
    );
  if (!m) return null;
  // "Pop singer Lila Marchetti has …": a capitalised sentence-initial word, a lower-case title, then the name
  if (m[1] === "" && !m[2]!.includes(" ") && isCommonCapitalised(m[2]!)) {
    const t =
      /^([\p{Lu}][\p{Ll}-]+(?:\s+[\p{Ll}-]+){1,3}\s+)([\p{Lu}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*)+)/u.exec(
        p,
      );
    const noun = t ? t[1]!.trim().split(/\s+/).pop()! : "";
    if (t && (isTitleNoun(noun) || isEpithetNoun(noun) || /(?:er|or|ist|ian)$/.test(noun)))
      return (t[1]! + t[2]!).trim();
  }
  // "NASA administrator Jim Bridenstine", "Goddard planetary scientist Avi Mandell": a body, a title, then the name
  if (m[1] === "") {
    const rest = p.slice(m[2]!.length);
    const t = /^(\s+(?:[\p{Ll}-]+\s+){1,3})([\p{Lu}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*)+)/u.exec(rest);
    const noun = t ? t[1]!.trim().split(/\s+/).pop()! : "";
    if (t && (isTitleNoun(noun) || /(?:er|or|ist|ian)$/.test(noun)) && isKnownFirstName(t[2]!.split(/\s+/)[0]!))
      return (m[2]! + t[1]! + t[2]!).trim();
  }
  return (m[1]! + m[2]!).trim();
}

const ROLE_NOUN =
  "(?:head|chief|director|founder|chair|chairman|chairwoman|spokesman|spokeswoman|spokesperson|editor|manager|leader|secretary|minister|deputy|president|executive|officer|lawyer|representative|envoy|adviser|advisor|[\\p{Ll}]+(?:er|or|ist|ant|ent|ian))";
const UNNAMED_ROLE = new RegExp(
  `\\b(?:its|their|the [\\p{Lu}][\\p{L}-]*[’']s|[\\p{Lu}][\\p{L}-]*[’']s)\\s+((?:[\\p{Ll}-]+\\s+){0,3}?${ROLE_NOUN}(?:\\s+of\\s+[\\p{Ll}\\s-]+?)?)(?=\\s+(?:to|at|in|on|for|before)\\b|[,.;])`,
  "u",
);

/** A role named without a person in a sentence ("Pivvo sent its head of creator partnerships to the hearing."). */
function unnamedRole(sentence: string): string | null {
  if (/\b[\p{Lu}][\p{Ll}]+\s+[\p{Lu}][\p{Ll}]+/u.test(sentence.slice(1))) return null;
  return UNNAMED_ROLE.exec(sentence)?.[1] ?? null;
}

/** The role phrase a clause ends with: "X said that the club's assistant coach" → "the club's assistant coach". */
function trailingNP(part: string): string {
  if (partKind(part) !== "clause") return byAgent(part);
  const m =
    /(?:^|\s)((?:the|a|an|its|his|her|their)\s+(?:[\p{L}’'-]+\s+){0,5}?[\p{L}’'-]+|[\p{Lu}][\p{L}-]*[’']s\s+(?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)$/u.exec(
      part,
    );
  if (!m || /\b(said|says|told|is|was|are|were|has|have|had|would|will)\b/.test(m[1]!)) return part;
  return byAgent(m[1]!);
}

/** "a fundraiser set up by the couple's daughter" → "the couple's daughter": the agent is the role. */
function byAgent(np: string): string {
  const by = /^.*\s(?:by|from)\s+((?:the|a|an|its|his|her|their)\s.+|[\p{Lu}][\p{L}-]*[’']s\s.+)$/u.exec(np);
  return by ? by[1]! : np;
}

/** "…, who gave only her first name, Mila" / "who gave her name only as Bridget" → the name. */
function givenName(text: string): string | null {
  const t = text.replace(/\u2219+/g, " ");
  const m =
    // "gave her name only as Signora Brava": a title may come with it
    /\bname(?:s)?\b(?:\s+only)?(?:\s+as)?\s*,?\s+([\p{Lu}][\p{L}'’-]+(?:\s+(?!(?:The|A|An|She|He|They|It|I|We)\b)[\p{Lu}][\p{L}'’-]+)?)/u.exec(
      t,
    ) ??
    // "who identified herself only as Dana", "asked to be identified only as Kofi"
    /\bidentified(?:\s+(?:herself|himself|themselves))?(?:\s+only)?\s+as\s+([\p{Lu}][\p{L}'’-]+)/u.exec(t) ??
    // "a retired teacher called Ruth Okonjo-Berg"
    /^(?:a|an)\s+(?:[\p{Ll}-]+\s+){0,3}(?:called|named)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)(?=\s*(?:,|$))/u.exec(
      t.trim(),
    );
  return m ? m[1]! : null;
}

/** "commander of the task force", "professor of law at X", "owner of the café": a title noun leading a phrase. */
function isBareRole(part: string): boolean {
  const m = /^([\p{Ll}-]+)(?:\s+(?:of|at|for|in|with|to)\s.*)?$/u.exec(part);
  return m !== null && (isTitleNoun(m[1]!) || isRoleLike(m[1]!)) && part.split(/\s+/).length <= 14;
}

function isRoleLike(part: string): boolean {
  // "Her name was Joan Emery": a clause, not a role
  if (/\b(?:is|was|are|were)$/i.test(part.trim())) return false;
  const k = partKind(part);
  if (k === "desc") return true;
  if (k === "def") return true;
  return /^(head|chief|director|founder|co-founder|chair|chairman|chairwoman|member|spokesman|spokeswoman|spokesperson|editor|professor|lecturer|owner|manager|leader|secretary|minister|deputy|analyst|researcher|economist|author|president|vice|senior|executive|partner|principal|coordinator|organi[sz]er)\b/i.test(
    part,
  );
}

/** Appositives after a name: ages and relative clauses skipped, role phrases kept, stopping at anything else. */
function collectAppositives(parts: string[], roles: string[]): void {
  for (const raw of parts.slice(0, 4)) {
    const part = tidyPart(raw);
    const k = partKind(part);
    if (k === "empty" || k === "age") continue;
    if (k === "rel") break;
    if (k === "doc") break;
    if (isRoleLike(part)) {
      if (part.split(/\s+/).length > 25) break;
      roles.push(part);
    }
    break;
  }
}

/** The subject right before a verb: walks back over appositives, ages and relative clauses to the name. */
function subjectBefore(
  whole: string,
): { ref: Ref; roles: string[]; offset: number; length: number; acronym?: string } | null {
  // "The Maritime and Coastal Workers' Union (MCWU) said": the acronym is another name, not the subject
  const acr = /\s*\(([\p{Lu}][\p{Lu}\p{N}&-]{1,9})\)\s*$/u.exec(whole);
  const lead = acr ? whole.slice(0, acr.index) + " ".repeat(acr[0].length) : whole;
  const found = subjectBeforeParts(lead);
  if (found && acr) return { ...found, acronym: acr[1]! };
  return found;
}

function subjectBeforeParts(lead: string): { ref: Ref; roles: string[]; offset: number; length: number } | null {
  const pieces: Array<{ text: string; offset: number }> = [];
  const re = new RegExp(PART_SPLIT.source, "g");
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lead)) !== null) {
    pieces.push({ text: lead.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  pieces.push({ text: lead.slice(last), offset: last });
  const roles: string[] = [];
  let fallback: { ref: Ref; offset: number; length: number } | null = null;
  // "Nimbleloop's post-mortem, written by Valderrama and …, said": the document speaks for the named writer
  let writer: string | null = null;
  for (let k = pieces.length - 1; k >= 0 && k >= pieces.length - 5; k--) {
    const piece = pieces[k]!;
    let part = tidyPart(piece.text);
    // "The family of a cyclist who died after a crash in Ashcombe have described": the noun phrase before "who"
    const relCut =
      /^((?:the|a|an|one|another|its|his|her|their)\s+(?:[\p{L}\p{N}’'-]+\s+){0,6}?[\p{L}\p{N}’'-]+)\s+(?:who|whose|which)\s/iu.exec(
        part,
      );
    if (relCut && k === pieces.length - 1) part = relCut[1]!;
    // "The Water Board, the regulator that sets the prices, said": an appositive's relative clause, after a name
    const appRel =
      k === pieces.length - 2 && k > 0 && /^\s*$/.test(pieces[k + 1]!.text)
        ? /^((?:the|a|an)\s+(?:[\p{L}\p{N}’'-]+\s+){0,4}?[\p{L}\p{N}’'-]+)\s+(?:who|which|that)\s/iu.exec(part)
        : null;
    if (appRel && partKind(tidyPart(pieces[k - 1]!.text)) === "name") part = appRel[1]!;
    // "… to recover from what she described as", "what her team called": the subject of "what"
    if (k === pieces.length - 1) {
      const w = WHAT_SUBJECT.exec(part);
      if (w) {
        const ref = parseRef(w[2]!);
        if (ref && ref.t !== "doc")
          return { ref, roles, offset: piece.offset + piece.text.lastIndexOf(w[2]!), length: w[2]!.length };
      }
    }
    // "… began deliberating after prosecutors described him as …": the subject of a closing subordinate clause
    if (k === pieces.length - 1) {
      // "The mayor rang me the week before the first booking and said": the verb is the main subject's
      const sub = /\s(?:and|but|then|yet)$/.test(part) ? null : SUBORD_SUBJECT.exec(part);
      if (sub && sub.index >= 12) {
        const np = sub[1]!;
        const ref: Ref | null = /^[\p{Ll}]+s$/u.test(np) ? { t: "desc", np } : parseRef(np);
        if (ref && ref.t !== "doc")
          return { ref, roles, offset: piece.offset + piece.text.lastIndexOf(np), length: np.length };
      }
    }
    // "Hal Brennan, declines to discuss the contract but says": a joined verb phrase, the subject is before it
    // "Afterwards she told me", "Later he said": an adverb, then the pronoun that is the subject
    const adv = k === pieces.length - 1 ? /^([\p{Lu}][\p{Ll}]+)\s+(he|she|they)$/u.exec(part) : null;
    if (adv && !isKnownFirstName(adv[1]!)) {
      const g = adv[2]!.toLowerCase();
      return {
        ref: { t: "pronoun", g: g === "she" ? "f" : g === "he" ? "m" : "p" },
        roles,
        offset: piece.offset + piece.text.lastIndexOf(adv[2]!),
        length: adv[2]!.length,
      };
    }
    // "One of their delegation came up to me in the car park and said"
    const oneOf =
      k === pieces.length - 1
        ? /^((?:[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal|[Mm]any)\s+of\s+(?:the|their|his|her|its|our|my|those)\s+[\p{Ll}-]+)\s+([\p{Ll}-]+)\b[^,;]{0,80}\s(?:and|but|then)$/u.exec(
            part,
          )
        : null;
    if (oneOf) {
      // "one of the young volunteers": a plural noun after a modifier belongs to the phrase; "came" does not
      const np = !/s$/.test(oneOf[1]!) && /s$/.test(oneOf[2]!) ? `${oneOf[1]!} ${oneOf[2]!}` : oneOf[1]!;
      return { ref: { t: "desc", np }, roles, offset: piece.offset + piece.text.indexOf(np), length: np.length };
    }
    // "A driver stopped me at the depot last week and said": the person, not the whole clause
    if (
      k === pieces.length - 1 &&
      /^(?:A|An|a|an|The|the|My|my|His|his|Her|her|Their|their|Our|our)\s/.test(part) &&
      /\s(?:and|but|then)$/.test(part) &&
      part.length <= 160
    ) {
      // likewise "The mayor rang me the week before and said"
      const ws = part.split(/\s+/);
      const n = isPersonNoun(ws[1] ?? "") ? 2 : isPersonNoun(ws[2] ?? "") ? 3 : 0;
      if (n > 0 && /^[\p{Ll}]/u.test(ws[n] ?? "")) {
        const np = ws.slice(0, n).join(" ");
        const ref: Ref = /^an?$/i.test(ws[0]!) ? { t: "desc", np } : { t: "def", np };
        return { ref, roles, offset: piece.offset + piece.text.indexOf(np), length: np.length };
      }
    }
    // "Our treasurer, Ken Abiodun, sat me down in 2021 and said"
    if (
      k === pieces.length - 1 &&
      k > 0 &&
      /^(?!(?:who|which|that|whose|where|when|and|but|or|the|a|an)\b)[\p{Ll}]+\b[^,;]{0,80}\s(?:but|and|yet)$/u.test(
        part,
      )
    )
      continue;
    const kind = partKind(part);
    if (kind === "rel") {
      const w = WRITTEN_BY.exec(part);
      if (w) writer = w[1]!;
    }
    if (kind === "empty" || kind === "age" || kind === "rel") continue;
    const off = piece.offset + Math.max(0, piece.text.indexOf(part.split(" ")[0] ?? ""));
    // "A diplomat in the capital, Karsk, said": the name after a place noun is the place's, not the speaker's
    if (kind === "name" && k > 0 && !isKnownFirstName(part.split(" ")[0]!)) {
      const place = /\b(?:in|near|from|outside|across|around|at)\s+the\s+([\p{Ll}]+)$/u.exec(
        tidyPart(pieces[k - 1]!.text),
      );
      if (place && PLACE_NOUNS.has(place[1]!)) continue;
    }
    if (kind === "name" || kind === "pronoun" || kind === "doc") {
      const ref = parseRef(part);
      if (!ref) return null;
      const named = kind === "name" ? personBefore(pieces, k) : null;
      if (named) return named;
      if (ref.t === "doc" && writer)
        ref.author = /^[\p{Ll}\p{N}]/u.test(writer) ? { t: "desc", np: writer } : parseRef(writer);
      if (kind === "name") {
        const prev = pieces[k - 1] ? tidyPart(pieces[k - 1]!.text) : "";
        if (prev && isRoleLike(prev) && partKind(prev) !== "doc" && (k - 1 === 0 || pieces.length <= 3 || k - 1 >= 0)) {
          if (k - 1 === 0 || /^(the|its|his|her|their|a|an)\b/i.test(prev) || /[’']s\s/.test(prev)) roles.push(prev);
        }
      }
      return {
        ref,
        roles: fallback ? [...roles, ...fallbackRoles(fallback)] : roles,
        offset: off,
        length: part.length,
      };
    }
    if (kind === "def" || kind === "desc") {
      // An appositive if a name comes just before it ("Voss, the superintendent,"), else the subject.
      const prev = pieces[k - 1] ? tidyPart(pieces[k - 1]!.text) : "";
      const pk = prev ? partKind(prev) : "empty";
      // "The man who found him, a delivery driver who …, said": the definite description opening the sentence is
      // the subject, the indefinite one after it its role
      const openingDef =
        kind === "desc" &&
        k === 1 &&
        pk === "def" &&
        /^the\s+[\p{Ll}-]+\s+who\s/iu.test(prev) &&
        isPersonNoun(prev.split(/\s+/)[1]!);
      if (openingDef) {
        roles.push(part);
        continue;
      }
      if (pk === "name" || pk === "age" || pk === "rel") {
        if (!fallback) fallback = { ref: parseRef(part)!, offset: off, length: part.length };
        // "X, who runs Phone Doctors, an independent repair shop, said": the phrase describes Phone Doctors
        if (!(pk === "rel" && /\s[\p{Lu}][\p{L}'’-]*$/u.test(prev))) roles.push(part);
        continue;
      }
      const ref = parseRef(part);
      if (!ref) return null;
      const named = personBefore(pieces, k);
      if (named) return named;
      return { ref, roles, offset: off, length: part.length };
    }
    // "Mark Hollis, commander of the task force, said": a bare role phrase after a name is an appositive
    if (kind === "clause" && k > 0 && isBareRole(part)) {
      const prev = tidyPart(pieces[k - 1]!.text);
      const pk = partKind(prev);
      if (pk === "name" || pk === "age") {
        roles.push(part);
        continue;
      }
    }
    // "40 local doctors wrote", "More than 200 residents signed and said": a counted group of people
    const counted =
      k === pieces.length - 1
        ? /^(?:(?:more than|about|some|nearly|almost|over)\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens of|hundreds of)\s+(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}]+s)$/iu.exec(
            part,
          )
        : null;
    if (counted && isPersonNoun(counted[1]!) && !isFunctionWord(counted[1]!))
      return { ref: { t: "desc", np: part }, roles, offset: off, length: part.length };
    // "Friends described him as …", "Colleagues said": a group named by a plural noun
    if (
      k === pieces.length - 1 &&
      /^[\p{Lu}][\p{Ll}]+s$/u.test(part) &&
      isCommonCapitalised(part) &&
      (!isFunctionWord(part) ||
        /^(critics|students|members|residents|opponents|lawmakers|officials|parents)$/i.test(part))
    )
      return { ref: { t: "desc", np: part }, roles, offset: off, length: part.length };
    // "Lawyers for the company argued": a plural group with the body it works for
    if (
      k === pieces.length - 1 &&
      /^[\p{Lu}][\p{Ll}]+s\s+(?:for|of|at|from|representing)\s+(?:the\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3}$/u.test(
        part,
      ) &&
      isCommonCapitalised(part.split(" ")[0]!)
    )
      return { ref: { t: "desc", np: part }, roles, offset: off, length: part.length };
    // "Documents … show that the department's own acoustics adviser warned": the subject after "that"
    if (k === pieces.length - 1) {
      const th = THAT_SUBJECT.exec(part);
      const ref = th ? parseRef(th[1]!) : null;
      if (th && ref && ref.t !== "doc" && ref.t !== "pronoun") {
        return { ref, roles, offset: piece.offset + piece.text.lastIndexOf(th[1]!), length: th[1]!.length };
      }
    }
    // "In a later post he said", "On Friday Valderrama wrote": a phrase of time or place, then the subject
    if (k === pieces.length - 1) {
      const tailSubj = LEAD_IN_SUBJECT.exec(part);
      if (tailSubj) {
        const ref = parseRef(tailSubj[1]!);
        if (ref && (ref.t === "pronoun" || ref.t === "name")) {
          const len = tailSubj[1]!.length;
          return { ref, roles, offset: piece.offset + piece.text.lastIndexOf(tailSubj[1]!), length: len };
        }
      }
    }
    // A clause: the subject, if any, leads it ("Jahromi and other officials also" has none).
    const np = leadingNP(part);
    if (np && k === pieces.length - 1) {
      const ref = parseRef(np);
      const rest = part.slice(np.length);
      // "He declines to discuss the case but says …": the subject of the first of two joined verbs
      const joined = /^\s+[\p{Ll}]+\b[^,;]{0,80}\s(?:but|and|yet)$/u.test(rest);
      // "Dr Marit Kolbe from their marine institute told": where the named person is from, then the verb
      const from =
        ref?.t === "name" &&
        /^\s+(?:from|of|at|with)\s+(?:the|their|his|her|its|our|my)\s+(?:[\p{Ll}’'-]+\s+){0,4}[\p{Ll}’'-]+\s*$/u.test(
          rest,
        );
      if (
        ref &&
        (((ref.t === "name" || ref.t === "pronoun") && (/^\s*\S+(\s+\S+)?\s*$/.test(rest) || joined || from)) ||
          ((ref.t === "def" || ref.t === "desc") && joined && /^\S+\s+\S+$/.test(np)))
      ) {
        const named = ref.t === "name" ? personBefore(pieces, k) : null;
        if (named) return named;
        return { ref, roles, offset: off, length: np.length };
      }
    }
    // "Mayor Greta Holm, in a statement, said": a phrase of manner or place between the subject and the verb
    if (
      k < pieces.length - 1 &&
      k > 0 &&
      /^(?:in|on|at|via|through|during|after|before|with|from|by|for|under|outside|inside)\s/i.test(part)
    )
      continue;
    break;
  }
  if (fallback)
    return {
      ref: fallback.ref,
      roles: roles.filter((r) => r !== tidyPart(lead.slice(fallback!.offset, fallback!.offset + fallback!.length))),
      offset: fallback.offset,
      length: fallback.length,
    };
  return null;
}

/**
 * "Mira Castel, a scientist at Orwin Labs in Tessaly, Maine, said", "Piet Olander, President Veltrix North Europe,
 * says": the piece before the verb ends the body of a role, and the person named before that role is the subject.
 */
function personBefore(
  pieces: Array<{ text: string; offset: number }>,
  k: number,
): { ref: Ref; roles: string[]; offset: number; length: number } | null {
  const last = tidyPart(pieces[k]!.text);
  const lastWords = last.split(/\s+/);
  // a person's own name is the subject ("Jane Doe, a lawyer, and Omar Ali said" is not this)
  if (lastWords.length >= 2 && isKnownFirstName(lastWords[0]!) && !/^(?:and|or)\s/i.test(pieces[k]!.text.trim()))
    return null;
  for (let j = k - 1; j >= Math.max(0, k - 5); j--) {
    const name = tidyPart(pieces[j]!.text);
    const role = tidyPart(pieces[j + 1]!.text);
    const words = name.split(/\s+/);
    if (words.length < 2 || words.length > 6 || !/^(?:name|doc)$/.test(partKind(name))) continue;
    const sn = splitName(name);
    if (!sn || sn.name.split(" ").length < 2) continue;
    const ref: Ref = { t: "name", name: sn.name, prefix: sn.prefix, honorific: sn.honorific };
    if (
      isKnownFirstName(ref.name.split(" ")[0]!) === false &&
      !/^\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2}$/u.test(ref.name)
    )
      continue;
    // the role: a described post ("a scientist at …"), a bare title ("senior vice president for …") or a title
    // before a body's name ("President Veltrix North Europe")
    const titled =
      j + 1 === k &&
      (() => {
        const n = splitName(role);
        return (
          !!n?.prefix &&
          /^\p{Lu}/u.test(role) &&
          isTitleWord(n.prefix.split(" ").pop()!) &&
          !isKnownFirstName(n.name.split(" ")[0]!)
        );
      })();
    if (
      !titled &&
      !(j + 1 < k && (isRoleLike(role) || isBareRole(role)) && /\s(?:at|of|for|with|in|from)\s/.test(role))
    )
      continue;
    // what follows the role continues its body: places, the rest of a name, or a phrase describing the body
    let fits = true;
    for (let i = j + 2; i <= k; i++) {
      const t = tidyPart(pieces[i]!.text);
      const raw = pieces[i]!.text.trim();
      const pk = partKind(t);
      const capFrag =
        /^(?:and\s+|&\s+)?\p{Lu}/u.test(raw) &&
        t.split(/\s+/).length <= 6 &&
        !/\b(?:said|says|told|is|was|are|were|has|have|had|will|would)\b/.test(t);
      const describesBody =
        (pk === "def" || pk === "desc") && /\p{Lu}[\p{L}.’'-]*\.?$/u.test(tidyPart(pieces[i - 1]!.text));
      if (!capFrag && !describesBody) {
        fits = false;
        break;
      }
    }
    if (!fits) continue;
    const off = pieces[j]!.offset + Math.max(0, pieces[j]!.text.indexOf(sn.name.split(" ")[0]!));
    return { ref, roles: [role], offset: off, length: sn.name.length };
  }
  return null;
}

const WHAT_SUBJECT =
  /\b(what|which)\s+(he|she|they|it|(?:his|her|their|its|the)\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})\s*$/u;
const THAT_SUBJECT =
  /\s(?:show|shows|showed|found|find|finds|reveal|reveals|revealed|suggest|suggests)\s+that\s+((?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,5}?[\p{L}’'-]+|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})$/u;
/** A sentence opening with someone's words named as a noun, then a colon and a quote. */
/** '"…," was Quaine's verdict', '"…" came his reply': whose words the quote before were. */
const VERDICT_AFTER =
  /^\s*,?\s*(?:was|is|came|comes)\s+((?:[\p{Lu}][\p{L}\p{M}'’-]*\s+){0,2}[\p{Lu}][\p{L}\p{M}'’-]*[’']s|his|her|their|its)\s+(?:[\p{Ll}-]+\s+)?(?:verdict|reply|answer|response|assessment|summary|comment|view|description|conclusion|explanation|advice|retort|reaction|take|judgment|judgement|diagnosis|prediction|warning|promise)\b/u;

/** "MedRight's statement read:", "The letter began:": a document opening a quotation after a colon. */
const DOC_READ =
  /^\s*((?:(?:The|His|Her|Their|Its)\s+|(?:[\p{Lu}][\p{L}\p{M}'’-]*\s+){0,3}[\p{Lu}][\p{L}\p{M}'’-]*[’']s\s+)(?:[\p{Ll}-]+\s+){0,2}?(?:statement|letter|post|message|email|note|memo|notice|tweet|submission|response|reply|report))\s+(?:read|reads|began|begins|ended|ends|concluded|concludes|continued|continues|went on)\s*:\s*$/u;
const POSS_SAYING =
  /^(\s*)(His|Her|Their|Its|[\p{Lu}][\p{L}\p{M}-]*(?:\s+[\p{Lu}][\p{L}\p{M}-]*){0,2}(?:[’']s|s[’']))\s+(?:[\p{Ll}-]+\s+){0,2}?(message|account|description|tribute|answer|reply|response|verdict|view|advice|warning|reaction|explanation|conclusion|prediction|plea|assessment|argument|instruction|request|promise|retort|summary|comment|words|motto|mantra|take|diagnosis|prognosis|instructions|orders|appeal)\b[^:\u2219.!?]{0,140}:\s*(?=[“"«‘'])/u;
const SUBORD_SUBJECT =
  /\s(?:after|when|as|while|because|before|since|until|once|though|although)\s+([\p{Ll}]{4,}s|(?:the|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2}|he|she|they)$/u;
/** "my colleague ", "her husband ", "their neighbour ": a relation noun right before a name. */
/** "My husband, ", "her brother, ": a relation noun in apposition before a first name. */
const RELATION_APPOSITION =
  /(?:^|[\s,])(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:[\p{Ll}-]+\s+)?(?:wife|husband|partner|daughter|son|mother|father|brother|sister|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|fiancée?|widow|widower|friend|neighbour|neighbor)\s*,\s*$/u;
const RELATION_BEFORE =
  /\b(?:my|his|her|their|our|a|the)\s+(?:[\p{Ll}-]+\s+)?(?:colleague|friend|neighbour|neighbor|wife|husband|partner|daughter|son|mother|father|brother|sister|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|boss|flatmate|roommate|classmate|teammate|fiancée?|widow|widower)\s+$/u;
const ORG_KIND =
  "(?:company|firm|contractor|start-up|startup|charity|group|operator|provider|developer|manufacturer|retailer|supplier|agency|consultancy|organisation|organization|nonprofit|non-profit|union|trust|authority|regulator|watchdog|utility|app|platform|broadcaster|publisher|newspaper|network|fund|foundation|association|institute|ministry|department|bank|airline|carrier|insurer|lender|landlord)";
const ORG_APPOSITION = new RegExp(
  `\\b((?:a|an|the)\\s+(?:[\\p{Ll}-]+[’']s?\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}${ORG_KIND})\\s*,\\s*` +
    "([\\p{Lu}][\\p{L}\\p{N}&'’.-]*(?:\\s+(?:of|and|&|for)?\\s*[\\p{Lu}][\\p{L}\\p{N}&'’.-]*){0,4})(?=\\s*[,.;(]|\\s+(?:under|which|that|in|on|at|said|says)\\b)",
  "gu",
);
/** "Kelvane Systems, a software company based in Orrin", "Threadwell, the group-messaging app she founded": a body, then its kind. */
const ORG_NAMED_FIRST = new RegExp(
  "(?:^|[\\s(])([\\p{Lu}][\\p{L}\\p{N}&'’.-]*(?:\\s+(?:of|and|&|for)?\\s*[\\p{Lu}][\\p{L}\\p{N}&'’.-]*){0,4})\\s*,\\s*" +
    `((?:a|an|the)\\s+(?:[\\p{Ll}\\p{N}-]+\\s+){0,3}?${ORG_KIND})` +
    "(?=\\s*[,.;:)]|\\s+(?:based|that|which|whose|in|from|with|owned|run|founded|used|she|he|it|they|we|on|at|for|headquartered|set|launched|created|built|made|known|registered)\\b)",
  "gu",
);
/** "in his words", "in Ekholt's own words", "in the words of the minister": whose words the quote after it are. */
const IN_WORDS =
  /\bin\s+(?:(his|her|their|its|[\p{Lu}][\p{L}\p{M}'’-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’-]+){0,2}[’']s)\s+(?:own\s+)?words|the\s+(?:own\s+)?words\s+of\s+((?:the\s+)?[\p{L}\p{M}'’-]+(?:\s+[\p{L}\p{M}'’-]+){0,3}?))\s*,?\s*/u;
const EVALUATIVE =
  /^(?:accus|critici[sz]|condemn|slam|blast|hail|prais|welcom|dismiss|brand|label|term|characteri[sz])/;
const QUOTED_OBJECT = /\bquoted\s+((?:the|a|an|its|[\p{Lu}])[^\u2219;:]{1,160}?),?\s+as\s+$/u;
const QUOTED_AS = /,?\s+(?:was|were|is|are|has been|had been)\s+(?:[\p{Ll}]+ly\s+)?quoted\b[^\u2219]{0,100}?\bas\s+$/u;
/** After a quote, the same subject's second verb of saying: "… but said", "…, and added". */
const SAYS_AGAIN =
  /^[^\p{L}]*(?:(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:said|says|added|adds|told|tells|argued|argues|warned|warns|insisted|insists)\b|(?:and|but)\s+(?:(?!(?:the|a|an|he|she|they|it|we|i|you|his|her|their|its|this|that)\b)[\p{Ll}]+\s+){1,3}$)/u;
const WITH_NAME = /\bwith\s+((?:[\p{Lu}][\p{L}\p{M}'’-]+\s+){0,2}[\p{Lu}][\p{L}\p{M}'’-]+)\s+$/u;
const WITH_SUBJECT = /\bwith\s+((?:one|a|an|another)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+)\s+$/u;
const WRITTEN_BY =
  /^(?:written|signed|authored|co-written|co-authored|drafted|penned|prepared)\s+by\s+(?:(?:senior\s+|government\s+)?(?:officials|staff|lawyers|analysts|researchers|economists|civil servants|officers)\s+(?:at|of|from|in)\s+)?(?:the\s+)?([\p{Lu}][\p{L}\p{M}'’-]*(?:\s+(?:(?:for|of|and)\s+)?[\p{Lu}][\p{L}\p{M}'’-]*){0,4}|(?:more than\s+)?(?:\d[\d,]*|dozens of|hundreds of|several|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}]+s)\b/u;
/** A prepositional phrase of a few words, then a pronoun or a capitalised name ending the piece. */
const LEAD_IN_SUBJECT =
  /^(?:in|on|at|after|before|during|later|earlier|hours|days|minutes|when|once)\b(?:\s+[\p{Ll}\p{N}.:-]+){1,8}\s+(he|she|they|it|[\p{Lu}][\p{L}\p{M}'’-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’-]+){0,2})$/iu;

function fallbackRoles(_f: { ref: Ref }): string[] {
  return [];
}

/** The main subject of a sentence, for participles ("X defended the decision, saying …"). */
function sentenceSubject(head: string): { ref: Ref; roles: string[]; offset: number; length: number } | null {
  const pieces = head.split(PART_SPLIT);
  const roles: string[] = [];
  let offset = 0;
  for (let k = 0; k < Math.min(pieces.length, 4); k++) {
    const raw = pieces[k]!;
    const at = head.indexOf(raw, offset);
    offset = at + raw.length;
    const part = tidyPart(raw);
    // a dateline ("SALEM CITY —", "DRENIC, June 18 (Meridian Wire) -") is not the subject
    if (k < 3 && /^[^\p{Ll}]*$/u.test(part) && /\p{Lu}{3}/u.test(part)) continue;
    const kind = partKind(part);
    if (kind === "def" || kind === "desc") {
      roles.push(part);
      continue;
    }
    const np = kind === "name" || kind === "pronoun" ? part : leadingNP(part);
    if (!np) return null;
    // "Mrs Roskilly's husband, Piran, …": the owner is not the subject, the one named next is
    if (kind === "clause" && /[’']s$/.test(np) && k + 1 < Math.min(pieces.length, 4)) {
      roles.push(part);
      continue;
    }
    const ref = parseRef(np);
    if (ref && (ref.t === "name" || ref.t === "pronoun"))
      return { ref, roles, offset: at + raw.indexOf(np.split(" ")[0]!), length: np.length };
    if (kind === "clause" && k > 0) return null;
  }
  return null;
}

/**
 * "In later life she campaigned against …": a sentence led by "he"/"she" with no verb of saying still keeps its
 * person salient, so a "she said" two paragraphs on finds the obituary's subject and not a colleague quoted since.
 */
function chainPronoun(
  masked: string,
  a: number,
  b: number,
  base: number,
  reg: Registry,
  attribs: Attrib[],
  windowStart: number,
): void {
  const m = PRONOUN_LEAD.exec(masked.slice(a, Math.min(b, a + 120)));
  if (!m) return;
  const at = a + m[0].length - m[1]!.length;
  if (attribs.some((x) => x.subjStart <= at && at < x.subjEnd)) return;
  const g = /^she$/i.test(m[1]!) ? "f" : "m";
  const byClause = reporterClauseObject(masked, a, at, base, reg, g);
  const e = byClause ?? reg.resolvePronoun(g, base + at, windowStart);
  if (!e || e.kind !== "person") return;
  // "Her deputy, Teodor Vask, walks behind us. He is 29.": the pronoun tells the gender of the person just named
  if (e.gender === null && !e.described && (byClause || reg.lastRecent)) e.votes[g] += 1;
  reg.mention(e, base + at, true);
}

/** "When I mention this to Adeyemi-Lowe at 4 a.m., " : the reporter's own clause before a pronoun. */
const REPORTER_CLAUSE = /^\W*(?:when|as|after|before|if|once|whenever)\s+I\b[^;:]{0,160},\s*$/i;

/**
 * "When I mention this to Adeyemi-Lowe at 4 a.m., she laughs": after a clause whose subject is the reporter, "she"
 * is the person that clause names, not the last woman quoted.
 */
function reporterClauseObject(
  masked: string,
  a: number,
  at: number,
  base: number,
  reg: Registry,
  g: "f" | "m",
): Entity | null {
  if (!REPORTER_CLAUSE.test(masked.slice(a, at).replace(/\u2219+/g, "Q"))) return null;
  const ms = reg.mentions;
  for (let i = ms.length - 1; i >= Math.max(0, ms.length - 60); i--) {
    const m = ms[i]!;
    if (m.pos < base + a || m.pos >= base + at) continue;
    const e = m.entity;
    if (e.kind === "person" && !e.described && (e.gender === g || e.gender === null) && e !== reg.exclude) return e;
  }
  return null;
}

const PRONOUN_LEAD =
  /^\W*(?:(?:in|on|at|after|before|during|by|for|since|when|as|later|earlier|then|now|today|still|there)\b[^,.;:\u2219]{0,50}?,?\s+|[^.;:\u2219]{0,100},\s+|when\s+I\b[^;:\u2219]{0,100},\s+)?(he|she)(?=\s+[\p{Ll}])/iu;

/** Capitalised runs in a sentence that name a known entity or a new person: mentions for pronouns later. */
function scanNames(
  doc: DocText,
  p: number,
  masked: string,
  a: number,
  b: number,
  base: number,
  reg: Registry,
  attribs: Attrib[],
): void {
  const sentence = masked.slice(a, b);
  // "a private company, Ardent Correctional Health," — a body named in apposition to its kind
  ORG_APPOSITION.lastIndex = 0;
  for (let o: RegExpExecArray | null; (o = ORG_APPOSITION.exec(sentence)) !== null;) {
    const name = o[2]!;
    const at = base + a + o.index + o[0].lastIndexOf(name);
    if (reg.isReporter(name) || isKnownFirstName(name.split(" ")[0]!)) continue;
    const known = reg.findByName(name, null);
    const e = known ?? reg.create(name, "organisation", at);
    if (!known) e.addRole(o[1]!.trim());
    reg.mention(e, at, false);
  }
  ORG_NAMED_FIRST.lastIndex = 0;
  for (let o: RegExpExecArray | null; (o = ORG_NAMED_FIRST.exec(sentence)) !== null;) {
    const ws = o[1]!.split(/\s+/);
    while (ws.length > 1 && isFunctionWord(ws[0]!)) ws.shift();
    const name = ws.join(" ");
    if (ws.length === 0 || isFunctionWord(name) || reg.isReporter(name)) continue;
    if (isKnownFirstName(ws[0]!) || ws.some((w) => isTitleWord(w)) || isPlaceWord(ws[0]!)) continue;
    const at = base + a + o.index + o[0].indexOf(o[1]!) + o[1]!.length - name.length;
    const known = reg.findByName(name, null);
    if (known && known.kind === "person") continue;
    const e = known ?? reg.create(name, "organisation", at);
    if (!known) e.addRole(o[2]!.trim());
    reg.mention(e, at, false);
  }
  const re =
    /[\p{Lu}][\p{L}\p{M}'’-]*(?:\s+(?:(?:of|the|for|de|van|von|der|da|du|al|bin)\s+|(?:van|von|de|da|di|del|la|le|der|den|ter)\s+(?:der|den|la|le|los|las)\s+)?(?:\p{Lu}\.(?=\s+\p{Lu})|(?:[\p{Lu}]|(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|ben|ould)-\p{Lu})[\p{L}\p{M}'’-]*))*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    const start = a + m.index;
    if (base + start < reg.scannedTo) continue; // read already, for a pronoun after it
    if (attribs.some((x) => start >= x.subjStart && start < x.subjEnd)) continue;
    // "Whitlock's Halo came back": the possessive ends the name
    const poss = /[’']s\s/.exec(m[0]);
    let words = (poss ? m[0].slice(0, poss.index) : m[0]).replace(/[’']s$/, "").split(/\s+/);
    // "De Boer took the defeat gracefully": a capitalised particle opening a known surname
    if (
      words.length >= 2 &&
      words.length <= 3 &&
      /^(?:De|Van|Von|Da|Di|Du|Del|Della|Le|La|Al|El|Ter|Ten)$/.test(words[0]!)
    ) {
      const known0 = reg.findByName(words.join(" "), null);
      if (known0) {
        reg.mention(known0, base + start, m.index < 3);
        continue;
      }
    }
    let lead = 0;
    let titled = false;
    while (words.length > 0 && (isCommonCapitalised(words[0]!) || isTitleWord(words[0]!))) {
      // a noun right before the name is a title ("Goalkeeper Ama Owusu"); "The", "In" are not
      // "Deputy Commissioner of Police R. Meenakshi Iyer": a title word anywhere in the lead counts
      titled =
        (titled && words.length >= 3) || (words.length >= 3 && (isTitleWord(words[0]!) || !isFunctionWord(words[0]!)));
      words = words.slice(1);
      lead++;
    }
    // A role word in front of a name: "Goalkeeper Ama Owusu", "Striker Jo Lee".
    if (
      words.length >= 3 &&
      !isKnownFirstName(words[0]!) &&
      (isKnownFirstName(words[1]!) ||
        /(er|or|ist|ian|ant|ent)$/.test(words[0]!) ||
        // "Deputy Director of Public Audits Anna-Lise Brekke": after a title, a hyphenated first name
        (titled && words.length === 3 && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(words[1]!)))
    ) {
      words = words.slice(1);
      lead++;
    }
    if (words.length === 0) continue;
    // "Oakport Mayor Theo Brandstetter": the title words end at the last title word
    let runRole: string | null = null;
    if (words.length >= 3 && words.slice(0, -1).some((w) => isTitleWord(w))) {
      const sn = splitName(words.join(" "));
      if (sn && sn.prefix) {
        const leadWords = m[0].split(/\s+/).slice(0, lead);
        while (leadWords.length > 0 && isFunctionWord(leadWords[0]!)) leadWords.shift();
        runRole = [...leadWords, sn.prefix].join(" ");
        words = sn.name.split(" ");
        titled = true;
      }
    }
    const name = words.join(" ");
    if (reg.isReporter(name)) continue;
    const after0 = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // "Abara's son, Jonah, said": the possessor of a person is not the sentence's subject ("Mia's bus" keeps her)
    const owned = /^(?:[’']s)?\s+([\p{Ll}-]+)/u.exec(sentence.slice(m.index + m[0].length));
    const subject =
      !(
        (/[’']s$/u.test(m[0]) || /^[’']s\b/u.test(sentence.slice(m.index + m[0].length))) &&
        owned !== null &&
        isPersonNoun(owned[1]!)
      ) &&
      (m.index < 3 ||
        /^\s*$/.test(sentence.slice(0, m.index)) ||
        // "Green councillor Ravi Castellane, who …, proposed": a title at the sentence start, then the name
        // ("Wild defenseman Ryan Suter, who …, could see": a trade noun as the title)
        isPersonNoun(/^\s*(?:[\p{Lu}][\p{L}-]*\s+)?([\p{Ll}-]+)\s+$/u.exec(sentence.slice(0, m.index))?.[1] ?? "") ||
        // "Her brother, Calum Munro, who skippers a boat, was…": a role at the sentence start, then the name
        (/^\s*[^,\u2219]{1,60},\s*$/.test(sentence.slice(0, m.index)) &&
          isRoleLike(tidyPart(sentence.slice(0, m.index)))) ||
        (/(^|[,;:—–]\s*)$/.test(sentence.slice(Math.max(0, m.index - 4), m.index)) &&
          (/^\s+(?!(?:of|in|on|at|to|for|from|with|and|or|but|by|as|who|which|that)\b)[\p{Ll}]/u.test(after0) ||
            // "One of them, Amara Oduya, is 17 and …"
            /^\s*,\s*(?:is|was|has|had)\s/.test(after0))));
    const ageMatch = /^\s*,\s*(\d{1,3})\s*[,.]/.exec(sentence.slice(m.index + m[0].length, m.index + m[0].length + 8));
    const agePre = /(\d{1,3})-year-old\s+$/.exec(sentence.slice(Math.max(0, m.index - 14), m.index));
    const age = ageMatch ? Number(ageMatch[1]) : agePre ? Number(agePre[1]) : null;
    const known = reg.findByName(name, null);
    if (known) {
      // "Steenburgen said" first, "Mary Steenburgen" later: the full name, and the gender its first name gives
      if (known.kind === "person" && known.words.length === 1 && words.length === 2 && words[1] === known.name) {
        const g = firstNameGender(words[0]!);
        if (g) {
          known.name = name;
          known.knownGender ??= g;
        }
      }
      if (age !== null && known.age === null) known.age = age;
      // "Lars Ostermark, the company's co-founder and chairman, arrived": a role given at a later mention
      if (known.kind === "person" && known.roles.length === 0) {
        const tail0 = masked.slice(start + m[0].length, Math.min(b, start + m[0].length + 300));
        const later: string[] = [];
        if (/^\s*,/.test(tail0)) collectAppositives(tail0.split(PART_SPLIT).slice(1), later);
        for (const r of later) known.addRole(r);
      }
      reg.mention(known, base + start, subject);
      continue;
    }
    // "Sarah Green", "Tom Acre": a known first name makes a common word after it a surname
    const firstNamed =
      words.length >= 2 && words.length <= 3 && isKnownFirstName(words[0]!) && !isFunctionWord(words[0]!);
    if (words.length > 4 || Registry.looksLikeOrg(name)) continue;
    // "Her co-founder, Bram Telling,": a surname that is also a word, accepted beside a person's role
    const commonLater =
      words.length >= 2 &&
      words.length <= 3 &&
      !isCommonCapitalised(words[0]!) &&
      !words.some((w) => isFunctionWord(w) || isPlaceWord(w));
    if (words.some((w, i) => isCommonCapitalised(w) && !((firstNamed || commonLater) && i > 0 && !isFunctionWord(w))))
      continue;
    // A new person: a known first name, or a name with an age or a person's role beside it.
    const roles: string[] = [];
    const tail = masked.slice(start + m[0].length, Math.min(b, start + m[0].length + 300));
    const ageNext = /^\s*,\s*\d{1,3}\s*[,.]/.test(tail);
    if (/^\s*,/.test(tail)) collectAppositives(tail.split(PART_SPLIT).slice(1), roles);
    const headText = masked.slice(Math.max(a, start - 200), start);
    // "Green councillor Ravi Castellane, who …": a lower-case title noun right before the name
    const titleBefore = TITLE_BEFORE.exec(headText);
    // "the Dutch grandmaster Willem de Boer": a trade noun (…er, …or, …ist, …ian) as a title too
    const trade =
      titleBefore !== null &&
      words.length >= 2 &&
      !isPlaceWord(words[0]!) &&
      (isEpithetNoun(titleBefore[2]!) || /(?:er|or|ist|ian)$/.test(titleBefore[2]!)) &&
      !/^(?:river|water|number|order|member|other|either|neither|after|under|over|computer|letter|paper|tower|center|centre|corner|border|minor|mirror|floor|door|floor)$/.test(
        titleBefore[2]!,
      );
    if (lead === 0 && titleBefore && (isTitleNoun(titleBefore[2]!) || trade)) {
      const w0 = titleBefore[1]!.split(/\s+/)[0]!;
      roles.push(isFunctionWord(w0) ? titleBefore[1]!.replace(/^\S+\s+/, "") : titleBefore[1]!);
      titled = true;
    }
    const prevPart = headText.replace(/,\s*$/, "");
    if (prevPart !== headText) {
      const pieces = prevPart.split(PART_SPLIT);
      const prev = trailingNP(tidyPart(pieces[pieces.length - 1] ?? ""));
      if (prev && isRoleLike(prev) && partKind(prev) !== "doc") roles.push(prev);
    }
    const personRole = roles.some((r) => {
      const h = roleHead(r);
      return h !== null && !PLACE_NOUNS.has(h) && !reg.isOrgNoun(h);
    });
    if (!firstNamed && commonLater && words.some((w, i) => i > 0 && isCommonCapitalised(w)) && !personRole) continue;
    const firstKnown = isKnownFirstName(words[0]!);
    // "The first thing Adaeze Okafor shows me": a name that is its own clause's subject, a verb right after it
    const clauseSubject =
      !subject &&
      words.length >= 2 &&
      words.length <= 3 &&
      lead === 0 &&
      /^\s+(?!(?:this|thus|has|his|as|was|is|its|us|yes|less|unless|across|perhaps|towards|news|during|including|according|regarding|concerning|following|excluding|considering|pending|morning|evening|something|nothing|anything|everything)\b)[\p{Ll}]{2,}(?:s|ed|ing)\s+(?!(?:of|to|and|or|by)\b)/u.test(
        after0,
      ) &&
      !words.some((w) => isPlaceWord(w));
    const isPerson =
      clauseSubject ||
      (words.length >= 2 && (firstKnown || personRole || ageNext || titled)) ||
      // "Mirela Costa runs the shelter.": two or three capitalised words as a sentence's subject
      (words.length >= 2 &&
        words.length <= 3 &&
        subject &&
        lead === 0 &&
        (/^\s+[\p{Ll}]/u.test(after0) || /^\s*,\s*(?:is|was|has|had)\s/.test(after0)) &&
        !words.some((w) => isPlaceWord(w))) ||
      (words.length === 1 && (ageNext || (personRole && firstKnown))) ||
      // "My husband, Tunde, has a list": a first name in apposition to a relation
      (words.length === 1 && lead === 0 && RELATION_APPOSITION.test(headText) && /^\s*,/.test(tail)) ||
      // "Andrew doesn't remember …": a first name alone opening its sentence, with a verb after it
      (words.length === 1 &&
        lead === 0 &&
        m.index < 3 &&
        firstNameGender(words[0]!) !== null &&
        !isCommonCapitalised(words[0]!) &&
        /^\s+[\p{Ll}]/u.test(after0)) ||
      // "Priya Das, who borrowed the bike", "my colleague Priya Das": a relative "who" or a relation word
      (words.length >= 2 &&
        words.length <= 3 &&
        lead === 0 &&
        !words.some((w) => isPlaceWord(w)) &&
        (/^\s*,\s*who\b/.test(after0) || RELATION_BEFORE.test(masked.slice(Math.max(a, start - 30), start))));
    if (isPerson) {
      const full = words.length === 1 ? expand(name, doc.full, doc.offsets[p]! + start, false) : null;
      if (full) {
        const known2 = reg.findByName(full.name, null);
        if (known2) {
          reg.mention(known2, base + start, subject);
          continue;
        }
      }
      const e = reg.create(full ? full.name : name, "person", base + start);
      if (full) for (const r of full.roles) e.addRole(r);
      if (runRole) e.addRole(runRole);
      e.age = age;
      // the title words before the name, from the first that is not a function word ("Deputy Commissioner of Police")
      const pre = m[0].split(/\s+/).slice(0, lead);
      while (pre.length > 0 && isFunctionWord(pre[0]!) && !isTitleWord(pre[0]!)) pre.shift();
      while (pre.length > 0 && isFunctionWord(pre[pre.length - 1]!) && !/^Police$/.test(pre[pre.length - 1]!))
        pre.pop();
      for (const r of roles) e.addRole(r);
      if (pre.length > 0 && !runRole) e.addRole(pre.join(" "));
      reg.mention(e, base + start, subject || clauseSubject);
      const after = masked.slice(start + m[0].length, Math.min(b, start + m[0].length + 300));
      if (subject || clauseSubject) voteFromPronoun(e, after, reg);
    }
  }
}

/**
 * The first "he"/"she"/"his"/"her" after a person's name in its sentence votes for their gender, unless someone
 * else of that gender was named in the last two sentences ("Piet Ambrose puts the families in her group at forty").
 */
function voteFromPronoun(e: Entity, after: string, reg: Registry): void {
  const pr = /\b(he|him|his|she|her|hers)\b/i.exec(after);
  if (!pr) return;
  const g = /^(she|her|hers)$/i.test(pr[1]!) ? "f" : "m";
  for (let i = reg.mentions.length - 1; i >= 0; i--) {
    const m = reg.mentions[i]!;
    if (reg.sentence - m.sent > 2) break;
    if (m.entity !== e && m.entity.kind === "person" && m.entity.gender === g) return;
  }
  e.votes[g] += 1;
}

/** "the woman who sits behind the driver", "a man in a yellow coat": a person described, not named. */
const DESCRIBED_PERSON =
  /(?:^|\s)((?:[Tt]he|[Aa]n?)\s+(?:[\p{Ll}\p{N}-]+\s+){0,2}?(?:woman|man|girl|boy|lady|gentleman)(?:\s+who\s+[^,.;:\u2219]{1,60}?)?)(?=\s*[,.;:]|\s+(?!who\b)|$)/gu;

const INDEFINITE_SUBJECT =
  /^\s*((?:A|An|One)\s+(?:[\p{Ll}\p{N}-]+\s+)?([\p{Ll}-]+)(?:\s+(?:in|from|at|of)\s+[\p{Lu}][\p{L}'’-]+)?)(?=\s*,\s*(?:a|an)\s|\s+(?!(?:for|of|at|in|from|with|to|on|by|who|which|that|and|or)\b)[\p{Ll}])/u;

/** "Outside the chamber, a senior government source played down the row": after an opening phrase, two modifiers. */
const INDEFINITE_AFTER_PHRASE =
  /^\s*(?:[\p{Lu}][^,\u2219]{1,40},\s+)?((?:A|An|a|an)\s+(?:[\p{Ll}\p{N}-]+\s+){1,2}(source|aide|insider|official|diplomat|spokesman|spokeswoman|spokesperson))(?=\s+(?!(?:for|of|at|in|from|with|to|on|by|who|which|that|and|or|close|familiar)\b)[\p{Ll}])/u;

/** "The headteacher was …", "The inspector is unimpressed": a sentence opening with a role noun and its verb. */
const ROLE_SUBJECT =
  /^\s*The\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)\s+(?=(?:was|is|had|has|did|does|would|will|could|can|seemed|seems|looked|looks|sounded|sounds|remained|remains|stayed|stays|disagreed|disagrees|agreed|agrees)\b)/u;

/** A noun for a person described, not named ("a referee", "an old woman"), not a thing ("a car", "a report"). */
function isDescribedNoun(w: string): boolean {
  return (
    /^(?:nurse|parent|mother|father|girl|boy|woman|man|teenager|student|pupil|resident|neighbour|neighbor|referee|volunteer|worker|driver|officer|teacher|doctor|farmer|pensioner|widow|official|delegate|member|fan|passenger|customer|patient|witness|colleague|friend|spokesman|spokeswoman|spokesperson|source|aide|insider|diplomat)$/.test(
      w,
    ) ||
    (/(?:er|or|ist|ian)$/.test(w) && (isEpithetNoun(w) || isTitleNoun(w)))
  );
}

const RELATIVE_PERSON =
  /(?:^|\s)((?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?[’']s)\s+(?:(?:own|late|older|younger|elder)\s+)?(?:father|mother|husband|wife|son|daughter|brother|sister|grandfather|grandmother|uncle|aunt|grandson|granddaughter|dad|mum|mom))(?=\s*[,.;:]|\s+|$)/gu;

/**
 * Mentions of people the article describes without a name, so "She told me" after "usually from the woman who sits
 * behind the driver" finds her rather than a woman named paragraphs before. Not an appositive of a name ("Ali, a
 * 36-year-old man,"), not a predicate ("was a good man who …").
 */
function scanDescribed(masked: string, a: number, b: number, base: number, reg: Registry, attribs: Attrib[]): void {
  const sentence = masked.slice(a, b);
  // "My father was a ferry engineer … and he said", "I met Edvin Solbakk's mother. She said": a relative
  RELATIVE_PERSON.lastIndex = 0;
  for (let d: RegExpExecArray | null; (d = RELATIVE_PERSON.exec(sentence)) !== null;) {
    const np = d[1]!;
    const at = d.index + d[0].indexOf(np);
    const rest = sentence.slice(at + np.length);
    // "my father, Absalom," "Her husband, the former steeplechaser Daniel Kiprop,": named in apposition
    if (/^\s*,\s*(?:\p{Lu}|(?:the|a|an|who|whose)\s)|^\s*\p{Lu}/u.test(rest)) continue;
    // "his grandfather worked down the pit. “…,” he says": in a third-person story the pronoun is still its subject's;
    // only "my father" and, in an interview (where "he"/"she" in an answer is never the interviewee), any relative
    // but "His wife, behind the counter, disagrees. “…,” she says": "she" cannot be the man "his" means
    const poss = /^(his|her)\s/i.exec(np);
    const relG = genderWords(np.replace(/^(?:his|her)\s+/i, ""));
    const cross =
      poss !== null &&
      relG !== null &&
      relG !== (poss[1]!.toLowerCase() === "his" ? "m" : "f") &&
      /^\s*$/.test(sentence.slice(0, at));
    if (!/^(?:my|our)\s/i.test(np) && !reg.interview && !cross) continue;
    const before = sentence.slice(Math.max(0, at - 40), at);
    if (/\b(?:is|was|are|were|be|been|became|as|like)\s+$/i.test(before)) continue;
    const start = a + at;
    if (base + start < reg.scannedTo) continue;
    if (attribs.some((x) => start < x.subjEnd && start + np.length > x.subjStart)) continue;
    const name = np.replace(/^(My|His|Her|Their|Our)\b/, (w) => w.toLowerCase());
    const known = reg.entities.find((e) => e.described && e.name.toLowerCase() === name.toLowerCase());
    const e = known ?? reg.create(name, "person", base + start, true);
    reg.mention(e, base + start, /^\s*$/.test(sentence.slice(0, at)));
  }
  // "The headteacher was not persuaded. "…," she said": a role already given to someone, as the subject
  const rs = ROLE_SUBJECT.exec(sentence);
  if (rs && base + a >= reg.scannedTo && !attribs.some((x) => x.subjStart <= a + rs[0].length && x.subjEnd > a)) {
    const head = rs[1]!.split(/\s+/).pop()!;
    if (reg.entities.some((e) => e.kind === "person" && !e.described && e.roleHeads.has(head))) {
      const e = reg.findByRole(`the ${rs[1]!}`);
      if (e && e.kind === "person") reg.mention(e, base + a + rs[0].indexOf(rs[1]!), true);
    }
  }
  // "A referee in Nordby, a 17-year-old girl, rang me": someone introduced, unnamed, as the sentence's subject
  const ind = INDEFINITE_SUBJECT.exec(sentence) ?? INDEFINITE_AFTER_PHRASE.exec(sentence);
  if (ind && isDescribedNoun(ind[2]!) && base + a + ind.index >= reg.scannedTo) {
    const np = ind[1]!;
    const at = sentence.indexOf(np);
    const start = a + at;
    const appos = /^\s*,\s*((?:a|an)\s+[^,\u2219]{1,40}),/u.exec(sentence.slice(at + np.length));
    if (
      !/^\s*,\s*\p{Lu}/u.test(sentence.slice(at + np.length)) &&
      !attribs.some((x) => start < x.subjEnd && start + np.length > x.subjStart)
    ) {
      const name = np.replace(/^(A|An|One)\b/, (w) => w.toLowerCase());
      const e = reg.create(name, "person", base + start, true);
      const g = genderWords(`${np} ${appos?.[1] ?? ""}`);
      if (g && e.knownGender === null) e.knownGender = g;
      reg.mention(e, base + start, true);
    }
  }
  DESCRIBED_PERSON.lastIndex = 0;
  for (let d: RegExpExecArray | null; (d = DESCRIBED_PERSON.exec(sentence)) !== null;) {
    const np = d[1]!;
    const at = d.index + d[0].indexOf(np);
    // "The man, 34, was charged": a definite one with no clause of its own is someone already named
    if (/^the\s/i.test(np) && (at < 3 || !/\swho\s/.test(np))) continue;
    const before = sentence.slice(Math.max(0, at - 40), at);
    if (/,\s*$/.test(before) || /^\s*,\s*\p{Lu}/u.test(sentence.slice(at + np.length))) continue;
    if (/\b(?:is|was|are|were|be|been|being|became|becomes|remains|remained|seems|seemed|as|like)\s+$/i.test(before))
      continue;
    const start = a + at;
    if (base + start < reg.scannedTo) continue;
    if (attribs.some((x) => start < x.subjEnd && start + np.length > x.subjStart)) continue;
    const name = np.replace(/^The\b/, "the").replace(/^A\b/, "a");
    const known = reg.entities.find((e) => e.described && e.name.toLowerCase() === name.toLowerCase());
    const e = known ?? reg.create(name, "person", base + start, true);
    // "An old woman came in last spring …": introduced as her sentence's subject
    reg.mention(e, base + start, /^\s*$/.test(sentence.slice(0, at)));
  }
}

/** "Green councillor ", "Brackwater head coach ": a title noun, its modifiers and a capitalised word, before a name. */
const TITLE_BEFORE =
  /(?:^|\s)((?:[\p{Lu}][\p{L}’'-]*\s+)?(?:(?:head|chief|deputy|assistant|senior|vice|acting|interim|managing|general|former|lead|principal|technical|executive)\s+){0,2}([\p{Ll}-]+))\s+$/u;

const TITLE_SET = new Set(
  "President Minister Mayor Councillor Cllr MP Senator Governor Judge Justice Constable Detective Sergeant Inspector Chief Commissioner Secretary Chancellor Professor Prof Dr Mr Mrs Ms Miss Sir Dame Lord Lady Supreme Leader Foreign Prime Vice Deputy Director Superintendent".split(
    " ",
  ),
);
function isTitleWord(w: string): boolean {
  return TITLE_SET.has(w.replace(/\.$/, ""));
}

/**
 * "…," the midfielder said / the Romanian said, when no one was given that role: the person the story has just
 * been about (the latest-mentioned named person in this or the two paragraphs before, of the noun's gender), who
 * takes the noun as a role so the next "the midfielder" finds them.
 */
function epithetPerson(np: string, pos: number, reg: Registry): Entity | null {
  if (!/^the\s/i.test(np)) return null;
  const words = np.split(/\s+/);
  const head = words[words.length - 1]!;
  if (!isEpithetNoun(head)) return null;
  const g = /(?:woman|women|ess)$/i.test(head) ? "f" : /(?:man|men)$/i.test(head) ? "m" : null;
  const floor = (Math.floor(pos / STRIDE) - 2) * STRIDE;
  let best: Entity | null = null;
  // "the defendant" is no one who speaks for the court or the prosecution
  const party = /^(?:defendant|accused|appellant|claimant)$/i.test(head);
  for (const e of reg.entities) {
    if (e.kind !== "person" || e.described || e.lastPos >= pos || e.lastPos < floor) continue;
    if (g && e.gender && e.gender !== g) continue;
    if (party && [...e.roleHeads].some((h) => COURT_ROLES.test(h))) continue;
    if (!best || e.lastPos > best.lastPos) best = e;
  }
  if (best) best.addRole(np.replace(/^The\b/, "the"));
  return best;
}

const COURT_ROLES =
  /^(?:prosecutor|prosecutors|judge|justice|magistrate|lawyer|barrister|solicitor|counsel|attorney|juror|clerk|recorder|coroner|witness|detective|officer|inspector|chair|accountant)$/;

/** Resolves a reference to an entity, creating it when the article introduces someone new. */
function resolve(
  ref: Ref,
  pos: number,
  reg: Registry,
  trackers: Map<string, Entity>,
  windowStart: number,
  doc: DocText,
  at: number,
  orgHint: boolean,
  intro: boolean,
): { entity: Entity | null; weak: boolean } {
  switch (ref.t) {
    case "pronoun": {
      const e = reg.resolvePronoun(ref.g, pos, windowStart);
      if (!e) return { entity: null, weak: true };
      if ((ref.g !== "f" && ref.g !== "m") || e.gender === ref.g) return { entity: e, weak: false };
      // Someone of unknown gender taken as "she": sure only if no one known to be a woman is in reach.
      const recent = reg.lastRecent;
      const rival = reg.resolvePronounStrict(ref.g, pos, windowStart);
      e.votes[ref.g] += 1;
      return { entity: e, weak: !recent && rival !== null && rival !== e };
    }
    case "name": {
      if (reg.isReporter(ref.name)) return { entity: null, weak: true };
      const r = resolveName(ref, pos, reg, doc, at, orgHint, intro);
      if (r.entity) r.entity.refNames.add(ref.honorific ? `${cap(ref.honorific)} ${ref.name}` : ref.name);
      return r;
    }
    case "def": {
      const np = ref.np;
      const possessive = /^(.+?)[’']s\s+(.+)$/u.exec(np);
      let e = reg.findByRole(possessive ? possessive[2]! : np);
      // "the county fire marshal's office" is not the sheriff's office named before
      if (e && possessive && e.kind === "organisation") {
        const owner = possessive[1]!.split(/\s+/).pop()!.toLowerCase();
        if (!e.name.toLowerCase().includes(owner)) e = null;
      }
      if (e) return { entity: e, weak: false };
      if (possessive) {
        const kind = reg.isOrgNoun(possessive[2]!) ? "organisation" : "person";
        return { entity: reg.create(np.replace(/^The\b/, "the"), kind, pos, true), weak: true };
      }
      const bare = np.replace(/^(the|its|his|her|their|my|our)\s+/i, "");
      if (reg.isOrgNoun(bare)) {
        // "Torvik Minerals was fined £2m. … the company said": the body named before, though it had not spoken
        const named = /^the\s+[\p{Ll}-]+$/iu.test(np) ? namedOrgBefore(bare.toLowerCase(), doc, at, pos, reg) : null;
        if (named) return { entity: named, weak: false };
        // "Velvet Harbour, the indie band whose album …" earlier: "the band said" is that name's
        const appos = /^the\s+[\p{Ll}-]+$/iu.test(np) ? appositiveBefore(bare.toLowerCase(), doc, at, reg) : null;
        if (appos) {
          const known = reg.findByName(appos, null);
          if (known?.kind === "organisation") return { entity: known, weak: false };
          if (!known) {
            const e = reg.create(appos, "organisation", pos);
            e.addRole(`the ${bare.toLowerCase()}`);
            return { entity: e, weak: false };
          }
        }
        return { entity: reg.create(bare, "organisation", pos, true), weak: true };
      }
      const epithet = epithetPerson(np, pos, reg);
      if (epithet) return { entity: epithet, weak: false };
      return { entity: reg.create(np.replace(/^The\b/, "the"), "person", pos, true), weak: true };
    }
    case "desc": {
      const np = ref.np.replace(/^(A|An)\b/, (w) => w.toLowerCase());
      const isOrg = reg.isOrgNoun(np.replace(/\s+(of|at|in|for|from|who|which|with|based)\b.*$/i, ""));
      return { entity: reg.create(np, isOrg ? "organisation" : "person", pos, true), weak: false };
    }
    case "doc": {
      if (ref.author) {
        const r = resolve(ref.author, pos, reg, trackers, windowStart, doc, at, true, false);
        if (r.entity) {
          trackers.set(ref.noun, r.entity);
          return r;
        }
      }
      const e =
        trackers.get(ref.noun) ??
        (ref.noun === "entry" ? trackers.get("diary") : undefined) ??
        (ref.noun === "statement" ? trackers.get("*") : undefined);
      if (!e && /^the\s/i.test(ref.np)) {
        // "… read out a letter from a ferry user on the island. … the letter said": its writer, named just before
        const from = docAuthorBefore(ref.noun, doc, at, pos);
        const r = from ? resolve(from, pos, reg, trackers, windowStart, doc, at, false, false) : null;
        if (r?.entity) {
          trackers.set(ref.noun, r.entity);
          return r;
        }
      }
      return { entity: e ?? null, weak: !e };
    }
  }
}

/** The latest "Name, the indie band" (or "a … band") before `at`: the name a bare noun stands for. */
function appositiveBefore(head: string, doc: DocText, at: number, reg: Registry): string | null {
  const text = doc.full.slice(Math.max(0, at - 20_000), at);
  const re = new RegExp(
    `((?:[\\p{Lu}][\\p{L}\\p{M}&'’.-]*\\s+){0,3}[\\p{Lu}][\\p{L}\\p{M}&'’.-]*),\\s+(?:the|a|an)\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,3}?${escapeRe(head)}\\b`,
    "gu",
  );
  let best: string | null = null;
  for (const m of text.matchAll(re)) {
    const ws = m[1]!.split(/\s+/);
    while (ws.length > 1 && isFunctionWord(ws[0]!)) ws.shift();
    const name = ws.join(" ");
    if (isFunctionWord(name) || reg.isReporter(name) || isKnownFirstName(ws[0]!) || ws.some((w) => isPlaceWord(w)))
      continue;
    best = name;
  }
  return best;
}

/** "a letter from X", "the statement by X" in this paragraph or the two before `at`: X, the document's author. */
function docAuthorBefore(noun: string, doc: DocText, at: number, pos: number): Ref | null {
  const p = Math.floor(pos / STRIDE);
  const text = doc.full.slice(doc.offsets[Math.max(0, p - 2)] ?? 0, at);
  const re = new RegExp(
    `\\b(?:a|an|the|this)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?${escapeRe(noun)}\\s+(?:(?:sent|written|signed|posted|addressed)\\s+(?:to\\s+[\\p{L}]+(?:\\s+[\\p{L}]+)?\\s+)?)?(?:from|by)\\s+([^,.;:"“”\\n]{2,80})`,
    "giu",
  );
  let last: string | null = null;
  // "a constituent whose father had lived in …": the writer, without the clause about them
  for (const m of text.matchAll(re)) last = m[1]!.replace(/\s+(?:who|whose|which|that)\s.*$/, "").trim();
  if (!last) return null;
  const ref = parseRef(last);
  return ref && ref.t !== "doc" && ref.t !== "pronoun" ? ref : null;
}

/**
 * The latest body named in the last three paragraphs before `at` whose name fits `head` ("company", "ministry"),
 * else the only such body the article named before.
 */
function namedOrgBefore(head: string, doc: DocText, at: number, pos: number, reg: Registry): Entity | null {
  const p = Math.floor(pos / STRIDE);
  const from = doc.offsets[Math.max(0, p - 3)] ?? 0;
  // a whole news article; bounded so a huge page with many "the company said" stays linear
  const start = Math.max(0, at - 20_000);
  const text = doc.full.slice(start, at);
  const run = /[\p{Lu}][\p{L}\p{M}&'’.-]*(?:\s+(?:(?:of|for|and|&)\s+)?[\p{Lu}][\p{L}\p{M}&'’.-]*)*/gu;
  let best: string | null = null;
  const seen = new Set<string>();
  for (let m: RegExpExecArray | null; (m = run.exec(text)) !== null;) {
    const ws = m[0].replace(/[’']s$/u, "").split(/\s+/);
    while (ws.length > 1 && isFunctionWord(ws[0]!)) ws.shift();
    const name = ws.join(" ");
    if (ws.length < 2 || !Registry.looksLikeOrg(name) || reg.isReporter(name) || !orgNameFits(name, head)) continue;
    seen.add(name);
    if (start + m.index >= from) best = name;
  }
  if (!best && seen.size === 1) best = [...seen][0]!;
  // "Western Grid has put out an update. … the company said": with no name that reads as a body's, the subject of
  // a sentence earlier in the same paragraph that names no person or place
  if (!best && seen.size === 0 && ["company", "firm", "operator", "utility", "business"].includes(head)) {
    const para = doc.full.slice(doc.offsets[p] ?? at, at);
    const subj =
      /(?:^|[.!?]\s+|[—–]\s+)((?:[\p{Lu}][\p{L}\p{M}&'’.-]*\s+){1,3}[\p{Lu}][\p{L}\p{M}&'’.-]*)\s+(?:has|have|had|is|was|said|says|announced|confirmed|issued|posted|warned)\b/gu;
    for (const m of para.matchAll(subj)) {
      const ws = m[1]!.split(/\s+/);
      if (ws.some((w) => isFunctionWord(w)) || isKnownFirstName(ws[0]!)) continue;
      if (ws.some((w) => isPlaceWord(w) || HONORIFICS[w.toLowerCase().replace(/\.$/, "")] !== undefined)) continue;
      const known = reg.findByName(m[1]!, null);
      if (reg.isReporter(m[1]!) || (known && known.kind === "person")) continue;
      best = m[1]!;
    }
  }
  if (!best) return null;
  const known = reg.findByName(best, null);
  if (known) return known.kind === "organisation" ? known : null;
  return reg.create(best, "organisation", pos);
}

function resolveName(
  ref: Extract<Ref, { t: "name" }>,
  pos: number,
  reg: Registry,
  doc: DocText,
  at: number,
  orgHint: boolean,
  intro: boolean,
): { entity: Entity | null; weak: boolean } {
  const one = !ref.name.includes(" ");
  let e = reg.findByName(ref.name, ref.honorific);
  // "Ali, a 36-year-old man" is someone new even if an "Ali Khamenei" was named before; "Lund, a nurse" is not.
  if (e && intro && one && e.name !== ref.name && !ref.honorific && e.last?.toLowerCase() !== ref.name.toLowerCase())
    e = null;
  if (!e) {
    let name = ref.name;
    if (one && !intro) {
      const full = expand(name, doc.full, at, ref.honorific !== null);
      if (full) {
        name = full.name;
        e = reg.findByName(name, ref.honorific);
        if (e) return { entity: e, weak: false };
        const isOrg =
          Registry.looksLikeOrg(name) ||
          full.roles.some((r) => reg.isOrgNoun(roleHead(r) ?? "")) ||
          // "MedRight, which operates 140 stores, said" after "MedRight Pharmacies"
          (!ref.honorific &&
            !isKnownFirstName(name.split(" ")[0]!) &&
            /^\s*,\s*which\b/.test(doc.full.slice(at + ref.name.length, at + ref.name.length + 12)));
        e = reg.create(name, isOrg ? "organisation" : "person", pos);
        for (const r of full.roles) e.addRole(r);
        if (ref.honorific) e.honorifics.add(ref.honorific);
        return { entity: e, weak: false };
      }
    }
    const isOrg =
      Registry.looksLikeOrg(name) ||
      // "Renewables trade body GreenGrid": the title says what it is
      (ref.prefix !== null && reg.isOrgNoun(roleHead(ref.prefix) ?? "")) ||
      (!isKnownFirstName(name.split(" ")[0]!) && !ref.honorific && orgHint);
    e = reg.create(name, isOrg ? "organisation" : "person", pos);
    if (ref.honorific) e.honorifics.add(ref.honorific);
    if (one && !isOrg) {
      const g = firstNameGender(name);
      if (g) e.knownGender = g;
    }
  }
  return { entity: e, weak: false };
}

/** "Voss" → "Harlan Voss", "Sasha" → "Sasha Imbert", "Clearbrook" → "Clearbrook Water", from an earlier occurrence. */
function expand(
  word: string,
  text: string,
  before: number,
  honorific: boolean,
): { name: string; roles: string[] } | null {
  const w = escapeRe(word);
  const left = new RegExp(`((?:[\\p{Lu}][\\p{L}\\p{M}'’.-]*\\s+){1,4})${w}\\b`, "gu");
  let m: RegExpExecArray | null;
  while ((m = left.exec(text)) !== null && m.index < before) {
    const n = splitName(`${m[1]!}${word}`.trim());
    if (!n) continue;
    const ws = n.name.split(" ");
    while (ws.length > 1 && isCommonCapitalised(ws[0]!.replace(/\.$/, ""))) ws.shift();
    if (ws.length > 1) {
      const at = m.index + m[0].length - ws.join(" ").length;
      const roles = rolesAround(text, at, m.index + m[0].length);
      if (n.prefix && !/^(the|a|an)$/i.test(n.prefix)) roles.push(n.prefix);
      return { name: ws.join(" "), roles };
    }
  }
  if (honorific) return null;
  const right = new RegExp(
    `(^|[.,;:]\\s+|\\b(?:the|by|from|like|including|with|and)\\s+)${w}((?:\\s+[\\p{Lu}][\\p{L}\\p{M}'’-]*){1,3})(?=\\s*[,.;:]|\\s+[\\p{Ll}])`,
    "gu",
  );
  while ((m = right.exec(text)) !== null && m.index < before) {
    const extra = m[2]!.trim().split(/\s+/);
    if (extra.some((x) => isCommonCapitalised(x) && !Registry.looksLikeOrg(x))) continue;
    const at = m.index + m[1]!.length;
    return { name: `${word} ${extra.join(" ")}`, roles: rolesAround(text, at, at + word.length + m[2]!.length) };
  }
  return null;
}

/** Role appositives around a name's occurrence: ", a make-up artist," after it or "The district's superintendent, " before it. */
function rolesAround(text: string, start: number, end: number): string[] {
  const roles: string[] = [];
  const lineStart = text.lastIndexOf("\n", start) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  const tail = text.slice(end, lineEnd).replace(/[“”"«»].*$/s, "");
  if (/^\s*,/.test(tail))
    collectAppositives(
      tail
        .split(/[.;]\s/)[0]!
        .split(PART_SPLIT)
        .slice(1),
      roles,
    );
  const head = text.slice(lineStart, start);
  if (/,\s*$/.test(head)) {
    const pieces = head
      .replace(/,\s*$/, "")
      .split(/(?<=[.!?])\s+/)
      .pop()!
      .split(PART_SPLIT);
    const prev = trailingNP(tidyPart(pieces[pieces.length - 1] ?? ""));
    if (prev && isRoleLike(prev) && partKind(prev) !== "doc") roles.push(prev);
  }
  return roles;
}

/** The sentence around a quote with the quotes cut out, shortened: what the quote was said to or about. */
function contextOf(text: string, q: QState, all: QuoteSpan[], idx: number): string {
  // the sentence, or a window of it around the quote when it is very long
  const a = Math.max(q.sentence[0], q.span.open - 300);
  const b = Math.min(q.sentence[1], q.span.end + 300);
  let lo = idx;
  while (lo > 0 && all[lo - 1]!.open >= a) lo--;
  let hi = idx;
  while (hi < all.length && all[hi]!.open < b) hi++;
  const spans = all.slice(lo, hi);
  let out = "";
  let at = a;
  for (const s of spans) {
    if (s.open < a || s.open >= b) continue;
    out += text.slice(at, s.open) + " … ";
    at = s.close < 0 ? text.length : s.close + 1;
  }
  out += text.slice(Math.min(at, b), b);
  out = out
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/(…\s*)+/g, "… ")
    .trim();
  out = out
    .replace(/^[…,.;:\s]+/, "")
    .replace(/[…,;:\s]+$/, "")
    .replace(/\.$/, "");
  if (!/[\p{L}]/u.test(out)) return "";
  if (out.length > 200) out = `${out.slice(0, 197).replace(/\s+\S*$/, "")}…`;
  return out;
}

function build(all: QState[], reg: Registry, warnings: string[], paragraphs: string[]): Attribution {
  void paragraphs;
  const quoted = new Map<Entity, QState[]>();
  for (const q of all) {
    if (!q.entity) continue;
    const list = quoted.get(q.entity);
    if (list) list.push(q);
    else quoted.set(q.entity, [q]);
  }
  const speakers: DraftSpeaker[] = [];
  const ids = new Map<Entity, string>();
  const used = new Set<string>();
  const persons = reg.entities.filter((e) => e.kind === "person" && !e.described);
  const lastCount = new Map<string, number>();
  const firstCount = new Map<string, number>();
  for (const e of persons) {
    if (e.words.length > 1 && e.last)
      lastCount.set(e.last.toLowerCase(), (lastCount.get(e.last.toLowerCase()) ?? 0) + 1);
    if (e.first) firstCount.set(e.first.toLowerCase(), (firstCount.get(e.first.toLowerCase()) ?? 0) + 1);
  }
  for (const [e, qs] of quoted) {
    let base: string;
    if (e.kind === "person" && !e.described) {
      base = slug(e.last ?? e.name);
      if ((lastCount.get((e.last ?? "").toLowerCase()) ?? 0) > 1) base = slug(e.name);
    } else if (e.described) base = slug(roleHead(e.name) ?? e.name);
    else
      base = slug(
        e.name
          .split(" ")
          .filter((w) => !/^(of|the|for|and)$/i.test(w))
          .slice(0, 4)
          .join(" "),
      );
    if (base === "") base = "speaker";
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(e, id);
    const aliases = new Set<string>();
    if (e.kind === "person" && !e.described) {
      const ws = e.words;
      if (ws.length > 1) {
        const last = e.last ?? ws[ws.length - 1]!;
        // "Lars Ostermark" of the company Ostermark: the bare surname names the company
        const orgNamed = reg.entities.some(
          (o) => o.kind === "organisation" && o.name.toLowerCase() === last.toLowerCase(),
        );
        if ((lastCount.get(last.toLowerCase()) ?? 0) <= 1 && !orgNamed) aliases.add(last);
        if ((firstCount.get(ws[0]!.toLowerCase()) ?? 0) <= 1 && last !== e.name && !/^\p{Lu}\.$/u.test(ws[0]!))
          aliases.add(ws[0]!);
        const g = e.gender;
        for (const h of e.honorifics) aliases.add(`${cap(h)} ${/^(sir|dame)$/.test(h) ? ws[0]! : last}`);
        if (g && e.honorifics.size === 0 && (lastCount.get(last.toLowerCase()) ?? 0) <= 1)
          aliases.add(`${g === "f" ? "Ms" : "Mr"} ${last}`);
      }
    }
    if (e.kind === "organisation" && !e.described) {
      const m =
        /\b(Ministry|Commission|Council|Department|Agency|Office|Institute|Trust|Group|Union|Bank|Company|Government|Police|Court|University|Board|Committee)\b/.exec(
          e.name,
        );
      if (m) aliases.add(`the ${m[1]!.toLowerCase()}`);
      for (const n of e.refNames) if (n !== e.name) aliases.add(n);
    }
    for (const r of e.roles) {
      const head = roleHead(r);
      // "the Norwegian" keeps its capital
      const shown = head && isDemonym(head) ? head.charAt(0).toUpperCase() + head.slice(1) : head;
      if (head && !/^\d/.test(head) && head.length > 2 && !GENERIC_HEADS.has(head)) aliases.add(`the ${shown}`);
      const core = r
        .replace(/\s+(of|at|for|in|from|with|who|which|that|on|since|to|based)\b.*$/i, "")
        .replace(/^.*[’']s\s+/u, "")
        .replace(/^(the|a|an|its|his|her|their|my|our|your|one|another)\s+/i, "");
      if (core.split(" ").length >= 2 && core.split(" ").length <= 3 && !/\d/.test(core))
        aliases.add(`the ${core.toLowerCase()}`);
    }
    if (e.described) {
      const head = roleHead(e.name);
      if (head) aliases.add(`the ${head}`);
    }
    aliases.delete(e.name);
    const role = pickRole(e);
    speakers.push({
      id,
      name: e.name,
      role,
      aliases: [...aliases],
      kind: e.kind,
      gender: e.kind === "person" ? e.gender : null,
    });
    if (role === null && e.kind === "person" && !e.described)
      warnings.push(`speaker with no role: ${e.name} (first quote "${firstWords(qs[0]!.span.text)}")`);
  }
  const quotes: DraftQuote[] = all.map((q) => {
    if (!q.entity) warnings.push(`unattributed quote: "${firstWords(q.span.text)}"`);
    else if (!q.confident) warnings.push(`unsure who said: "${firstWords(q.span.text)}" (taken as ${q.entity.name})`);
    return {
      text: q.span.text,
      speakerId: q.entity ? ids.get(q.entity)! : null,
      paragraph: q.span.paragraph,
      start: q.span.start,
      end: q.span.end,
      context: q.context,
      confident: q.confident,
    };
  });
  return { speakers, quotes, warnings };
}

/** Role nouns too general to name one speaker on their own ("the member", "the head", "the man"). */
const GENERIC_HEADS = new Set([
  "member",
  "head",
  "arm",
  "part",
  "one",
  "man",
  "woman",
  "mother",
  "father",
  "son",
  "daughter",
  "person",
  "resident",
  "people",
  "office",
]);

function pickRole(e: Entity): string | null {
  if (e.described) return null;
  const roles = e.roles.filter((r) => !/^\d+(-year-old)?$/.test(r));
  return roles[0] ?? null;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function firstWords(text: string): string {
  const ws = text.trim().split(/\s+/);
  return ws.slice(0, 6).join(" ") + (ws.length > 6 ? "…" : "");
}

void genderWords;
