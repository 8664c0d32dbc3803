import { describe, expect, it } from "vitest";
import { charsetParam, decodeBytes } from "../../src/import/decode.js";
import { SourceError } from "../../src/import/types.js";

// "café – ‘quoted’ £5" in windows-1252: é=E9, en dash=96, ‘=91, ’=92, £=A3.
const CP1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x91, 0x71, 0x92, 0x20, 0xa3, 0x35]);
const CP1252_TEXT = "café – ‘q’ £5";

function page(meta: string, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<!doctype html><html><head>${meta}<title>t</title></head><body><p>`),
    body,
    Buffer.from("</p></body></html>"),
  ]);
}

describe("decodeBytes", () => {
  it("maps windows-1252's 0x80–0x9F row (Node 20's TextDecoder leaves C1 controls there)", () => {
    const d = decodeBytes(CP1252, "text/plain; charset=windows-1252");
    expect(d.text).toBe(CP1252_TEXT);
    expect(d.from).toBe("header");
  });

  it("treats latin1 / iso-8859-1 labels as windows-1252, as browsers do", () => {
    expect(decodeBytes(CP1252, 'text/html; charset="ISO-8859-1"').text).toBe(CP1252_TEXT);
  });

  it("takes the header over the page's <meta>", () => {
    const bytes = page('<meta charset="utf-8">', CP1252);
    expect(decodeBytes(bytes, "text/html; charset=windows-1252").text).toContain(CP1252_TEXT);
  });

  it("reads <meta charset> when there is no header", () => {
    const d = decodeBytes(page('<meta charset="windows-1252">', CP1252));
    expect(d.from).toBe("meta");
    expect(d.text).toContain(CP1252_TEXT);
  });

  it("reads <meta http-equiv=content-type>", () => {
    const d = decodeBytes(
      page(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]),
      ),
    );
    expect(d.charset).toBe("windows-1251");
    expect(d.text).toContain("Привет");
  });

  it("uses a BOM before <meta>, including UTF-16 (whose NUL bytes are not binary)", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Héllo “world”", "utf16le")]);
    expect(decodeBytes(utf16).text).toBe("Héllo “world”");
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252">“x”')]);
    const d = decodeBytes(utf8);
    expect(d.from).toBe("bom");
    expect(d.text).toBe('<meta charset="windows-1252">“x”');
  });

  it("takes valid UTF-8 as UTF-8 and falls back to windows-1252 otherwise", () => {
    expect(decodeBytes(Buffer.from("Ελληνικά and “quotes”")).from).toBe("utf8-valid");
    const d = decodeBytes(CP1252);
    expect(d.from).toBe("fallback");
    expect(d.text).toBe(CP1252_TEXT);
  });

  it("ignores an unknown charset label and goes on down the list", () => {
    expect(decodeBytes(Buffer.from("plain “utf-8”"), "text/html; charset=x-nonsense").text).toBe("plain “utf-8”");
  });

  it.each([
    ["PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /PDF/],
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /PNG/],
    ["gzip", Buffer.from([0x1f, 0x8b, 0x08, 0x00]), /gzip/],
    ["NUL bytes", Buffer.from("text\u0000with\u0000nuls"), /binary/],
    ["control soup", Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 8) + 1))), /binary/],
  ])("refuses %s with a clear error", (_name, bytes, message) => {
    expect(() => decodeBytes(bytes)).toThrow(SourceError);
    expect(() => decodeBytes(bytes)).toThrow(message);
  });

  it("parses charset parameters", () => {
    expect(charsetParam('text/html; Charset="UTF-8"')).toBe("UTF-8");
    expect(charsetParam("text/html;charset=windows-1252;foo=bar")).toBe("windows-1252");
    expect(charsetParam("text/html")).toBeUndefined();
  });
});
