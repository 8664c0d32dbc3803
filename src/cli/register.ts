import dotenv from "dotenv";
import { loadConfig } from "../config.js";

/**
 * `briefbot register`: registers the Discord slash commands from the shared definitions, to DISCORD_GUILD_ID when
 * set (instant, for development), otherwise globally; never both. Prints what it did. Returns the exit code.
 */
export async function runRegister(out = process.stdout, err = process.stderr): Promise<number> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    err.write("register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment)\n");
    return 2;
  }
  // Loaded only here, so the other commands never pay for discord.js.
  const { registerCommands } = await import("../adapters/discord/index.js");
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    ...(config.DISCORD_GUILD_ID && { guildId: config.DISCORD_GUILD_ID }),
    ...(config.DISCORD_API_URL && { apiUrl: config.DISCORD_API_URL }),
  });
  const where =
    result.scope === "guild"
      ? `guild ${result.guildId}`
      : "all guilds and DMs (global; may take up to an hour to show)";
  out.write(`registered ${result.count} commands (${result.names.map((n) => `/${n}`).join(", ")}) to ${where}\n`);
  return 0;
}
