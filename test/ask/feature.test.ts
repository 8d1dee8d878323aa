import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIncoming } from '../../adapters/console/index.ts';
import { listGaps, questionRecords, feedbackRecords } from '../../src/ask/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const PK = 'console:local';

describe('ask feature', () => {
  it('answers a direct message with the card, follow-ups, sources and feedback buttons', async () => {
    const [out] = await h.dm('anna', 'Wie is dossierhouder als mijn cliënt op de wachtlijst staat?');
    expect(out.dm).toBe(true);
    expect(out.card?.title).toBe('Wie is dossierhouder als de cliënt op de wachtlijst staat?');
    expect(out.card?.body).toMatch(/voorkeursaanbieder/);
    // Compact sources: document, publisher and readable date; the full locators come with "Meer uitleg".
    expect(out.card?.body).toMatch(/Bron: .*(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}/);
    expect(out.card?.body).not.toMatch(/seed \d{3}|r\. \d+/);
    const labels = out.card!.buttons.map((b) => b.action.id);
    expect(labels).toContain('ask.show');
    expect(labels).toContain('ask.up');
    expect(labels).toContain('ask.down');
  });

  it('shows a related card when its button is pressed', async () => {
    const [out] = await h.dm('anna', 'Mag het zorgkantoor aansluiten bij een MDO?');
    const follow = out.card!.buttons.find((b) => b.action.id === 'ask.show' && b.label !== 'Meer uitleg')!;
    const [shown] = await h.press('anna', { dm: true }, follow.action);
    expect(shown.card?.title).toBe(follow.label);
    expect(shown.card?.body).toMatch(/Bron:/);
  });

  it('leads with the sentences that answer, and shows the whole card with full sources on "Meer uitleg"', async () => {
    const [out] = await h.dm('anna', 'Mag het zorgkantoor aansluiten bij een MDO?');
    const more = out.card!.buttons.find((b) => b.label === 'Meer uitleg')!;
    const [shown] = await h.press('anna', { dm: true }, more.action);
    expect(shown.card?.title).toBe(out.card?.title);
    expect(shown.card!.body.length).toBeGreaterThan(out.card!.body.length);
    expect(shown.card?.body).toMatch(/Kaart gecontroleerd op \d{4}-\d{2}-\d{2}/);
    expect(shown.card?.buttons.map((b) => b.label)).not.toContain('Meer uitleg');
  });

  it('answers a channel mention in the thread of the question', async () => {
    const incoming = { ...toIncoming({ user: 'bram', channel: 'netwerk', text: '@wegwijs Wat doet het CCE?' }, 'wegwijs'), messageId: 'u42', addressedToBot: true };
    const before = h.outputs.length;
    await h.app.bot.handle(incoming, h.adapter);
    // Privately first (issue 14): only the asker sees it, with "Deel in kanaal" into the question's thread.
    const [out] = h.outputs.slice(before);
    expect(out).toMatchObject({ channel: 'netwerk', private: true, to: 'bram' });
    expect(out.card?.title).toMatch(/CCE/);
    const share = out.card!.buttons.find((b) => b.action.id === 'ask.share')!;
    const [shared] = (await h.press('bram', { channel: 'netwerk' }, share.action)).filter((o) => !o.private);
    expect(shared.thread).toBe('u42');
    expect(shared.card?.title).toMatch(/CCE/);
  });

  it('answers an English question in English', async () => {
    const [out] = await h.dm('anna', 'What does the CCE do?');
    expect(out.card?.body).toMatch(/Centre for Consultation and Expertise/);
    expect(out.card?.body).toMatch(/Source:/);
    expect(out.card?.buttons.map((b) => b.label)).toContain('👍 Helpful');
  });

  it('refuses by intent with its own heading, says "Dat weet ik niet zeker" only for a gap, and records the gap', async () => {
    const [medical] = await h.dm('anna', 'Hoeveel mg haloperidol mag mijn cliënt?');
    expect(medical.text).not.toMatch(/Dat weet ik niet zeker/);
    expect(medical.text).toMatch(/Medisch advies/);
    expect(medical.text).toMatch(/huisarts/);
    const [unknown] = await h.dm('anna', 'Hoeveel plekken zijn er op dit moment vrij bij de aanbieders in Zwolle?');
    expect(unknown.text).toMatch(/Dat weet ik niet zeker/);
    expect(unknown.text).toMatch(/Regelhulp/);
    const gaps = await listGaps(h.app.store);
    expect(gaps.map((g) => g.text)).toContain('Hoeveel plekken zijn er op dit moment vrij bij de aanbieders in Zwolle?');
    expect(gaps.some((g) => /haloperidol/.test(g.text))).toBe(false);
  });

  it('removes a BSN before storing, tells the user, and stores no BSN', async () => {
    const [out] = await h.dm('anna', 'Mijn cliënt met BSN 111222333 staat op de wachtlijst, wie is dossierhouder?');
    expect(out.text).toMatch(/persoonsgegevens weggehaald \(BSN\)/);
    expect(out.text).toMatch(/Deel alsjeblieft geen cliëntgegevens/);
    const stored = await questionRecords(h.app.store).list({ pk: PK });
    expect(stored.length).toBeGreaterThan(0);
    const all = JSON.stringify(stored.map((d) => d.data));
    expect(all).not.toMatch(/111222333/);
    expect(all).toMatch(/\[BSN\]/);
  });

  it('takes 👍 and 👎 with a reason; a 👎 question shows up in the gaps', async () => {
    const [out] = await h.dm('anna', 'Wat doet het CCE?');
    const up = out.card!.buttons.find((b) => b.action.id === 'ask.up')!;
    const [thanks] = await h.press('anna', { dm: true }, up.action);
    expect(thanks.text).toMatch(/Dank je voor je feedback/);
    const down = out.card!.buttons.find((b) => b.action.id === 'ask.down')!;
    const [why] = await h.press('bram', { dm: true }, down.action);
    expect(why.card?.buttons.map((b) => b.label)).toEqual(['Klopt niet', 'Onvolledig', 'Verouderd', 'Niet mijn vraag']);
    const outdated = why.card!.buttons.find((b) => b.label === 'Verouderd')!;
    const [noted] = await h.press('bram', { dm: true }, outdated.action);
    expect(noted.text).toMatch(/beheerders/);
    const votes = (await feedbackRecords(h.app.store).list({ pk: PK })).map((d) => d.data);
    expect(votes).toEqual(expect.arrayContaining([expect.objectContaining({ vote: 'up', userId: 'anna' }), expect.objectContaining({ vote: 'down', reason: 'outdated', userId: 'bram' })]));
    const gaps = await listGaps(h.app.store);
    expect(gaps[0]).toMatchObject({ text: 'Wat doet het CCE?', down: 1, reasons: { outdated: 1 } });
  });

  it('stores the role with `rol`, shows it, and accepts variants', async () => {
    const [none] = await h.dm('anna', 'rol');
    expect(none.text).toMatch(/nog geen rol/);
    const [set] = await h.dm('anna', 'rol Cliënt-ondersteuner');
    expect(set.text).toMatch(/cliëntondersteuner/);
    const prefs = await h.app.store.users.get(PK, 'anna');
    expect(prefs?.data.role).toBe('clientondersteuner');
    const [shown] = await h.dm('anna', 'role');
    expect(shown.text).toMatch(/cliëntondersteuner/);
    const [bad] = await h.dm('anna', 'rol bakker');
    expect(bad.text).toMatch(/ken ik niet/);
    const [help] = await h.dm('anna', 'hulp');
    expect(help.text).toMatch(/wegwijs rol/);
  });

  it('keeps the earlier question of a thread as context for a short follow-up', async () => {
    const first = { ...toIncoming({ user: 'bram', channel: 'netwerk', text: 'wegwijs wie is dossierhouder?' }, 'wegwijs'), messageId: 'u1' };
    await h.app.bot.handle(first, h.adapter);
    const [out] = await h.say('bram', 'netwerk', 'wegwijs en bij een crisisopname?', 'u1');
    expect(out.thread).toBe('u1');
    expect(out.card?.title).toBe('Dossierhouder bij een crisisopname');
    expect(out.card?.body).toMatch(/eerdere vraag/);
  });
});
