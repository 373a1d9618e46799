// The one HTTP server: health now; /slack/events, /api/messages and /chat mount here.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express, type Request, type Response, type NextFunction } from "express";
import type { Logger } from "../logging/logger.js";

export interface HealthReport {
  healthy: boolean;
  details: Record<string, unknown>;
}

export interface HttpAppOptions {
  logger: Logger;
  health: () => Promise<HealthReport>;
  /** Later surfaces (Slack, Teams, local chat) add their routes here. */
  mount?: (app: Express) => void;
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", async (_req, res) => {
    const report = await options.health();
    res.status(report.healthy ? 200 : 503).json({ status: report.healthy ? "ok" : "unavailable", ...report.details });
  });
  options.mount?.(app);
  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Body parsers mark what the client got wrong (bad JSON, too large) with a 4xx status.
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: "The request could not be read." });
      return;
    }
    options.logger.error({ err: error, path: req.path }, "request failed");
    if (!res.headersSent) res.status(500).json({ error: "internal error" });
  });
  return app;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

export async function listen(app: Express, port: number, host: string): Promise<RunningHttpServer> {
  const server = http.createServer(app);
  // Idle keep-alive connections are kept longer than clients (and proxies) keep them: a server that
  // closes first can close a socket just as a client reuses it, and that request fails with ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const stopping = closeEachConnectionOnceStopping(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopping.begin();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

/**
 * `server.close()` waits for every open connection, and closes only those idle at that moment. A
 * request still being answered would leave its connection open for the whole keep-alive timeout
 * (65 s) after its answer, holding the service's stop that long. Once stopping, an answer not yet
 * sent says `Connection: close`, and one already under way has its connection closed when it ends.
 */
function closeEachConnectionOnceStopping(server: http.Server): { begin(): void } {
  const answering = new Set<http.ServerResponse>();
  let stopping = false;
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (stopping) res.shouldKeepAlive = false;
    answering.add(res);
    res.once("close", () => answering.delete(res));
    res.once("finish", () => {
      answering.delete(res);
      // After this tick Node has marked the connection idle, so it can be closed.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    begin() {
      stopping = true;
      for (const res of answering) if (!res.headersSent) res.shouldKeepAlive = false;
    },
  };
}
