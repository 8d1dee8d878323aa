// The floor for Teams: a bare Microsoft 365 Agents SDK app that echoes every message, with the
// same set-up as Wegwijs in local mode (express, JSON body, the SDK's JWT middleware, which lets
// anonymous requests through without an app id), replying through the same fake connector.
import express from 'express';
import { CloudAdapter } from '@microsoft/agents-hosting';

// The same explicit anonymous configuration as Wegwijs' local mode (adapters/teams/auth.ts).
const connection = { connectionName: 'ServiceConnection' };
const cloud = new CloudAdapter({ ...connection, connections: new Map([['ServiceConnection', connection]]), connectionsMap: [{ serviceUrl: '*', connection: 'ServiceConnection' }] });
const server = express();
server.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
server.post(
  '/api/messages',
  express.json({ limit: '1mb' }),
  (req, res, next) => cloud.authorizeRequest(req, res, next),
  async (req, res) => {
    await cloud.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text}`);
    });
  },
);
server.listen(Number(process.env.PORT), '127.0.0.1');
