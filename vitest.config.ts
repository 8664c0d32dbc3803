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
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/**/*.e2e.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["test/**/*.e2e.test.ts"] } },
    ],
  },
});
