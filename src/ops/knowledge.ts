import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "pino";
import { createCore, type Core } from "../core/core.js";
import { KnowledgeError, loadKnowledgeDir } from "../core/loader.js";

export interface KnowledgeHolderOptions {
  /** Quiet time after the last file event before reloading (default 200 ms): an editor's save is several events. */
  debounceMs?: number;
  /** Told about every reload attempt, for metrics. */
  onReload?: (ok: boolean, at: Date) => void;
}

/** How a knowledge error reads in a log line: where (file, line, field) and why. */
export function describeLoadError(err: unknown): Record<string, unknown> {
  if (err instanceof KnowledgeError) return { file: err.file, line: err.line, field: err.field || undefined, reason: err.reason, where: err.message };
  return { reason: err instanceof Error ? err.message : String(err) };
}

/**
 * Holds the knowledge being served as one {@link Core} and swaps it whole when the files change. A reload builds the
 * new core completely before the swap, so a question sees either the old knowledge or the new, never a mix; a reload
 * that fails (an invalid edit) is logged with file and line, and the last good knowledge keeps serving.
 */
export class KnowledgeHolder {
  private current: Core;
  private loaded: Date;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Loads `dir` once. Throws a {@link KnowledgeError} when the knowledge cannot be used: nothing to serve yet. */
  constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly options: KnowledgeHolderOptions = {},
  ) {
    this.current = createCore(loadKnowledgeDir(dir));
    this.loaded = new Date();
    options.onReload?.(true, this.loaded);
  }

  /** The knowledge served now. Read it per question and never keep it: it changes on reload. */
  core(): Core {
    return this.current;
  }

  /** When the knowledge served now was loaded. */
  loadedAt(): Date {
    return this.loaded;
  }

  /** Loads the folder again and swaps it in; on failure logs why and keeps the last good knowledge. True when swapped. */
  reload(reason = "manual"): boolean {
    const started = performance.now();
    let next: Core;
    try {
      next = createCore(loadKnowledgeDir(this.dir));
    } catch (err) {
      this.log.error({ trigger: reason, ...describeLoadError(err) }, "knowledge reload failed; still serving the last good knowledge");
      this.options.onReload?.(false, new Date());
      return false;
    }
    const previous = this.current.size;
    this.current = next;
    this.loaded = new Date();
    this.log.info({ trigger: reason, entries: next.size, previous, ms: Math.round(performance.now() - started) }, "knowledge reloaded");
    this.options.onReload?.(true, this.loaded);
    return true;
  }

  /** Watches the folder and reloads after each burst of changes (debounced). Idempotent. */
  watch(): void {
    if (this.watcher) return;
    const debounce = this.options.debounceMs ?? 200;
    this.watcher = watch(this.dir, { persistent: false }, (_event, file) => {
      // YAML files and the source texts they quote, and Kubernetes' `..data` symlink swap of a mounted ConfigMap;
      // editors' swap and backup files are ignored.
      if (file && !/\.(ya?ml|txt)$/i.test(String(file)) && !String(file).startsWith("..")) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload("file changed"), debounce);
      this.timer.unref();
    });
    this.watcher.on("error", (err) => {
      this.log.error({ dir: this.dir, reason: err.message }, "knowledge folder watch failed; use SIGHUP to reload");
      this.watcher?.close();
      this.watcher = undefined;
    });
  }

  /** Stops watching. */
  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
