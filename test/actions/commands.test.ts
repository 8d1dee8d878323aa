/** Logging and updating actions, and every kind of bad input, through the in-process bot. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIncoming } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-16T10:00:00+01:00' });
  await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
});
afterEach(() => h.close());

const texts = (outs: { text: string }[]) => outs.map((o) => o.text).join('\n');

describe('actions', () => {
  it('explains how to start a network when the channel is none', async () => {
    const [answer] = await h.say('bram', 'c2', 'wegwijs actie Bel het zorgkantoor');
    expect(answer.text).toContain('nog geen lerend netwerk');
    expect(answer.text).toContain('wegwijs netwerk start');
    expect(texts(await h.say('bram', 'c2', 'wegwijs acties'))).toContain('nog geen lerend netwerk');
  });

  it('logs an action for a mentioned owner, who becomes a member, with a due date', async () => {
    const outs = await h.send({ user: 'anna', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor over het MDO @bram voor vrijdag' });
    expect(outs).toHaveLength(2);
    expect(outs[0].card?.title).toBe('#1 Bel het zorgkantoor over het MDO');
    expect(outs[0].card?.body).toContain('Eigenaar: bram');
    expect(outs[0].card?.body).toContain('vr 20 nov');
    // bram never took part: the action is kept in his name, and the facilitator (the author) is told.
    expect(outs[1].text).toContain('bram deed nog niet mee in dit netwerk');
    expect(outs[1].text).toContain('Facilitator (@anna)');
    expect(outs.filter((o) => o.dm)).toEqual([]);
    expect(await h.app.store.members.get('console:local:c1', 'bram')).toBeDefined();
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 klaar'))).toContain('Actie #1 is klaar');
    // Now bram is a member: a second action in his name needs no word to the facilitator.
    const again = await h.send({ user: 'anna', channel: 'c1', text: 'wegwijs actie Verslag delen @bram' });
    expect(again).toHaveLength(1);
    expect(again[0].card?.body).toContain('Eigenaar: bram');
  });

  it('tells the facilitators privately when a member logs an action for someone who never took part', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk facilitator @dirk');
    await h.say('bram', 'c1', 'wegwijs actie Eigen actie');
    const outs = await h.send({ user: 'bram', channel: 'c1', text: 'wegwijs actie Logeerplek zoeken @zoe voor vrijdag' });
    const channel = outs.filter((o) => !o.dm && !o.private);
    expect(channel[0].card?.title).toBe('#2 Logeerplek zoeken');
    expect(channel[0].card?.body).toContain('Eigenaar: zoe');
    expect(channel[1].text).toContain('zoe deed nog niet mee in dit netwerk');
    expect(channel[1].text).toContain('Facilitator (@anna, @dirk)');
    const dms = outs.filter((o) => o.dm);
    expect(dms.map((o) => o.to)).toEqual(['anna', 'dirk']);
    expect(dms[0].text).toContain('In Passende plekken legde bram actie #2 "Logeerplek zoeken" vast op naam van zoe, die nog niet meedeed');
    // The action is kept and zoe is a member who can update it.
    expect(await h.app.store.members.get('console:local:c1', 'zoe')).toBeDefined();
    expect(texts(await h.say('zoe', 'c1', 'wegwijs actie 2 klaar'))).toContain('Actie #2 is klaar');
    // A typed name through the form: kept under that name, and the facilitators hear it privately too.
    const [form] = await h.say('bram', 'c1', 'wegwijs actie');
    const typed = await h.press('bram', { channel: 'c1' }, { ...form.card!.buttons[0].action, inputs: { title: 'Zorgkantoor bellen', owner: 'Xander', due: '' } });
    expect(typed[0].card?.body).toContain('Eigenaar: Xander');
    expect(texts(typed.filter((o) => !o.dm))).toContain('Xander is nog geen lid');
    expect(typed.filter((o) => o.dm).map((o) => o.to)).toEqual(['anna', 'dirk']);
    expect(typed.find((o) => o.dm)!.text).toContain('Xander is nog geen lid van het netwerk');
    expect(await h.app.store.members.get('console:local:c1', 'xander')).toBeUndefined();
  });

  it('tells the facilitator when an action is reassigned to someone new; a refused reassignment changes nobody', async () => {
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor');
    expect(texts(await h.send({ user: 'bram', channel: 'c1', text: 'wegwijs actie 1 eigenaar @erik' }))).toContain('alleen een facilitator');
    expect(await h.app.store.members.get('console:local:c1', 'erik')).toBeUndefined();
    const outs = await h.send({ user: 'anna', channel: 'c1', text: 'wegwijs actie 1 eigenaar @erik' });
    expect(texts(outs)).toContain('Actie #1 is nu van erik');
    expect(texts(outs)).toContain('erik deed nog niet mee in dit netwerk');
    expect(outs.filter((o) => o.dm)).toEqual([]);
    expect(await h.app.store.members.get('console:local:c1', 'erik')).toBeDefined();
  });

  it('keeps an owner typed as a name that is no member, and tells the facilitator', async () => {
    const [form] = await h.say('bram', 'c1', 'wegwijs actie');
    const outs = await h.press('bram', { channel: 'c1' }, { ...form.card!.buttons[0].action, inputs: { title: 'Zorgkantoor bellen', owner: 'Zoë', due: '' } });
    expect(outs[0].card?.body).toContain('Eigenaar: Zoë');
    expect(outs[1].text).toContain('Zoë is nog geen lid');
    expect(outs[1].text).toContain('Facilitator (@anna)');
    // Reassigning to a non-member tells the facilitator too.
    expect(texts(await h.say('anna', 'c1', 'wegwijs actie 1 eigenaar Xander'))).toContain('Xander is nog geen lid');
  });

  it('removes personal data from titles and notes, and says so', async () => {
    const outs = await h.say('bram', 'c1', 'wegwijs actie Bel meneer Jansen terug op 06-12345678');
    expect(outs[0].card?.title).toBe('#1 Bel meneer [naam] terug op [telefoon]');
    expect(outs[1].text).toContain('persoonsgegevens weggehaald');
    const note = await h.say('bram', 'c1', 'wegwijs actie 1 voortgang mail gestuurd naar j.jansen@example.nl');
    expect(texts(note)).toContain('persoonsgegevens weggehaald');
    const csv = await h.say('anna', 'c1', 'wegwijs export');
    expect(csv[0].text).toContain('[e-mail]');
    expect(csv[0].text).not.toContain('example.nl');
  });

  it('asks back about a date it cannot read and keeps the text', async () => {
    const outs = await h.say('bram', 'c1', 'wegwijs actie Plan het overleg uiterlijk ergens na de zomer');
    expect(outs[0].card?.title).toBe('#1 Plan het overleg uiterlijk ergens na de zomer');
    expect(outs[0].card?.body).toContain('geen datum');
    expect(outs[1].text).toContain('"ergens na de zomer" kon ik niet als datum lezen');
    const later = await h.say('bram', 'c1', 'wegwijs actie 1 later ooit eens');
    expect(later[0].text).toContain('"ooit eens" kon ik niet als datum lezen');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 later 15 december'))).toContain('nieuwe datum: di 15 dec');
  });

  it('refuses unknown numbers, actions of another network and updates to dropped actions', async () => {
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 42 klaar'))).toContain('Actie #42 ken ik niet in dit netwerk');
    // Another network with its own numbering: #1 there is not #1 here.
    await h.say('carla', 'c9', 'wegwijs netwerk start "Ander netwerk"');
    const [card] = await h.say('carla', 'c9', 'wegwijs actie Iets anders');
    const foreign = card.card!.buttons.find((b) => b.label === 'Klaar')!;
    const pressed = await h.press('carla', { channel: 'c1' }, foreign.action);
    expect(texts(pressed)).toContain('hoort bij een ander netwerk');
    expect(texts(await h.say('carla', 'c1', 'wegwijs actie 1 klaar'))).toContain('alleen bram of een facilitator');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 laten vallen'))).toContain('laten vallen');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 voortgang toch nog gebeld'))).toContain('is laten vallen, dus die werk ik niet meer bij');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 heropen'))).toContain('alleen een facilitator');
    expect(texts(await h.say('anna', 'c1', 'wegwijs actie 1 heropen'))).toContain('staat weer open');
  });

  it('lets facilitators reassign and rename, and lists open actions and mine', async () => {
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor');
    await h.say('carla', 'c1', 'wegwijs actie Zoek een logeerplek');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 eigenaar @carla'))).toContain('alleen een facilitator');
    expect(texts(await h.say('anna', 'c1', 'wegwijs actie 1 eigenaar @carla'))).toContain('Actie #1 is nu van carla');
    expect(texts(await h.say('anna', 'c1', 'wegwijs actie 2 wijzig Zoek een logeerplek in de regio'))).toContain('heet nu: Zoek een logeerplek in de regio');
    const list = await h.say('bram', 'c1', 'wegwijs acties');
    expect(list[0].text).toContain('#1 Bel het zorgkantoor (carla, open)');
    expect(list[0].text).toContain('#2 Zoek een logeerplek in de regio (carla, open)');
    // Mine, across networks, in a DM.
    await h.say('carla', 'c9', 'wegwijs netwerk start "Ander netwerk"');
    await h.say('carla', 'c9', 'wegwijs actie Iets in het andere netwerk');
    const mine = await h.say('carla', 'c1', 'wegwijs mijn acties');
    expect(mine[0].dm).toBe(true);
    expect(mine[0].to).toBe('carla');
    expect(mine[0].text).toContain('Jouw open acties (3)');
    expect(mine[0].text).toContain('Passende plekken');
    expect(mine[0].text).toContain('Ander netwerk');
  });

  it('logs an action through the form card when the platform has no modals', async () => {
    const [form] = await h.say('bram', 'c1', 'wegwijs actie');
    expect(form.card?.inputs.map((i) => i.id)).toEqual(['title', 'owner', 'due']);
    const submit = form.card!.buttons[0];
    const outs = await h.press('bram', { channel: 'c1' }, { ...submit.action, inputs: { title: 'Zorgkantoor bellen', owner: '', due: 'volgende week' } });
    expect(outs[0].card?.title).toBe('#1 Zorgkantoor bellen');
    expect(outs[0].card?.body).toContain('ma 23 nov');
    const empty = await h.press('bram', { channel: 'c1' }, { ...submit.action, inputs: { title: ' ' } });
    expect(empty[0].text).toContain('Wat ga je doen?');
  });

  it("asks back with a date picker when the form's date cannot be read, and the picked date is kept", async () => {
    const [form] = await h.say('bram', 'c1', 'wegwijs actie');
    expect(form.card?.inputs.find((i) => i.id === 'due')?.kind).toBe('date');
    const outs = await h.press('bram', { channel: 'c1' }, { ...form.card!.buttons[0].action, inputs: { title: 'Plek zoeken', owner: '', due: 'ergens na de zomer' } });
    expect(outs[0].card?.title).toBe('#1 Plek zoeken');
    const ask = outs.find((o) => o.private && o.text.includes('"ergens na de zomer" kon ik niet als datum lezen'))!;
    expect(ask).toMatchObject({ to: 'bram' });
    expect(ask.card?.inputs.map((i) => `${i.id}:${i.kind}`)).toEqual(['date:date']);
    const pick = ask.card!.buttons[0].action;
    expect(pick.id).toBe('actions.later');
    const picked = await h.press('bram', { channel: 'c1' }, { ...pick, inputs: { date: '2026-12-04' } });
    expect(texts(picked)).toContain('nieuwe datum: vr 4 dec');
  });

  it('opens a modal where the platform supports it', async () => {
    const opened: { submitActionId: string; card: { elements: unknown[] } }[] = [];
    const adapter = Object.assign(Object.create(Object.getPrototypeOf(h.adapter)), h.adapter, {
      openModal: async (_m: unknown, modal: (typeof opened)[number]) => void opened.push(modal),
    });
    await h.app.bot.handle(toIncoming({ user: 'bram', channel: 'c1', text: 'wegwijs actie' }, 'wegwijs'), adapter);
    expect(opened).toHaveLength(1);
    expect(opened[0].submitActionId).toBe('actions.create');
  });

  it('exports CSV privately, with proper escaping, for facilitators only', async () => {
    await h.say('bram', 'c1', 'wegwijs actie Overleg "warme overdracht", met gemeente');
    await h.say('bram', 'c1', 'wegwijs actie =SOM(A1)');
    expect(texts(await h.say('bram', 'c1', 'wegwijs export'))).toContain('alleen een facilitator');
    const [out] = await h.say('anna', 'c1', 'wegwijs export');
    expect(out.private).toBe(true);
    expect(out.to).toBe('anna');
    // Dutch Excel: a byte-order mark, `;` between fields, Dutch headers and status words.
    expect(out.text).toContain('```csv\n\uFEFFnummer;actie;eigenaar;status;datum;aangemaakt;bijgewerkt;laatste notitie\n');
    expect(out.text).toContain('1;"Overleg ""warme overdracht"", met gemeente";bram;open;;2026-11-16;2026-11-16;');
    expect(out.text).toContain("2;'=SOM(A1);bram;open");
    await h.say('bram', 'c1', 'wegwijs actie 1 vast wacht op gemeente; daarna verder');
    const [again] = await h.say('anna', 'c1', 'wegwijs export');
    expect(again.text).toContain('loopt vast');
    expect(again.text).toContain('"wacht op gemeente; daarna verder"');
    // An English network gets English headers and status words.
    await h.say('anna', 'c1', 'wegwijs netwerk taal en');
    const [english] = await h.say('anna', 'c1', 'wegwijs export');
    expect(english.text).toContain('\uFEFFnumber;action;owner;status;due;created;updated;last note\n');
    expect(english.text).toContain(';stuck;');
  });

  it('offers the action-log port to other features', async () => {
    const port = h.app.services.ports.actionLog!;
    const channel = { platform: 'console' as const, tenantId: 'local', channelId: 'c1', isDirect: false };
    await h.say('bram', 'c1', 'wegwijs actie Eerste');
    const start = h.outputs.length;
    const added = await port.addActions(channel, [{ title: 'Afspraak met zorgkantoor maken', owner: '@bram', due: 'vrijdag' }, { title: 'Verslag delen' }], { id: 'anna', name: 'anna' });
    expect(added).toEqual([
      { number: 2, title: 'Afspraak met zorgkantoor maken' },
      { number: 3, title: 'Verslag delen' },
    ]);
    // One summary for the batch, not a message per action.
    const summary = h.outputs.slice(start).filter((o) => o.dm);
    expect(summary.map((o) => o.to)).toEqual(['anna']);
    expect(summary[0].text).toContain('2 acties vastgelegd');
    const list = await h.say('anna', 'c1', 'wegwijs acties');
    expect(list[0].text).toContain('#2 Afspraak met zorgkantoor maken (bram, open, voor vr 20 nov)');
    expect(list[0].text).toContain('#3 Verslag delen (anna, open)');
    // "@Carla" was typed as a name, not a member: once carla takes part, the action is hers.
    const before = h.outputs.length;
    const [byName] = await port.addActions(channel, [{ title: 'Logeerplek zoeken', owner: '@Carla' }], { id: 'anna', name: 'anna' })!.then((r) => r!);
    expect(byName.number).toBe(4);
    // No confirmation in the channel here, so the facilitator hears it privately.
    const told = h.outputs.slice(before).filter((o) => o.dm);
    expect(told.map((o) => o.to)).toEqual(['anna']);
    expect(told[0].text).toContain('#4 "Logeerplek zoeken", eigenaar Carla');
    expect(told[0].text).toContain('Carla is nog geen lid');
    await h.say('carla', 'c1', 'wegwijs actie Eigen actie');
    expect((await h.say('carla', 'c1', 'wegwijs actie 4 klaar'))[0].text).toContain('Actie #4 is klaar');
    expect(await port.addActions({ ...channel, channelId: 'nope' }, [{ title: 'x' }], { id: 'anna', name: 'anna' })).toBeUndefined();
  });
});

describe('mentions from other platforms', () => {
  it('takes a Slack "@U123" or a Teams plain-name mention out of the title', async () => {
    const slack = await h.send({ user: 'anna', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor @bram voor vrijdag' });
    expect(slack[0].card?.title).toBe('#1 Bel het zorgkantoor');
    const incoming = toIncoming({ user: 'anna', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor Bram de Vries voor vrijdag' }, 'wegwijs');
    const before = h.outputs.length;
    await h.app.bot.handle({ ...incoming, mentions: [{ id: 'aad-123', name: 'Bram de Vries' }] }, h.adapter);
    const teams = h.outputs.slice(before);
    expect(teams[0].card?.title).toBe('#2 Bel het zorgkantoor');
    expect(teams[0].card?.body).toContain('Eigenaar: Bram de Vries');
    const slackStyle = toIncoming({ user: 'anna', channel: 'c1', text: 'wegwijs actie Plan overleg @U0123ABC' }, 'wegwijs');
    const at = h.outputs.length;
    await h.app.bot.handle({ ...slackStyle, mentions: [{ id: 'U0123ABC', name: '' }] }, h.adapter);
    expect(h.outputs[at].card?.title).toBe('#3 Plan overleg');
    expect(h.outputs[at].card?.body).toContain('Eigenaar: U0123ABC');
  });
});
