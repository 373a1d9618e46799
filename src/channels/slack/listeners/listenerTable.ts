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
    for (const [kind, registered] of this.handlers) {
      if (registered.length === 0) continue;
      const pattern = anyOf(registered.map((entry) => entry.id));
      const dispatch: Middleware<AnyMiddlewareArgs> = async (args) => {
        const id = idOf[kind](args as unknown as Record<string, unknown>);
        if (typeof id !== "string") return;
        // Bolt runs every listener that matches; ids here are distinct, but the same holds.
        await Promise.all(registered.filter((entry) => matches(entry.id, id)).map((entry) => entry.handler(args)));
      };
      (this.app[kind] as (pattern: RegExp, listener: Middleware<AnyMiddlewareArgs>) => void).call(this.app, pattern, dispatch);
    }
  }

  private add(kind: ListenerKind, id: unknown, rest: unknown[]): void {
    const [handler, ...more] = rest;
    // Bolt's form with listener middleware before the handler would lose that middleware here.
    // A pattern's flags would be lost in the combined pattern Bolt is given.
    const plain = typeof id === "string" || (id instanceof RegExp && id.flags === "");
    if (!plain || typeof handler !== "function" || more.length > 0) {
      throw new Error(`a Slack ${kind} listener is registered here with one id (a string or a pattern without flags) and one handler`);
    }
    if (typeof id === "string") this.noted(kind, id);
    this.handlers.get(kind)!.push({ id, handler: handler as Handler });
  }
}

function matches(id: string | RegExp, actual: string): boolean {
  return typeof id === "string" ? id === actual : id.test(actual);
}

/** A pattern that matches whatever one of the ids matches, for Bolt's own filter before ours. */
function anyOf(ids: (string | RegExp)[]): RegExp {
  const alternatives = ids.map((id) => (typeof id === "string" ? `^${id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$` : `(?:${id.source})`));
  return new RegExp(alternatives.join("|"));
}
