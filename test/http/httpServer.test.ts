// Stopping the service must not wait on a browser's or a platform's keep-alive connection: a request
// still being answered when the stop begins used to hold it for the full 65-second keep-alive timeout.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp, listen, type RunningHttpServer } from "../../src/http/httpServer.js";
import { createLogger } from "../../src/logging/logger.js";

/** A route that answers only when released, and says when it has started answering. */
function heldRoute(writeHeadFirst: boolean) {
  let entered!: () => void;
  let release!: () => void;
  const started = new Promise<void>((resolve) => (entered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const app = createHttpApp({
    logger: createLogger("silent"),
    health: async () => ({ healthy: true, details: {} }),
    mount: (express) =>
      express.get("/held", async (_req, res) => {
        if (writeHeadFirst) res.writeHead(200, { "content-type": "text/plain" }).write("part ");
        entered();
        await released;
        res.end("answered");
      }),
  });
  return { app, started, release };
}

/** A keep-alive request, as browsers, Bolt and the Bot Framework connector make them. */
function keepAliveGet(url: string, agent: http.Agent) {
  return new Promise<{ body: string; connection: string | undefined; socketClosed: Promise<void> }>((resolve, reject) => {
    http
      .get(`${url}/held`, { agent }, (res) => {
        const socketClosed = new Promise<void>((closed) => res.socket.once("close", () => closed()));
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ body, connection: res.headers.connection, socketClosed }));
      })
      .on("error", reject);
  });
}

describe("stopping the HTTP server", () => {
  let server: RunningHttpServer | undefined;
  const agent = new http.Agent({ keepAlive: true });
  afterEach(() => agent.destroy());

  it("answers a request under way, tells the client the connection closes, and stops", async () => {
    const route = heldRoute(false);
    server = await listen(route.app, 0, "127.0.0.1");
    const response = keepAliveGet(server.url, agent);
    await route.started;
    const stopped = server.close();
    route.release();
    const { body, connection, socketClosed } = await response;
    expect(body).toBe("answered");
    expect(connection).toBe("close");
    await socketClosed;
    await stopped;
  });

  it("closes the connection of an answer that had already begun when the stop came", async () => {
    const route = heldRoute(true);
    server = await listen(route.app, 0, "127.0.0.1");
    const response = keepAliveGet(server.url, agent);
    await route.started;
    const stopped = server.close();
    route.release();
    const { body, socketClosed } = await response;
    expect(body).toBe("part answered");
    // The client kept its socket for reuse: only the server closing it ends it.
    await socketClosed;
    await stopped;
  });
});
