import { describe, expect, it } from 'vitest';
import { closingQuestion } from '../../src/ask/asked-part.ts';
import { offlineEngine } from '../helpers/engine.ts';

// A long told case in a channel: who, how long, what was tried, and at the end the question.
const STORY =
  'Goedemorgen allemaal, lang bericht, sorry. Ik werk als persoonlijk begeleider op een woongroep en we hebben een bewoonster, Fleur (31), met een VG7-profiel. De afgelopen maanden heeft ze veel meer nodig dan we kunnen bieden: grote delen van de dag één op één, anders botst het met de andere bewoners. Het team is op, er zijn twee collega\u2019s ziek thuis en de roosters kloppen niet meer. Onze teamleider zegt dat de indicatie gewoon niet meer toereikend is. Op een andere locatie hoorde ik collega\u2019s praten over een extra regeling als iemand meer zorg nodig heeft dan binnen het profiel past. Hoe heet die regeling precies, en wie moet dat aanvragen en bij wie? Dan kan ik het in het teamoverleg goed uitleggen.';

describe('the closing question of a long told case', () => {
  it('is the run of questions at the end with the sentence before it', () => {
    expect(closingQuestion(STORY)).toBe(
      'Op een andere locatie hoorde ik collega\u2019s praten over een extra regeling als iemand meer zorg nodig heeft dan binnen het profiel past. Hoe heet die regeling precies, en wie moet dat aanvragen en bij wie?',
    );
  });

  it('is not looked for in a short message, nor in one without a question, nor far from the end', () => {
    expect(closingQuestion('Wie vraagt meerzorg aan? Ik werk op een VG-groep.')).toBeUndefined();
    expect(closingQuestion(STORY.replace(/\?/g, '.'))).toBeUndefined();
    expect(closingQuestion(`${STORY} Verder gaat het goed. Het team is blij. De familie ook. Fijne dag.`)).toBeUndefined();
  });

  it('lets the bot answer the question the story was told for', () => {
    const answer = offlineEngine().answerOffline(STORY, { lang: 'nl' });
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/meerzorg/i);
    expect(answer.text).toMatch(/zorgkantoor/i);
  });
});
