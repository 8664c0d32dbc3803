/**
 * Sharding: discord.js's ShardingManager over src/adapters/discord/shard.ts, each shard a child process running
 * TypeScript through tsx, logging in to the fake Discord with its own shard id.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShardingManager } from "discord.js";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { SHARD_FILE, createShardingManager, shardCount } from "../../../src/adapters/discord/sharding.js";
import type { RunningAdapter } from "../../../src/runtime.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../../../src/paths.js";
import { sharedCore, testRuntime } from "../../support/runtime.js";
import { shardOf, startFakeDiscord, type FakeDiscord } from "../../fakes/discord.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ recommendedShards: 2 });
});
afterAll(async () => {
  await fake?.close();
});

describe("the manager path", () => {
  it("spawns the shard entry file through tsx, with the token kept out of the command line", () => {
    const options = { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl, shards: 3 as const };
    const tokenBefore = process.env.DISCORD_TOKEN;
    const manager = createShardingManager(options, 3) as ShardingManager & { mode: string; execArgv: string[] };
    // discord.js's constructor writes these into this process's environment; they must be put back.
    expect(process.env.SHARDING_MANAGER).toBeUndefined();
    expect(process.env.DISCORD_TOKEN).toBe(tokenBefore);
    expect(manager.file).toBe(SHARD_FILE);
    expect(existsSync(manager.file)).toBe(true);
    expect(manager.totalShards).toBe(3);
    expect(manager.mode).toBe("process");
    expect(manager.execArgv[0]).toBe("--import");
    expect(fileURLToPath(manager.execArgv[1]!)).toMatch(/node_modules[\\/]tsx[\\/]/);
    expect(existsSync(fileURLToPath(manager.execArgv[1]!))).toBe(true);
    expect(JSON.parse(manager.shardArgs[0]!)).toEqual({
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      env: { SHARDING_MANAGER_MODE: "process" },
    });
    expect(manager.shardArgs.join(" ")).not.toContain(fake.token);
  });

  it("`auto` asks GET /gateway/bot through the configured API root", async () => {
    const before = fake.requests.length;
    expect(
      await shardCount({
        token: fake.token,
        applicationId: fake.applicationId,
        apiUrl: fake.apiUrl,
        shards: "auto",
        restRetries: 0,
      }),
    ).toBe(2);
    expect(fake.requests.slice(before).map((r) => r.path)).toEqual(["/gateway/bot"]);
    expect(await shardCount({ token: fake.token, applicationId: fake.applicationId, shards: 4 })).toBe(4);
  });
});

describe("a sharded run against the fake", () => {
  let adapter: RunningAdapter | undefined;
  afterAll(async () => {
    await adapter?.stop();
  });

  it("starts two shard processes that each identify with their shard and answer, and stops them", async () => {
    const t = testRuntime(sharedCore());
    adapter = await startDiscord(t.runtime, {
      token: fake.token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      shards: "auto",
      restRetries: 0,
      spawnDelayMs: 0,
      shardEnv: { KNOWLEDGE_DIR: DEFAULT_KNOWLEDGE_DIR, LOG_LEVEL: "silent" },
    });
    expect(adapter.state()).toBe("serving");
    await fake.waitForShards(2);
    const shards = fake.sessions.filter((s) => s.identified).map((s) => s.shard);
    expect(shards).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );

    // A DM goes to shard 0, the guild's messages to the guild's shard: both answer.
    const dm = fake.sendMessage({ content: "How many Iranians used Telegram?", dm: true });
    expect((await fake.replyTo(dm, 20_000)).body.embeds[0].description).toContain("40 million");
    expect(shardOf(fake.guildId, 2)).toBeGreaterThanOrEqual(0);
    const inGuild = fake.sendMessage({ content: "who banned telegram?", mentionBot: true });
    expect((await fake.replyTo(inGuild, 20_000)).body.allowed_mentions.parse).toEqual([]);
    const declined = fake.sendMessage({ content: "What is photosynthesis?", dm: true });
    await fake.replyTo(declined, 20_000);

    // The shards' answers reach the main process's telemetry (metrics, unanswered log): only a declined question's text.
    const discordEvents = () => t.events.filter((e) => e.event.platform === "discord");
    for (let i = 0; i < 100 && discordEvents().length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    const seen = discordEvents();
    expect(seen.map((e) => e.event.answered).sort()).toEqual([false, true, true]);
    expect(seen.find((e) => e.event.answered)!.question).toBeNull();
    expect(seen.find((e) => !e.event.answered)!.question).toBe("What is photosynthesis?");

    await adapter.stop();
    expect(adapter.state()).toBe("stopped");
    const stopped = t.lines.filter((l) => l.msg === "discord shard stopped");
    expect(stopped.map((l) => [l.shard, l.code]).sort()).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(fake.sessions.every((s) => s.socket.readyState !== s.socket.OPEN)).toBe(true);
  }, 90_000);
});
