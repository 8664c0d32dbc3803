/** Every attribution clause of a paragraph: a verb of saying, its subject and the speaker it resolves to. */
import { type QuoteSpan } from "./quotes.js";
import {
  DOC_IN,
  Entity,
  HONORIFICS,
  Registry,
  isCommonCapitalised,
  isFunctionWord,
  isKnownFirstName,
  isPersonNoun,
  isPlaceWord,
  parseRef,
  partKind,
  roleHead,
  tidyPart,
  type Ref,
} from "./speakers.js";
import { type Attrib, type SentenceScan } from "./attribution-types.js";
import { scanNames, voteFromPronoun } from "./mentions.js";
import { leadingNP, givenName, collectAppositives } from "./noun-phrases.js";
import {
  VERB_RE,
  MAX_VERBS,
  WHAT_SUBJECT,
  EVALUATIVE,
  PART_SPLIT,
  QUOTED_OBJECT,
  QUOTED_AS,
  PARTICIPLE,
  WITH_SUBJECT,
  WITH_NAME,
  FIRST_PERSON,
  REPORTER_CLAUSE,
  DOC_SUBJECT_BEFORE,
  PRONOUN_LEAD,
} from "./reporting-verbs.js";
import { resolve, surnameRef, surnameSubject } from "./resolve-ref.js";
import { subjectBefore, sentenceSubject } from "./subject-before.js";
import { verblessAttributions, type Said } from "./quote-forms.js";
import { scanDescribed } from "./unnamed-sources.js";

/** Every verb of saying in one sentence, with its subject resolved to an entity where possible. */
export function findAttributions(
  scan: SentenceScan,
  spans: QuoteSpan[],
  trackers: Map<string, Entity>,
  windowStart: number,
  firstPerson: Entity | null = null,
): Attrib[] {
  const { doc, p, masked, a, b, base, reg } = scan;
  const out: Attrib[] = [];
  const sentence = masked.slice(a, b);
  /** Resolves a reference made at offset `at` of this paragraph's masked text. */
  const resolveAt = (ref: Ref, at: number, orgHint: boolean, intro: boolean) =>
    resolve(ref, base + at, reg, trackers, windowStart, doc, doc.offsets[p]! + at, orgHint, intro);
  /** A clause whose subject resolved to `entity`: the subject is mentioned there, and the clause attributes. */
  const said: Said = (from, verbStart, verbEnd, subjStart, subjEnd, ref, entity, weak) => {
    reg.mention(entity, base + subjStart, true);
    out.push({ from, verbStart, verbEnd, subjStart, subjEnd, entity, ref, pronoun: ref.t === "pronoun", weak });
  };
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
    const byWho = relativeSubject(before, verb);
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
      !/^\s+(?:\S+\s+){0,8}?as\s+(?:(?:a|an|the|someone|somebody|one)\s+(?:[\p{L}-]+\s+){0,3}?(?:who|that|which)\s+)?[“"«‘']/u.test(
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
        const head = headAfterVerb(parts);
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
        ref = byWho.ref;
        subjStart = vs - before.length + byWho.at;
        subjEnd = subjStart + byWho.length;
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
      scanNames({ ...scan, b: subjStart }, out);
      scanDescribed({ ...scan, b: subjStart }, out);
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
  verblessAttributions({ scan, spans, trackers, windowStart, out, resolveAt, said });
  return out;
}

/**
 * The speaker's noun phrase after the verb: '"…," said another, Petra Lund' names them in the apposition, and
 * '"…," said one of them, a software engineer' describes them there.
 */
function headAfterVerb(parts: string[]): string | null {
  const head = leadingNP(parts[0] ?? "");
  const counted = /^\s*(?:another|one|a second|a third)(\s+of\s+(?:them|us|those))?\s*$/i.exec(parts[0] ?? "");
  if (!counted || !parts[1]) return head;
  const np = leadingNP(parts[1]);
  if (!np) return head;
  const kind = partKind(tidyPart(np));
  return kind === "name" || (kind === "desc" && counted[1] !== undefined) ? np : head;
}

/**
 * "Among them was Ellen Vosper, 81, who said …", "operated by Westrail Infrastructure, which said …": the name a
 * relative "who" or "which" stands for, as the subject of a verb of saying. "Which" only for a body's name: one
 * that reads as an organisation's, or two or more capitalised words that open on no known first name or place.
 */
function relativeSubject(before: string, verb: string): { ref: Ref; at: number; length: number } | null {
  if (!/^(?:said|says|told|tells|added|argued|insisted|warned|explained|recalled|claimed|described)$/.test(verb))
    return null;
  const relWho =
    /(?:^|[\s(])((?:[\p{Lu}][\p{L}\p{M}'’-]+\s+){0,3}[\p{Lu}][\p{L}\p{M}'’-]+)(?:,\s*\d{1,3})?,\s*(who|which)\s+(?:also\s+|later\s+|then\s+)?$/u.exec(
      before,
    );
  if (!relWho || isFunctionWord(relWho[1]!)) return null;
  const name = relWho[1]!;
  const words = name.split(/\s+/);
  const body =
    Registry.looksLikeOrg(name) ||
    (words.length >= 2 &&
      !isKnownFirstName(words[0]!) &&
      !isCommonCapitalised(words[0]!) &&
      !words.some((w) => isPlaceWord(w)));
  if (relWho[2] === "which" && !body) return null;
  const ref = parseRef(name);
  return ref?.t === "name" ? { ref, at: relWho.index + relWho[0].indexOf(name), length: name.length } : null;
}

/**
 * "In later life she campaigned against …": a sentence led by "he"/"she" with no verb of saying still keeps its
 * person salient, so a "she said" two paragraphs on finds the obituary's subject and not a colleague quoted since.
 */
export function chainPronoun(scan: SentenceScan, attribs: Attrib[], windowStart: number): void {
  const { masked, a, b, base, reg } = scan;
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
