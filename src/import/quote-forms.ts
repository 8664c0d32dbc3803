/**
 * Attributions with no verb of saying before the quote: a subject then a colon, a verdict noun after the quote, a
 * signature after a dash, "his message to …:", "in her words"; and the reports and documents whose author later speaks.
 */
import { type QuoteSpan } from "./quotes.js";
import { Entity, parseRef, type Ref } from "./speakers.js";
import { type Attrib, type SentenceScan } from "./attribution-types.js";
import { collectAppositives } from "./noun-phrases.js";
import { DOC_READ, IN_WORDS, OWN_DOC, PART_SPLIT, POSS_SAYING, VERDICT_AFTER } from "./reporting-verbs.js";
import { sentenceSubject } from "./subject-before.js";
import type { resolve } from "./resolve-ref.js";

/** Records a clause whose subject resolved to `entity`: the mention, then the attribution. */
export type Said = (
  from: number,
  verbStart: number,
  verbEnd: number,
  subjStart: number,
  subjEnd: number,
  ref: Ref,
  entity: Entity,
  weak: boolean,
) => void;

/** What findAttributions hands the verbless forms: the sentence, what it found so far, how it resolves and records. */
export interface ClauseContext {
  scan: SentenceScan;
  spans: QuoteSpan[];
  trackers: Map<string, Entity>;
  windowStart: number;
  /** The sentence's attributions so far; the forms add theirs. */
  out: Attrib[];
  /** Resolves a reference made at offset `at` of the paragraph's masked text. */
  resolveAt: (ref: Ref, at: number, orgHint: boolean, intro: boolean) => ReturnType<typeof resolve>;
  said: Said;
}

/** Adds the attributions a sentence makes without a verb of saying in front of its quote. */
export function verblessAttributions(ctx: ClauseContext): void {
  const { scan, spans, trackers, windowStart, out, resolveAt, said } = ctx;
  const { doc, p, masked, a, b, base, reg } = scan;
  const sentence = masked.slice(a, b);
  // "Rivera, the team's manager, was blunt: "…"": a quote after a colon belongs to the clause's subject
  if (out.length === 0) {
    const first = spans.find((sp) => sp.open >= a && sp.open < b);
    const lead = first ? masked.slice(a, first.open) : "";
    const docLead = first ? DOC_READ.exec(lead) : null;
    const docRef = docLead ? parseRef(docLead[1]!) : null;
    // The subject before the colon speaks the quote after it.
    const claim = (subjStart: number, subjEnd: number, entity: Entity, ref: Ref, weak: boolean) =>
      said(a, a + lead.length - 1, a + lead.length, subjStart, subjEnd, ref, entity, weak);
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
    const ref = possessiveRef(owner) ?? parseRef(owner.replace(/[’']s$/u, ""));
    if (!ref || (ref.t !== "name" && ref.t !== "pronoun")) continue;
    const subjStart = sp.close + 1 + v[0].indexOf(owner);
    const r = resolveAt(ref, subjStart, false, false);
    if (!r.entity) continue;
    said(
      sp.close + 1,
      sp.close + 1,
      sp.close + 1 + v[0].length,
      subjStart,
      subjStart + owner.length,
      ref,
      r.entity,
      r.weak,
    );
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
    said(sp.close + 1, sp.close + 1, subjStart, subjStart, subjStart + parts[0]!.length, ref, r.entity, r.weak);
  }
  if (out.length === 0) passiveDescribed(ctx);
  // "His message to the Senate: "…"", "Her answer, when asked …, was immediate: "…"": the owner speaks
  const pc = out.length === 0 ? POSS_SAYING.exec(sentence) : null;
  if (pc) {
    const owner = pc[2]!;
    const ref = possessiveRef(owner) ?? parseRef(owner.replace(/[’']s?$/u, ""));
    const subjStart = a + pc[1]!.length;
    const colon = a + pc.index + pc[0].length;
    if (ref && (ref.t === "pronoun" || ref.t === "name")) {
      const r = resolveAt(ref, subjStart, false, false);
      if (r.entity) {
        const verbStart = a + pc.index + pc[0].indexOf(pc[3]!, pc[1]!.length + owner.length);
        said(a, verbStart, colon, subjStart, subjStart + owner.length, ref, r.entity, r.weak);
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
      said(a, a + iw.index, a + iw.index + iw[0].length, subjStart, subjStart + owner.length, ref!, entity, weak);
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
}

/** "his", "her", "their", "its" owning a verdict or a message: the pronoun it stands for; null for anything else. */
function possessiveRef(owner: string): Ref | null {
  const lower = owner.toLowerCase();
  if (!/^(his|her|their|its)$/.test(lower)) return null;
  return { t: "pronoun", g: lower === "his" ? "m" : lower === "her" ? "f" : lower === "its" ? "n" : "p" };
}

/** "was described by the reviewer X as", "was called by Y": the one after "by" said the quote after "as". */
const PASSIVE_BY =
  /\b(?:was|were|is|are|been|being)\s+(?:described|called|branded|labelled|labeled|hailed|dismissed)\s+by\s+([^,;:\u2219“"«‘]{3,80}?)\s+as\s+[“"«‘']/u;

/** 'Its play was described by the reviewer Alastair Penhaligon as "…"': the agent of a passive verb of calling. */
function passiveDescribed(ctx: ClauseContext): void {
  const { scan, resolveAt, said } = ctx;
  const { masked, a, b } = scan;
  const m = PASSIVE_BY.exec(masked.slice(a, b));
  if (!m) return;
  const ref = parseRef(m[1]!);
  if (!ref || ref.t === "pronoun") return;
  const subjStart = a + m.index + m[0].indexOf(m[1]!, m[0].indexOf(" by "));
  const r = resolveAt(ref, subjStart, false, true);
  if (!r.entity) return;
  const verbStart = a + m.index;
  said(a, verbStart, subjStart - 1, subjStart, subjStart + m[1]!.length, ref, r.entity, r.weak);
}
