/**
 * The richer deliberation in script mode (console adapter, injected clock, real SQLite): blind
 * answers revealed together, dot voting, hiding a note, confirmation before ending, guidance only
 * for the facilitator, and the report as documents through the port.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { press as pressIn, privateTo, startSession as startIn, step, storedSession as storedIn, texts } from './session-helpers.ts';

// One app for the file (starting one costs seconds); every test has a channel of its own.
let h: Harness;
let CHANNEL = '';
let channels = 0;
beforeAll(async () => {
  h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
});
afterAll(async () => h.close());
beforeEach(() => {
  CHANNEL = `rijk-${++channels}`;
});
const startSession = (harness: Harness) => startIn(harness, 'anna', 'kort', CHANNEL);
const press = (harness: Harness, user: string, id: string, value: Record<string, string | number>) => pressIn(harness, user, id, value, CHANNEL);
const storedSession = (harness: Harness, thread: string) => storedIn(harness, thread, CHANNEL);
const codeOf = async (thread: string) => (await storedSession(h, thread)).code as number;

const CHOICE = 4; // "Ieders keuze" in kort: blind, three dots on the options of step 4
const OPTIONS = 3;

async function toStep(thread: string, from: number, to: number) {
  for (let i = from; i < to; i++) await press(h, 'anna', 'next', step(thread, i));
}

/** A session at the choice step, with three options collected in the options step. */
async function atChoice(): Promise<string> {
  const { thread } = await startSession(h);
  for (const who of ['bram', 'carla', 'dirk']) await press(h, who, 'join', { s: thread });
  await toStep(thread, 0, OPTIONS);
  await h.say('bram', CHANNEL, '- Thuis blijven met extra zorg\n- Verhuizen naar een instelling', thread);
  await h.say('carla', CHANNEL, 'Eerst logeeropvang proberen', thread);
  await toStep(thread, OPTIONS, CHOICE);
  return thread;
}

const submit = (user: string, thread: string, answer: string, as = 'named', i = CHOICE) =>
  h.press(user, { channel: CHANNEL }, { id: 'deliberate.submit', value: { s: thread, i }, inputs: { answer, as } });
const publicOut = (out: ConsoleOutput[]) => out.filter((o) => !o.private && !o.dm);
const lastCard = (title: string) => [...h.outputs].reverse().find((o) => o.card?.title === title)!;

describe('blind step', () => {
  it('keeps answers private until the facilitator shows them all at once', async () => {
    const thread = await atChoice();
    const card = lastCard('Stap 5 van 7: Ieders keuze');
    expect(card.card!.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Mijn antwoord', 'Toon alles']));

    // No modal in the console: the form comes privately, to the one who pressed.
    const form = await press(h, 'bram', 'answer', step(thread, CHOICE));
    expect(form).toHaveLength(1);
    expect(form[0]).toMatchObject({ private: true, to: 'bram' });
    expect(form[0].card!.inputs.map((i) => i.id)).toEqual(['answer', 'as']);

    const before = h.outputs.length;
    await submit('bram', thread, 'Thuis blijven; zelfbeschikking weegt voor mij het zwaarst.');
    // Typed in Dutch (the interactive console asks for each field): still anonymous.
    await submit('carla', thread, 'Logeeropvang, want veiligheid gaat voor.', 'Anoniem');
    await h.dm('dirk', `wegwijs beraad anoniem #${await codeOf(thread)} Verhuizen, met veel bezoek.`);
    // A second named answer replaces the first.
    await submit('bram', thread, 'Thuis blijven met extra zorg; zelfbeschikking weegt het zwaarst.');
    const meanwhile = h.outputs.slice(before);
    for (const o of publicOut(meanwhile)) expect(o.text).not.toMatch(/zelfbeschikking|Logeeropvang, want|met veel bezoek/);
    expect(lastCard('Stap 5 van 7: Ieders keuze').text).toMatch(/Antwoorden: 3 binnen/);
    const stored = await storedSession(h, thread);
    expect(stored.contributions.filter((c: { blind?: boolean }) => c.blind)).toHaveLength(3);
    expect(stored.contributions.find((c: { text: string }) => c.text.startsWith('Logeeropvang'))).not.toHaveProperty('userId');

    // Only the facilitator reveals; the reveal shows every answer together, once.
    // The web console's document of the running session does not show them either.
    const running = await h.app.services.ports.deliberationReports!.report(`console:local:${CHANNEL}`, thread, 'md');
    expect(running).not.toMatch(/zelfbeschikking|Logeeropvang, want|met veel bezoek/);
    expect(running).toContain('Eerst logeeropvang proberen');
    expect(texts(await press(h, 'bram', 'reveal', step(thread, CHOICE)))).toMatch(/Alleen de gespreksleider/);
    const shown = await press(h, 'anna', 'reveal', step(thread, CHOICE));
    const all = shown.find((o) => o.card?.title === 'Alle antwoorden van stap 5: Ieders keuze')!;
    expect(all).toMatchObject({ channel: CHANNEL, thread });
    expect(all.text).toContain('bram: Thuis blijven met extra zorg; zelfbeschikking weegt het zwaarst.');
    expect(all.text).toContain('anoniem: Logeeropvang, want veiligheid gaat voor.');
    expect(all.text).toContain('anoniem: Verhuizen, met veel bezoek.');
    expect(all.text).not.toContain('Thuis blijven; zelfbeschikking');
    expect(await h.app.services.ports.deliberationReports!.report(`console:local:${CHANNEL}`, thread, 'md')).toContain('Logeeropvang, want veiligheid gaat voor.');
    expect(texts(await press(h, 'anna', 'reveal', step(thread, CHOICE)))).toMatch(/al getoond/);
    // After the reveal the form is closed.
    expect(texts(await submit('dirk', thread, 'Te laat.'))).toMatch(/al gesloten of getoond/);
  });

  it('tells someone who answers in the thread that everyone can see it', async () => {
    const thread = await atChoice();
    const out = await h.say('dirk', CHANNEL, 'Ik kies verhuizen.', thread);
    expect(texts(privateTo(out, 'dirk'))).toMatch(/blinde ronde/);
  });
});

describe('dot voting', () => {
  it('gives each person three dots on the options, no more, and puts the dots in the report', async () => {
    const thread = await atChoice();
    const card = lastCard('Stap 5 van 7: Ieders keuze');
    const dots = card.card!.buttons.filter((b) => b.action.id === 'deliberate.vote');
    expect(dots.map((b) => b.label)).toEqual(['● 1. Thuis blijven met extra zorg', '● 2. Verhuizen naar een instelling', '● 3. Eerst logeeropvang proberen']);
    const vote = (user: string, n: number) => h.press(user, { channel: CHANNEL }, { id: 'deliberate.vote', value: dots[n].action.value });

    expect(texts(await vote('bram', 0))).toMatch(/nog 2 van de 3/);
    await vote('bram', 0);
    await vote('bram', 2);
    expect(texts(await vote('bram', 1))).toMatch(/al je 3 stippen/);
    await vote('carla', 2);
    await vote('carla', 2);
    // Clearing gives the dots back.
    expect(texts(await h.press('carla', { channel: CHANNEL }, { id: 'deliberate.unvote', value: step(thread, CHOICE) }))).toMatch(/weer 3/);
    await vote('carla', 2);
    const stored = await storedSession(h, thread);
    expect(stored.votes.filter((v: { userId: string }) => v.userId === 'bram')).toHaveLength(3);
    // Blind step: the dots stay hidden until the answers are shown.
    expect(lastCard('Stap 5 van 7: Ieders keuze').text).not.toMatch(/●●/);
    expect(lastCard('Stap 5 van 7: Ieders keuze').text).toMatch(/2 personen hebben gestemd/);
    await press(h, 'anna', 'reveal', step(thread, CHOICE));
    expect(lastCard('Stap 5 van 7: Ieders keuze').text).toMatch(/1\. Thuis blijven met extra zorg ●● \(2\)/);
    // A button of an old step is refused.
    await toStep(thread, CHOICE, CHOICE + 1);
    expect(texts(await vote('dirk', 0))).toMatch(/eerdere stap/);

    await toStep(thread, CHOICE + 1, 6);
    const end = await press(h, 'anna', 'end', step(thread, 6));
    const report = end.find((o) => o.card?.title?.startsWith('Verslag'))!;
    expect(report.text).toMatch(/Stippen \(Ieders keuze\)/);
    expect(report.text).toMatch(/2 personen stemden, met 3 stippen ieder/);
    expect(report.text).toMatch(/- Thuis blijven met extra zorg: ●● 2\n- Eerst logeeropvang proberen: ●● 2\n- Verhuizen naar een instelling:\s+0/);
  });
});

describe('the people\'s rights with blind answers and dots', () => {
  it('exports a person\'s dots and forgets them without losing the tally', async () => {
    const thread = await atChoice();
    const dots = lastCard('Stap 5 van 7: Ieders keuze').card!.buttons.filter((b) => b.action.id === 'deliberate.vote');
    await h.press('bram', { channel: CHANNEL }, { id: 'deliberate.vote', value: dots[0].action.value });
    await h.press('bram', { channel: CHANNEL }, { id: 'deliberate.vote', value: dots[1].action.value });
    await submit('bram', thread, 'Thuis blijven.');
    expect(texts(await h.dm('bram', 'wegwijs mijn gegevens'))).toContain(`Beraad #${await codeOf(thread)}: je gaf 2 stippen`);
    const ask = await h.dm('bram', 'wegwijs vergeet mij');
    const confirm = ask.flatMap((o) => o.card?.buttons ?? []).find((b) => b.label === 'Ja, vergeet mij')!;
    await h.press('bram', { dm: true }, confirm.action);
    const stored = await storedSession(h, thread);
    expect(JSON.stringify(stored)).not.toMatch(/"bram"/);
    expect(stored.votes).toHaveLength(2);
    const answer = stored.contributions.find((c: { text: string }) => c.text === 'Thuis blijven.');
    expect(answer).toMatchObject({ anonymous: true, blind: true });
    expect(answer.id).toBeDefined();
  });
});

describe('hiding a contribution', () => {
  it('lets only the facilitator erase a note, named or anonymous, and the report says one was removed', async () => {
    const { thread } = await startSession(h);
    await press(h, 'bram', 'join', { s: thread });
    await h.say('bram', CHANNEL, 'Het gaat om de cliënt uit de Lindenstraat met de rode deur.', thread);
    await h.say('carla', CHANNEL, 'Ze wil thuis blijven.', thread);
    const anon = await h.dm('dirk', `wegwijs beraad anoniem #${await codeOf(thread)} De dochter werkt bij de bakker op de hoek.`);
    const echo = anon.find((o) => o.thread === thread && /Anonieme bijdrage/.test(o.text))!;

    expect(texts(await h.say('bram', CHANNEL, 'wegwijs beraad verberg', thread))).toMatch(/Alleen de gespreksleider/);
    const list = (await h.say('anna', CHANNEL, 'wegwijs beraad verberg', thread)).find((o) => o.card?.title?.startsWith('Bijdrage verbergen'))!;
    expect(list).toMatchObject({ private: true, to: 'anna' });
    expect(list.text).toMatch(/1\. \[Casus\] bram: Het gaat om de cliënt uit de Lindenstraat/);
    const hides = list.card!.buttons;
    expect(hides.map((b) => b.label)).toEqual(['Verberg 1', 'Verberg 2', 'Verberg 3']);
    // A participant pressing the facilitator's button is refused.
    expect(texts(await h.press('bram', { channel: CHANNEL }, hides[0].action))).toMatch(/Alleen de gespreksleider/);

    const hid = await h.press('anna', { channel: CHANNEL }, hides[0].action);
    expect(texts(privateTo(hid, 'anna'))).toMatch(/Het oorspronkelijke bericht van bram/);
    const hidAnon = await h.press('anna', { channel: CHANNEL }, hides[2].action);
    // The bot's own copy of the anonymous note is blanked in the thread.
    expect(hidAnon.find((o) => o.update && o.id === echo.id)?.text).toMatch(/door de gespreksleider verwijderd/);
    expect(texts(await h.press('anna', { channel: CHANNEL }, hides[0].action))).toMatch(/niet meer/);

    const stored = await storedSession(h, thread);
    expect(JSON.stringify(stored)).not.toMatch(/Lindenstraat|bakker/);
    expect(stored.removed).toHaveLength(2);
    // The raw store holds no copy either (the record is replaced, not flagged).
    const docs = await h.app.store.docs.query('deliberation', { pk: `console:local:${CHANNEL}` });
    expect(JSON.stringify(docs)).not.toMatch(/Lindenstraat|bakker/);

    // Nor do the database file and its write-ahead log: hiding purges the log (secure_delete zeroes the file).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const store = h.app.store.docs as any;
    expect(store.file).toBeDefined();
    {
      const bytes = [store.file, `${store.file}-wal`].filter((f: string) => existsSync(f)).map((f: string) => readFileSync(f).toString('latin1'));
      const needle = Buffer.from('Lindenstraat', 'utf8').toString('latin1');
      expect(bytes.some((b: string) => b.includes(needle))).toBe(false);
    }

    const md = await h.app.services.ports.deliberationReports!.report(`console:local:${CHANNEL}`, thread, 'md');
    expect(md).toMatch(/2 bijdragen zijn door de gespreksleider verwijderd/);
    expect(md).toContain('Ze wil thuis blijven.');
    expect(md).not.toMatch(/Lindenstraat|bakker/);
  });
});

describe('ending and guidance', () => {
  it('asks "are you sure" privately before ending early, and sends guidance to the facilitator only', async () => {
    const { thread, out } = await startSession(h);
    const guidance = out.filter((o) => /Alleen voor jou als gespreksleider/.test(o.text));
    expect(guidance).toHaveLength(1);
    expect(guidance[0]).toMatchObject({ private: true, to: 'anna' });
    const card = out.find((o) => o.card?.title === 'Stap 1 van 7: Casus')!;
    expect(card.text).not.toMatch(/Vraag naar het moment/);
    const next = await press(h, 'anna', 'next', step(thread, 0));
    expect(next.filter((o) => /Alleen voor jou/.test(o.text)).every((o) => o.private && o.to === 'anna')).toBe(true);

    const ask = await press(h, 'anna', 'end', step(thread, 1));
    expect(ask).toHaveLength(1);
    expect(ask[0]).toMatchObject({ private: true, to: 'anna' });
    expect(ask[0].text).toMatch(/Weet je zeker/);
    const [yes, no] = ask[0].card!.buttons;
    expect(texts(await h.press('anna', { channel: CHANNEL }, no.action))).toMatch(/gaat door/);
    expect((await storedSession(h, thread)).status).toBe('active');
    // A participant cannot confirm.
    expect(texts(await h.press('bram', { channel: CHANNEL }, yes.action))).toMatch(/Alleen de gespreksleider/);
    const ended = await h.press('anna', { channel: CHANNEL }, yes.action);
    expect(ended.some((o) => o.card?.title?.startsWith('Verslag'))).toBe(true);
    expect((await storedSession(h, thread)).status).toBe('ended');
  });
});

describe('the report as a document', () => {
  it('lists the sessions and renders escaped Markdown and self-contained HTML', async () => {
    const { thread } = await startSession(h);
    await h.say('bram', CHANNEL, 'De cliënt zegt <script>alert(1)</script> & "meer" *nu*.', thread);
    await toStep(thread, 0, 6);
    const code = await codeOf(thread);
    const end = await press(h, 'anna', 'end', step(thread, 6));
    // The Markdown file is shared in the thread: the console keeps it under the data folder.
    const shared = end.find((o) => o.document)!;
    expect(shared).toMatchObject({ channel: CHANNEL, thread, document: { filename: `beraad-${code}-kort.md` } });
    expect(shared.document!.file!.startsWith(join(h.dataDir, 'reports'))).toBe(true);
    expect(readFileSync(shared.document!.file!, 'utf8')).toMatch(/^# Verslag/);
    expect(shared.text).toMatch(/wegwijs console/);
    // "Als document": Markdown and HTML by direct message, for whoever took part.
    const download = end.find((o) => o.card?.title?.startsWith('Verslag'))!.card!.buttons.find((b) => b.label === 'Als document')!;
    const mine = await h.press('bram', { channel: CHANNEL }, download.action);
    expect(mine.filter((o) => o.dm && o.to === 'bram').map((o) => o.document?.filename)).toEqual([`beraad-${code}-kort.md`, `beraad-${code}-kort.html`]);
    expect(readFileSync(mine.find((o) => o.document?.filename.endsWith('.html'))!.document!.file!, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(texts(await h.press('zoe', { channel: CHANNEL }, download.action))).toMatch(/voor wie aan dit beraad meedeed/);
    const port = h.app.services.ports.deliberationReports!;
    const list = await port.list(`console:local:${CHANNEL}`);
    expect(list).toEqual([{ id: thread, number: code, method: 'kort', startedAt: '2026-11-23T08:00:00.000Z', participants: 2, actions: 0 }]);
    expect(await port.list('console:local:elders')).toEqual([]);
    expect(await port.report(`console:local:${CHANNEL}`, 'm999', 'md')).toBeUndefined();
    expect(await port.report('console:local:elders', thread, 'html')).toBeUndefined();

    const md = (await port.report(`console:local:${CHANNEL}`, thread, 'md'))!;
    expect(md).toMatch(/^# Verslag/);
    expect(md).toMatch(/\n## Casus\n\n- bram: De cliënt zegt &lt;script&gt;alert\(1\)&lt;\/script&gt; & "meer" \\\*nu\\\*\./);
    expect(md).toMatch(/- \*\*Gespreksleider:\*\* anna/);

    const html = (await port.report(`console:local:${CHANNEL}`, thread, 'html'))!;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);
    expect(html).toContain('De cliënt zegt &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;meer&quot; *nu*.');
    expect(html).toMatch(/@media print/);
    expect(html).toContain('<h2>Casus</h2>');
  });
});
