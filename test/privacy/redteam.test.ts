/**
 * A red-team batch written without looking at the detectors (corpus/redteam-*.txt): client data
 * the way care professionals type it (names with tussenvoegsels and nicknames, BSNs with a typo,
 * numbers over two lines, record numbers, plates, handles, profile links, form fields, Slack and
 * Teams markup), hidden with invisible characters, and malformed or oversized input. Redaction
 * removes every form and leaves ordinary lines alone; through real Slack and Teams requests none
 * of it is stored, logged or sent; a bad request is refused without its content in the log.
 */
import { describe, expect, it } from 'vitest';
import { redact, redactIncoming } from '../../src/privacy/index.ts';
import type { FakeSlack } from '../slack/fake-slack.ts';
import { nextTs, postSigned, sendEvent } from '../slack/slack-helpers.ts';
import { personalMessage, type FakeConnector } from '../teams/fake-connector.ts';
import { consoleIncoming, corpusChunks, leakedLines, readLines, type CorpusLine } from './forms.ts';
import { leaksIn } from './new-paths-leaks.ts';
import { sendPersonal, TEAMS_WRITER, useTracedPlatforms, type TracedServer } from './traced-server.ts';

const now = new Date('2026-11-30T12:00:00Z');
const corpus: CorpusLine[] = readLines('redteam-personal.txt').map((line) => ({
  text: line.replace(/[⟦⟧]/g, ''),
  forms: [...line.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]),
}));
const forms = corpus.flatMap((l) => l.forms);
const ordinary = readLines('redteam-ordinary.txt');

const leaked = (lines: { text: string; forms: string[] }[]) => leakedLines(lines, now);

describe('red-team corpus', () => {
  it('removes every form', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(120);
    expect(leaked(corpus)).toEqual([]);
  });

  it('leaves the ordinary lines (laws, organisations, meetings, amounts, helplines) as written', () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(60);
    const changed = ordinary.map((text) => ({ text, out: redact(text, now).text })).filter((r) => r.out !== r.text);
    for (const c of changed) console.log(`  changed: ${c.text}  →  ${c.out}`);
    expect((ordinary.length - changed.length) / ordinary.length).toBeGreaterThanOrEqual(0.98);
  });

  it('finds the numbers with invisible characters between every digit', () => {
    const hidden = ['\u200b', '\u200d', '\u2060', '\u00ad', '\ufeff'];
    const lines = corpus
      .filter((l) => l.forms.some((f) => /\d{2}/.test(f)))
      .map((l, i) => ({ text: l.text.replace(/(\d)(?=\d)/g, `$1${hidden[i % hidden.length]}`), forms: l.forms.filter((f) => /\d/.test(f)) }));
    expect(lines.length).toBeGreaterThan(40);
    expect(leaked(lines)).toEqual([]);
  });

  it('finds a BSN or phone number typed over two lines', () => {
    const lines = ['444003368', '726090797', '196593153'].flatMap((n) => [
      { text: `bsn ${n.slice(0, 3)}\n${n.slice(3)}`, forms: [n] },
      { text: `het nummer is ${n.slice(0, 3)} ${n.slice(3, 6)}\n${n.slice(6)} graag checken`, forms: [n] },
    ]);
    lines.push({ text: 'bel haar op 06-\n12345678', forms: ['0612345678'] }, { text: 'tel (020)\n738 2916 na vijven', forms: ['0207382916'] });
    expect(leaked(lines)).toEqual([]);
    // A list of short numbers, one a line, is no BSN.
    expect(redact('stap\n1\n2\n3\n4\n5\n6\n7\n8\n9', now).text).toBe('stap\n1\n2\n3\n4\n5\n6\n7\n8\n9');
  });
});

describe('malformed and oversized text', () => {
  const incoming = consoleIncoming;

  it('redacts text with lone surrogates and control characters without throwing', () => {
    const out = redact('\ud800mevrouw Jansen\udfff BSN 444003368\u0000 tel 06-12345678\u0007', now).text;
    expect(out).not.toMatch(/Jansen|444003368|12345678/);
  });

  it('redacts 100,000 characters of hostile patterns (each pass linear, not quadratic)', () => {
    const hostile = ['12-'.repeat(33_000), 'a.'.repeat(50_000) + '@', '@a_1'.repeat(25_000), 'van de '.repeat(14_000), `${'1 '.repeat(49_990)}444003368`, 'een '.repeat(25_000), '<b>0'.repeat(25_000), '*'.repeat(100_000)];
    for (const text of hostile) {
      expect(typeof redact(text, now).text).toBe('string');
    }
  });

  it('redacts the keys of card inputs too (a forged payload puts text where an id belongs)', () => {
    const { message } = redactIncoming(incoming('', { 'Jan de Vries BSN 444003368': 'x', title: 'bel mw. Öztürk op 0612345678' }), now);
    expect(JSON.stringify(message.action)).not.toMatch(/Vries|444003368|Öztürk|12345678/);
  });

  it('keeps a Slack mention id and a colleague @mentioned, removes a handle a platform word marks', () => {
    const message = { ...incoming('@U024BE7LH kun je insta @sanne_kok92 checken, en @anna_b?'), mentions: [{ id: 'U024BE7LH', name: 'Anna Bakker' }, { id: 'anna_b', name: 'anna_b' }] };
    expect(redactIncoming(message, now).message.text).toBe('@U024BE7LH kun je insta [account] checken, en @anna_b?');
  });
});

describe('the red-team corpus through real Slack and Teams requests', () => {
  const chunks = corpusChunks(corpus, 2800);
  let fake: FakeSlack;
  let teams: FakeConnector;
  let slack: TracedServer;
  let team: TracedServer;

  useTracedPlatforms((p) => ({ fake, teams, slack, team } = p));

  it('Slack: direct messages, oversized and malformed requests store, log and send none of it', async () => {
    for (const [i, chunk] of chunks.entries()) {
      const since = fake.calls.length;
      const ts = nextTs();
      const response = await sendEvent(slack.server.url, { type: 'message', channel_type: 'im', channel: `D${i}`, user: 'U3', text: chunk, ts, event_ts: ts });
      expect(response.status).toBe(200);
      await fake.waitFor((c) => fake.calls.indexOf(c) >= since && c.args.channel === `D${i}`, `an answer in D${i}`);
    }
    // Over the message limit, and a body that is no JSON but carries the same data: answered, not kept.
    const huge = `${chunks[0]}\n${'x '.repeat(60_000)}`;
    let ts = nextTs();
    expect((await sendEvent(slack.server.url, { type: 'message', channel_type: 'im', channel: 'D90', user: 'U3', text: huge, ts, event_ts: ts })).status).toBeLessThan(500);
    ts = nextTs();
    const broken = `{"type":"event_callback","team_id":"T1","event":{"type":"message","text":${JSON.stringify(chunks[0])},"ts":"${ts}"`;
    expect((await postSigned(slack.server.url, broken, 'application/json')).status).toBeLessThan(500);
    // Valid JSON that fails the edge's schema (an id far too long, a nested object for the text).
    ts = nextTs();
    expect((await sendEvent(slack.server.url, { type: 'message', channel_type: 'im', channel: 'D91', user: `U${'9'.repeat(5000)}`, text: chunks[0], ts, event_ts: ts })).status).toBeLessThan(500);
    ts = nextTs();
    const nested = JSON.parse(`${'{"a":'.repeat(500)}${JSON.stringify(chunks[0])}${'}'.repeat(500)}`) as unknown;
    expect((await sendEvent(slack.server.url, { type: 'message', channel_type: 'im', channel: 'D92', user: 'U3', text: nested, blocks: nested, ts, event_ts: ts })).status).toBeLessThan(500);
    await slack.app.inbox.close?.();
    const found = leaksIn({ ...slack.kept(), slack: JSON.stringify(fake.calls.map((c) => c.args)) }, forms);
    expect(found).toEqual([]);
    expect(slack.kept().database + slack.kept().wal).toContain('[BSN]');
  }, 120_000);

  it('Teams: personal messages, and an activity naming two tenants refused without its text in the log', async () => {
    await sendPersonal(teams, team, chunks);
    // Malformed: a nested object where the text belongs, an invalid surrogate, a sender id far too long.
    for (const extra of [{ text: { deep: [[[chunks[0]]]] } }, { text: `\ud800${chunks[0]}\udfff` }, { from: { id: `29:${'x'.repeat(5000)}`, name: chunks[0].slice(0, 200) } }]) {
      expect((await teams.deliver(team.server.url, personalMessage(TEAMS_WRITER, chunks[0], extra))).status).toBeLessThan(500);
      await team.app.inbox.idle();
    }
    const forged = personalMessage(TEAMS_WRITER, chunks[0], { channelData: { tenant: { id: 'tenant-b' } } });
    const sentBefore = teams.sent.length;
    expect((await teams.deliver(team.server.url, forged)).status).toBeLessThan(500);
    await team.app.inbox.idle();
    expect(JSON.stringify(teams.sent.slice(sentBefore))).not.toContain('tenant-b');
    const found = leaksIn({ ...team.kept(), teams: JSON.stringify(teams.sent.map((r) => r.body)) }, forms);
    expect(found).toEqual([]);
    expect(JSON.stringify(teams.sent.map((r) => r.body))).toContain('[naam]');
  }, 120_000);
});
