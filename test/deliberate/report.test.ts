import { afterEach, describe, expect, it } from 'vitest';
import type { ActionLogPort } from '../../src/core/index.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import { parseAgreement, parseAgreements } from '../../src/deliberate/index.ts';
import { completion, startFakeOpenAi } from '../helpers/fake-openai.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, newCards, press, startSession, step } from './session-helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('agreement lines', () => {
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const context = { at: new Date('2026-11-23T09:00:00Z'), timeZone: 'Europe/Amsterdam', people: [{ id: 'U2', name: 'Bram' }] };
  it('reads owner and due date with the one date reader, keeping the rest of the title', () => {
    expect(parseAgreement('Bel zorgkantoor @bram voor vrijdag', context)).toEqual({ title: 'Bel zorgkantoor', owner: 'Bram', ownerId: 'U2', due: '2026-11-27' });
    expect(parseAgreement('Bespreken in regionale taskforce @bram voor 12-12', context)).toEqual({ title: 'Bespreken in regionale taskforce', owner: 'Bram', ownerId: 'U2', due: '2026-12-12' });
    expect(parseAgreement('@carla plant een MDO uiterlijk 15 december', context)).toEqual({ title: 'carla plant een MDO', owner: '@carla', due: '2026-12-15' });
    expect(parseAgreement('Call the care office @dirk by next week', context)).toEqual({ title: 'Call the care office', owner: '@dirk', due: '2026-11-30' });
    expect(parseAgreement('Vraag advies voor de cliënt voor 3/12', context)).toEqual({ title: 'Vraag advies voor de cliënt', due: '2026-12-03' });
    expect(parseAgreement('Vraag advies voor de cliënt', context)).toEqual({ title: 'Vraag advies voor de cliënt' });
    // Named holidays are read by the core date reader since f268900: 'voor de kerst' is the working day before Christmas.
    expect(parseAgreement('Regel het vervoer voor de kerst', context)).toEqual({ title: 'Regel het vervoer', due: '2026-12-24' });
    expect(parseAgreements('- Bel zorgkantoor @bram voor vrijdag\n\n2. Evalueer op 2026-12-15', context)).toEqual([
      { title: 'Bel zorgkantoor', owner: 'Bram', ownerId: 'U2', due: '2026-11-27' },
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
  await press(h, 'anna', 'next', step(thread, 5));
  const ended = await press(h, 'anna', 'end', step(thread, 6));
  return { thread, ended, report: newCards(ended, 'Verslag')[0] };
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
    // The date is read when the line was typed (Monday 23 November): Friday 27 November.
    expect(calls[0][1]).toEqual([{ title: 'Bel zorgkantoor', owner: 'bram', ownerId: 'bram', due: '2026-11-27', author: { id: 'anna', name: 'anna' } }]);
    expect(calls[0][2].id).toBe('anna');
    expect(calls[0][3]?.label).toBe('moreel beraad #1');
    expect(report.text).toContain('- Bel zorgkantoor (bram, vr 27 nov) → actie #41');
    expect(report.text).toMatch(/Deze afspraak staat nu als actie in het actielogboek van het netwerk \(1\)/);
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
    const { report, ended } = await runToReport(h);
    expect(report.text).toMatch(/- Bel zorgkantoor \(bram, vr 27 nov\) → actie #\d+/);
    const action = (await h.app.store.collection('action', ActionSchema).list({ pk })).map((d) => d.data);
    expect(action).toMatchObject([{ title: 'Bel zorgkantoor', ownerId: 'bram', due: '2026-11-27', createdBy: 'anna' }]);
    // Bram took part in the session, so owning the action makes him a member.
    expect(await h.app.store.members.get(pk, 'bram')).toBeDefined();
    // One summary for the facilitator, naming who typed it, not one message per action.
    const dms = ended.filter((o) => o.dm && o.to === 'anna');
    expect(dms).toHaveLength(1);
    expect(dms[0].text).toContain('Uit moreel beraad #1 is 1 actie vastgelegd');
    expect(dms[0].text).toContain('ingebracht door anna');
  });

  it('lists the agreements when the port returns nothing or fails', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
    cleanups.push(() => h.close());
    h.app.services.ports.actionLog = { addActions: async () => { throw new Error('down'); } };
    const { report } = await runToReport(h);
    expect(report.text).toContain('- Bel zorgkantoor (bram, vr 27 nov)');
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
