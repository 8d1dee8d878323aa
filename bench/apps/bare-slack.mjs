// The floor for Slack: a bare Bolt 4 app that echoes every app_mention in its thread, with the
// same ExpressReceiver set-up as Wegwijs (express server, /slack/events, same Web API client
// options, pointed at the same fake Web API). Run by bench/slack.bench.ts.
import express from 'express';
import bolt from '@slack/bolt';

const { App, ExpressReceiver, LogLevel } = bolt;
const env = process.env;
const clientOptions = { rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, slackApiUrl: env.SLACK_API_URL };
const receiver = new ExpressReceiver({ signingSecret: env.SLACK_SIGNING_SECRET, endpoints: '/slack/events', processBeforeResponse: false, logLevel: LogLevel.ERROR });
const app = new App({ token: env.SLACK_BOT_TOKEN, receiver, clientOptions, logLevel: LogLevel.ERROR });
app.event('app_mention', async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: `echo: ${event.text}` });
});
const server = express();
server.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
server.use(receiver.router);
server.listen(Number(env.PORT), '127.0.0.1');
