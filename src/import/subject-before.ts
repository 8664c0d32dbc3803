/** The subject of a verb of saying: the noun phrase before the verb, or the sentence's own subject. */
import {
  PLACE_NOUNS,
  isCommonCapitalised,
  isFunctionWord,
  isKnownFirstName,
  isPersonNoun,
  parseRef,
  partKind,
  tidyPart,
  type Ref,
} from "./speakers.js";
import { personBefore, isRoleLike, isBareRole, leadingNP } from "./noun-phrases.js";
import {
  PART_SPLIT,
  WHAT_SUBJECT,
  SUBORD_SUBJECT,
  WRITTEN_BY,
  THAT_SUBJECT,
  LEAD_IN_SUBJECT,
} from "./reporting-verbs.js";

/** The subject right before a verb: walks back over appositives, ages and relative clauses to the name. */
export function subjectBefore(
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
    if (kind === "name" && inRelativeClause(pieces, k)) continue;
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
      const body = kind === "desc" && k === 1 ? namedBodyFirst(prev, pk) : null;
      if (body) return { ref: body, roles: [...roles, part], offset: pieces[0]!.offset, length: prev.length };
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
 * "Solvasson, who founded the firm with his sister, Marit Solvasson, called it": a name in apposition to a noun that
 * closes a relative clause belongs to that clause; the subject is the name before it.
 */
function inRelativeClause(pieces: Array<{ text: string }>, k: number): boolean {
  if (k < 2) return false;
  const rel = tidyPart(pieces[k - 1]!.text);
  return (
    partKind(rel) === "rel" &&
    /^(?:who|which)\s/i.test(rel) &&
    /\s(?:his|her|their|its|the)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+$/u.test(rel) &&
    partKind(tidyPart(pieces[k - 2]!.text)) === "name"
  );
}

/**
 * "The staff council, an elected body with no …, said", "Quillbank's staff council, an elected body …, said": a
 * definite noun phrase opening the sentence is the subject, the indefinite one after it its role.
 */
function namedBodyFirst(prev: string, pk: string): Ref | null {
  if (pk === "def" && /^the\s/i.test(prev)) return parseRef(prev);
  if (/^[\p{Lu}][\p{L}'’-]*[’']s(?:\s+[\p{Ll}-]+){1,3}$/u.test(prev)) return { t: "def", np: prev };
  return null;
}

function fallbackRoles(_f: { ref: Ref }): string[] {
  return [];
}

/** The main subject of a sentence, for participles ("X defended the decision, saying …"). */
export function sentenceSubject(head: string): { ref: Ref; roles: string[]; offset: number; length: number } | null {
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
