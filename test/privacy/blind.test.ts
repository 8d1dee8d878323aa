/**
 * Red-team batch 9 (corpus/blind-*.txt), written before reading the detectors: client data in forms
 * the earlier batches did not hold (titles with several initials, unlisted first names, nicknames,
 * ages said of a person, addresses with toevoegingen, dates run together or in words, numbers read
 * out in pairs, e-mail with spaces, references of decisions, plates run together, handles without
 * "@", look-alike letters and digits of other scripts, rows of a pasted export, file names in
 * links), and ordinary lines that must stay as written (organisations and sayings named after
 * people, eponymous conditions, a title before a role, law articles, meeting dates, amounts).
 * Measured before its fixes: 39 of 249 lines leaked and 16 of 168 ordinary lines changed.
 * The leak check sees through look-alikes (blind-corpus.ts), so skipping a form does not pass.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/privacy/index.ts';
import type { FakeSlack } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendEvent } from '../slack/slack-helpers.ts';
import type { FakeConnector } from '../teams/fake-connector.ts';
import { blindCorpus, blindLeaks, blindOrdinary, skeleton } from './blind-corpus.ts';
import { corpusChunks, leakedLines } from './forms.ts';
import { leaksIn } from './new-paths-leaks.ts';
import { sendPersonal, useTracedPlatforms, type TracedServer } from './traced-server.ts';

const now = new Date('2026-11-30T12:00:00Z');
const corpus = blindCorpus();
const ordinary = blindOrdinary();
const forms = corpus.flatMap((l) => l.forms);

const leaked = (lines: { text: string; forms: string[] }[]) => leakedLines(lines, now, blindLeaks);

describe('red-team batch 9, by redaction alone', () => {
  it('removes every form', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(240);
    expect(forms.length).toBeGreaterThanOrEqual(280);
    expect(leaked(corpus)).toEqual([]);
  });

  it('leaves every ordinary line as written', () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(150);
    const changed = ordinary.map((text) => `${text}  →  ${redact(text, now).text}`).filter((_, i) => redact(ordinary[i], now).text !== ordinary[i]);
    expect(changed).toEqual([]);
  });

  it('removes every form with an ordinary line before and after it in one message', () => {
    const joined = corpus.map((line, i) => ({ text: `${ordinary[i % ordinary.length]} ${line.text}\n${ordinary[(i + 3) % ordinary.length]}`, forms: line.forms }));
    expect(leaked(joined)).toEqual([]);
  });

  it('redacts 100,000 characters of patterns aimed at the new rules (each pass linear: a quadratic one runs into the time-out)', () => {
    const hostile = [
      '12mrt'.repeat(20_000), 'Jan;de Vries;'.repeat(8_000) + '444003368', 'Bakker, J.'.repeat(10_000), 'Anna, '.repeat(15_000) + 'Lisa en Merel',
      'Оксана '.repeat(15_000) + 'belde', 'J\u0430nssen '.repeat(12_000), 'mw_Bakker_'.repeat(10_000), 'mevrouw Jansen, Anna, '.repeat(4_000),
    ];
    for (const text of hostile) expect(typeof redact(text, now).text).toBe('string');
  });

  it('the leak check sees through look-alikes and other digits', () => {
    // A detector that skipped these would leave them; the check must call that a leak.
    expect(blindLeaks('mevrouw J\u0430nssen', 'Janssen').length).toBeGreaterThan(0);
    expect(blindLeaks('bsn ٤٤٤٠٠٣٣٦٨', '444003368').length).toBeGreaterThan(0);
    expect(skeleton('𝟔𝟔𝟔 ④⑨')).toBe('666 49');
  });
});

describe('batch 10, written after the batch 9 fixes to see how far they generalise', () => {
  // Measured before its own fixes: 16 of 77 lines leaked, 3 of 50 ordinary lines changed. The 18 probes
  // appended after it (each leaked before its fix) stay as regressions.
  const second = blindCorpus('blind2-personal.txt');
  const plain = blindOrdinary('blind2-ordinary.txt');

  it('removes every form', () => {
    expect(second.length).toBeGreaterThanOrEqual(90);
    // Its one residual ("wie kent Ilona? Ze zoekt een woonplek voor haar zoon") goes since batch 11: a next
    // sentence that starts with a pronoun is about the same person, and a home sought marks a person in care.
    expect(leaked(second)).toEqual([]);
  });

  it('leaves every ordinary line as written', () => {
    expect(plain.length).toBeGreaterThanOrEqual(45);
    expect(plain.filter((text) => redact(text, now).text !== text)).toEqual([]);
  });

  it('reads names in another script, and look-alike letters, in a Latin message', () => {
    expect(redact('Оксана Бондаренко belde over haar zoon', now).text).toBe('[naam] belde over haar zoon');
    expect(redact('haar zoon محمد komt morgen', now).text).toBe('haar zoon [naam] komt morgen');
    expect(redact('ВSN 123456789 graag checken', now).text).toBe('ВSN [BSN] graag checken');
    // A message written in that script is its own language, not a name.
    const russian = 'Привет, как дела у тебя сегодня, мой друг?';
    expect(redact(russian, now).text).toBe(russian);
  });
});

describe('red-team batch 9 through real Slack and Teams requests', () => {
  const chunks = corpusChunks(corpus, 2800);
  // Slash commands carry one line of text: whole corpus lines, never a form cut in two.
  const commands = corpusChunks(corpus.map((l) => ({ text: l.text.replace(/\n/g, ' ') })), 1500).map((c) => c.replace(/\n/g, ' '));
  let fake: FakeSlack;
  let teams: FakeConnector;
  let slack: TracedServer;
  let team: TracedServer;
  const placesOf = (kept: Record<string, string>) => Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, skeleton(v)]));
  const skeletonForms = forms.map(skeleton);

  useTracedPlatforms((p) => ({ fake, teams, slack, team } = p));

  async function answered(channel: string, send: () => Promise<Response>): Promise<void> {
    const since = fake.calls.length;
    expect((await send()).status).toBe(200);
    await fake.waitFor((c) => fake.calls.indexOf(c) >= since && (c.args.channel === channel || c.method.startsWith('response/')), `an answer in ${channel}`);
  }

  it('Slack: direct messages, mentions and slash commands store, log and send none of it', async () => {
    await answered('C1', () => sendCommand(slack.server.url, 'netwerk start Passende plekken', { channel: 'C1' }));
    for (const [i, chunk] of chunks.entries()) {
      let ts = nextTs();
      await answered(`D${i}`, () => sendEvent(slack.server.url, { type: 'message', channel_type: 'im', channel: `D${i}`, user: 'U3', text: chunk, ts, event_ts: ts }));
      ts = nextTs();
      await answered('C1', () => sendEvent(slack.server.url, { type: 'app_mention', user: 'U2', text: `<@UBOTT1> ${chunk}`, ts, channel: 'C1', event_ts: ts }));
    }
    for (const command of commands) await answered('C1', () => sendCommand(slack.server.url, `actie ${command}`, { channel: 'C1' }));
    await slack.app.inbox.close?.();
    const places = placesOf({ ...slack.kept(), slack: JSON.stringify(fake.calls.map((c) => c.args)) });
    expect(leaksIn(places, skeletonForms)).toEqual([]);
    expect(places.database + places.wal).toContain('[BSN]');
    expect(places.slack).toContain('[naam]');
  }, 120_000);

  it('Teams: personal messages store, log and send none of it', async () => {
    await sendPersonal(teams, team, chunks);
    const places = placesOf({ ...team.kept(), teams: JSON.stringify(teams.sent.map((r) => r.body)) });
    expect(leaksIn(places, skeletonForms)).toEqual([]);
    expect(places.teams).toContain('[naam]');
  }, 120_000);
});
