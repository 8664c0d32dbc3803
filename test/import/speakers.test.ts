import { describe, expect, it } from "vitest";
import { namesAlternation, roleBefore } from "../../src/import/speakers.js";

describe("a speaker's names and the role set before them", () => {
  it("joins the capitalised forms of three letters or more, escaped", () => {
    expect(namesAlternation({ name: "Oddvar Lien", aliases: ["Lien", "Mr. Lien", "OL"] })).toBe(
      "Oddvar Lien|Lien|Mr\\. Lien",
    );
    expect(namesAlternation({ name: "the board", aliases: [] })).toBeNull();
  });

  it("reads the appositive noun phrase before a name, lower-cased at its start", () => {
    const s = { name: "Oddvar Lien", aliases: ["Lien"] };
    expect(roleBefore(s, "The head of the board, Oddvar Lien, said no.")).toBe("the head of the board");
    expect(roleBefore(s, "In the end, Lien, who chairs it, said no.")).toBeNull();
    expect(roleBefore(s, "Oddvar Lien said no.")).toBeNull();
  });
});
