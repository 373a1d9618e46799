// The Teams baseline: a bare CloudAdapter echo bot in emulator mode (no app id, so no
// authentication), replying to the activity's serviceUrl like the service does. Started as a child
// process by bench/chatSteps.ts; reads PORT from the environment.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express from "express";

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" }));
const app = express();
app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});
app.post("/api/messages", express.json({ limit: "256kb" }), async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === "message") await context.sendActivity(`echo: ${context.activity.text ?? ""}`);
  });
});
const server = app.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
