// The Bot Framework SDK builds two HTTP clients for every activity it runs: a connector client (to
// reply) and a user-token client (for sign-in cards, which this bot does not use), each an HTTP
// pipeline of a dozen policies with its own credentials. A tenant talks to one or two connector
// addresses, so each client is built once per identity and address and then reused, as the SDK's
// older adapter did; the credentials inside fetch and renew their own tokens. Each client sends
// activities as they are (activitiesAsWritten).
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type Authentication = ConfigurationBotFrameworkAuthentication;
type Identity = Parameters<Authentication["createConnectorFactory"]>[0];
type ConnectorFactory = ReturnType<Authentication["createConnectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type UserTokenClient = Awaited<ReturnType<Authentication["createUserTokenClient"]>>;

export class ReusingClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorFactories = new Map<string, ConnectorFactory>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  override createConnectorFactory(identity: Identity): ConnectorFactory {
    const key = identityKey(identity);
    let factory = this.connectorFactories.get(key);
    if (!factory) {
      factory = reusingClients(super.createConnectorFactory(identity));
      this.connectorFactories.set(key, factory);
    }
    return factory;
  }

  override createUserTokenClient(identity: Identity): Promise<UserTokenClient> {
    return remembered(this.userTokenClients, identityKey(identity), () => super.createUserTokenClient(identity));
  }
}

/** A connector factory whose clients are built once per connector address and audience. */
function reusingClients(factory: ConnectorFactory): ConnectorFactory {
  const clients = new Map<string, Promise<ConnectorClient>>();
  return {
    create: (serviceUrl: string, audience?: string) => remembered(clients, `${serviceUrl} ${audience ?? ""}`, async () => activitiesAsWritten(await factory.create(serviceUrl, audience))),
  };
}

/** The promise made once per key; one that fails (credentials not available, say) is made again next time. */
function remembered<T>(promises: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let promise = promises.get(key);
  if (!promise) {
    promise = make();
    promises.set(key, promise);
    promise.catch(() => promises.delete(key));
  }
  return promise;
}

/** Two identities with the same claims (the bot's own, for every stored activity) share their clients. */
function identityKey(identity: Identity): string {
  return identity.claims
    .map((claim) => `${claim.type}=${claim.value}`)
    .sort()
    .join("&");
}

/** What the SDK's clients take for each call: the arguments, and how to send them (the request body's model among it). */
interface OperationSpec {
  requestBody?: { parameterPath?: unknown; mapper?: { type?: { name?: string; className?: string } } };
}
type SendOperation = (operationArguments: unknown, operationSpec: OperationSpec, ...rest: unknown[]) => Promise<unknown>;

/**
 * Every reply passes an activity through the SDK's model mappers, which copy it property by property
 * (20–70 µs of a Teams step in CPU profiles). The activities this bot writes are already in their wire
 * shape: the Activity model and every model inside it name each property as the wire does and none is
 * read-only, and the activities hold only properties the models know (teamsConversations.test.ts
 * checks every activity sent against the mappers). So an activity is sent as JSON as written;
 * everything else about the call (address, headers, token, retries, the answer and its errors) stays
 * the SDK's.
 */
export function activitiesAsWritten<Client>(client: Client): Client {
  const sender = client as unknown as { sendOperationRequest: SendOperation };
  const send = sender.sendOperationRequest.bind(sender);
  sender.sendOperationRequest = (operationArguments, operationSpec, ...rest) => send(operationArguments, sentAsWritten(operationSpec), ...rest);
  return client;
}

const asWrittenSpecs = new WeakMap<OperationSpec, OperationSpec>();

/** The same call with an activity body taken as plain JSON (the mappers' "Object" type, which they pass through). */
function sentAsWritten(operationSpec: OperationSpec): OperationSpec {
  const body = operationSpec.requestBody;
  if (body?.mapper?.type?.name !== "Composite" || body.mapper.type.className !== "Activity") return operationSpec;
  let asWritten = asWrittenSpecs.get(operationSpec);
  if (!asWritten) {
    asWritten = { ...operationSpec, requestBody: { ...body, mapper: { ...body.mapper, type: { name: "Object" } } } };
    asWrittenSpecs.set(operationSpec, asWritten);
  }
  return asWritten;
}
