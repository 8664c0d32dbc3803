import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { spawnMain, type Spawned } from "../../ops/spawn.js";
import { Emulator, until, type TestChat, type TestUser } from "../../fakes/telegram-test-api.js";

/**
 * `npm start` as a user runs it: src/main.ts in its own process, configured only by the environment, polling the
 * telegram-test-api emulator through TELEGRAM_API_ROOT, and stopped with SIGTERM.
 */
const TOKEN = "777000111:process-e2e-token-abcdefghijkl";
const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const user: TestUser = { id: 8101, is_bot: false, first_name: "Pat" };
const chat: TestChat = { id: 8101, type: "private", first_name: "Pat" };

let emu: Emulator | undefined;
let proc: Spawned | undefined;
afterEach(async () => {
  if (proc && proc.child.exitCode === null) proc.child.kill("SIGKILL");
  await emu?.stop();
  emu = proc = undefined;
});

describe("briefbot process on Telegram", () => {
  it("answers from the shipped knowledge, and on SIGTERM finishes the answer in flight and exits 0", async () => {
    emu = new Emulator();
    const apiRoot = await emu.start();
    proc = spawnMain({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      KNOWLEDGE_DIR: KNOWLEDGE,
      LOG_LEVEL: "info",
    });
    const e = emu;
    expect(await until(() => e.calls.includes("getUpdates"), 20_000), proc.stderr()).toBe(true);

    await e.say(TOKEN, chat, user, "How many Iranians used Telegram?");
    expect(await until(() => e.botMessages(TOKEN, chat.id).length === 1, 10_000), proc.stderr()).toBe(true);
    const first = e.botMessages(TOKEN, chat.id)[0]!.message;
    expect(first.text).toContain("40 million");
    expect(first.text).toContain("NBC News");

    e.hold();
    await e.say(TOKEN, chat, user, "Who banned Telegram?");
    expect(await until(() => e.held === 1, 10_000)).toBe(true);
    proc.child.kill("SIGTERM");
    // The process cannot exit while its answer is held; release it once the signal has had time to arrive.
    expect(await until(() => proc!.child.exitCode !== null, 1_000)).toBe(false);
    e.release();
    const exit = await proc.exit;
    expect(exit, proc.stderr()).toEqual({ code: 0, signal: null });
    expect(e.botMessages(TOKEN, chat.id)).toHaveLength(2);
    expect(proc.stderr()).not.toContain(TOKEN.split(":")[1]!);
    expect(proc.stderr()).not.toContain("Iranians");
  });
});
