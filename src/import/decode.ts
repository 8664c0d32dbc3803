import { SourceError } from "./types.js";

export interface Decoded {
  text: string;
  /** The WHATWG encoding name used, e.g. "utf-8", "windows-1252". */
  charset: string;
  /** Where the charset came from. */
  from: "header" | "bom" | "meta" | "utf8-valid" | "fallback";
}

/** How far into the page a `<meta charset>` is looked for. */
const META_SCAN_BYTES = 4096;

/**
 * Turns a page or text file into a string. The charset comes from the HTTP header, else a byte-order mark,
 * else `<meta charset>` / `<meta http-equiv="content-type">` near the top, else UTF-8 when the bytes are valid
 * UTF-8, else windows-1252 (what browsers assume for legacy Western pages). Binary input (PDF, images, archives,
 * NUL bytes, mostly control characters) is refused with a SourceError rather than decoded into garbage.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  const bom = bomCharset(bytes);
  // A BOM'd UTF-16 file has NUL bytes by nature, so the binary test only runs when there is none.
  if (bom === undefined) refuseBinary(bytes);
  const header = contentType ? charsetParam(contentType) : undefined;
  if (header && decoderFor(header))
    return { text: decode(bytes, header), charset: decoderFor(header)!.encoding, from: "header" };
  if (bom) return { text: decode(bytes, bom), charset: bom, from: "bom" };
  const meta = metaCharset(bytes);
  if (meta && decoderFor(meta)) {
    // A page cannot really be UTF-16 if its ASCII-compatible <meta> was readable (HTML spec: treat as UTF-8).
    const label = /^utf-?16/i.test(meta) ? "utf-8" : meta;
    return { text: decode(bytes, label), charset: decoderFor(label)!.encoding, from: "meta" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8", from: "utf8-valid" };
  } catch {
    return { text: decode(bytes, "windows-1252"), charset: "windows-1252", from: "fallback" };
  }
}

function decode(bytes: Uint8Array, label: string): string {
  const decoder = new TextDecoder(label);
  // Node 20's TextDecoder decodes windows-1252 (and the latin1/ascii labels mapped to it) as ISO-8859-1,
  // leaving curly quotes, dashes, € and … as C1 control characters; map that row by hand.
  if (decoder.encoding === "windows-1252") return decodeWindows1252(bytes);
  return decoder.decode(bytes);
}

/** windows-1252 code points for bytes 0x80–0x9F (the five undefined bytes map to themselves, as in WHATWG). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return undefined;
}

/** The charset parameter of a Content-Type value, unquoted. */
export function charsetParam(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2];
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, META_SCAN_BYTES));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2] ?? /\bcontent\s*=\s*([^\s>]+)/i.exec(tag)?.[1];
      const cs = content ? charsetParam(`x;${content.replace(/^[^;]*;?/, "")}`) : undefined;
      if (cs) return cs;
    }
  }
  return undefined;
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
}

const MAGIC: [string, number[]][] = [
  ["a PDF file", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a ZIP archive (or Word/EPUB document)", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip-compressed data", [0x1f, 0x8b]],
  ["a WebP/RIFF file", [0x52, 0x49, 0x46, 0x46]],
];

function refuseBinary(b: Uint8Array): void {
  for (const [what, magic] of MAGIC) {
    if (magic.every((byte, i) => b[i] === byte)) throw new SourceError(`not text: the input is ${what}`);
  }
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) throw new SourceError("not text: the input is binary (it contains NUL bytes)");
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  if (n > 0 && control / n > 0.05) throw new SourceError("not text: the input is mostly binary data");
}
