/**
 * Run by test/adapters/discord/rest-request.e2e.test.ts in its own process (its own V8 flags and heap): sends interaction
 * callbacks through discord.js's REST client to a local HTTP server answering 204, with briefbot's `makeRequest`
 * ("ours") or @discordjs/rest's default ("default"), and prints as one JSON line how much the old generation grew and
 * how many full collections ran meanwhile.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { REST } from "discord.js";
import { makeRequest } from "../../src/adapters/discord/rest-request.js";
import { countMajorGcs, oldGenBytes } from "./old-gen.js";

const strategy = process.argv[2] === "default" ? "default" : "ours";
const REQUESTS = Number(process.argv[3] ?? 6000);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(204).end());
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const rest = new REST({
  api: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  retries: 0,
  ...(strategy === "ours" && { makeRequest }),
});
const body = {
  type: 4,
  data: { embeds: [{ title: "A quote", description: "x".repeat(600) }], allowed_mentions: { parse: [] } },
};
let id = 10n ** 18n;
/** `n` callbacks, 8 at a time: a reply is in flight for well under a millisecond, as against a near Discord. */
async function send(n: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: 8 }, () =>
      rest.post(`/interactions/${++id}/token/callback`, { body, auth: false }),
    );
    ok += (await Promise.all(batch)).length;
  }
  return ok;
}
await send(2000); // warm-up: JIT, sockets

const majors = countMajorGcs();
const before = oldGenBytes();
const sent = await send(REQUESTS);
const grownMB = (oldGenBytes() - before) / 1048576;
console.log(JSON.stringify({ strategy, sent, grownMB, majors: await majors.stop() }));
server.close();
process.exit(0);
