import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createCore, loadKnowledgeDir } from "./core/index.js";
import { DEFAULT_KNOWLEDGE_DIR } from "./paths.js";
import { runAsk } from "./cli/ask.js";
import { knowledgeCache } from "./ops/knowledge-cache.js";

const USAGE = `usage: briefbot <command> [options]

  start                     run the bot (Telegram/Discord when configured, else the console)
  ask [question] [--json]   answer one question; with no question, answer each stdin line as JSON
  chat [--json]             one conversation over stdin (follow-ups, small talk); an empty line starts a new one
  check [dir]               validate the knowledge files and print counts
  register                  register Discord slash commands (guild when DISCORD_GUILD_ID is set, else global)
  unanswered [file]         group the questions logged to UNANSWERED_LOG, most asked first
  import SOURCE [--id ID] [--dir DIR] [--publisher NAME] [--dry-run] [--force]
                            turn an article (URL, .html, .txt/.md, - for stdin) into DIR/<id>.yaml + .txt, then review
  extract FILE_OR_URL... [--json]
                            print what import reads (title, byline, date, publisher, body text); writes nothing

  --help, -h                this text; --version, -v: briefbot's version

The knowledge folder is KNOWLEDGE_DIR, default the one shipped with briefbot.`;

/** The version in package.json (one folder up from src/cli.ts and from the compiled dist/cli.js alike). */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  // import has options of its own: parsed there (loaded on demand, it pulls in the HTML extraction).
  if (argv[0] === "import") {
    const { runImport } = await import("./cli/import.js");
    return runImport(argv.slice(1), process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR);
  }
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "v", default: false },
    },
  });
  if (values.version || positionals[0] === "version") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  const dir = process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR;
  // ask and chat start from the knowledge cache; check always validates every file.
  const load = () => loadKnowledgeDir(dir, { cache: knowledgeCache(dir, process.env.KNOWLEDGE_CACHE?.trim()) });
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case "ask": {
      const core = createCore(load());
      await runAsk(core, rest.length ? rest.join(" ") : null, values.json);
      return 0;
    }
    // The other commands load on demand: `ask`, the one timed at start-up, reads none of their modules.
    case "chat": {
      const { runChat } = await import("./cli/chat.js");
      await runChat(createCore(load()), values.json);
      return 0;
    }
    case "check":
      return (await import("./cli/check.js")).runCheck(rest[0] ?? dir);
    case "register":
      return (await import("./cli/register.js")).runRegister();
    case "unanswered":
      return (await import("./cli/unanswered.js")).runUnanswered(rest[0]);
    case "extract": {
      const { runExtract } = await import("./cli/extract.js");
      return runExtract(rest, values.json);
    }
    case "start":
      await import("./main.js");
      return -1;
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`briefbot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
