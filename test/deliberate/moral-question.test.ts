import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chosenQuestion, questionShape } from '../../src/deliberate/moral-question.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, press, startSession, step, texts } from './session-helpers.ts';

describe('moral question phrasing', () => {
  it.each([
    ['In hoeverre vinden wij dat de cliënt thuis mag blijven wonen?', 'template'],
    ['in hoeverre vind ik dat ik de broer moet inlichten?', 'template'],
    ['To what extent do we think that the client may stay at home?', 'template'],
    ['Mag de cliënt thuis blijven wonen?', 'yes_no'],
    ['Moeten we het zorgkantoor bellen?', 'yes_no'],
    ['Should we tell her brother?', 'yes_no'],
    ['Wie betaalt de extra zorg?', 'factual'],
    ['What does the law say about this?', 'factual'],
    ['Thuis wonen of niet', 'other'],
  ])('%s → %s', (question, shape) => {
    expect(questionShape(question)).toBe(shape);
  });

  it('picks the last well-phrased question for the report', () => {
    expect(chosenQuestion(['Mag het?', 'In hoeverre mag het?', 'Wie beslist?'])).toBe('In hoeverre mag het?');
    expect(chosenQuestion(['Mag het?'])).toBe('Mag het?');
    expect(chosenQuestion([])).toBeUndefined();
  });
});

describe('the moral-question step', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
  });
  afterEach(() => h.close());

  it('suggests the template for a yes/no or factual question, and not for a good one', async () => {
    const { thread } = await startSession(h);
    await press(h, 'anna', 'next', step(thread, 0));
    const yesNo = texts(await h.say('bram', CHANNEL, 'Mag de cliënt thuis blijven wonen?', thread));
    expect(yesNo).toMatch(/ja\/nee-vraag/);
    expect(yesNo).toContain('In hoeverre vind ik/vinden wij dat … mag/moet …?');
    expect(texts(await h.say('bram', CHANNEL, 'Wie betaalt de extra zorg?', thread))).toMatch(/feitelijke of praktische vraag/);
    expect(texts(await h.say('bram', CHANNEL, 'In hoeverre vinden wij dat de cliënt thuis mag blijven wonen?', thread))).not.toMatch(/Probeer de vorm/);
    // Outside the moral-question step nothing is checked.
    await press(h, 'anna', 'next', step(thread, 1));
    expect(texts(await h.say('bram', CHANNEL, 'Mag ik iets zeggen over de broer?', thread))).not.toMatch(/Probeer de vorm/);
  });

  it('speaks English in an English session', async () => {
    await h.say('anna', CHANNEL, 'wegwijs language en');
    const out = await h.say('anna', CHANNEL, 'wegwijs deliberate start short');
    const opening = out.find((o) => o.card?.title === 'Moral deliberation: Short moral deliberation')!;
    expect(opening).toBeDefined();
    expect(texts(out)).toContain('Step 1 of 7: Case');
    await press(h, 'anna', 'next', step(opening.id, 0));
    const hint = texts(await h.say('bram', CHANNEL, 'Should we tell her brother?', opening.id));
    expect(hint).toContain('To what extent do I/we think that … may/should …?');
  });
});
