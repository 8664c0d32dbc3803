// Lint rules that hold the design (docs: CONTRIBUTING.md). Style is Prettier's; eslint-config-prettier turns off
// every rule Prettier already decides.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

/** Layers a module may not import from, by folder (ARCHITECTURE.md: the core knows no platform, adapters know no other adapter). */
const zones = [
  {
    target: "./src/core",
    from: [
      "./src/adapters",
      "./src/ops",
      "./src/commands",
      "./src/render",
      "./src/conversation",
      "./src/import",
      "./src/cli",
    ],
    message: "the core imports nothing outside src/core",
  },
  {
    target: "./src/adapters/telegram",
    from: ["./src/adapters/discord", "./src/adapters/console"],
    message: "adapters never import each other",
  },
  {
    target: "./src/adapters/discord",
    from: ["./src/adapters/telegram", "./src/adapters/console"],
    message: "adapters never import each other",
  },
  {
    target: "./src/adapters/console",
    from: ["./src/adapters/telegram", "./src/adapters/discord"],
    message: "adapters never import each other",
  },
  {
    target: "./src/import",
    from: ["./src/adapters", "./src/ops", "./src/commands", "./src/render", "./src/conversation"],
    message: "import is a pipeline beside the core: it produces a knowledge file and uses only the core's loader",
  },
  {
    target: ["./src/!(core)/**/*", "./src/*.ts"],
    from: "./src/core",
    except: ["./index.ts"],
    message: "outside src/core, import the core through its one public entry, src/core/index.ts",
  },
  {
    target: ["./src/conversation", "./src/commands", "./src/render"],
    from: ["./src/adapters", "./src/ops"],
    message: "conversation, commands and render are platform-free",
  },
];

/** The per-question path builds plain literals: a leading spread is promoted on Node 20 (DESIGN.md, "Garbage"). */
const noLeadingSpread = {
  selector: "ObjectExpression > SpreadElement:first-child",
  message: "per-question code builds literals field by field, not by leading object spread (DESIGN.md)",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.generated.ts", ".*", ".*/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "import-x": importX },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones }],
      "no-restricted-imports": "off",
      // TypeScript checks names in .ts files; the few .js files are small Node scripts.
      "no-undef": "off",
    },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver()],
      "import-x/extensions": [".ts", ".js"],
    },
  },
  {
    files: ["src/core/**", "src/render/**", "src/commands/**", "src/conversation/**", "src/adapters/**"],
    // Client and shard set-up runs once per process, not per question.
    ignores: ["src/adapters/telegram/bot.ts", "src/adapters/discord/client.ts", "src/adapters/discord/sharding.ts"],
    rules: { "no-restricted-syntax": ["error", noLeadingSpread] },
  },
  {
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ["grammy", "discord.js", "pino"], patterns: ["@grammyjs/*", "@discordjs/*"] },
      ],
    },
  },
  {
    files: ["test/**", "bench/**", "eval/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
  prettier,
);
