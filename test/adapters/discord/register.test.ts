import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandPayloads, registerCommands } from "../../../src/adapters/discord/index.js";
import { commands } from "../../../src/commands/definitions.js";
import { startFakeDiscord, type FakeDiscord } from "../../fakes/discord.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

const commandRequests = () => fake.requests.filter((r) => /\/commands$/.test(r.path));

describe("commandPayloads", () => {
  it("builds one chat-input command per shared definition, options autocompleted where the core can complete", () => {
    const payloads = commandPayloads();
    expect(payloads.map((p) => p.name)).toEqual(commands.map((c) => c.name));
    for (const p of payloads) {
      expect(p.description.length).toBeGreaterThan(0);
      expect(p.description.length).toBeLessThanOrEqual(100);
      expect(p.contexts).toEqual([0, 1]);
    }
    const ask = payloads.find((p) => p.name === "ask")!;
    expect(ask.options).toEqual([
      expect.objectContaining({ type: 3, name: "question", required: true, autocomplete: true }),
    ]);
    const quote = payloads.find((p) => p.name === "quote")!;
    expect(quote.options).toEqual([expect.objectContaining({ name: "speaker", required: false, autocomplete: true })]);
    expect(payloads.find((p) => p.name === "help")!.options ?? []).toEqual([]);
  });
});

describe("registerCommands", () => {
  it("with a guild id: one PUT to the guild's commands, none global", async () => {
    const before = commandRequests().length;
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      apiUrl: fake.apiUrl,
      restRetries: 0,
    });
    const made = commandRequests().slice(before);
    expect(made.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    ]);
    expect(made[0]!.body).toEqual(commandPayloads());
    expect(made[0]!.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(result).toMatchObject({
      scope: "guild",
      guildId: fake.guildId,
      count: commands.length,
      names: commands.map((c) => c.name),
    });
  });

  it("without a guild id: one PUT to the global commands, none to a guild", async () => {
    const before = commandRequests().length;
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      restRetries: 0,
    });
    const made = commandRequests().slice(before);
    expect(made.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${fake.applicationId}/commands`]);
    expect(made[0]!.body).toEqual(commandPayloads());
    expect(result).toMatchObject({
      scope: "global",
      count: commands.length,
      route: `/applications/${fake.applicationId}/commands`,
    });
    expect(result.guildId).toBeUndefined();
  });

  it("a refused token rejects with Discord's 401", async () => {
    await expect(
      registerCommands({ token: "wrong", applicationId: fake.applicationId, apiUrl: fake.apiUrl, restRetries: 0 }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });
});
