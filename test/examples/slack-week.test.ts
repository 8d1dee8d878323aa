/**
 * The facilitator's week of issue 15 (examples/week-nl.jsonl and week-en.jsonl), replayed through
 * the real Slack stack (Bolt in the Wegwijs server, the fake Slack Web API): checked for the
 * slips of issue 15 in what reaches Slack, and for the same facts as in script mode.
 */
import { expect } from 'vitest';
import { RAW_BOLD, type Shown } from './replay.ts';
import { SlackDriver } from './slack-driver.ts';
import { weekSuite } from './week-suite.ts';

type Block = { type: string; text?: { type: string; text: string } };

weekSuite({
  name: 'Slack',
  driver: () => new SlackDriver(),
  mention: (p) => `<@${p.id}>`,
  privatePlace: 'private',
  // mrkdwn bolds with one star: "**" is printed; plain_text (headers, buttons) prints every mark.
  checkMarkup(s: Shown) {
    expect(s.text, s.text.slice(0, 80)).not.toMatch(RAW_BOLD);
    for (const b of ((s.raw as { blocks?: Block[] }).blocks ?? [])) if (b.text?.type === 'plain_text') expect(b.text.text).not.toMatch(/\*[^*\s][^*]*\*|(^|\s)_[^_]+_(\s|$)/);
    for (const button of s.buttons) expect(button.label).not.toMatch(/\*|(^|\s)_[^_]+_(\s|$)/);
  },
});
