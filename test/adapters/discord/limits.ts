import { expect } from "vitest";

/**
 * Asserts that a message body the bot sent (a channel message, an interaction callback's `data`, a webhook edit)
 * is within Discord's limits: content, embeds (each part and 6,000 in all), components (labels, custom_id).
 */
export function expectWithinLimits(body: any): void {
  if (body.content !== undefined) expect(String(body.content).length).toBeLessThanOrEqual(2000);
  const embeds: any[] = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.footer?.text?.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0);
    total += (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  const rows: any[] = body.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      expect(b.label.length).toBeLessThanOrEqual(80);
      expect(b.custom_id.length).toBeLessThanOrEqual(100);
    }
  }
  expect(embeds.length > 0 || String(body.content ?? "").length > 0).toBe(true);
}

/** Every custom_id on a message body. */
export function customIds(body: any): string[] {
  return (body.components ?? []).flatMap((row: any) => row.components.map((b: any) => b.custom_id as string));
}
