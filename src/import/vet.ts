/**
 * A last check on who the attribution says spoke, before the draft is written: a speaker that is no one (a poll
 * figure, a clause fragment, "the key to the app's success") is dropped and its quotes are left unattributed, a
 * role that is not about the person is left out, and aliases that would point a reader at the wrong person are
 * removed ("the president" for a vice president, one alias shared by two speakers, "Mr X" for a woman, "BBC's").
 * A wrong speaker is worse than none: the review lists an unattributed quote for a person to fix.
 */
import type { Attribution } from "./attribute.js";
import {
  Registry,
  firstNameGender,
  isDemonym,
  isJunkSpeaker,
  isPersonNoun,
  isPersonRole,
  isPlaceWord,
} from "./speakers.js";

/** Names of bodies the registry's organisation words miss: "White House", "Associated Press", "… Productions". */
const ORG_TAIL = {
  test: (name: string): boolean =>
    Registry.looksLikeOrg(name) ||
    /\s(?:House|Press|Productions|Daily|District(?:\s+of\s+.+)?|Pictures|Studios|Records|Entertainment|Equities|Securities|Directorate|Laborator(?:y|ies)|Herald|Tribune|Gazette|Journal|Magazine|Times|Post)$/.test(
      name,
    ),
};

const DESCRIBED =
  /^(?:a|an|the|one|another|two|three|four|five|six|seven|eight|nine|ten|some|several|many|his|her|their|its|our|my)\s/i;

/** Whether a speaker's name describes rather than names ("a spokeswoman", "Ford's father", "two people …"). */
function isDescribed(name: string): boolean {
  return DESCRIBED.test(name) || /^\p{Ll}/u.test(name) || /^\S+[’']s\s+\p{Ll}/u.test(name);
}

/** Modifiers that make "the <head>" mean someone else: the vice president is not the president. */
const SUBORDINATE =
  /\b(?:vice|deputy|assistant|associate|acting|interim|former|ex|co|sub|under|junior)[\s-]+(?=(\p{L}+)\b)/giu;

export function vetAttribution(a: Attribution): Attribution {
  const junk = new Set(a.speakers.filter((s) => isJunkSpeaker(s.name, s.kind, isDescribed(s.name))).map((s) => s.id));
  const speakers = a.speakers
    .filter((s) => !junk.has(s.id))
    .map((s) => {
      const role = s.role !== null && isPersonRole(s.role) ? s.role : null;
      const misleading = new Set<string>();
      for (const r of [s.role ?? ""])
        for (const m of r.matchAll(SUBORDINATE)) misleading.add(`the ${m[1]!.toLowerCase()}`);
      const words = s.name.split(/\s+/);
      const first = words[0] ?? "";
      const fg = firstNameGender(first);
      // "Dale and Martha": only a role names the pair; "White House", "Associated Press": a body's name in parts is
      // no alias ("Mr House", "Press"); "Britain Liu": a place is not a first name
      const joint = / (?:and|&) /.test(s.name);
      const body = ORG_TAIL.test(s.name);
      const aliases = s.aliases.filter((al) => {
        if (joint && !/^the\s/i.test(al)) return false;
        if (body && (words.includes(al) || /^(?:Mr|Ms|Mrs|Miss)\s/.test(al))) return false;
        if (al === first && words.length > 1 && isPlaceWord(first)) return false;
        if (misleading.has(al.toLowerCase())) return false;
        // a possessive ("BBC's") names the employer, not the person
        if (/[’']s$/u.test(al)) return false;
        const hon = /^(Mr|Ms|Mrs|Miss)\s/.exec(al);
        if (hon && ((fg === "f" && hon[1] === "Mr") || (fg === "m" && hon[1] !== "Mr"))) return false;
        // "the reuters", "the briefed", "the percent": a "the …" alias must end in a noun for a person or body
        const the = /^the\s+(.+)$/i.exec(al);
        if (the) {
          const last = the[1]!.split(/\s+/).pop()!;
          if (!isPersonNoun(last) && !isDemonym(last)) return false;
          // "the reuters" from "… when contacted by Reuters": a proper name of the phrase is no role
          if (words.some((w) => w.toLowerCase() === last && /^\p{Lu}/u.test(w)) && !isDemonym(last)) return false;
        }
        return true;
      });
      // "a WeWork spokesperson when contacted by Reuters": the circumstance is not part of who spoke
      const name = isDescribed(s.name)
        ? s.name.replace(/\s+(?:when|after|while|once)\s+(?:contacted|asked|reached|approached|questioned)\b.*$/i, "")
        : s.name;
      return { ...s, name, role, aliases };
    });
  // an alias two speakers of the article share points at neither
  const count = new Map<string, number>();
  for (const s of speakers)
    for (const al of new Set(s.aliases.map((x) => x.toLowerCase()))) count.set(al, (count.get(al) ?? 0) + 1);
  for (const s of speakers) s.aliases = s.aliases.filter((al) => (count.get(al.toLowerCase()) ?? 0) < 2);
  const quotes = a.quotes.map((q) => (q.speakerId !== null && junk.has(q.speakerId) ? { ...q, speakerId: null } : q));
  return { speakers, quotes, warnings: a.warnings };
}
