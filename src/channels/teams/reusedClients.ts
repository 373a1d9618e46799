// The Bot Framework SDK builds two HTTP clients for every activity it runs: a connector client (to
// reply) and a user-token client (for sign-in cards, which this bot does not use), each an HTTP
// pipeline of a dozen policies with its own credentials. A tenant talks to one or two connector
// addresses, so each client is built once per identity and address and then reused, as the SDK's
// older adapter did; the credentials inside fetch and renew their own tokens.
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
    create: (serviceUrl: string, audience?: string) => remembered(clients, `${serviceUrl} ${audience ?? ""}`, () => factory.create(serviceUrl, audience)),
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
