#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx briefbot …` works in a fresh clone with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
