import { Events, type Client, type Interaction, type Message } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordClient } from "../../../src/adapters/discord/client.js";
import { startFakeDiscord, type FakeDiscord } from "../../fakes/discord.js";

/**
 * Privacy and months of uptime: discord.js caches every user and guild member it meets unless told otherwise. The
 * client briefbot makes keeps only the bot itself. Driven through the real gateway against the fake.
 */
let fake: FakeDiscord;
let client: Client;

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = createDiscordClient({ apiUrl: fake.apiUrl, restRetries: 0 });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

function next<E extends Events.InteractionCreate | Events.MessageCreate>(
  event: E,
): Promise<E extends Events.InteractionCreate ? Interaction : Message> {
  return new Promise((resolve) => client.once(event as never, resolve as never));
}

describe("the Discord client's caches", () => {
  it("keeps the bot's own user", () => {
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.users.cache.get(fake.botUser.id)).toBe(client.user);
  });

  it("keeps no user or member who asked: a guild /ask, a DM /ask, a mention and a DM message", async () => {
    const guild = client.guilds.cache.get(fake.guildId)!;
    expect(guild).toBeDefined();

    const slash = next(Events.InteractionCreate);
    fake.sendCommand("ask", { question: "How many Iranians used Telegram?" });
    const i = await slash;
    // discord.js built the asker from the event (so a handler has it), and let it go.
    expect(i.user.id).toBe(fake.user.id);
    expect(i.member).not.toBeNull();

    const dmSlash = next(Events.InteractionCreate);
    fake.sendCommand("ask", { question: "Who is Rouhani?" }, { dm: true });
    expect((await dmSlash).user.id).toBe(fake.user.id);

    const mention = next(Events.MessageCreate);
    fake.sendMessage({ content: "who reported the story?", mentionBot: true });
    expect((await mention).author.id).toBe(fake.user.id);

    const dm = next(Events.MessageCreate);
    fake.sendMessage({ content: "who reported the story?", dm: true });
    expect((await dm).author.id).toBe(fake.user.id);

    expect(client.users.cache.has(fake.user.id)).toBe(false);
    expect(guild.members.cache.has(fake.user.id)).toBe(false);
    expect([...client.users.cache.keys()]).toEqual([fake.botUser.id]);
  });
});
