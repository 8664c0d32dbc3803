import { describe, expect, it } from "vitest";
import { decodeAction, encodeAction } from "../../src/conversation/actions.js";
import { coreWithout, conversation } from "./helpers.js";
import { sharedCore } from "../support/runtime.js";

describe("buttons as data", () => {
  it("encodes every action in at most 64 bytes, even for a 63-character id, and reads it back", () => {
    const id = `a${"b".repeat(62)}`;
    for (const action of ["more", "related", "source", "pick"] as const) {
      const data = encodeAction({ action, entryId: id })!;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual({ action, entryId: id });
    }
    expect(encodeAction({ action: "more", entryId: "Bad Id!" })).toBeNull();
  });

  it("rejects forged or foreign data", () => {
    for (const data of [
      "",
      "*",
      "?jahromi-lost-propaganda-war",
      "*Jahromi",
      "*a b",
      `*${"a".repeat(64)}`,
      "bb:alt:x",
      "#../../etc",
      42,
      null,
      undefined,
      { action: "more" },
    ])
      expect(decodeAction(data), String(data)).toBeNull();
  });

  it("offers More from, Related and Source under an answer, and each press answers like the follow-up", () => {
    const { conv } = conversation();
    const r = conv.handle("k", "what did jahromi say about start-ups?");
    const kinds = r.actions.map((a) => a.action);
    expect(kinds).toEqual(["more", "related", "source"]);
    const more = conv.press("k", decodeAction(encodeAction(r.actions[0]!))!);
    expect(more.speaker?.id).toBe("jahromi");
    expect(more.answer!.id).not.toBe(r.answer!.id);
    const source = conv.press("k", { action: "source", entryId: r.answer!.id });
    expect(source.answer!.id).toBe(r.answer!.id);
    const related = conv.press("k", { action: "related", entryId: r.answer!.id });
    expect(related.mode).toBe("answer");
    expect([r.answer!.id, more.answer!.id]).not.toContain(related.answer!.id);
  });

  it("a press works on an empty memory (after a restart, on another replica): the button carries the entry", () => {
    const { conv } = conversation();
    const r = conv.press("fresh", { action: "more", entryId: "jahromi-lost-propaganda-war" });
    expect(r.mode).toBe("answer");
    expect(r.speaker?.id).toBe("jahromi");
    expect(r.answer!.id).not.toBe("jahromi-lost-propaganda-war");
  });

  it("replying to an answer continues from it, whatever the memory holds", () => {
    const { conv } = conversation();
    conv.handle("k", "what did the make-up artist say about instagram?");
    const r = conv.handle("k", "who said that?", { replyTo: "rouhani-opposite-to-democracy" });
    expect(r.answer!.id).toBe("rouhani-opposite-to-democracy");
    expect(r.speaker?.id).toBe("rouhani");
  });

  it("a stale button (its entry removed by a reload) is answered as out of date, never with another entry", () => {
    let core = sharedCore();
    const { conv } = conversation({ core: () => core });
    core = coreWithout(["jahromi-lost-propaganda-war"]);
    for (const action of ["more", "related", "source", "pick"] as const) {
      const r = conv.press("k", { action, entryId: "jahromi-lost-propaganda-war" });
      expect(r.mode).toBe("declined");
      expect(r.answer).toBeNull();
      expect(r.reply.type === "prompt" && r.reply.text).toMatch(/no longer/);
    }
  });
});

describe("hot reload", () => {
  it("a remembered entry removed by a reload is never shown; the follow-up says the answer is gone", () => {
    let core = sharedCore();
    const { conv } = conversation({ core: () => core });
    const r = conv.handle("k", "did iran lose the propaganda war?");
    expect(r.answer!.id).toBe("jahromi-lost-propaganda-war");
    core = coreWithout(["jahromi-lost-propaganda-war"]);
    const who = conv.handle("k", "who said that?");
    expect(who.mode).toBe("declined");
    expect(who.reply.type === "prompt" && who.reply.text).toMatch(/no longer have/);
    // The speaker is still known: "more from him" goes on with what the new knowledge has.
    const more = conv.handle("k", "more from him");
    expect(more.answer?.id).not.toBe("jahromi-lost-propaganda-war");
    // A replyTo naming a removed entry is ignored rather than trusted.
    expect(conv.handle("j", "who said that?", { replyTo: "jahromi-lost-propaganda-war" }).mode).toBe("declined");
  });
});
