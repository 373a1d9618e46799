// One autocannon run: `connections` keep-alive connections, each sending its next request as soon
// as the previous one is answered, for `seconds`. Requests come from `nextRequest` so that every
// one can be unique (a new Slack event_id, a fresh signature), and `onAnswered` hears each answer.
import autocannon from "autocannon";

export interface LoadSettings {
  url: string;
  connections: number;
  seconds: number;
}

export interface BuiltRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Anything the caller wants back in onAnswered (e.g. which user sent it). */
  tag?: unknown;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** When the load started and stopped, as performance.now(). */
  startedAt: number;
  endedAt: number;
}

export async function runLoad(settings: LoadSettings, nextRequest: () => BuiltRequest, onAnswered: (tag: unknown, status: number) => void = () => {}): Promise<LoadFigures> {
  const startedAt = performance.now();
  const result = await autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: settings.seconds,
    method: "POST",
    requests: [
      {
        setupRequest: (request, context) => {
          const built = nextRequest();
          (context as { tag?: unknown }).tag = built.tag; // per connection, and one request at a time on it
          return { ...request, method: "POST", path: built.path, headers: built.headers, body: built.body };
        },
        onResponse: (status, _body, context) => onAnswered((context as { tag?: unknown }).tag, status),
      },
    ],
  });
  const endedAt = performance.now();
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    startedAt,
    endedAt,
  };
}
