import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { consoleRun, readScript, replay } from './replay.ts';
import { SlackDriver } from './slack-driver.ts';

describe('slack week', () => {
  it.each(['week-nl.jsonl', 'week-en.jsonl'])('%s', async (file) => {
    const script = readScript(file);
    const reference = await consoleRun(file);
    const driver = await new SlackDriver().start(script);
    try {
      await replay(driver, script, reference);
    } finally {
      writeFileSync(`/tmp/ex/slack-calls-${file}.json`, JSON.stringify(driver.fake.calls.map((c) => [c.method, c.status, JSON.stringify(c.args).slice(0, 300), JSON.stringify(c.response).slice(0, 200)]), null, 1));
      writeFileSync(`/tmp/ex/slack-${file}.json`, JSON.stringify(driver.shown().map(({ raw, ...s }) => s), null, 1));
      await driver.close();
    }
  }, 90_000);
});
