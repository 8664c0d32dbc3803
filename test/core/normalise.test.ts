import { describe, expect, it } from "vitest";
import { cleanText, fold, stem, wordGroups, words } from "../../src/core/normalise.js";

describe("cleanText", () => {
  it("applies NFKC: ligatures and full-width forms become plain letters", () => {
    expect(cleanText("\uFB01ne ＴＥＨＲＡＮ")).toBe("fine TEHRAN");
  });
  it("removes zero-width, bidi and control characters", () => {
    expect(cleanText("Tele\u200Bgram\u202E \u0007ban\uFEFF")).toBe("Telegram ban");
  });
  it("drops lone surrogates but keeps emoji", () => {
    expect(cleanText("a\uD800b \uDC00c 😀")).toBe("ab c 😀");
  });
  it("straightens curly quotes and dashes, folds whitespace", () => {
    expect(cleanText("  \u201CYes,\u201D   she\u2019s \u2014 here\n\t ")).toBe('"Yes," she\'s - here');
  });
});

describe("fold and words", () => {
  it("lower-cases and strips diacritics", () => {
    expect(fold("Rouhaní ÉTÉ")).toBe("rouhani ete");
  });
  it("drops possessives and contractions, and groups a hyphenated word: joined word first, then its parts", () => {
    expect(wordGroups("Iran's ride-hailing app")).toEqual([["iran"], ["ridehailing", "ride", "hailing"], ["app"]]);
    expect(words("they're don't")).toEqual(["they", "do"]);
  });
  it("keeps letters of any script", () => {
    expect(words("تلگرام فیلتر شد")).toEqual(["تلگرام", "فیلتر", "شد"]);
  });
});

describe("stem", () => {
  it("meets inflections of one word", () => {
    expect(stem("banned")).toBe(stem("ban"));
    expect(stem("iranians")).toBe(stem("iranian"));
    expect(stem("blocking")).toBe(stem("blocked"));
  });
  it("meets the irregular forms of a verb: froze, frozen, freezes", () => {
    expect(stem("froze")).toBe(stem("freezes"));
    expect(stem("frozen")).toBe(stem("freezing"));
    expect(stem("wrote")).toBe(stem("writes"));
    expect(stem("sold")).toBe(stem("selling"));
    expect(stem("won")).toBe(stem("win"));
    // "left" is more often a side than a leaving: not folded into "leave".
    expect(stem("left")).not.toBe(stem("leave"));
  });
  it("leaves numbers and short words alone", () => {
    expect(stem("2018")).toBe("2018");
    expect(stem("vpn")).toBe("vpn");
  });
});
