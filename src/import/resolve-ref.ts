/** From a subject phrase to a speaker: a full name, a surname, a role ("the judge"), an organisation or document named before, the author of a document. */
import {
  Entity,
  HONORIFICS,
  Registry,
  escapeRe,
  firstNameGender,
  isCommonCapitalised,
  isEpithetNoun,
  isFunctionWord,
  isKnownFirstName,
  isPlaceWord,
  orgNameFits,
  parseRef,
  partKind,
  roleHead,
  splitName,
  tidyPart,
  type Ref,
} from "./speakers.js";
import { type DocText, STRIDE, cap } from "./attribution-types.js";
import { isTitleWord, collectAppositives, trailingNP, isRoleLike } from "./noun-phrases.js";
import { PART_SPLIT } from "./reporting-verbs.js";
import { subjectBefore } from "./subject-before.js";

/**
 * A bare capitalised word that is also a common word ("Haste", "Cook", "Early") as a surname: a name when the article
 * named that person in full before, in the registry ('"Cook told Benioff"') or, with `fromText`, anywhere in its text
 * before ('"…," Haste says' after "Corwin Haste has been a lighthouse keeper").
 */
export function surnameRef(np: string, doc: DocText, at: number, reg: Registry, fromText = true): Ref | null {
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
export function surnameSubject(
  lead: string,
  doc: DocText,
  at: number,
  reg: Registry,
): ReturnType<typeof subjectBefore> {
  const m = /(?:^|[\s,;])([\p{Lu}][\p{Ll}'’-]+)\s*$/u.exec(lead);
  if (!m) return null;
  const offset = m.index + m[0].indexOf(m[1]!);
  const fromText = /(?:^|[,;])\s*$/.test(lead.slice(0, offset)) && /\s$/.test(lead);
  const ref = surnameRef(m[1]!, doc, at, reg, fromText);
  return ref ? { ref, roles: [], offset, length: m[1]!.length } : null;
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

/**
 * "Counsel put it to him that the log showed one call. / “Then the log is wrong,” he said.": a paragraph that opens
 * on a quote, after a paragraph whose last sentence puts a question to "him"/"her" (or to a named person), is the
 * answer; its pronoun is the one questioned, not the questioner who was the last sentence's subject.
 */
function questionedBefore(doc: DocText, at: number, g: string): boolean {
  if (g !== "f" && g !== "m") return false;
  const lineStart = doc.full.lastIndexOf("\n", at - 1) + 1;
  if (lineStart === 0 || !/^\s*[“"‘'«]/.test(doc.full.slice(lineStart, at))) return false;
  const prev = doc.full.slice(doc.full.lastIndexOf("\n", lineStart - 2) + 1, lineStart - 1);
  if (/[“”"«»]/.test(prev)) return false;
  const last = prev.split(/(?<=[.!?])\s+(?=\p{Lu})/u).pop() ?? "";
  const m = QUESTIONED.exec(last);
  return m !== null && (!/^(?:him|her)$/.test(m[1]!) || (m[1] === "her") === (g === "f"));
}

const QUESTIONED =
  /\b(?:asked|asks|put it to|puts it to|pressed|presses|challenged|challenges|suggested to|suggests to|questioned|questions|reminded|reminds)\s+(him|her|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+\p{Lu}|\p{Lu}\p{Ll}+\s+\p{Lu})/u;

/** The one questioned: the person the pronoun would find with the questioner set aside, else the questioner. */
function answererBesides(
  asker: Entity,
  g: "f" | "m" | "n" | "p",
  pos: number,
  windowStart: number,
  reg: Registry,
): Entity {
  reg.exclude = asker;
  try {
    return reg.resolvePronoun(g, pos, windowStart) ?? asker;
  } finally {
    reg.exclude = null;
  }
}

/** Resolves a reference to an entity, creating it when the article introduces someone new. */
export function resolve(
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
      let e = reg.resolvePronoun(ref.g, pos, windowStart);
      if (!e) return { entity: null, weak: true };
      if (reg.exclude === null && questionedBefore(doc, at, ref.g))
        e = answererBesides(e, ref.g, pos, windowStart, reg);
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
export function expand(
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
    // "Harrowgate's Tavita Leauma": the possessor is the side or firm, not part of the name
    let owner = ws.length - 1;
    while (owner >= 0 && !/[’']s$/.test(ws[owner]!)) owner--;
    if (owner >= 0 && ws.length - owner > 2) ws.splice(0, owner + 1);
    // "Fly-half Joaquim Teale": a sports position opening the sentence is a title
    const position = ws.length > 2 && isEpithetNoun(ws[0]!.toLowerCase()) ? ws.shift()! : null;
    if (ws.length > 1) {
      const at = m.index + m[0].length - ws.join(" ").length;
      const roles = rolesAround(text, at, m.index + m[0].length);
      if (position) roles.push(position);
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
