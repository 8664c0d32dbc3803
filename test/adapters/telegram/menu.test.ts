import { describe, expect, it } from "vitest";
import { MENU_SCOPES, registerMenu } from "../../../src/adapters/telegram/menu.js";
import { commands } from "../../../src/commands/definitions.js";
import { harness } from "../../fakes/telegram-harness.js";

describe("telegram command menu (setMyCommands)", () => {
  it("registers the shared command list for private chats and for groups", async () => {
    const h = harness();
    await registerMenu(h.bot.api, h.rt.runtime.log);
    const calls = h.calls.filter((c) => c.method === "setMyCommands");
    expect(calls.map((c) => c.payload.scope)).toEqual([{ type: "all_private_chats" }, { type: "all_group_chats" }]);
    expect(MENU_SCOPES).toHaveLength(2);
    for (const c of calls) {
      expect(c.payload.commands).toEqual(commands.map((d) => ({ command: d.name, description: d.description })));
      for (const cmd of c.payload.commands as { command: string; description: string }[]) {
        expect(cmd.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(cmd.description.length).toBeGreaterThan(0);
        expect(cmd.description.length).toBeLessThanOrEqual(256);
      }
    }
  });

  it("a refused registration is logged and never thrown", async () => {
    const h = harness();
    h.fail("setMyCommands", 400, "Bad Request: bad scope");
    await expect(registerMenu(h.bot.api, h.rt.runtime.log)).resolves.toBeUndefined();
    const warnings = h.rt.lines.filter((l) => l.msg === "telegram command menu not registered");
    expect(warnings.map((w) => w.scope)).toEqual(["all_private_chats", "all_group_chats"]);
    expect(warnings[0]).toMatchObject({ err: { code: 400, method: "setMyCommands" } });
  });
});
