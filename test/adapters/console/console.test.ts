import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { startConsole } from "../../../src/adapters/console/index.js";
import { testRuntime } from "../../support/runtime.js";

async function session(input: string, interactive = false) {
  const { runtime, lines } = testRuntime();
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d) => (out += String(d)));
  const adapter = startConsole(runtime, { input: stdin, output: stdout, interactive });
  stdin.end(input);
  await adapter.finished;
  return { out, lines, adapter };
}

describe("console adapter", () => {
  it("answers each stdin line with attribution, skips blanks, ends at end of input", async () => {
    const { out, adapter } = await session("How many Iranians used Telegram?\n\nWho painted the Mona Lisa?\n");
    expect(out).toContain("40 million");
    expect(out).toContain("Source: NBC News");
    expect(out).toContain("I don't know that");
    expect(adapter.state()).toBe("stopped");
  });
  it("runs /help, /quote, /fact, /sources and rejects unknown commands", async () => {
    const { out } = await session("/help\n/quote rohani\n/fact sanctions\n/sources\n/frobnicate\n");
    expect(out).toContain("/ask");
    expect(out).toMatch(/Quotes by Hassan Rouhani/);
    expect(out).toMatch(/Facts on sanctions/);
    expect(out).toMatch(/Sources:/);
    expect(out).toContain("Unknown command /frobnicate");
  });
  it("stops at /quit and ignores what follows", async () => {
    const { out } = await session("/quit\nHow many Iranians used Telegram?\n");
    expect(out).not.toContain("40 million");
  });
  it("greets and prompts in a terminal", async () => {
    const { out } = await session("vpn\n", true);
    expect(out).toContain("briefbot> ");
    expect(out).toMatch(/quotes and facts/);
  });
  it("logs one line per answer with no question text", async () => {
    const { lines } = await session("How many Iranians used Telegram?\n");
    const answer = lines.find((l) => l.msg === "answer")!;
    expect(answer).toMatchObject({ platform: "console", command: "ask", answered: true });
    expect(JSON.stringify(lines)).not.toContain("Iranians used");
  });
});
