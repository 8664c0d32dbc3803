/**
 * `npx briefbot unanswered` as a process: the bin reads the log it is given and prints its groups. The grouping itself
 * and the command's other answers are unit tests in test/ops/unanswered.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UnansweredLog } from "../../src/ops/unanswered.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("npx briefbot unanswered", () => {
  it("prints the groups, most asked first, from the file given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "briefbot-unanswered-"));
    dirs.push(dir);
    const path = join(dir, "sub", "unanswered.jsonl");
    const u = new UnansweredLog(path);
    for (const q of ["Is WhatsApp blocked?", "is whatsapp blocked", "Who owns Snapp?", "Is WhatsApp blocked?"])
      u.append("telegram", q);
    await u.close();
    const bin = new URL("../../bin/briefbot.js", import.meta.url).pathname;
    const out = execFileSync(process.execPath, [bin, "unanswered", path], { encoding: "utf8", cwd: dirname(path) });
    expect(out).toBe("3  Is WhatsApp blocked?\n1  Who owns Snapp?\n");
  });
});
