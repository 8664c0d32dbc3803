/** The people and organisations a paragraph names, registered with their roles, and pronouns voting for their gender. */
import {
  PLACE_NOUNS,
  Entity,
  Registry,
  firstNameGender,
  isCommonCapitalised,
  isEpithetNoun,
  isFunctionWord,
  isKnownFirstName,
  isTitleNoun,
  isPlaceWord,
  isPersonNoun,
  partKind,
  roleHead,
  splitName,
  tidyPart,
} from "./speakers.js";
import { type Attrib, type SentenceScan } from "./attribution-types.js";
import { isTitleWord, isRoleLike, collectAppositives, trailingNP } from "./noun-phrases.js";
import {
  ORG_APPOSITION,
  ORG_NAMED_FIRST,
  PART_SPLIT,
  TITLE_BEFORE,
  RELATION_APPOSITION,
  RELATION_BEFORE,
} from "./reporting-verbs.js";
import { expand } from "./resolve-ref.js";

/** Capitalised runs in a sentence that name a known entity or a new person: mentions for pronouns later. */
export function scanNames(scan: SentenceScan, attribs: Attrib[]): void {
  const { doc, p, masked, a, b, base, reg } = scan;
  const sentence = masked.slice(a, b);
  // "a private company, Ardent Correctional Health," — a body named in apposition to its kind
  ORG_APPOSITION.lastIndex = 0;
  for (let o: RegExpExecArray | null; (o = ORG_APPOSITION.exec(sentence)) !== null;) {
    const name = o[2]!;
    const at = base + a + o.index + o[0].lastIndexOf(name);
    if (reg.isReporter(name) || isKnownFirstName(name.split(" ")[0]!)) continue;
    const known = reg.findByName(name, null);
    const e = known ?? reg.create(name, "organisation", at);
    if (!known) e.addRole(o[1]!.trim());
    reg.mention(e, at, false);
  }
  ORG_NAMED_FIRST.lastIndex = 0;
  for (let o: RegExpExecArray | null; (o = ORG_NAMED_FIRST.exec(sentence)) !== null;) {
    const ws = o[1]!.split(/\s+/);
    while (ws.length > 1 && isFunctionWord(ws[0]!)) ws.shift();
    const name = ws.join(" ");
    if (ws.length === 0 || isFunctionWord(name) || reg.isReporter(name)) continue;
    if (isKnownFirstName(ws[0]!) || ws.some((w) => isTitleWord(w)) || isPlaceWord(ws[0]!)) continue;
    const at = base + a + o.index + o[0].indexOf(o[1]!) + o[1]!.length - name.length;
    const known = reg.findByName(name, null);
    if (known && known.kind === "person") continue;
    const e = known ?? reg.create(name, "organisation", at);
    if (!known) e.addRole(o[2]!.trim());
    reg.mention(e, at, false);
  }
  const re =
    /[\p{Lu}][\p{L}\p{M}'’-]*(?:\s+(?:(?:of|the|for|de|van|von|der|da|du|al|bin)\s+|(?:van|von|de|da|di|del|la|le|der|den|ter)\s+(?:der|den|la|le|los|las)\s+)?(?:\p{Lu}\.(?=\s+\p{Lu})|(?:[\p{Lu}]|(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|ben|ould)-\p{Lu})[\p{L}\p{M}'’-]*))*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    const start = a + m.index;
    if (base + start < reg.scannedTo) continue; // read already, for a pronoun after it
    if (attribs.some((x) => start >= x.subjStart && start < x.subjEnd)) continue;
    // "Whitlock's Halo came back": the possessive ends the name
    const poss = /[’']s\s/.exec(m[0]);
    let words = (poss ? m[0].slice(0, poss.index) : m[0]).replace(/[’']s$/, "").split(/\s+/);
    // "De Boer took the defeat gracefully": a capitalised particle opening a known surname
    if (
      words.length >= 2 &&
      words.length <= 3 &&
      /^(?:De|Van|Von|Da|Di|Du|Del|Della|Le|La|Al|El|Ter|Ten)$/.test(words[0]!)
    ) {
      const known0 = reg.findByName(words.join(" "), null);
      if (known0) {
        reg.mention(known0, base + start, m.index < 3);
        continue;
      }
    }
    let lead = 0;
    let titled = false;
    while (words.length > 0 && (isCommonCapitalised(words[0]!) || isTitleWord(words[0]!))) {
      // a noun right before the name is a title ("Goalkeeper Ama Owusu"); "The", "In" are not
      // "Deputy Commissioner of Police R. Meenakshi Iyer": a title word anywhere in the lead counts
      titled =
        (titled && words.length >= 3) || (words.length >= 3 && (isTitleWord(words[0]!) || !isFunctionWord(words[0]!)));
      words = words.slice(1);
      lead++;
    }
    // "Hooker Cai Brandt", "Fly-half Joaquim Teale": a sports position is a title before a name
    if (words.length >= 3 && lead === 0 && isEpithetNoun(words[0]!.toLowerCase()) && !isKnownFirstName(words[0]!)) {
      words = words.slice(1);
      lead++;
      titled = true;
    }
    // A role word in front of a name: "Goalkeeper Ama Owusu", "Striker Jo Lee".
    if (
      words.length >= 3 &&
      !isKnownFirstName(words[0]!) &&
      (isKnownFirstName(words[1]!) ||
        /(er|or|ist|ian|ant|ent)$/.test(words[0]!) ||
        // "Deputy Director of Public Audits Anna-Lise Brekke": after a title, a hyphenated first name
        (titled && words.length === 3 && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(words[1]!)))
    ) {
      words = words.slice(1);
      lead++;
    }
    if (words.length === 0) continue;
    // "Oakport Mayor Theo Brandstetter": the title words end at the last title word
    let runRole: string | null = null;
    if (words.length >= 3 && words.slice(0, -1).some((w) => isTitleWord(w))) {
      const sn = splitName(words.join(" "));
      if (sn && sn.prefix) {
        const leadWords = m[0].split(/\s+/).slice(0, lead);
        while (leadWords.length > 0 && isFunctionWord(leadWords[0]!)) leadWords.shift();
        runRole = [...leadWords, sn.prefix].join(" ");
        words = sn.name.split(" ");
        titled = true;
      }
    }
    words = nameBeforeOf(words, titled);
    const name = words.join(" ");
    if (reg.isReporter(name)) continue;
    const after0 = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // "Abara's son, Jonah, said": the possessor of a person is not the sentence's subject ("Mia's bus" keeps her)
    const owned = /^(?:[’']s)?\s+([\p{Ll}-]+)/u.exec(sentence.slice(m.index + m[0].length));
    const subject =
      !(
        (/[’']s$/u.test(m[0]) || /^[’']s\b/u.test(sentence.slice(m.index + m[0].length))) &&
        owned !== null &&
        isPersonNoun(owned[1]!)
      ) &&
      (m.index < 3 ||
        /^\s*$/.test(sentence.slice(0, m.index)) ||
        // "Green councillor Ravi Castellane, who …, proposed": a title at the sentence start, then the name
        // ("Wild defenseman Ryan Suter, who …, could see": a trade noun as the title)
        isPersonNoun(/^\s*(?:[\p{Lu}][\p{L}-]*\s+)?([\p{Ll}-]+)\s+$/u.exec(sentence.slice(0, m.index))?.[1] ?? "") ||
        // "Her brother, Calum Munro, who skippers a boat, was…": a role at the sentence start, then the name
        (/^\s*[^,\u2219]{1,60},\s*$/.test(sentence.slice(0, m.index)) &&
          isRoleLike(tidyPart(sentence.slice(0, m.index)))) ||
        (/(^|[,;:—–]\s*)$/.test(sentence.slice(Math.max(0, m.index - 4), m.index)) &&
          (/^\s+(?!(?:of|in|on|at|to|for|from|with|and|or|but|by|as|who|which|that)\b)[\p{Ll}]/u.test(after0) ||
            // "One of them, Amara Oduya, is 17 and …"
            /^\s*,\s*(?:is|was|has|had)\s/.test(after0))));
    const ageMatch = /^\s*,\s*(\d{1,3})\s*[,.]/.exec(sentence.slice(m.index + m[0].length, m.index + m[0].length + 8));
    const agePre = /(\d{1,3})-year-old\s+$/.exec(sentence.slice(Math.max(0, m.index - 14), m.index));
    const age = ageMatch ? Number(ageMatch[1]) : agePre ? Number(agePre[1]) : null;
    const known = reg.findByName(name, null);
    if (known) {
      // "Steenburgen said" first, "Mary Steenburgen" later: the full name, and the gender its first name gives
      if (known.kind === "person" && known.words.length === 1 && words.length === 2 && words[1] === known.name) {
        const g = firstNameGender(words[0]!);
        if (g) {
          known.name = name;
          known.knownGender ??= g;
        }
      }
      if (age !== null && known.age === null) known.age = age;
      // "Lars Ostermark, the company's co-founder and chairman, arrived": a role given at a later mention
      if (known.kind === "person" && known.roles.length === 0) {
        const tail0 = masked.slice(start + m[0].length, Math.min(b, start + m[0].length + 300));
        const later: string[] = [];
        if (/^\s*,/.test(tail0)) collectAppositives(tail0.split(PART_SPLIT).slice(1), later);
        for (const r of later) known.addRole(r);
      }
      reg.mention(known, base + start, subject);
      continue;
    }
    // "Sarah Green", "Tom Acre": a known first name makes a common word after it a surname
    const firstNamed =
      words.length >= 2 && words.length <= 3 && isKnownFirstName(words[0]!) && !isFunctionWord(words[0]!);
    if (words.length > 4 || Registry.looksLikeOrg(name)) continue;
    // "Her co-founder, Bram Telling,": a surname that is also a word, accepted beside a person's role
    const commonLater =
      words.length >= 2 &&
      words.length <= 3 &&
      !isCommonCapitalised(words[0]!) &&
      !words.some((w) => isFunctionWord(w) || isPlaceWord(w));
    if (words.some((w, i) => isCommonCapitalised(w) && !((firstNamed || commonLater) && i > 0 && !isFunctionWord(w))))
      continue;
    // A new person: a known first name, or a name with an age or a person's role beside it.
    const roles: string[] = [];
    const tail = masked.slice(start + m[0].length, Math.min(b, start + m[0].length + 300));
    const ageNext = /^\s*,\s*\d{1,3}\s*[,.]/.test(tail);
    if (/^\s*,/.test(tail)) collectAppositives(tail.split(PART_SPLIT).slice(1), roles);
    const headText = masked.slice(Math.max(a, start - 200), start);
    // "Green councillor Ravi Castellane, who …": a lower-case title noun right before the name
    const titleBefore = TITLE_BEFORE.exec(headText);
    // "the Dutch grandmaster Willem de Boer": a trade noun (…er, …or, …ist, …ian) as a title too
    const trade =
      titleBefore !== null &&
      words.length >= 2 &&
      !isPlaceWord(words[0]!) &&
      (isEpithetNoun(titleBefore[2]!) || /(?:er|or|ist|ian)$/.test(titleBefore[2]!)) &&
      !/^(?:river|water|number|order|member|other|either|neither|after|under|over|computer|letter|paper|tower|center|centre|corner|border|minor|mirror|floor|door|floor)$/.test(
        titleBefore[2]!,
      );
    if (lead === 0 && titleBefore && (isTitleNoun(titleBefore[2]!) || trade)) {
      const w0 = titleBefore[1]!.split(/\s+/)[0]!;
      roles.push(isFunctionWord(w0) ? titleBefore[1]!.replace(/^\S+\s+/, "") : titleBefore[1]!);
      titled = true;
    }
    const prevPart = headText.replace(/,\s*$/, "");
    if (prevPart !== headText) {
      const pieces = prevPart.split(PART_SPLIT);
      const prev = trailingNP(tidyPart(pieces[pieces.length - 1] ?? ""));
      if (prev && isRoleLike(prev) && partKind(prev) !== "doc") roles.push(prev);
    }
    const personRole = roles.some((r) => {
      const h = roleHead(r);
      return h !== null && !PLACE_NOUNS.has(h) && !reg.isOrgNoun(h);
    });
    if (!firstNamed && commonLater && words.some((w, i) => i > 0 && isCommonCapitalised(w)) && !personRole) continue;
    const firstKnown = isKnownFirstName(words[0]!);
    // "The first thing Adaeze Okafor shows me": a name that is its own clause's subject, a verb right after it
    const clauseSubject =
      !subject &&
      words.length >= 2 &&
      words.length <= 3 &&
      lead === 0 &&
      /^\s+(?!(?:this|thus|has|his|as|was|is|its|us|yes|less|unless|across|perhaps|towards|news|during|including|according|regarding|concerning|following|excluding|considering|pending|morning|evening|something|nothing|anything|everything)\b)[\p{Ll}]{2,}(?:s|ed|ing)\s+(?!(?:of|to|and|or|by)\b)/u.test(
        after0,
      ) &&
      !words.some((w) => isPlaceWord(w));
    const isPerson =
      clauseSubject ||
      (words.length >= 2 && (firstKnown || personRole || ageNext || titled)) ||
      // "Mirela Costa runs the shelter.": two or three capitalised words as a sentence's subject
      (words.length >= 2 &&
        words.length <= 3 &&
        subject &&
        lead === 0 &&
        (/^\s+[\p{Ll}]/u.test(after0) || /^\s*,\s*(?:is|was|has|had)\s/.test(after0)) &&
        !words.some((w) => isPlaceWord(w))) ||
      (words.length === 1 && (ageNext || (personRole && firstKnown))) ||
      // "My husband, Tunde, has a list": a first name in apposition to a relation
      (words.length === 1 && lead === 0 && RELATION_APPOSITION.test(headText) && /^\s*,/.test(tail)) ||
      // "Andrew doesn't remember …": a first name alone opening its sentence, with a verb after it
      (words.length === 1 &&
        lead === 0 &&
        m.index < 3 &&
        firstNameGender(words[0]!) !== null &&
        !isCommonCapitalised(words[0]!) &&
        /^\s+[\p{Ll}]/u.test(after0)) ||
      // "Priya Das, who borrowed the bike", "my colleague Priya Das": a relative "who" or a relation word
      (words.length >= 2 &&
        words.length <= 3 &&
        lead === 0 &&
        !words.some((w) => isPlaceWord(w)) &&
        (/^\s*,\s*who\b/.test(after0) || RELATION_BEFORE.test(masked.slice(Math.max(a, start - 30), start))));
    if (isPerson) {
      const full = words.length === 1 ? expand(name, doc.full, doc.offsets[p]! + start, false) : null;
      if (full) {
        const known2 = reg.findByName(full.name, null);
        if (known2) {
          reg.mention(known2, base + start, subject);
          continue;
        }
      }
      const e = reg.create(full ? full.name : name, "person", base + start);
      if (full) for (const r of full.roles) e.addRole(r);
      if (runRole) e.addRole(runRole);
      e.age = age;
      // the title words before the name, from the first that is not a function word ("Deputy Commissioner of Police")
      const pre = m[0].split(/\s+/).slice(0, lead);
      while (pre.length > 0 && isFunctionWord(pre[0]!) && !isTitleWord(pre[0]!)) pre.shift();
      while (pre.length > 0 && isFunctionWord(pre[pre.length - 1]!) && !/^Police$/.test(pre[pre.length - 1]!))
        pre.pop();
      for (const r of roles) e.addRole(r);
      if (pre.length > 0 && !runRole) e.addRole(pre.join(" "));
      reg.mention(e, base + start, subject || clauseSubject);
      const after = masked.slice(start + m[0].length, Math.min(b, start + m[0].length + 300));
      if (subject || clauseSubject) voteFromPronoun(e, after, reg);
    }
  }
}

/**
 * "Mayor Teodora Blum of Millbrook Falls", "Teodora Blum of Millbrook Falls watched": a person's name stops at "of";
 * a body's ("University of Caerwent", "Royal Bank of Scotland") does not.
 */
export function nameBeforeOf(words: string[], titled: boolean): string[] {
  const k = words.indexOf("of");
  if (k < 2 || k > 3) return words;
  const before = words.slice(0, k);
  if (before.some((w) => isCommonCapitalised(w) || isPlaceWord(w)) || Registry.looksLikeOrg(before.join(" ")))
    return words;
  return titled || isKnownFirstName(before[0]!) || k === 2 ? before : words;
}

/**
 * The first "he"/"she"/"his"/"her" after a person's name in its sentence votes for their gender, unless someone
 * else of that gender was named in the last two sentences ("Piet Ambrose puts the families in her group at forty").
 */
export function voteFromPronoun(e: Entity, after: string, reg: Registry): void {
  const pr = /\b(he|him|his|she|her|hers)\b/i.exec(after);
  if (!pr) return;
  const g = /^(she|her|hers)$/i.test(pr[1]!) ? "f" : "m";
  for (let i = reg.mentions.length - 1; i >= 0; i--) {
    const m = reg.mentions[i]!;
    if (reg.sentence - m.sent > 2) break;
    if (m.entity !== e && m.entity.kind === "person" && m.entity.gender === g) return;
  }
  e.votes[g] += 1;
}
