/**
 * Bad input and privacy around asking the network: a paused or stopped network, a member who left,
 * another tenant's ids, someone else's confirmation, the bot removed from the channel, personal
 * data typed into the edited question, a question from a direct message (which network?), the
 * reminder after two working days (once, also with two instances), and who knows what.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { NETWORK_ANSWER, UNKNOWN_QUESTION, allText, buttonOf, peersFeatures } from './helpers.ts';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { readQuestion } from '../../src/peers/records.ts';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Wednesday 18 November 2026, 10:00 in Amsterdam. */
const WEDNESDAY = '2026-11-18T10:00:00+01:00';

async function start(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  const h = await createHarness({ start: WEDNESDAY, features: peersFeatures, ...options });
  open.push(h);
  return h;
}

async function network(h: Harness, channel = 'noord', name = 'Noord') {
  await h.say('fleur', channel, `wegwijs netwerk start "${name}"`);
  await h.say('bram', channel, 'wegwijs ik weet van pgb');
}

/** Asks the unknown question in `channel` and opens the confirmation. */
async function confirmation(h: Harness, channel = 'noord', user = 'anna'): Promise<ConsoleOutput[]> {
  const refusal = await h.say(user, channel, `wegwijs ${UNKNOWN_QUESTION}`);
  return h.press(user, { channel }, buttonOf(refusal, 'peers.ask'));
}

async function posted(h: Harness, channel = 'noord'): Promise<ConsoleOutput> {
  const confirm = await confirmation(h, channel);
  const out = await h.press('anna', { channel }, buttonOf(confirm, 'Plaats met mijn naam'));
  return out.find((o) => o.channel === channel && !o.private && o.card)!;
}

describe('asking the network: bad input and privacy', () => {
  it('asks nothing of a paused or a stopped network', async () => {
    const h = await start();
    await network(h);
    await h.say('fleur', 'noord', 'wegwijs netwerk pauze tot 1 december');
    const paused = await confirmation(h);
    expect(paused[0]).toMatchObject({ private: true, text: expect.stringContaining('pauzeert') });
    await h.say('fleur', 'noord', 'wegwijs netwerk stop');
    const stopped = await confirmation(h);
    expect(stopped[0].text).toContain('is gestopt');
    expect(h.outputs.some((o) => o.card?.title?.includes('Vraag aan het netwerk'))).toBe(false);
  });

  it('pauses between confirmation and press: the press posts nothing', async () => {
    const h = await start();
    await network(h);
    const confirm = await confirmation(h);
    await h.say('fleur', 'noord', 'wegwijs netwerk pauze tot 1 december');
    const press = await h.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats met mijn naam'));
    expect(press).toHaveLength(1);
    expect(press[0].text).toContain('pauzeert');
  });

  it('keeps an answer in the thread, but forwards nothing, when the asker left the network', async () => {
    const h = await start();
    await network(h);
    const card = await posted(h);
    await h.app.store.members.delete('console:local:noord', 'anna');
    const reply = await h.say('bram', 'noord', NETWORK_ANSWER, card.id);
    expect(reply.filter((o) => o.dm)).toEqual([]);
    expect(reply[0]).toMatchObject({ private: true, to: 'bram', text: expect.stringContaining('geen lid meer') });
  });

  it('refuses another tenant\'s network, someone else\'s confirmation and unknown questions', async () => {
    const h = await start();
    await network(h);
    const card = await posted(h);
    const resolve = buttonOf([card], 'peers.resolve');
    const foreign = await h.press('fleur', { channel: 'noord' }, { ...resolve, value: { ...resolve.value, n: 'slack:T9:C1' } });
    expect(foreign[0].text).toBe(h.app.services.catalog.t('nl', 'core.not_yours'));
    const otherChannel = await h.press('fleur', { channel: 'noord' }, { ...resolve, value: { ...resolve.value, n: 'console:local:zuid' } });
    expect(otherChannel[0].text).toBe(h.app.services.catalog.t('nl', 'core.not_yours'));
    const missing = await h.press('fleur', { channel: 'noord' }, { ...resolve, value: { ...resolve.value, q: 99 } });
    expect(missing[0].text).toContain('kan ik niet vinden');
    // Bram presses Anna's confirmation: it is not his, so nothing is posted.
    const confirm = await confirmation(h);
    const stolen = await h.press('bram', { channel: 'noord' }, buttonOf(confirm, 'Plaats anoniem'));
    expect(stolen).toHaveLength(1);
    expect(stolen[0].text).toContain('verlopen of al afgehandeld');
    expect(h.outputs.filter((o) => o.card?.title?.startsWith('🙋'))).toHaveLength(1);
  });

  it('takes an answer through "Ik weet het" (a form where no modal opens): in the thread and to the asker', async () => {
    const h = await start();
    await network(h);
    const card = await posted(h);
    const form = await h.press('bram', { channel: 'noord' }, buttonOf([card], 'peers.answer'));
    expect(form[0]).toMatchObject({ private: true, to: 'bram' });
    expect(form[0].card!.inputs.map((i) => i.id)).toEqual(['answer']);
    const empty = await h.press('bram', { channel: 'noord' }, buttonOf(form, 'peers.reply'));
    expect(empty[0].text).toContain('leeg');
    const sent = await h.press('bram', { channel: 'noord' }, { ...buttonOf(form, 'peers.reply'), inputs: { answer: NETWORK_ANSWER } });
    expect(sent.find((o) => o.thread === card.id)!.text).toContain('@bram');
    expect(sent.find((o) => o.dm && o.to === 'anna')!.text).toContain('vijf werkdagen');
  });

  it('shows what it keeps about a person (mijn gegevens) and forgets it (vergeet mij)', async () => {
    const h = await start();
    await network(h);
    const card = await posted(h);
    await h.say('bram', 'noord', NETWORK_ANSWER, card.id);
    const mine = await h.dm('bram', 'mijn gegevens');
    expect(allText(mine)).toContain('Je weet van: pgb');
    expect(allText(mine)).toContain('Je antwoord op vraag #1');
    const ask = await h.dm('bram', 'vergeet mij');
    await h.press('bram', { dm: true }, buttonOf(ask, 'core.forget'));
    const after = await h.dm('bram', 'mijn gegevens');
    expect(allText(after)).not.toContain('Je weet van');
    expect(allText(after)).not.toContain('vijf werkdagen');
    // The question keeps the (redacted) answer, without Bram's name or id.
    const q = await readQuestion(h.app.services, 'console:local:noord', 1);
    expect(JSON.stringify(q)).not.toContain('bram');
  });

  it('tells the asker when the bot was removed from the network\'s channel', async () => {
    const h = await start();
    await network(h);
    const confirm = await confirmation(h);
    await h.app.bot.forget({ platform: 'console', tenantId: 'local', channelId: 'noord' });
    const press = await h.press('anna', { dm: true }, buttonOf(confirm, 'Plaats met mijn naam'));
    expect(press).toHaveLength(1);
    expect(press[0].text).toContain('niet meer posten');
    // Not posted: once the bot is back, the same confirmation can still be used.
    await h.say('fleur', 'noord', 'wegwijs netwerk');
    const retry = await h.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats met mijn naam'));
    expect(retry.some((o) => o.card?.title === '🙋 Vraag aan het netwerk #1')).toBe(true);
  });

  it('shows an edited question again when personal data was taken out, and posts only on the next press', async () => {
    const h = await start();
    await network(h);
    const confirm = await confirmation(h);
    const post = buttonOf(confirm, 'Plaats met mijn naam');
    const edited = await h.press('anna', { channel: 'noord' }, { ...post, inputs: { question: 'Hoe snel reageert Menzis op een pgb vraag van mevrouw Jansen, 06-12345678?' } });
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({ private: true, to: 'anna' });
    expect(edited[0].text).not.toContain('12345678');
    expect(edited[0].text).not.toContain('Jansen');
    expect(h.outputs.some((o) => o.card?.title?.startsWith('🙋'))).toBe(false);
    const posted2 = await h.press('anna', { channel: 'noord' }, buttonOf(edited, 'Plaats met mijn naam'));
    const card = posted2.find((o) => o.card?.title?.startsWith('🙋'))!;
    expect(card.text).toContain('Hoe snel reageert Menzis op een pgb vraag');
    expect(card.text).not.toContain('12345678');
  });

  it('asks which network for a question in a direct message', async () => {
    const h = await start();
    await network(h, 'noord', 'Noord');
    await network(h, 'zuid', 'Zuid');
    await h.say('anna', 'noord', 'wegwijs stil uit');
    await h.say('anna', 'zuid', 'wegwijs stil uit');
    const refusal = await h.dm('anna', UNKNOWN_QUESTION);
    const which = await h.press('anna', { dm: true }, buttonOf(refusal, 'peers.ask'));
    expect(which[0].card!.title).toBe('In welk netwerk?');
    expect(which[0].card!.buttons.map((b) => b.label)).toEqual(['Noord', 'Zuid']);
    const confirm = await h.press('anna', { dm: true }, buttonOf(which, 'Zuid'));
    expect(confirm[0].text).toContain('**Zuid**');
    const done = await h.press('anna', { dm: true }, buttonOf(confirm, 'Plaats anoniem'));
    expect(done.find((o) => o.card?.title?.startsWith('🙋'))!.channel).toBe('zuid');
    // Someone in no network is told so.
    const lonely = await h.dm('olaf', UNKNOWN_QUESTION);
    const none = await h.press('olaf', { dm: true }, buttonOf(lonely, 'peers.ask'));
    expect(none[0].text).toContain('nog geen lid');
  });

  it('reminds an open question once, after two working days, in its thread', async () => {
    const h = await start({ start: '2026-11-20T10:00:00+01:00' }); // a Friday
    await network(h);
    const card = await posted(h);
    const inThread = (outputs: ConsoleOutput[]) => outputs.filter((o) => o.thread === card.id);
    // Monday: one working day (the weekly nudge lists the open question, see test/actions).
    expect(inThread(await h.at('2026-11-23T11:00:00+01:00'))).toEqual([]);
    const reminder = inThread(await h.at('2026-11-24T10:05:00+01:00')); // Tuesday: two
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({ channel: 'noord', text: expect.stringContaining('@bram') });
    expect(inThread(await h.at('2026-11-26T10:05:00+01:00'))).toEqual([]);
    // The weekly nudge's port lists it as open.
    expect(await h.app.services.ports.networkQuestions!.openQuestions('console:local:noord')).toMatchObject([{ number: 1, text: UNKNOWN_QUESTION }]);
  });

  it('deletes a resolved question after the retention period', async () => {
    const h = await start();
    await network(h);
    const card = await posted(h);
    await h.say('bram', 'noord', NETWORK_ANSWER, card.id);
    await h.press('anna', { channel: 'noord' }, buttonOf([card], 'peers.resolve'));
    await h.at('2027-01-10T10:00:00+01:00');
    expect(await readQuestion(h.app.services, 'console:local:noord', 1)).toBeDefined();
    await h.at('2027-02-20T10:00:00+01:00'); // more than 90 days after it was resolved
    expect(await readQuestion(h.app.services, 'console:local:noord', 1)).toBeUndefined();
    // A reply in its old thread is no longer taken as an answer.
    expect(await h.say('bram', 'noord', 'nog iets', card.id)).toEqual([]);
  });

  it('sends the reminder once when two instances run the scheduler', async () => {
    const a = await start({ start: '2026-11-18T10:00:00+01:00' });
    await network(a);
    await posted(a);
    const b = await start({ dataDir: a.dataDir, start: '2026-11-18T10:00:00+01:00' });
    const at = '2026-11-20T10:30:00+01:00';
    // The second instance finds the claim the first one took (claims themselves are raced in test/store).
    const [fromA, fromB] = await Promise.all([a.at(at), b.at(at)]);
    expect([...fromA, ...fromB].filter((o) => o.text.includes('nog open'))).toHaveLength(1);
  });

  it('lets members say what they know, and facilitators see and edit it', async () => {
    const h = await start();
    await network(h);
    const unknown = await h.say('carla', 'noord', 'wegwijs ik weet van pgb, breien');
    expect(unknown[0].text).toContain('breien ken ik niet als onderwerp');
    const mine = await h.say('carla', 'noord', 'wegwijs ik weet van');
    expect(mine[0].text).toContain('pgb, breien');
    const notFacilitator = await h.say('carla', 'noord', 'wegwijs netwerk kenners');
    expect(notFacilitator[0].text).toContain('alleen een facilitator');
    await h.say('fleur', 'noord', 'wegwijs netwerk kenners @bram meerzorg, wlz');
    const list = await h.say('fleur', 'noord', 'wegwijs netwerk kenners');
    expect(list[0].text).toMatch(/bram: meerzorg, wlz/);
    expect(list[0].text).toMatch(/carla: pgb, breien/);
    await h.say('carla', 'noord', 'wegwijs ik weet van niets');
    // A pgb question now tags nobody who knows pgb: the facilitator instead.
    const card = await posted(h);
    expect(card.text).toContain('@fleur');
    expect(card.text).not.toContain('@carla');
    const story = await h.say('carla', 'noord', 'wegwijs ik weet van een cliënt die nergens terecht kan, wat nu?');
    expect(story[0].text).toContain('lijkt een vraag');
    await h.say('fleur', 'noord', 'wegwijs netwerk kenners @carla nah');
    expect((await h.say('fleur', 'noord', 'wegwijs netwerk kenners'))[0].text).toMatch(/carla: nah/);
    const dm = await h.say('bram', 'dm-only', 'wegwijs ik weet van pgb');
    expect(dm[0].text).toContain('nog geen lerend netwerk');
  });
});
