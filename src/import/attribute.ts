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
} from "./quotes.js";
import { Entity, Registry, escapeRe, parseRef } from "./speakers.js";
import { readInterview, turnMarkLength } from "./interview.js";
import {
  type Attribution,
  type QState,
  type DocText,
  STRIDE,
  type Attrib,
  type SentenceScan,
  setSpeaker,
} from "./attribution-types.js";
import { contextOf, build } from "./build-attribution.js";
import { findAttributions, chainPronoun } from "./find-attributions.js";
import { scanNames } from "./mentions.js";
import {
  mergeLedeSpeaker,
  claimPreviousQuotes,
  nameGivenLater,
  chooseAttribution,
  nextSentenceSays,
  subjectNext,
  beatSubject,
  narratedSubject,
  mergeLedeRole,
} from "./quote-speakers.js";
import { SPEECH_TEST, SAYS_AGAIN } from "./reporting-verbs.js";
import { resolve } from "./resolve-ref.js";
import { unnamedRole, scanDescribed } from "./unnamed-sources.js";

export type { Attribution, DraftQuote, DraftSpeaker } from "./attribution-types.js";

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
      const scan: SentenceScan = { doc, p, masked, a, b, base: p * STRIDE, reg };
      const attribs = findAttributions(scan, local, trackers, windowStart, firstPerson);
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
      scanNames(scan, attribs);
      scanDescribed(scan, attribs);
      chainPronoun(scan, attribs, windowStart);
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
        if (sameSentence) setSpeaker(q, sameSentence.entity, "sentence", sameSentence.confident);
        else if (paraInitial && prevLast && prevLast.span.close < 0 && prevLast.how !== "none")
          setSpeaker(q, prevLast.entity, "continuation", prevLast.confident);
        else if (!q.midSentence && nextSentenceSays(q, sentences, paraAttribs, masked))
          setSpeaker(q, nextSentenceSays(q, sentences, paraAttribs, masked)!.entity, "post", true);
        else if (said && (!before || said.verbStart > before.span.end))
          setSpeaker(q, said.entity, "paragraph", !said.weak);
        else if (before) setSpeaker(q, before.entity, "paragraph", before.confident);
        else if (after && paraInitial) setSpeaker(q, after.entity, "paragraph", after.confident);
        else if (paraInitial && !q.midSentence && q.span.close >= 0 && subjectNext(reg, p * STRIDE, text, q))
          setSpeaker(q, subjectNext(reg, p * STRIDE, text, q), "paragraph", false);
        else if (paraInitial && !q.midSentence) {
          const prevSpeaker = [...prevParaQuotes].reverse().find((x) => x.how !== "none" && x.entity);
          // "Ossing has heard the argument before. She reaches for the fader." then a bare quote: hers
          if (prevParaNarrator && !prevParaSubject) setSpeaker(q, prevParaNarrator, "previous", false);
          else if (prevSpeaker) setSpeaker(q, prevSpeaker.entity, "previous", prevSpeaker.confident);
          else if (prevParaSubject) setSpeaker(q, prevParaSubject, "previous", false);
        } else if (!paraInitial && !q.midSentence) {
          // 'Outside, Mercer exhales. "Thirty days. Okay."': the person the sentence before is about
          const e = beatSubject(reg, p * STRIDE, sentences, q.sentence[0]);
          if (e) setSpeaker(q, e, "paragraph", false);
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
    setSpeaker(q, next.entity, "continuation", next.confident);
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
