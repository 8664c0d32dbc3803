import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (in-process, fast: `npm run test:unit` for the edit loop) and `e2e` (files named
 * `*.e2e.test.ts`: real processes, load, the Dockerfile replay, the package build). `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.e2e.test.ts"],
          // One module graph per worker instead of one per file: each file no longer re-imports discord.js, grammy,
          // zod, compromise and the core (half the suite's CPU). Safe while src/ keeps no module state but caches
          // of pure functions and tests restore what they change (process.env, servers, timers).
          isolate: false,
        },
      },
      { extends: true, test: { name: "e2e", include: ["test/**/*.e2e.test.ts"] } },
    ],
  },
});
