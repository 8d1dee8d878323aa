/**
 * The facilitator's week of issue 15 (examples/week-nl.jsonl and week-en.jsonl), replayed through
 * the real Slack stack (Bolt in the Wegwijs server, the fake Slack Web API), checked for the slips
 * of issue 15 in what reaches Slack, and for the same facts as in script mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFragments, csvRows, latest, plain, RAW_BOLD, readScript, runWeek, unreadableDates, type Shown, type Week } from './replay.ts';
import { SlackDriver, slackUserId } from './slack-driver.ts';

const WEEKS = [
  { file: 'week-nl.jsonl', lang: 'nl' as const, nudge: 'Wekelijkse voortgang', summary: 'Nieuwe acties in', report: 'Verslag', tooLong: /te lang/ },
  { file: 'week-en.jsonl', lang: 'en' as const, nudge: 'Weekly progress', summary: 'New actions in', report: 'Report', tooLong: /too long/ },
];

describe.each(WEEKS)('$file through Slack', ({ file, lang, nudge, summary, report, tooLong }) => {
  const driver = new SlackDriver();
  let week: Week;
  let visible: Shown[];
  const text = (s: Shown) => plain(s.text, week.people);
  beforeAll(async () => {
    await driver.start(readScript(file));
    week = await runWeek(driver, file);
    visible = week.shown.filter((s) => s.place !== 'modal');
  }, 60_000);
  afterAll(() => driver.close());

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
    expect(card.text).toContain(`<@${slackUserId('anna')}>`);
    expect(card.text).toContain(`<@${slackUserId('bram')}>`);
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
    expect(idea.text.match(/<@U[A-Z]+>/g)).toHaveLength(2);
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

  it('keeps private what script mode says privately (the "message too long" warning among them)', () => {
    const start = (t: string) => plain(t, week.people).slice(0, 40);
    const privately = new Set(week.reference.filter((l) => l.private && l.text).map((l) => start(l.text!)));
    const posted = visible.filter((s) => s.place === 'channel').map((s) => start(s.text));
    expect(posted.filter((t) => privately.has(t))).toEqual([]);
    const warning = visible.filter((s) => tooLong.test(s.text));
    expect(warning.every((s) => s.place === 'private' && s.to === slackUserId('carla'))).toBe(true);
    if (week.reference.some((l) => tooLong.test(l.text ?? ''))) expect(warning).toHaveLength(1);
  });

  it('shows no Markdown marks Slack would print, and no text of the other language', async () => {
    for (const s of visible) {
      const blocks = ((s.raw as { blocks?: { type: string; text?: { type: string; text: string }; elements?: { text?: unknown }[] }[] }).blocks ?? []);
      expect(s.text, s.text.slice(0, 80)).not.toMatch(RAW_BOLD);
      for (const b of blocks) if (b.text?.type === 'plain_text') expect(b.text.text).not.toMatch(/\*[^*\s][^*]*\*|(^|\s)_[^_]+_(\s|$)/);
      for (const button of s.buttons) expect(button.label).not.toMatch(/\*|(^|\s)_[^_]+_(\s|$)/);
    }
    const fragments = await catalogueFragments(lang);
    const all = visible.map((s) => plain(s.text, week.people).replace(/[*`_]/g, '').replace(/\s+/g, ' ')).join('\n');
    expect(fragments.filter((f) => all.includes(f))).toEqual([]);
  });
});
