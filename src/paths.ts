import { fileURLToPath } from "node:url";

/** The knowledge folder shipped with briefbot, whatever the working directory. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge", import.meta.url));
