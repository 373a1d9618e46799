// One Bolt listener per kind of request, each picking its handler by id. Bolt runs the middleware
// chain of every registered listener for every request, matching or not, so the twenty handlers
// this app has cost each DM twenty chains of promises; with one listener per kind it costs five.
// Measured with `npx tsx bench/chatSteps.ts --slack-only`: the listeners were a sixth of a DM's CPU.
// The listener files keep Bolt's own calls (`app.action(id, handler)`); the table stands in for
// the app while they register, notes each id for the manifest check, and hands Bolt the result.
import type { App, Middleware, AnyMiddlewareArgs } from "@slack/bolt";

/** The kinds of request a handler is registered for, and the catalogue each id is noted in. */
export type ListenerKind = "event" | "action" | "shortcut" | "view" | "command";

/** Typed by Bolt where it is registered; the table only passes Bolt's arguments on. */
type Handler = (args: unknown) => Promise<void>;

interface Registered {
  id: string | RegExp;
  handler: Handler;
}

/** Where each kind of request carries the id its handlers are registered under. */
const idOf: Record<ListenerKind, (args: Record<string, unknown>) => unknown> = {
  event: (args) => (args.event as { type?: unknown } | undefined)?.type,
  action: (args) => (args.action as { action_id?: unknown } | undefined)?.action_id,
  shortcut: (args) => (args.shortcut as { callback_id?: unknown } | undefined)?.callback_id,
  view: (args) => (args.view as { callback_id?: unknown } | undefined)?.callback_id,
  command: (args) => (args.command as { command?: unknown } | undefined)?.command,
};

const kinds = Object.keys(idOf) as ListenerKind[];

export class ListenerTable {
  private readonly handlers = new Map<ListenerKind, Registered[]>(kinds.map((kind) => [kind, []]));
  private listening = false;

  constructor(
    private readonly app: App,
    /** Called with each id given as a string (a pattern names no single id). */
    private readonly noted: (kind: ListenerKind, id: string) => void = () => {},
  ) {}

  /** The app as the listener files see it: `event`, `action`, `shortcut`, `view` and `command` land in the table. */
  get registering(): App {
    return new Proxy(this.app, {
      get: (target, property, receiver) => {
        if (typeof property === "string" && kinds.includes(property as ListenerKind)) return (id: unknown, ...rest: unknown[]) => this.add(property as ListenerKind, id, rest);
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Gives Bolt one listener per kind that has handlers. Call once, after every file has registered. */
  listen(): void {
    this.listening = true;
    for (const [kind, registered] of this.handlers) {
      if (registered.length === 0) continue;
      const dispatch: Middleware<AnyMiddlewareArgs> = async (args) => {
        const id = idOf[kind](args as unknown as Record<string, unknown>);
        if (typeof id !== "string") return;
        // As Bolt does: every handler that matches runs to its end, and a failure reaches app.error.
        const outcomes = await Promise.allSettled(registered.filter((entry) => matches(entry.id, id)).map((entry) => entry.handler(args)));
        const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
        if (failed) throw failed.reason;
      };
      // Bolt is asked for every request of the kind (an empty pattern matches any id): the table picks.
      (this.app[kind] as (pattern: RegExp, listener: Middleware<AnyMiddlewareArgs>) => void).call(this.app, /(?:)/, dispatch);
    }
  }

  private add(kind: ListenerKind, id: unknown, rest: unknown[]): void {
    if (this.listening) throw new Error(`a Slack ${kind} listener is registered after the app began listening, so it would never be heard`);
    const [handler, ...more] = rest;
    // Bolt's form with listener middleware before the handler would lose that middleware here.
    // A pattern keeps its own state with the global or sticky flag, and would match every other time.
    const plain = typeof id === "string" || (id instanceof RegExp && !id.global && !id.sticky);
    if (!plain || typeof handler !== "function" || more.length > 0) {
      throw new Error(`a Slack ${kind} listener is registered here with one id (a string or a pattern without the g or y flag) and one handler`);
    }
    if (typeof id === "string") this.noted(kind, id);
    this.handlers.get(kind)!.push({ id, handler: handler as Handler });
  }
}

function matches(id: string | RegExp, actual: string): boolean {
  return typeof id === "string" ? id === actual : id.test(actual);
}
