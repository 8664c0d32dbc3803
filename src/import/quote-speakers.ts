/** The speaker of a quote when its own sentence names none: the clause before or after, the sentence or paragraph next to it, an earlier quote's speaker. */
import { type QuoteSpan } from "./quotes.js";
import { Entity, Registry, isCommonCapitalised, roleHead } from "./speakers.js";
import { type QState, STRIDE, type Attrib, setSpeaker } from "./attribution-types.js";
import { NAME_GIVEN_LATER, THAT_WAS_NAME, PRONOUN_LEAD } from "./reporting-verbs.js";

/**
 * "A coroner has said the centre “…”", then "the area coroner, Philippa Strand, said": a lede's speaker described
 * only by a role is the one person the next paragraphs name with that role as a definite appositive.
 */
export function mergeLedeRole(all: QState[], reg: Registry): void {
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
export function mergeLedeSpeaker(
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

export function nameGivenLater(sentence: string, pos: number, reg: Registry, windowStart: number): void {
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
export function claimPreviousQuotes(
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
  for (const q of prevQuotes) setSpeaker(q, entity, "paragraph", true);
}

/**
 * '"People think foraging is romantic." Pilar Escandell-Moor is standing knee-deep …': a paragraph that opens
 * with a bare quote and goes on with a newly named person as the next sentence's subject.
 */
export function subjectNext(reg: Registry, base: number, text: string, q: QState): Entity | null {
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
export function nextSentenceSays(
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
export function beatSubject(
  reg: Registry,
  base: number,
  sentences: Array<[number, number]>,
  start: number,
): Entity | null {
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
export function narratedSubject(
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

/** Picks the attribution for one quote among its sentence's: right after it, else the nearest before it. */
export function chooseAttribution(
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
