import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdapterState } from "../runtime.js";
import { PROMETHEUS_CONTENT_TYPE } from "./metrics.js";

export interface HealthSources {
  /** Each adapter that was started, with its state now. */
  adapters(): { name: string; state: AdapterState }[];
  /** The knowledge served now. */
  knowledge(): { entries: number; loadedAt: Date };
  /** The Prometheus text for `/metrics`. */
  metrics(): string;
}

/** A listening health server. */
export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** The `/healthz` body, and whether it is healthy: at least one adapter serving. */
export function healthReport(sources: HealthSources): { healthy: boolean; body: Record<string, unknown> } {
  const adapters = sources.adapters();
  const healthy = adapters.some((a) => a.state === "serving");
  const k = sources.knowledge();
  return {
    healthy,
    body: {
      status: healthy ? "ok" : "unavailable",
      adapters: Object.fromEntries(adapters.map((a) => [a.name, a.state])),
      knowledge: { entries: k.entries, loadedAt: k.loadedAt.toISOString() },
    },
  };
}

/**
 * Serves `GET /healthz` (200 with each adapter's state while any is serving, 503 when none is) and `GET /metrics`
 * (Prometheus text). Anything else is 404. Resolves once listening; port 0 picks a free one.
 */
export function startHealthServer(sources: HealthSources, port: number, host = "0.0.0.0"): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
      } else if (path === "/healthz") {
        const { healthy, body } = healthReport(sources);
        res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(body));
      } else if (path === "/metrics") {
        res.writeHead(200, { "content-type": PROMETHEUS_CONTENT_TYPE }).end(sources.metrics());
      } else {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found: try /healthz or /metrics\n");
      }
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
