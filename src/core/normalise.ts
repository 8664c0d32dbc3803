import { stemmer } from "stemmer";

/** Questions longer than this are cut (with a note in the result), so every query takes bounded time. */
export const MAX_QUESTION_CHARS = 500;

// Control characters except tab/newline, zero-width and bidi marks, BOM, variation selectors, lone surrogates.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching these characters is its job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const QUOTES: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u00B4": "'",
  "`": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
};
const QUOTE_RE = new RegExp(`[${Object.keys(QUOTES).join("")}]`, "g");

/**
 * Makes any string safe to handle and show: Unicode NFKC, no control, zero-width or bidi-override characters, no lone
 * surrogates, straight quotes and dashes, whitespace folded to single spaces, trimmed. Case and letters are kept.
 */
export function cleanText(input: string): string {
  return input
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .replace(QUOTE_RE, (c) => QUOTES[c] ?? c)
    .replace(/\s+/gu, " ")
    .trim();
}

const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * The words of a question without what chat platforms wrap around them: HTML tags, mentions ("@everyone",
 * "<@123>"), links. A question pasted with markup or a ping is matched on its words alone.
 */
export function withoutMarkup(input: string): string {
  return input
    .replace(/<[^<>]{0,200}>/g, " ")
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(/(^|\s)@\w+/g, " ");
}

/** Lower case without diacritics: "Rouhaní" → "rouhani". */
export function fold(input: string): string {
  // Printable ASCII (with tab and line breaks) has nothing to normalise: no marks, no invisible characters.
  if (PLAIN_ASCII.test(input)) return input.replace(/`/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
  return cleanText(input)
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * Splits text into folded words, grouped: a plain word is a group of one; a hyphenated word is the joined word followed
 * by its parts ("ride-hailing" → ["ridehailing", "ride", "hailing"]), so "makeup", "make up" and "make-up" all meet
 * while a question still counts "ride-hailing" as one word. Apostrophes drop ("Iran's" → "iran", "don't" → "do").
 */
export function wordGroups(input: string): string[][] {
  const out: string[][] = [];
  const text = fold(input)
    .replace(/n't\b/g, "")
    .replace(/'(s|re|ve|ll|m|d)\b/g, "")
    .replace(/'/g, "");
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    const w = m[0];
    if (w.includes("-")) {
      const parts = w.split("-");
      out.push([parts.join(""), ...parts]);
    } else out.push([w]);
  }
  return out;
}

/** Every word of {@link wordGroups}, flat: what the index stores. */
export function words(input: string): string[] {
  return wordGroups(input).flat();
}

/**
 * English irregular verbs, base form first: "froze" and "frozen" stem as "freeze" does. Forms that are more often
 * another word ("left", "felt", "saw", "bit", "lay"; "found", also a verb of its own) are left out.
 */
const IRREGULAR = `arise arose arisen|bear bore borne|beat beaten|become became|begin began begun|bend bent|bind bound|
bite bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought|build built|buy bought|catch caught|
choose chose chosen|cling clung|come came|creep crept|deal dealt|dig dug|draw drew drawn|drink drank drunk|
drive drove driven|eat ate eaten|fall fell fallen|feed fed|fight fought|flee fled|fly flew flown|
forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|give gave given|
go went gone|grow grew grown|hang hung|hear heard|hide hid hidden|hold held|keep kept|know knew known|lead led|
lend lent|lose lost|make made|mean meant|meet met|mislead misled|oversee oversaw overseen|overcome overcame|
pay paid|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see seen|seek sought|sell sold|send sent|
shake shook shaken|shine shone|shoot shot|show shown|shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat|
sleep slept|slide slid|speak spoke spoken|spend spent|spin spun|stand stood|steal stole stolen|stick stuck|
strike struck stricken|swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|teach taught|
tear tore torn|tell told|think thought|throw threw thrown|understand understood|undergo underwent undergone|
uphold upheld|wake woke woken|wear wore worn|win won|withdraw withdrew withdrawn|write wrote written`;
const BASE_OF = new Map<string, string>();
for (const group of IRREGULAR.split("|")) {
  const [base, ...forms] = group.trim().split(" ");
  for (const f of forms) BASE_OF.set(f, base!);
}

const stemCache = new Map<string, string>();
/** Porter stem of a folded word, cached; digits, short words and "-ally" adverbs are left as they are. */
export function stem(word: string): string {
  const base = BASE_OF.get(word);
  if (base !== undefined) return stem(base);
  // Porter maps "officially" and "officials" to one stem; an adverb in "-ally" is kept whole so they stay apart.
  if (word.length <= 3 || /\d/.test(word) || word.endsWith("ally")) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}
