/**
 * Teams gets its 200 as soon as the activity is kept, not after the turn: a slow turn (an LLM)
 * never holds the request; the reply then goes through the connector on its own. A redelivery of
 * the same activity is acknowledged and not answered twice.
 */
import { CloudAdapter } from '@microsoft/agents-hosting';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, type Feature } from '../../src/core/index.ts';
import { FakeConnector, personalMessage } from './fake-connector.ts';
import { settleTeamsBots, startTeamsBot, type TeamsBot } from './server.ts';

const TENANT = 'tenant-a';

/** A command whose answer waits until the test lets it go. */
function slowFeature(gate: Promise<void>): Feature {
  return {
    name: 'traag',
    commands: [
      {
        names: ['traag'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          await gate;
          await turn.reply({ text: 'eindelijk klaar' });
        },
      },
    ],
  };
}

describe('Teams acknowledges before the turn', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  let open: () => void = () => {};

  beforeEach(async () => {
    teams = await new FakeConnector().start();
    const gate = new Promise<void>((resolve) => (open = resolve));
    bot = await startTeamsBot({ features: [slowFeature(gate)], localMode: true });
  });
  afterEach(async () => {
    open();
    await bot.close();
    await teams.close();
  });

  it('answers the HTTP request while the turn still runs, then replies through the connector', async () => {
    const activity = { ...personalMessage({ tenant: TENANT }, 'traag'), serviceUrl: teams.url };
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    expect(teams.sent).toHaveLength(0);
    open();
    await settleTeamsBots();
    expect(teams.sent.map((r) => r.body.text)).toEqual(['eindelijk klaar']);
    // Teams redelivers the same activity: acknowledged, not answered again.
    const again = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(again.status).toBe(200);
    await settleTeamsBots();
    expect(teams.sent).toHaveLength(1);
  });
});

describe('Teams replies through the connector client of the request', () => {
  const clock = new ManualClock('2026-11-30T10:00:00Z');
  let bot: TeamsBot;
  let teams: FakeConnector;
  const replies: Feature = {
    name: 'antwoord',
    commands: [
      { names: ['snel'], summaryKey: 'core.help.summary', handler: async (turn) => void (await turn.reply({ text: 'snel klaar' })) },
      {
        // A turn that runs long after its request (an LLM, a long wait for a slot).
        names: ['laat'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          clock.advance(5 * 60_000);
          await turn.reply({ text: 'laat klaar' });
        },
      },
    ],
  };

  beforeEach(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ features: [replies], localMode: true, clock });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await bot.close();
    await teams.close();
  });

  it('reuses the request’s client for the turn’s replies, and sets up its own once that client may have expired', async () => {
    const proactive = vi.spyOn(CloudAdapter.prototype, 'continueConversation');
    const send = (text: string) => teams.deliver(bot.url, personalMessage({ tenant: TENANT }, text));
    expect((await send('snel')).status).toBe(200);
    await settleTeamsBots();
    expect(teams.sent.map((r) => r.body.text)).toEqual(['snel klaar']);
    expect(proactive).not.toHaveBeenCalled();
    expect((await send('laat')).status).toBe(200);
    await settleTeamsBots();
    expect(teams.sent.map((r) => r.body.text)).toEqual(['snel klaar', 'laat klaar']);
    expect(proactive).toHaveBeenCalledTimes(1);
  });
});
