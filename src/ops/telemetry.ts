import type { Logger } from "pino";
import type { AnswerEvent, Platform, Telemetry } from "../runtime.js";
import type { BotMetrics } from "./bot-metrics.js";
import type { UnansweredLog } from "./unanswered.js";

/**
 * The operations side of {@link Telemetry}: every handled command is counted in the metrics, and each declined
 * question goes to the unanswered log when one is configured. Never throws into an adapter.
 */
export function createTelemetry(metrics: BotMetrics, unanswered?: UnansweredLog, log?: Logger): Telemetry {
  return {
    answer(event: AnswerEvent, question: string | null): void {
      try {
        metrics.record(event, question !== null);
        if (unanswered && question !== null && !event.answered) unanswered.append(event.platform, question);
      } catch (err) {
        log?.warn({ err }, "telemetry failed");
      }
    },
    error(platform: Platform, where: string): void {
      try {
        metrics.error(platform, where);
      } catch (err) {
        log?.warn({ err }, "telemetry failed");
      }
    },
  };
}
