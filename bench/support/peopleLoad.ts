// Load from a bounded set of people, as in a real workspace: `connections` keep-alive connections
// carry their messages, and each person sends their next message only once the bot has answered
// the previous one. When every person is waiting for a reply the connections wait too, instead of
// inventing new people: the backlog a service can build up is bounded by the size of the
// organisation, and throughput is what the service answers, not what it merely acknowledges.
import http from "node:http";
import type { BuiltRequest, LoadFigures } from "./httpLoad.js";
import type { ChatUser, StepTracker } from "./conversationSteps.js";
import { percentile } from "./statistics.js";

export interface PeopleLoadSettings {
  url: string;
  connections: number;
  seconds: number;
  /** Only first messages, from everyone in the pool who has not written yet; ends when all have. */
  introductions?: boolean;
}

export async function runPeopleLoad(settings: PeopleLoadSettings, tracker: StepTracker, build: (user: ChatUser) => BuiltRequest): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.connections });
  const ackTimes: number[] = [];
  const outcome = { non2xx: 0, errors: 0 };
  const startedAt = performance.now();
  const endsAt = startedAt + settings.seconds * 1000;
  const stop = setTimeout(() => tracker.stopWaiting(), settings.seconds * 1000);
  const connection = async () => {
    for (;;) {
      const user = settings.introductions ? tracker.nextNewcomer() : await tracker.nextSenderWhenReady();
      if (!user) return;
      if (performance.now() >= endsAt) return tracker.notSent(user);
      const request = build(user);
      tracker.sent(user);
      const sentAt = performance.now();
      const status = await post(agent, settings.url, request).catch(() => 0);
      ackTimes.push(performance.now() - sentAt);
      if (status === 0) outcome.errors++;
      else if (status < 200 || status >= 300) outcome.non2xx++;
      tracker.acknowledged(user, status);
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.connections }, connection));
  } finally {
    clearTimeout(stop);
    tracker.resumeWaiting();
    agent.destroy();
  }
  const endedAt = performance.now();
  return {
    requestsPerSecond: ackTimes.length / ((endedAt - startedAt) / 1000),
    p50Ms: percentile(ackTimes, 0.5),
    p99Ms: percentile(ackTimes, 0.99),
    non2xx: outcome.non2xx,
    errors: outcome.errors,
    startedAt,
    endedAt,
  };
}

/** One POST on a pooled keep-alive socket; resolves with the HTTP status once the answer is read. */
function post(agent: http.Agent, baseUrl: string, request: BuiltRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = http.request(new URL(request.path, baseUrl), { method: "POST", agent, headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    sent.on("error", reject);
    sent.end(request.body);
  });
}
