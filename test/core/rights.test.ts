/**
 * The people's rights (AVG) end to end on the in-process harness (real SQLite file, manual
 * clock): `mijn gegevens` shows a person exactly their own data and nothing of a colleague or of
 * another tenant; `vergeet mij` removes or anonymises it (pressing twice is harmless) and the
 * weekly nudge names them no more; the retention job deletes old questions and feedback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { feedbackRecords, questionRecords } from '../../src/ask/index.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { scrubNames } from '../../src/core/index.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const TENANT = 'console:local';
const NETWORK = 'console:local:c1';
const OTHER_TENANT = 'elders';

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function harness(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  const h = await createHarness({ start: '2026-11-17T10:00:00+01:00', ...options });
  harnesses.push(h);
  return h;
}

/** A turn from another tenant (another Slack workspace or Teams organisation) with the same user ids. */
async function inOtherTenant(h: Harness, turn: ConsoleTurn): Promise<ConsoleOutput[]> {
  const before = h.outputs.length;
  await h.app.bot.handle({ ...toIncoming(turn, 'wegwijs'), tenantId: OTHER_TENANT }, h.adapter);
  return h.outputs.slice(before);
}

const button = (outs: ConsoleOutput[], label: string) => {
  const found = outs.flatMap((o) => o.card?.buttons ?? []).find((b) => b.label.startsWith(label));
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(outs.map((o) => o.text))}`);
  return found.action;
};

/** anna and bram in one network, with actions, notes, feedback, preferences and a deliberation; anna also in another tenant. */
async function week(h: Harness): Promise<void> {
  const anna = { user: 'anna', name: 'Anna de Boer' };
  const bram = { user: 'bram', name: 'Bram Smit' };
  await h.send({ ...anna, channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' });
  await h.send({ ...anna, channel: 'c1', text: 'wegwijs actie Agenda opstellen voor het netwerkoverleg voor vrijdag' });
  await h.send({ ...bram, channel: 'c1', text: 'wegwijs actie Zorgkantoor bellen over de wachtlijstprocedure' });
  await h.send({ ...anna, channel: 'c1', text: 'wegwijs actie 1 voortgang eerste opzet gedeeld met de werkgroep' });
  await h.send({ ...bram, channel: 'c1', text: 'wegwijs actie 2 vast wacht op terugbelverzoek regiokantoor' });
  // anna is facilitator: she may add a note to bram's action.
  await h.send({ ...anna, channel: 'c1', text: 'wegwijs actie 2 voortgang samen gebeld, terugbelafspraak staat' });
  await h.send({ ...anna, channel: 'c1', text: 'wegwijs actie Verslag rondsturen @bram' });

  // Questions in a DM, with feedback: anna votes down with a reason, bram votes up.
  const annaAnswer = await h.send({ ...anna, dm: true, text: 'Wie is dossierhouder als de cliënt op de wachtlijst staat?' });
  const down = await h.send({ ...anna, dm: true, action: button(annaAnswer, '👎') });
  await h.send({ ...anna, dm: true, action: button(down, 'Onvolledig') });
  const bramAnswer = await h.send({ ...bram, dm: true, text: 'Wat doet het CCE bij een complexe zorgvraag?' });
  await h.send({ ...bram, dm: true, action: button(bramAnswer, '👍') });
  await h.send({ ...anna, dm: true, text: 'wegwijs rol zorgkantoor' });
  await h.send({ ...bram, dm: true, text: 'wegwijs taal en' });

  // A deliberation: anna leads, both say something in the thread.
  const started = await h.send({ ...anna, channel: 'c1', text: 'wegwijs beraad start kort' });
  const opening = started.find((o) => o.card?.title?.startsWith('Moreel beraad'))!;
  await h.send({ ...anna, channel: 'c1', thread: opening.id, text: 'Mijn dilemma gaat over wachten op een passende plek' });
  await h.send({ ...bram, channel: 'c1', thread: opening.id, text: 'Ik zie vooral de spanning tussen regels en maatwerk' });

  // The same user ids in another tenant, with data of their own there.
  await inOtherTenant(h, { ...anna, channel: 'c1', text: 'wegwijs netwerk start "Geheim netwerk elders"' });
  await inOtherTenant(h, { ...anna, channel: 'c1', text: 'wegwijs actie Actie uit de andere omgeving' });
  await inOtherTenant(h, { ...anna, dm: true, text: 'wegwijs rol gemeente' });
}

describe('mijn gegevens', () => {
  it('sends the person exactly their own data of this tenant, privately', async () => {
    const h = await harness();
    await week(h);
    const out = await h.say('anna', 'c1', 'wegwijs mijn gegevens');
    // In the channel only a private note; the data itself goes by direct message to anna alone.
    expect(out.filter((o) => !o.private && !o.dm)).toEqual([]);
    const [data, ...more] = out.filter((o) => o.dm);
    expect(more).toEqual([]);
    expect(data.to).toBe('anna');
    expect(out.find((o) => o.private)?.to).toBe('anna');
    const text = data.text;
    // Her preferences, network, actions with notes and dates, feedback, question, deliberation.
    expect(text).toContain('Rol: zorgkantoor');
    expect(text).toContain('Passende plekken: lid als "Anna de Boer"');
    expect(text).toContain('facilitator');
    expect(text).toContain('#1 "Agenda opstellen voor het netwerkoverleg": bezig');
    expect(text).toContain('aangemaakt 2026-11-17');
    expect(text).toMatch(/deadline 2026-11-2\d/);
    expect(text).toContain('eerste opzet gedeeld met de werkgroep');
    expect(text).toContain('samen gebeld, terugbelafspraak staat'); // her note on bram's action
    expect(text).toContain('#3 "Verslag rondsturen": door jou aangemaakt voor een ander lid'); // without his name
    expect(text).toContain('👎 (Onvolledig) bij de vraag "Wie is dossierhouder als de cliënt op de wachtlijst staat?"');
    expect(text).toContain('Mijn dilemma gaat over wachten op een passende plek');
    expect(text).toContain('jij was facilitator');
    // Nothing of bram (his action, his note, his question, his vote, his contribution, his language) …
    for (const other of ['Zorgkantoor bellen', 'terugbelverzoek', 'Wat doet het CCE', '👍', 'spanning tussen regels', 'Engels', 'Bram Smit']) expect(text).not.toContain(other);
    expect(text).not.toMatch(/\bbram\b/i);
    // … and nothing of the other tenant.
    for (const other of ['Geheim netwerk elders', 'Actie uit de andere omgeving', 'gemeente']) expect(text).not.toContain(other);
  });

  it('answers in English with a summary when asked in English, and says so when nothing is kept', async () => {
    const h = await harness();
    await week(h);
    const [data] = (await h.dm('bram', 'wegwijs my data')).filter((o) => o.dm);
    expect(data.text).toContain('What Wegwijs keeps about you');
    expect(data.text).toContain('Language: English');
    expect(data.text).toContain('Zorgkantoor bellen over de wachtlijstprocedure');
    expect(data.text).toContain('wacht op terugbelverzoek regiokantoor');
    expect(data.text).toContain('Summary:');
    expect(data.text).not.toContain('Agenda opstellen');
    expect(data.text).not.toContain('Wie is dossierhouder');
    const [empty] = await h.dm('carla', 'wegwijs mijn gegevens');
    // carla only has the reference to the DM she just opened.
    expect(empty.text).toContain('Privégesprek met Wegwijs');
    expect(empty.text).not.toMatch(/Acties|Netwerken|Feedback|Beraad/);
  });
  it('sends a long overview whole, in parts that every platform can show', async () => {
    const h = await harness();
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const { ActionSchema } = await import('../../src/actions/model.ts');
    const actions = h.app.store.collection('action', ActionSchema);
    const at = '2026-11-17T09:00:00.000Z';
    for (let n = 1; n <= 150; n++) {
      const note = { at, by: 'anna', kind: 'progress' as const, text: `stap ${n} ${'uitgewerkt met de werkgroep '.repeat(8)}` };
      await actions.put(NETWORK, String(n), {
        networkId: NETWORK, number: n, platform: 'console', tenantId: 'local', title: `Actie nummer ${n} voor het overleg`, ownerId: 'anna', ownerName: 'anna',
        status: 'open', notes: [note], history: [], createdAt: at, createdBy: 'anna', updatedAt: at,
      });
    }
    const parts = (await h.dm('anna', 'wegwijs mijn gegevens')).filter((o) => o.dm);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0].card?.title).toBe(`Wat Wegwijs over jou bewaart (1/${parts.length})`);
    expect(parts[0].text).toContain('Samenvatting:');
    expect(parts[0].text).toContain('Acties: 150');
    for (const part of parts) expect(part.text.length).toBeLessThan(12_000);
    const all = parts.map((p) => p.text).join('\n');
    for (let n = 1; n <= 150; n++) {
      expect(all).toContain(`#${n} "Actie nummer ${n} voor het overleg"`);
      expect(all).toContain(`stap ${n} uitgewerkt`);
    }
  });
});

describe('vergeet mij', () => {
  it('asks for confirmation with a button only the person can use, for an hour', async () => {
    const h = await harness();
    await week(h);
    const ask = await h.say('anna', 'c1', 'wegwijs vergeet mij');
    expect(ask.every((o) => o.private && o.to === 'anna')).toBe(true);
    const confirm = button(ask, 'Ja, vergeet mij');
    // The button names nobody: its value is only a number that matches anna's pending confirmation.
    expect(JSON.stringify(confirm.value)).not.toMatch(/anna/i);
    const refused = await h.press('bram', { channel: 'c1' }, confirm);
    expect(refused.map((o) => o.text).join()).toContain('Nothing was removed'); // bram chose English
    // Even when bram asked to be forgotten himself, anna's button is not his.
    await h.say('bram', 'c1', 'wegwijs vergeet mij');
    expect((await h.press('bram', { channel: 'c1' }, confirm)).map((o) => o.text).join()).toContain('Nothing was removed');
    // Nothing was removed, of bram or of anna.
    expect(await h.app.store.members.get(NETWORK, 'anna')).toBeDefined();
    expect(await h.app.store.members.get(NETWORK, 'bram')).toBeDefined();
    expect(await h.app.store.users.get(TENANT, 'bram')).toBeDefined();
    // A confirmation from more than an hour ago is not honoured.
    h.clock.set('2026-11-17T11:05:00+01:00');
    expect((await h.press('anna', { channel: 'c1' }, confirm)).map((o) => o.text).join()).toContain('niets verwijderd');
    expect(await h.app.store.members.get(NETWORK, 'anna')).toBeDefined();
  });

  it('removes or anonymises everything of the person, keeps the network history, and a second press is harmless', async () => {
    const h = await harness();
    await week(h);
    const store = h.app.store;
    const gapsBefore = await questionRecords(store).list({ pk: TENANT, where: { type: 'gap' } });
    expect(gapsBefore).toHaveLength(1);

    const confirm = button(await h.dm('anna', 'wegwijs vergeet mij'), 'Ja, vergeet mij');
    // Pressed with her display name, as a platform sends it: the button survives the edge redaction.
    const [done] = await h.send({ user: 'anna', name: 'Anna de Boer', dm: true, action: confirm });
    expect(done.text).toContain('Klaar');
    expect(done.text).toContain('1 actie(s) van jou geanonimiseerd');
    expect(done.text).toContain('1 bijdrage(n) aan een beraad anoniem gemaakt');
    expect(done.text).toContain('1 feedback op antwoorden verwijderd');
    expect(done.text).toContain('je voorkeuren verwijderd');

    // Preferences, membership, DM reference, feedback and her DM question are gone.
    expect(await store.users.get(TENANT, 'anna')).toBeUndefined();
    expect(await store.members.get(NETWORK, 'anna')).toBeUndefined();
    expect(await store.conversations.get(TENANT, 'dm:anna')).toBeUndefined();
    expect(await feedbackRecords(store).list({ pk: TENANT, where: { userId: 'anna' } })).toEqual([]);
    // Her 👎 was the only one on that gap: it goes too.
    expect(await questionRecords(store).list({ pk: TENANT, where: { type: 'gap' } })).toEqual([]);
    // Her action stays in the network's history, without her id or name anywhere in it.
    const actions = store.collection('action', (await import('../../src/actions/model.ts')).ActionSchema);
    const mine = (await actions.get(NETWORK, '1'))!.data;
    expect(mine.title).toBe('Agenda opstellen voor het netwerkoverleg');
    expect(mine.ownerName).toBe('(verwijderd lid)');
    expect(mine.ownerId).toBeUndefined();
    expect(JSON.stringify(mine)).not.toMatch(/anna/i);
    const brams = (await actions.get(NETWORK, '2'))!.data;
    expect(brams.ownerId).toBe('bram');
    expect(JSON.stringify(brams)).not.toMatch(/anna/i);
    expect(brams.notes.map((n) => n.text)).toContain('samen gebeld, terugbelafspraak staat');
    expect(brams.notes.find((n) => n.text.startsWith('samen'))?.by).toBe('');
    // The deliberation keeps its notes: hers anonymous, bram's still his.
    const [session] = (await store.collection('deliberation', SessionSchema).list({ pk: NETWORK })).map((d) => d.data);
    expect(JSON.stringify(session)).not.toMatch(/anna/i);
    expect(session.facilitator.name).toBe('(verwijderd lid)');
    const hers = session.contributions.find((c) => c.text.startsWith('Mijn dilemma'))!;
    expect(hers.anonymous).toBe(true);
    expect(hers.userId).toBeUndefined();
    expect(session.contributions.find((c) => c.text.startsWith('Ik zie'))?.userId).toBe('bram');
    // The network stays, without her as facilitator; bram keeps everything of his.
    expect((await store.networks.get(NETWORK, NETWORK))!.data.facilitators).toEqual([]);
    expect(await store.members.get(NETWORK, 'bram')).toBeDefined();
    expect((await store.users.get(TENANT, 'bram'))?.data.language).toBe('en');
    expect(await feedbackRecords(store).list({ pk: TENANT, where: { userId: 'bram' } })).toHaveLength(1);
    // The other tenant is untouched.
    expect((await store.users.get(`console:${OTHER_TENANT}`, 'anna'))?.data.role).toBe('gemeente');
    expect(await store.members.get(`console:${OTHER_TENANT}:c1`, 'anna')).toBeDefined();

    // Pressing again (or asking again) is harmless.
    const [again] = await h.press('anna', { dm: true }, confirm);
    expect(again.text).toContain('niets (meer)');
    expect(await actions.get(NETWORK, '1')).toEqual(expect.objectContaining({ data: expect.objectContaining({ ownerName: '(verwijderd lid)' }) }));
    const [after] = (await h.dm('anna', 'wegwijs mijn gegevens')).filter((o) => o.dm);
    expect(after.text).not.toMatch(/Agenda opstellen|Passende plekken|Mijn dilemma|👎/);
  });

  it('refuses a confirmation pressed from another tenant, and changes nothing in either', async () => {
    const h = await harness();
    await week(h);
    const store = h.app.store;
    // anna's confirmation from this tenant, pressed by "anna" of another tenant.
    const confirm = button(await h.dm('anna', 'wegwijs vergeet mij'), 'Ja, vergeet mij');
    const [refused] = await inOtherTenant(h, { user: 'anna', dm: true, action: confirm });
    expect(refused.text).toContain('niets verwijderd');
    expect((await store.users.get(`console:${OTHER_TENANT}`, 'anna'))?.data.role).toBe('gemeente');
    expect(await store.members.get(`console:${OTHER_TENANT}:c1`, 'anna')).toBeDefined();
    expect((await store.users.get(TENANT, 'anna'))?.data.role).toBe('zorgkantoor');
    expect(await store.members.get(NETWORK, 'anna')).toBeDefined();
    expect(await feedbackRecords(store).list({ pk: TENANT, where: { userId: 'anna' } })).toHaveLength(1);
    // Her own confirmation in the other tenant forgets her there only.
    const there = button(await inOtherTenant(h, { user: 'anna', dm: true, text: 'wegwijs vergeet mij' }), 'Ja, vergeet mij');
    expect((await inOtherTenant(h, { user: 'anna', dm: true, action: there }))[0].text).toContain('Klaar');
    expect(await store.users.get(`console:${OTHER_TENANT}`, 'anna')).toBeUndefined();
    expect(await store.members.get(`console:${OTHER_TENANT}:c1`, 'anna')).toBeUndefined();
    expect((await store.users.get(TENANT, 'anna'))?.data.role).toBe('zorgkantoor');
    expect(await store.members.get(NETWORK, 'anna')).toBeDefined();
  });

  it('leaves no name of the forgotten person in the next weekly nudge', async () => {
    const h = await harness();
    await week(h);
    // A nudge before: anna is named (as owner, in the pair).
    const isNudge = (o: ConsoleOutput) => o.channel === 'c1' && o.text.startsWith('**Wekelijkse voortgang van Passende plekken');
    const before = (await h.at('2026-11-23T08:00:00Z')).find(isNudge);
    expect(before?.text).toMatch(/Anna de Boer/);
    h.clock.set('2026-11-24T10:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs actie 1 voortgang tweede versie');
    const confirm = button(await h.say('anna', 'c1', 'wegwijs vergeet mij'), 'Ja, vergeet mij');
    await h.press('anna', { channel: 'c1' }, confirm);
    const out = await h.at('2026-11-30T08:00:00Z');
    const nudge = out.find(isNudge);
    expect(nudge).toBeDefined();
    expect(nudge!.text).toContain('(verwijderd lid)');
    expect(nudge!.text).toContain('Bram Smit');
    expect(nudge!.text).not.toMatch(/\banna\b|Anna de Boer/i);
    // No reminder goes to her either.
    expect(out.filter((o) => o.dm && o.to === 'anna')).toEqual([]);
  });
});

describe('scrubNames', () => {
  it('replaces whole-word mentions of a name, with or without @, and leaves other words alone', () => {
    expect(scrubNames('Bel @anna en Anna de Boer over Annabel', ['anna', 'Anna de Boer'], 'X')).toBe('Bel X en X over Annabel');
    expect(scrubNames('overleg met Jo', ['Jo'], 'X')).toBe('overleg met Jo'); // too short to be sure
    expect(scrubNames('Ik wil bellen met Wil en @WIL', ['Wil'], 'X')).toBe('Ik wil bellen met X en X'); // the verb stays
  });
});

describe('retention', () => {
  it('deletes questions and feedback older than the retention once a day, and keeps newer ones', async () => {
    const h = await harness({ start: '2026-01-01T12:00:00Z' });
    const store = h.app.store;
    const gap = (text: string, at: string) => ({ type: 'gap' as const, text, lang: 'nl' as const, count: 1, unanswered: 1, down: 0, reasons: {}, cards: [], firstAt: at, lastAt: at });
    await questionRecords(store).put(TENANT, 'gap-old', gap('oude vraag', '2026-01-01T12:00:00Z'));
    await feedbackRecords(store).put(TENANT, 'q-old:anna', { questionId: 'q-old', vote: 'up', userId: 'anna', at: '2026-01-01T12:00:00Z' });
    h.clock.set('2026-03-23T12:00:00Z'); // 81 days later: 10 days before the check below
    await questionRecords(store).put(TENANT, 'gap-new', gap('nieuwe vraag', '2026-03-23T12:00:00Z'));
    await feedbackRecords(store).put(TENANT, 'q-new:bram', { questionId: 'q-new', vote: 'down', userId: 'bram', at: '2026-03-23T12:00:00Z' });

    await h.at('2026-04-02T12:00:00Z'); // 91 days after the first, 10 after the second
    expect(await questionRecords(store).get(TENANT, 'gap-old')).toBeUndefined();
    expect(await feedbackRecords(store).get(TENANT, 'q-old:anna')).toBeUndefined();
    expect(await questionRecords(store).get(TENANT, 'gap-new')).toBeDefined();
    expect(await feedbackRecords(store).get(TENANT, 'q-new:bram')).toBeDefined();

    // Once a day: a record that turns old later on a day that was already checked waits for the next day.
    h.clock.set('2026-06-01T12:00:00Z');
    await questionRecords(store).put(TENANT, 'gap-june', gap('juni', '2026-06-01T12:00:00Z'));
    await h.at('2026-08-30T00:10:00Z'); // 89.5 days old: kept
    expect(await questionRecords(store).get(TENANT, 'gap-june')).toBeDefined();
    await h.at('2026-08-30T23:00:00Z'); // 90.5 days old, but today was already checked
    expect(await questionRecords(store).get(TENANT, 'gap-june')).toBeDefined();
    await h.at('2026-08-31T00:10:00Z');
    expect(await questionRecords(store).get(TENANT, 'gap-june')).toBeUndefined();
  });

  it('reads the retention from WEGWIJS_RETENTION_DAYS (default 90) and refuses a bad value', async () => {
    expect(loadConfig({}).retentionDays).toBe(90);
    expect(loadConfig({ WEGWIJS_RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(() => loadConfig({ WEGWIJS_RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEGWIJS_RETENTION_DAYS: 'veel' })).toThrow(/WEGWIJS_RETENTION_DAYS/);

    const h = await harness({ start: '2026-01-01T12:00:00Z', env: { WEGWIJS_RETENTION_DAYS: '30' } });
    await questionRecords(h.app.store).put(TENANT, 'gap-a', { type: 'gap', text: 'a', lang: 'nl', count: 1, unanswered: 1, down: 0, reasons: {}, cards: [], firstAt: 'x', lastAt: 'x' });
    await h.at('2026-02-01T12:00:00Z');
    expect(await questionRecords(h.app.store).get(TENANT, 'gap-a')).toBeUndefined();
  });
});
