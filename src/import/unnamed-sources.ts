/** Sources the article does not name: "a spokesman", "one resident who asked not to be named", "a woman in the queue". */
import { genderWords, isEpithetNoun, isTitleNoun } from "./speakers.js";
import { type Attrib, type SentenceScan } from "./attribution-types.js";

const ROLE_NOUN =
  "(?:head|chief|director|founder|chair|chairman|chairwoman|spokesman|spokeswoman|spokesperson|editor|manager|leader|secretary|minister|deputy|president|executive|officer|lawyer|representative|envoy|adviser|advisor|[\\p{Ll}]+(?:er|or|ist|ant|ent|ian))";

const UNNAMED_ROLE = new RegExp(
  `\\b(?:its|their|the [\\p{Lu}][\\p{L}-]*[’']s|[\\p{Lu}][\\p{L}-]*[’']s)\\s+((?:[\\p{Ll}-]+\\s+){0,3}?${ROLE_NOUN}(?:\\s+of\\s+[\\p{Ll}\\s-]+?)?)(?=\\s+(?:to|at|in|on|for|before)\\b|[,.;])`,
  "u",
);

/** A role named without a person in a sentence ("Pivvo sent its head of creator partnerships to the hearing."). */
export function unnamedRole(sentence: string): string | null {
  if (/\b[\p{Lu}][\p{Ll}]+\s+[\p{Lu}][\p{Ll}]+/u.test(sentence.slice(1))) return null;
  return UNNAMED_ROLE.exec(sentence)?.[1] ?? null;
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
export function scanDescribed(scan: SentenceScan, attribs: Attrib[]): void {
  const { masked, a, b, base, reg } = scan;
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
