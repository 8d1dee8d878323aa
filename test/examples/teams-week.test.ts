import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { consoleRun, readScript, replay } from './replay.ts';
import { TeamsDriver } from './teams-driver.ts';

describe('teams week', () => {
  it.each(['week-nl.jsonl', 'week-en.jsonl'])('%s', async (file) => {
    const script = readScript(file);
    const reference = await consoleRun(file);
    const driver = await new TeamsDriver().start(script);
    try {
      await replay(driver, script, reference);
    } finally {
      writeFileSync(`/tmp/ex/teams-${file}.json`, JSON.stringify(driver.shown().map(({ raw, ...s }) => s), null, 1));
      writeFileSync(`/tmp/ex/teams-req-${file}.json`, JSON.stringify(driver.teams.requests.map((r) => [r.method, r.path, r.status, r.conversationId, r.responseId, JSON.stringify(r.body).slice(0, 400)]), null, 1));
      await driver.close();
    }
  }, 90_000);
});
