// The Slack baseline: a Bolt app with the same receiver and signing secret as the service that
// does nothing but acknowledge. Started as a child process by bench/chatSteps.ts; reads PORT,
// SLACK_SIGNING_SECRET and SLACK_API_URL from the environment.
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";

const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET!, endpoints: "/slack/events", processBeforeResponse: false });
receiver.app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});
const app = new App({ token: "xoxb-bench-token", receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: process.env.SLACK_API_URL! } });
app.event("message", async () => {});
await app.start(Number(process.env.PORT));
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
