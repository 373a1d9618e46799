// The local chat on an address other machines can reach: closed unless asked for with an access
// token, and then every API request needs that token. Over HTTP to the real service, as a browser
// or a script elsewhere on the network would call it.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import { startService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { createStore } from "../../src/store/store.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const token = "a0b1c2d3e4f5a6b7c8d9e0f1";

describe("the local chat on a non-loopback address", () => {
  let database: TestDatabase;
  let governanceId: string;
  beforeAll(async () => {
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    governanceId = demo.personIds.get("amara")!;
  });
  afterAll(() => database.dispose());

  const start = async (env: Record<string, string>) => {
    let logged = "";
    const sink = new Writable({ write: (chunk, _encoding, done) => { logged += chunk; done(); } });
    const service = await startService({ ...loadConfig(env), port: 0 }, pino({ level: "info" }, sink), { database });
    return { service, url: service.url.replace("0.0.0.0", "127.0.0.1"), logged: () => logged };
  };
  const turn = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/chat/api/turn`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ personId: governanceId, input: { kind: "text", text: "incidents all" } }) });

  it("refuses to start with LOCAL_CHAT=on and no access token, and stays closed when only implied", async () => {
    expect(() => loadConfig({ HOST: "0.0.0.0", LOCAL_CHAT: "on" })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: "0.0.0.0", LOCAL_CHAT: "on" })).toThrow(/LOCAL_CHAT_TOKEN: required when LOCAL_CHAT=on and HOST=0\.0\.0\.0/);
    const { service, url, logged } = await start({ HOST: "0.0.0.0" });
    try {
      expect((await fetch(`${url}/chat/api/people`)).status).toBe(404);
      expect(logged()).toContain("the local chat stays off on an address other machines can reach");
    } finally {
      await service.stop();
    }
  });

  it("answers 401 to every API request without its token, writes nothing, and warns loudly", async () => {
    const { service, url, logged } = await start({ HOST: "0.0.0.0", LOCAL_CHAT: "on", LOCAL_CHAT_TOKEN: token });
    try {
      const conversationsBefore = await database.prisma.conversationState.count();
      expect((await fetch(`${url}/chat/api/people`)).status).toBe(401);
      expect((await turn(url)).status).toBe(401);
      expect((await turn(url, { "x-aims-chat-token": "wrong-token-of-some-length" })).status).toBe(401);
      expect((await fetch(`${url}/chat/api/notifications?personId=${governanceId}`)).status).toBe(401);
      expect(await database.prisma.conversationState.count()).toBe(conversationsBefore);
      // X-Forwarded-For or not, loopback or not: the token decides.
      expect((await fetch(`${url}/chat/api/people`, { headers: { "x-forwarded-for": "127.0.0.1" } })).status).toBe(401);

      // The page loads and asks for the token; with it (header or the page's cookie) the chat works.
      expect(await (await fetch(`${url}/chat`)).text()).toContain("LOCAL_CHAT_TOKEN");
      expect((await fetch(`${url}/chat/api/people`, { headers: { "x-aims-chat-token": token } })).status).toBe(200);
      expect((await turn(url, { cookie: `aims_chat_token=${token}` })).status).toBe(200);
      expect(logged()).toContain("LOCAL CHAT IS REACHABLE FROM OTHER MACHINES");
    } finally {
      await service.stop();
    }
  });
});
