/**
 * CPU per update for the worst updates that fit Telegram's limits, through the whole bot (JSON.parse of the webhook
 * body included): a 4,096-character group message made of the bot's own @mentions, and an 890 KB group update with
 * 2,500 `mention` entities of the bot itself (a forged webhook request with the secret known). Prints the median and worst CPU time over
 * `--runs` (default 50).
 *
 *   npx tsx bench/update.ts [--runs 50]
 */
import { parseArgs } from "node:util";
import { BOT_INFO, groupUpdate, harness } from "../test/fakes/telegram-harness.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(values.runs);

function mentionsOnly(): string {
  const handle = `@${BOT_INFO.username}`;
  let text = "";
  const entities: { type: "mention"; offset: number; length: number }[] = [];
  while (text.length + handle.length + 1 <= 4096 - 20) {
    entities.push({ type: "mention", offset: text.length, length: handle.length });
    text += `${handle} `;
  }
  return JSON.stringify(groupUpdate(`${text}who banned telegram?`, entities));
}

function huge(): string {
  const filler = "x".repeat(350);
  let text = "";
  const entities: { type: "mention"; offset: number; length: number }[] = [];
  for (let i = 0; i < 2500; i++) {
    const handle = `@${BOT_INFO.username}`;
    entities.push({ type: "mention", offset: text.length, length: handle.length });
    text += `${handle} ${filler} `;
  }
  return JSON.stringify(groupUpdate(`${text}who banned telegram?`, entities));
}

async function measure(name: string, body: string): Promise<void> {
  const h = harness({ flood: { limit: 1e9, timeFrameMs: 1000 } });
  const cpu: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const start = process.cpuUsage();
    await h.bot.handleUpdate(JSON.parse(body));
    const used = process.cpuUsage(start);
    if (i >= 5) cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(
    `${name} (${(Buffer.byteLength(body) / 1024).toFixed(0)} KB): CPU median ${cpu[cpu.length >> 1]!.toFixed(2)} ms, worst ${cpu.at(-1)!.toFixed(2)} ms over ${runs}; replies ${h.sent().length}`,
  );
}

await measure("4,096 characters of the bot's own mentions", mentionsOnly());
await measure("890 KB, 2,500 mentions of the bot", huge());
