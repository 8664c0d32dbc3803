#!/usr/bin/env node
// The `briefbot` command: runs the compiled CLI (dist/cli.js; `npm run build` makes it, and `npm ci` runs the build).
// In a checkout whose dist/ is missing or older than src/ (an edit not built yet), it runs the TypeScript source
// through tsx, a dev dependency, instead: what runs is always what the source says.
import { distState } from "./fresh.js";

if (distState() === "fresh") {
  await import("../dist/cli.js");
} else {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write("briefbot: dist/ is missing or out of date and tsx is not installed: run `npm run build`\n");
    process.exit(1);
  }
  register();
  await import("../src/cli.ts");
}
