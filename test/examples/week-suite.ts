/**
 * The checks for a replayed example week (issue 15), the same for Slack and Teams: what reaches
 * the platform has none of the slips and the same facts as script mode's run.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFragments, csvRows, latest, plain, readScript, runWeek, unreadableDates, type Driver, type Person, type Shown, type Week } from './replay.ts';

export interface Platform {
  name: string;
  driver(): Driver & { start(script: ReturnType<typeof readScript>): Promise<unknown>; close(): Promise<void> };
  /** A real mention of `p` as it stands in the platform's text. */
  mention(p: Person): string;
  /** Where a message only one person may see goes (Slack: ephemeral; Teams: their 1:1 chat). */
  privatePlace: Shown['place'];
  /** Fails on Markdown marks the platform would show as characters. */
  checkMarkup(s: Shown): void;
  /** Extra checks of a mention in the nudge card (Teams: its entity). */
  checkNudgeMentions?(card: Shown, people: Person[]): void;
}

const WEEKS = [
  { file: 'week-nl.jsonl', lang: 'nl' as const, nudge: 'Wekelijkse voortgang', summary: 'Nieuwe acties in', report: 'Verslag', tooLong: /te lang/ },
  { file: 'week-en.jsonl', lang: 'en' as const, nudge: 'Weekly progress', summary: 'New actions in', report: 'Report', tooLong: /too long/ },
];

export function weekSuite(platform: Platform): void {
describe.each(WEEKS)(`$file through ${platform.name}`, ({ file, lang, nudge, summary, report, tooLong }) => {
  const driver = platform.driver();
  let week: Week;
  let visible: Shown[];
  const text = (s: Shown) => plain(s.text, week.people);
  beforeAll(async () => {
    await driver.start(readScript(file));
    week = await runWeek(driver, file);
    visible = week.shown.filter((s) => s.place !== 'modal');
  }, 60_000);
  afterAll(async () => {
    // REPLAY_DUMP=dir writes what reached the platform, to read when a check fails.
    if (process.env.REPLAY_DUMP && week) writeFileSync(`${process.env.REPLAY_DUMP}/${platform.name}-${file}.json`, JSON.stringify(week.shown.map(({ raw, ...s }) => ({ ...s, raw })), null, 1));
    await driver.close();
  });

  it('reads the same due dates as script mode, and asks only about what is no date', () => {
    expect(unreadableDates(visible.map(text))).toEqual(unreadableDates(week.reference.map((l) => l.text ?? '')));
    const cards = (all: { title?: string; text: string }[]) => all.filter((s) => /^#\d+ /.test(s.title ?? '')).map((s) => `${s.title} | ${/(?:Wanneer|Due|When):?\s*([^\n]*)/.exec(plain(s.text, week.people))?.[1]}`);
    const consoleCards = week.reference.filter((l) => !l.update && l.card).map((l) => ({ title: l.card!.title, text: l.text ?? '' }));
    expect(cards(visible.filter((s) => !s.update))).toEqual(cards(consoleCards));
  });

  it('the CSV export holds the same actions, owners, states and dates', () => {
    const rows = (texts: string[]) => csvRows(texts.find((t) => csvRows(t).length > 1) ?? '');
    const exported = rows(visible.map((s) => s.text));
    expect(exported.length).toBeGreaterThan(2);
    expect(exported).toEqual(rows(week.reference.map((l) => l.text ?? '')));
  });

  it('names each person one way: the display name, real mentions, never a user id or a console handle', () => {
    for (const s of visible) {
      const shown = s.text + s.buttons.map((b) => b.label).join(' ');
      for (const p of week.people) {
        expect(shown.split(`<@${p.id}>`).join(''), `${p.id} raw in "${s.text.slice(0, 80)}"`).not.toMatch(new RegExp(`\\b${p.id}\\b`));
        expect(plain(shown, week.people), `handle ${p.user} in "${s.text.slice(0, 80)}"`).not.toMatch(new RegExp(`(^|[^\\p{L}@/-])${p.user}(?![\\p{L}-])`, 'u'));
      }
      expect(shown).not.toMatch(/Naam U[A-Z]/);
    }
    const card = latest(visible).filter((s) => s.place === 'channel' && s.title?.startsWith(nudge)).at(-1)!;
    const who = (user: string) => week.people.find((p) => p.user === user)!;
    expect(card.text).toContain(platform.mention(who('anna')));
    expect(card.text).toContain(platform.mention(who('bram')));
    platform.checkNudgeMentions?.(card, week.people);
  });

  it('sends the weekly nudge as a card with the owner buttons, updated in place with the same wins as script mode', () => {
    const mine = visible.filter((s) => s.place === 'channel' && s.title?.startsWith(nudge));
    const original = mine.filter((s) => !s.update).at(-1)!;
    const final = latest(mine).find((s) => s.key === original.key)!;
    expect(mine.filter((s) => s.update && s.key === original.key).length).toBeGreaterThanOrEqual(2);
    const consoleNudges = week.reference.filter((l) => l.card?.title?.startsWith(nudge) && !l.private);
    const consoleFinal = consoleNudges.at(-1)!;
    const labels = (bs: { label: string }[]) => [...new Set(bs.map((b) => b.label))];
    expect(labels(final.buttons)).toEqual(labels(consoleFinal.card!.buttons!));
    expect(labels(final.buttons)).toEqual(lang === 'nl' ? ['Klaar', 'Loopt', 'Vast', 'Mijn update', 'Denk mee'] : ['Done', 'Under way', 'Stuck', 'My update', 'Think along']);
    const wins = (t: string) => plain(t, week.people).split('\n').filter((l) => /[🌱🎉]/u.test(l) && /#\d/.test(l));
    expect(wins(final.text)).toEqual(wins(consoleFinal.text!));
    expect(wins(final.text).length).toBeGreaterThanOrEqual(2);
    // The idea from "Denk mee" in the card's thread, naming both people as mentions.
    const idea = visible.find((s) => s.thread === original.key && s.text.startsWith('💡'))!;
    expect(week.people.filter((p) => idea.text.includes(platform.mention(p)))).toHaveLength(2);
  });

  it('sends one summary per deliberation to each facilitator, and the report has the same agreements', () => {
    const to = (who: string | undefined) => week.people.find((p) => p.user === who)?.id;
    const expected = week.reference.filter((l) => l.dm && !l.update && l.card?.title?.startsWith(summary)).map((l) => to(l.to)).sort();
    const sent = visible.filter((s) => s.place === 'dm' && !s.update && s.title?.startsWith(summary));
    expect(sent.map((s) => s.to).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(1);
    const agreements = (t: string) => plain(t, week.people).split('\n').filter((l) => /→ (actie|action) #\d+/.test(l));
    const consoleReport = week.reference.find((l) => l.card?.title?.startsWith(report))!;
    const slackReport = visible.find((s) => s.title?.startsWith(report))!;
    expect(agreements(slackReport.text)).toEqual(agreements(consoleReport.text!));
    expect(agreements(slackReport.text).length).toBeGreaterThanOrEqual(2);
  });

  it('says what script mode says, in the same words, and no more', () => {
    // Each message's first line (mentions as names, numbers as #): a refusal or an error script
    // mode did not give shows up here, and so does a message that never reached the platform.
    // Script mode knows a person by handle until they write; the platform knows every name.
    const named = (t: string) => week.people.reduce((out, p) => out.replace(new RegExp(`(?<![\\p{L}@])${p.user}(?![\\p{L}])`, 'gu'), p.name), t);
    // Teams puts an answer's citation markers ("[1] [2]") before its text.
    const start = (t: string) => plain(named(t), week.people).replace(/^(\[\d+\]\s*)+/, '').replace(/@/g, '').split('\n')[0].replace(/\d+/g, '#').slice(0, 40);
    const said = new Set(week.reference.filter((l) => l.text && !l.update).map((l) => start(l.text!)));
    // A form is a card in script mode, a modal or dialog on the platform.
    const sent = new Set(week.shown.filter((s) => !s.update).map((s) => start(s.place === 'modal' ? `${s.title}\n${s.text}` : s.text)));
    expect([...sent].filter((t) => !said.has(t))).toEqual([]);
    expect([...said].filter((t) => !sent.has(t))).toEqual([]);
  });

  it('keeps private what script mode says privately (the "message too long" warning among them)', () => {
    const start = (t: string) => plain(t, week.people).slice(0, 40);
    const privately = new Set(week.reference.filter((l) => l.private && l.text).map((l) => start(l.text!)));
    expect(privately.size).toBeGreaterThan(3);
    const posted = visible.filter((s) => s.place === 'channel').map((s) => start(s.text));
    expect(posted.filter((t) => privately.has(t))).toEqual([]);
    expect(visible.filter((s) => s.place === platform.privatePlace && privately.has(start(s.text))).length).toBeGreaterThan(3);
    const carla = week.people.find((p) => p.user === 'carla')!;
    const warning = visible.filter((s) => tooLong.test(s.text));
    expect(warning.every((s) => s.place === platform.privatePlace && s.to === carla.id)).toBe(true);
    if (week.reference.some((l) => tooLong.test(l.text ?? ''))) expect(warning).toHaveLength(1);
  });

  it(`shows no Markdown marks ${platform.name} would print, and no text of the other language`, async () => {
    for (const s of visible) platform.checkMarkup(s);
    const all = visible.map((s) => plain(s.text, week.people).replace(/[*`_]/g, '').replace(/\s+/g, ' ')).join('\n');
    expect((await catalogueFragments(lang)).filter((f) => all.includes(f))).toEqual([]);
    // The check sees the catalogue: many of the run's own language's fixed texts are found.
    expect((await catalogueFragments(lang === 'nl' ? 'en' : 'nl')).filter((f) => all.includes(f)).length).toBeGreaterThan(15);
  });
});
}
