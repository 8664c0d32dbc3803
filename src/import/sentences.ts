import sbd from "sbd";

/**
 * Words that end in a dot without ending the sentence, compared without the dot and case-sensitively
 * (sbd's own list, which this replaces, plus titles, US state and street abbreviations common in news copy).
 * Lower-case "no" is left out on purpose: "she said no." ends a sentence far more often than "no. 5" occurs.
 */
const ABBREVIATIONS = [
  // titles and honorifics
  "Mr Mrs Ms Mx Messrs Mme Mlle Dr Prof Rev Fr Hon Sr Jr jr sr St Gen Col Lt Maj Capt Sgt Cpl Pvt Adm Cmdr Cdr Brig",
  "Gov Sen Rep Pres Supt Insp Det Atty Amb Sec Secs Dept Univ Assn Bros Corp Inc inc Ltd Co Cos",
  // months and days
  "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun",
  // places and addresses
  "Ave Blvd Rd Mt Ft Hwy Calif Ariz Ark Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb",
  "Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo",
  // references and the rest
  "No Nos Vol vol pp p Fig fig Figs figs Ch Eq Eqs Ref Refs Ex ext al etc eg ie i.e e.g vs v approx est cf viz Viz",
  "PhD MD BSc MSc BA MA",
].flatMap((line) => line.split(" "));

const OPTIONS = { newline_boundaries: false, sanitize: false, abbreviations: ABBREVIATIONS };

/** Ends in "?" or "!" (a closing quote or bracket after it allowed), as in `"Why now?"`. */
const ASKS = /[?!]["'”’»)]*$/;
const STARTS_LOWER = /^["'“‘«(]*\p{Ll}/u;
/**
 * A person's or a place's initials ("the W.M. Keck Observatory", "J.K. Rowling") do not end a sentence; the places a
 * sentence often ends with ("the U.S.", "Washington, D.C.") do.
 */
const INITIALS_END = /(?:^|[\s(])(?!(?:U\.S|U\.K|U\.N|E\.U|D\.C|A\.M|P\.M)\.$)(?:\p{Lu}\.){2}$/u;
/** What follows a person's initials: a name, not a word that opens a sentence ("The agency declined…"). */
const NAME_NEXT =
  /^\p{Lu}\p{Ll}+\b(?<!^(?:The|A|An|He|She|It|They|We|I|This|That|These|Those|But|And|Or|So|In|On|At|For|If|When|While|After|Before|Its|His|Her|Their|Our|There|Here|Yet|Still|Then|Now|As|By|With|From|To|Of))/u;

/**
 * Splits one paragraph into sentences for facts and quote context. Built on sbd with a news abbreviation
 * list, so "Mr.", "U.S.", "a.m.", "No. 10", "Aug. 24" and "3.5" do not end a sentence, and a question or
 * exclamation followed by a lower-case word (`"Why now?" she asked.`) stays one sentence.
 */
export function splitSentences(paragraph: string): string[] {
  // Several stages split the same paragraph, once per quote in it: a long paragraph is split once.
  let cached = SPLIT.get(paragraph);
  if (cached === undefined) {
    if (SPLIT.size >= SPLIT_MAX) SPLIT.delete(SPLIT.keys().next().value!);
    SPLIT.set(paragraph, (cached = split(paragraph)));
  }
  return cached.slice();
}

/** The last paragraphs split, in the order first split. */
const SPLIT = new Map<string, readonly string[]>();
const SPLIT_MAX = 64;

function split(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, " ").trim();
  if (text === "") return [];
  const out: string[] = [];
  for (const raw of sbd.sentences(text, OPTIONS)) {
    const s = raw.trim();
    if (s === "") continue;
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      ((ASKS.test(prev) && STARTS_LOWER.test(s)) || (INITIALS_END.test(prev) && NAME_NEXT.test(s)))
    )
      out[out.length - 1] = `${prev} ${s}`;
    else for (const part of splitAnswerNo(s)) out.push(...splitAfterNumber(part));
  }
  return out;
}

/** "No. Henrik Solvang wrote to me": "No." before a capitalised word is an answer, not "No. 10". */
function splitAnswerNo(sentence: string): string[] {
  const out: string[] = [];
  let rest = sentence;
  for (let m = /(?:^|\s)No\.\s+(?=[\p{Lu}“"‘])/u.exec(rest); m; m = /(?:^|\s)No\.\s+(?=[\p{Lu}“"‘])/u.exec(rest)) {
    const cut = m.index + m[0].length;
    const head = rest.slice(0, cut).trim();
    if (head !== "") out.push(head);
    rest = rest.slice(cut);
  }
  if (rest.trim() !== "") out.push(rest.trim());
  return out;
}

/**
 * "Dario Mendel is 34. He has a mortgage": sbd keeps a number's full stop inside the sentence when a capital follows.
 * A number after a word (not a list's "1." at the start) ends the sentence there.
 */
function splitAfterNumber(sentence: string): string[] {
  return sentence.split(/(?<=[\p{L},)]\s+\d{1,4}\.)\s+(?=["“‘]?\p{Lu})/u);
}
