import type { MessageEntity, Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { UPDATE_LIMITS, boundEntities, boundUpdate, groupQuestion } from "../../../src/adapters/telegram/addressing.js";
import { BOT_INFO, groupUpdate, harness } from "../../fakes/telegram-harness.js";

/**
 * Bounded work per update: whatever an update holds, briefbot examines at most a fixed number of entities and
 * characters. The work is counted (reads of the entity list and of each entity's type), not timed; bench/update.ts
 * times the same updates.
 */

/** Entities that count every read of an index of the list and of each entity's `type`. */
function counted(entities: MessageEntity[]) {
  const reads = { items: 0, types: 0 };
  const wrapped = entities.map(
    (e) =>
      new Proxy(e, {
        get(target, key, receiver) {
          if (key === "type") reads.types++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
  );
  const list = new Proxy(wrapped, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads.items++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads };
}

/** The attack of issue 13: about 890 KB of text in a group, 2,500 `mention` entities, the bot's own among them. */
function hugeGroupUpdate(botFirst: boolean): { update: Update; reads: { items: number; types: number } } {
  const filler = "x".repeat(350);
  const parts: string[] = [];
  const entities: MessageEntity[] = [];
  let text = "";
  for (let i = 0; i < 2500; i++) {
    const handle = i === 0 && botFirst ? "@brief_test_bot" : `@someone${i}`;
    entities.push({ type: "mention", offset: text.length, length: handle.length });
    parts.push(handle, " ", filler, " ");
    text += `${handle} ${filler} `;
  }
  const { list, reads } = counted(entities);
  const update = groupUpdate(`${text}who banned telegram?`, list);
  return { update, reads };
}

describe("bounded work per update", () => {
  it("cuts the text and reads at most the first entities of a huge update", () => {
    const { update, reads } = hugeGroupUpdate(true);
    expect(update.message!.text!.length).toBeGreaterThan(880_000);
    boundUpdate(update);
    expect(update.message!.text).toHaveLength(UPDATE_LIMITS.textChars);
    expect(update.message!.entities!.length).toBeLessThanOrEqual(UPDATE_LIMITS.entities);
    expect(reads.items).toBeLessThanOrEqual(UPDATE_LIMITS.entities + 1);
  });

  it("keeps only entities that start inside the kept text", () => {
    const entities: MessageEntity[] = [
      { type: "mention", offset: 0, length: 5 },
      { type: "mention", offset: 4095, length: 9 },
      { type: "mention", offset: 4096, length: 5 },
      { type: "mention", offset: 9000, length: 5 },
    ];
    expect(boundEntities(entities).map((e) => e.offset)).toEqual([0, 4095]);
  });

  it("cuts a forged button's data and inline query to Telegram's own limits", () => {
    const update = {
      update_id: 2,
      callback_query: {
        id: "c",
        from: { id: 1, is_bot: false, first_name: "A" },
        chat_instance: "i",
        data: `#${"a".repeat(100_000)}`,
      },
      inline_query: {
        id: "q",
        from: { id: 1, is_bot: false, first_name: "A" },
        query: "q".repeat(100_000),
        offset: "",
      },
    } as unknown as Update;
    boundUpdate(update);
    expect(update.callback_query!.data).toHaveLength(UPDATE_LIMITS.callbackData);
    expect(update.inline_query!.query).toHaveLength(UPDATE_LIMITS.inlineQuery);
  });

  it("the whole bot examines a bounded number of entities for the 2,500-mention update, and still answers", async () => {
    const h = harness();
    const { update, reads } = hugeGroupUpdate(true);
    await h.bot.handleUpdate(update);
    // Reads of the original list: the bound's own pass only. Reads of entity types: every pass of every handler over
    // the bounded list (grammY's command filters and the one addressing decision), so a small multiple of the bound,
    // where the unbounded update would cost at least two passes over 2,500.
    expect(reads.items).toBeLessThanOrEqual(UPDATE_LIMITS.entities + 1);
    expect(reads.types).toBeLessThanOrEqual(10 * UPDATE_LIMITS.entities);
    expect(h.sent()).toHaveLength(1);
  });

  it("stays silent, with the same bound, when the bot's mention is past the kept part", async () => {
    const h = harness();
    const { update, reads } = hugeGroupUpdate(false);
    update.message!.text += " @brief_test_bot";
    (update.message!.entities as MessageEntity[]).push({
      type: "mention",
      offset: update.message!.text!.length - 15,
      length: 15,
    });
    await h.bot.handleUpdate(update);
    expect(reads.items).toBeLessThanOrEqual(UPDATE_LIMITS.entities + 1);
    expect(h.sent()).toHaveLength(0);
  });

  it("removes every mention of the bot in one pass, overlapping or repeated", () => {
    const text = "@brief_test_bot who @brief_test_bot banned @brief_test_bot telegram";
    const at = (s: number) => ({ type: "mention" as const, offset: s, length: 15 });
    const entities = [at(0), at(20), at(20), at(43)];
    expect(groupQuestion({ text, entities }, BOT_INFO)).toBe("who banned telegram");
  });
});
