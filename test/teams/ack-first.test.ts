/**
 * Teams gets its 200 as soon as the activity is kept, not after the turn: a slow turn (an LLM)
 * never holds the request; the reply then goes through the connector on its own. A redelivery of
 * the same activity is acknowledged and not answered twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/index.ts';
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
