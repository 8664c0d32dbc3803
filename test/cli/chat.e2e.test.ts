import { spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startConsole } from "../../src/adapters/console/index.js";
import { testRuntime } from "../support/runtime.js";

const root = join(import.meta.dirname, "../..");
const chat = (input: string, args = ["--json"]) =>
  spawnSync("npx", ["tsx", "src/cli.ts", "chat", ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000 });

describe("briefbot chat --json (the testing contract)", () => {
  it("prints one JSON line per turn with the contract's fields; an empty line starts a new conversation", () => {
    const r = chat(
      "hello\nwhat did jahromi say about start-ups?\nwho said that?\n\nwho said that?\nwhen was telegram banned?\nand whatsapp?\n",
    );
    expect(r.status).toBe(0);
    const turns = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(turns).toHaveLength(6);
    for (const t of turns) {
      expect(Object.keys(t).sort()).toEqual([
        "alternatives",
        "answered",
        "id",
        "kind",
        "mode",
        "question",
        "score",
        "source",
        "speaker",
        "text",
      ]);
      expect(["answer", "chitchat", "clarify", "declined", "help"]).toContain(t.mode);
      expect(t.answered).toBe(t.mode === "answer");
    }
    expect(turns[0]).toMatchObject({ question: "hello", mode: "chitchat", id: null, speaker: null, source: null });
    expect(turns[1]).toMatchObject({
      mode: "answer",
      kind: "quote",
      speaker: { id: "jahromi", name: "Mohammad Javad Azari Jahromi", role: "Iran's communications minister" },
    });
    expect(turns[1].source).toMatchObject({ publisher: "NBC News" });
    expect(turns[2]).toMatchObject({ mode: "answer", id: turns[1].id });
    // After the empty line the memory is gone: "who said that?" has nothing to refer to.
    expect(turns[3]).toMatchObject({ mode: "declined", answered: false, id: null });
    expect(turns[4].text).toContain("April 2018");
    expect(turns[5]).toMatchObject({ mode: "declined", answered: false });
  });

  it("ask --json stays stateless and gains mode and speaker", () => {
    const r = spawnSync("npx", ["tsx", "src/cli.ts", "ask", "--json"], {
      cwd: root,
      input: "thanks!\nwhat did jahromi say about start-ups?\nwho said that?\n",
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const [thanks, quote, who] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(thanks).toMatchObject({ mode: "chitchat", answered: false, speaker: null });
    expect(quote).toMatchObject({ mode: "answer", answered: true, speaker: { id: "jahromi" } });
    expect(who).toMatchObject({ mode: "declined", answered: false });
  });
});

describe("console session", () => {
  async function session(input: string) {
    const { runtime, lines } = testRuntime();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (d) => (out += String(d)));
    const adapter = startConsole(runtime, { input: stdin, output: stdout, interactive: false });
    stdin.end(input);
    await adapter.finished;
    return { out, lines };
  }

  it("piped lines continue one conversation; /forget ends it", async () => {
    const { out, lines } = await session(
      "what did jahromi say about start-ups?\nwho is he?\n/forget\nwho said that?\ngood bot\n",
    );
    const blocks = out.trim().split("\n");
    expect(out).toContain("start-ups focusing on e-payment");
    expect(out).toMatch(/is Iran's communications minister|communications minister/);
    expect(out).toContain("forgotten");
    expect(out).toMatch(/Who do you mean\?/);
    expect(blocks.at(-1)).not.toContain("Source:");
    // Logged as before: one line per command run, no question text.
    expect(JSON.stringify(lines)).not.toContain("start-ups");
  });
});
