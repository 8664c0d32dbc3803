/** Noun phrases at the edge of a clause part: a leading or trailing name, an agent after "by", a given name, a role-like part, a title word. */
import {
  isCommonCapitalised,
  isEpithetNoun,
  isKnownFirstName,
  isTitleNoun,
  partKind,
  splitName,
  tidyPart,
  type Ref,
} from "./speakers.js";

/** The noun phrase a part starts with: "mayor Corinne Attalens after the result…" → "mayor Corinne Attalens". */
export function leadingNP(part: string): string | null {
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

/** The role phrase a clause ends with: "X said that the club's assistant coach" → "the club's assistant coach". */
export function trailingNP(part: string): string {
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
export function givenName(text: string): string | null {
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
export function isBareRole(part: string): boolean {
  const m = /^([\p{Ll}-]+)(?:\s+(?:of|at|for|in|with|to)\s.*)?$/u.exec(part);
  return m !== null && (isTitleNoun(m[1]!) || isRoleLike(m[1]!)) && part.split(/\s+/).length <= 14;
}

export function isRoleLike(part: string): boolean {
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
export function collectAppositives(parts: string[], roles: string[]): void {
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

/**
 * "Mira Castel, a scientist at Orwin Labs in Tessaly, Maine, said", "Piet Olander, President Veltrix North Europe,
 * says": the piece before the verb ends the body of a role, and the person named before that role is the subject.
 */
export function personBefore(
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

const TITLE_SET = new Set(
  "President Minister Mayor Councillor Cllr MP Senator Governor Judge Justice Constable Detective Sergeant Inspector Chief Commissioner Secretary Chancellor Professor Prof Dr Mr Mrs Ms Miss Sir Dame Lord Lady Supreme Leader Foreign Prime Vice Deputy Director Superintendent".split(
    " ",
  ),
);

export function isTitleWord(w: string): boolean {
  return TITLE_SET.has(w.replace(/\.$/, ""));
}
