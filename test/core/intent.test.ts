import { describe, expect, it } from "vitest";
import { intentOf } from "../../src/core/intent.js";

describe("intentOf", () => {
  it.each([
    ["How many Iranians used Telegram?", "number"],
    ["by how much did users grow", "number"],
    ["When was Telegram banned?", "time"],
    ["so when did that happen", "time"],
    ["what year was the ban", "time"],
    ["What did the minister say when asked about the war?", null],
    ["Who banned Telegram?", "person"],
    ["Why did the regime want a domestic internet?", "reason"],
    ["telegram ban", null],
    ["What fraction of Iranians used Telegram?", "number"],
    ["which month was it banned", "time"],
    ["When will the network be finished?", "future"],
    ["What is the name of the coffee shop?", "name"],
    ["whats her instagram account name", "name"],
    ["Which groups criticised the apps? names pls", "name"],
  ])("%s → %s", (q, intent) => {
    expect(intentOf(q)).toBe(intent);
  });
});
