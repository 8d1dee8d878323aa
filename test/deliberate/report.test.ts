import { afterEach, describe, expect, it } from 'vitest';
import type { ActionLogPort } from '../../src/core/index.ts';
import { parseAgreement, parseAgreements } from '../../src/deliberate/index.ts';
import { completion, startFakeOpenAi } from '../helpers/fake-openai.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, newCards, press, startSession, step } from './session-helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('agreement lines', () => {
  it('reads title, owner and due date as typed', () => {
    expect(parseAgreement('Bel zorgkantoor @bram voor vrijdag')).toEqual({ title: 'Bel zorgkantoor', owner: '@bram', due: 'vrijdag' });
    expect(parseAgreement('@carla plant een MDO uiterlijk 15 december')).toEqual({ title: 'plant een MDO', owner: '@carla', due: '15 december' });
    expect(parseAgreement('Call the care office @dirk by next week')).toEqual({ title: 'Call the care office', owner: '@dirk', due: 'next week' });
    expect(parseAgreement('Vraag advies voor de cliënt')).toEqual({ title: 'Vraag advies voor de cliënt' });
    expect(parseAgreements('- Bel zorgkantoor @bram voor vrijdag\n\n2. Evalueer op 2026-12-15')).toEqual([
      { title: 'Bel zorgkantoor', owner: '@bram', due: 'vrijdag' },
      { title: 'Evalueer', due: '2026-12-15' },
    ]);
  });
});

/** Runs a short session to its end with one agreement; returns the report card. */
async function runToReport(h: Harness) {
  const { thread } = await startSession(h);
  await h.say('bram', CHANNEL, 'De cliënt wil thuis blijven; de broer niet.', thread);
  for (let i = 0; i < 5; i++) await press(h, 'anna', 'next', step(thread, i));
  await h.say('anna', CHANNEL, 'Bel zorgkantoor @bram voor vrijdag', thread);
  const ended = await press(h, 'anna', 'end', step(thread, 5));
  return { thread, report: newCards(ended, 'Verslag')[0] };
}

describe('the report', () => {
  it('turns agreements into actions through the action-log port', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
    cleanups.push(() => h.close());
    const calls: Parameters<ActionLogPort['addActions']>[] = [];
    h.app.services.ports.actionLog = {
      addActions: async (...args) => {
        calls.push(args);
        return args[1].map((item, i) => ({ number: 41 + i, title: item.title }));
      },
    };
    const { report } = await runToReport(h);
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toMatchObject({ platform: 'console', channelId: CHANNEL });
    expect(calls[0][1]).toEqual([{ title: 'Bel zorgkantoor', owner: '@bram', due: 'vrijdag' }]);
    expect(calls[0][2].id).toBe('anna');
    expect(report.text).toContain('- Bel zorgkantoor (@bram, vrijdag) → actie #41');
    expect(report.text).toMatch(/staan nu als acties in het actielogboek van het netwerk \(1\)/);
  });

  it('works with the real action log of a network channel', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
    cleanups.push(() => h.close());
    if (!h.app.services.ports.actionLog) return; // the actions feature is not plugged in
    const pk = `console:local:${CHANNEL}`;
    await h.app.store.networks.put(pk, pk, {
      id: pk, platform: 'console', tenantId: 'local', channelId: CHANNEL, name: 'Netwerk Zuid', timeZone: 'Europe/Amsterdam', language: 'nl',
      schedule: '0 9 * * 1', facilitators: ['anna'], status: 'active', createdAt: '2026-11-01T00:00:00Z', createdBy: 'anna',
    });
    const { report } = await runToReport(h);
    expect(report.text).toMatch(/- Bel zorgkantoor \(@bram, vrijdag\) → actie #\d+/);
  });

  it('lists the agreements when the port returns nothing or fails', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
    cleanups.push(() => h.close());
    h.app.services.ports.actionLog = { addActions: async () => { throw new Error('down'); } };
    const { report } = await runToReport(h);
    expect(report.text).toContain('- Bel zorgkantoor (@bram, vrijdag)');
    expect(report.text).toMatch(/niet in een actielogboek/);
  });

  it('adds a synthesis marked as generated from a local OpenAI-compatible server, and keeps the notes', async () => {
    const fake = await startFakeOpenAi(() => ({ status: 200, json: completion('Eén deelnemer woog zelfbeschikking zwaar; de groep sprak af het zorgkantoor te bellen.') }));
    const requests = fake.requests;
    cleanups.push(() => fake.close());
    const h = await createHarness({ start: '2026-11-23T09:00:00+01:00', env: fake.env });
    cleanups.push(() => h.close());
    const { thread, report } = await runToReport(h);
    expect(report.text).toContain('Korte synthese (gegenereerd door AI)');
    expect(report.text).toContain('Eén deelnemer woog zelfbeschikking zwaar');
    expect(report.text).toContain('bram: De cliënt wil thuis blijven; de broer niet.');
    expect(requests).toHaveLength(1);
    const [system, user] = requests[0].messages;
    expect(system.content).toMatch(/Never give your own moral judgement/);
    expect(user.content).toContain('De cliënt wil thuis blijven; de broer niet.');
    // The DM copy carries the same synthesis, without a second LLM call.
    const dm = await press(h, 'anna', 'report', { s: thread });
    expect(dm.find((o) => o.dm)!.text).toContain('Eén deelnemer woog zelfbeschikking zwaar');
    expect(requests).toHaveLength(1);
  });

  it('sends the report without synthesis when the LLM fails', async () => {
    const fake = await startFakeOpenAi(() => ({ status: 500, json: { error: { message: 'boom' } } }));
    cleanups.push(() => fake.close());
    const h = await createHarness({ start: '2026-11-23T09:00:00+01:00', env: { ...fake.env, LLM_MAX_RETRIES: '0' } });
    cleanups.push(() => h.close());
    const { report } = await runToReport(h);
    expect(report).toBeDefined();
    expect(report.text).not.toMatch(/gegenereerd door AI/);
    expect(report.text).toContain('bram: De cliënt wil thuis blijven; de broer niet.');
  });
});
