/** The result: speakers with ids, roles and aliases; quotes with their context and confidence. */
import { type QuoteSpan } from "./quotes.js";
import { Entity, Registry, isDemonym, roleHead, slug } from "./speakers.js";
import { type QState, type Attribution, type DraftSpeaker, cap, type DraftQuote } from "./attribution-types.js";

/** The sentence around a quote with the quotes cut out, shortened: what the quote was said to or about. */
export function contextOf(text: string, q: QState, all: QuoteSpan[], idx: number): string {
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

export function build(all: QState[], reg: Registry, warnings: string[], paragraphs: string[]): Attribution {
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

function firstWords(text: string): string {
  const ws = text.trim().split(/\s+/);
  return ws.slice(0, 6).join(" ") + (ws.length > 6 ? "…" : "");
}
