import { describe, expect, it } from 'vitest';
import { closingQuestion } from '../../src/ask/asked-part.ts';
import { offlineEngine } from '../helpers/engine.ts';
import { redact } from '../../src/privacy/index.ts';

// A long told case in a channel: who, how long, what was tried, and at the end the question.
const STORY =
  'Goedemorgen allemaal, lang bericht, sorry. Ik werk als persoonlijk begeleider op een woongroep en we hebben een bewoonster, Fleur (31), met een VG7-profiel. De afgelopen maanden heeft ze veel meer nodig dan we kunnen bieden: grote delen van de dag één op één, anders botst het met de andere bewoners. Het team is op, er zijn twee collega\u2019s ziek thuis en de roosters kloppen niet meer. Onze teamleider zegt dat de indicatie gewoon niet meer toereikend is. Op een andere locatie hoorde ik collega\u2019s praten over een extra regeling als iemand meer zorg nodig heeft dan binnen het profiel past. Hoe heet die regeling precies, en wie moet dat aanvragen en bij wie? Dan kan ik het in het teamoverleg goed uitleggen.';

describe('the closing question of a long told case', () => {
  it('is the run of questions at the end with the sentence before it and the lines after it', () => {
    expect(closingQuestion(STORY)).toBe(
      'Op een andere locatie hoorde ik collega\u2019s praten over een extra regeling als iemand meer zorg nodig heeft dan binnen het profiel past. Hoe heet die regeling precies, en wie moet dat aanvragen en bij wie? Dan kan ik het in het teamoverleg goed uitleggen.',
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

// A long case about one person whose closing question is general: answered; with a choice as its
// closing question: still refused as a decision about one client.
const MENTOR_STORY =
  'Hallo, ik ben de zus van Thijs (44). Sinds een zwaar ongeluk drie jaar geleden heeft hij hersenletsel; hij is ' +
  'impulsief en zet zijn handtekening onder alles wat hem wordt voorgelegd, ook over zijn eigen zorg. Vorige ' +
  'maand leende hij zijn spaargeld uit aan een kennis die hij nauwelijks kent. Onze vader is hoogbejaard en kan ' +
  'dit niet meer dragen. Andere families noemden maatregelen die de kantonrechter kan uitspreken. Welke maatregel ' +
  'is er om mee te beslissen over zorg en welke over geld, en waar vraag je die aan?';

describe('a long told case refused for what it tells of one person', () => {
  it('is answered when its closing question asks a general fact', () => {
    // Redacted first, as every message is at the edge of the core.
    const answer = offlineEngine().answerOffline(redact(MENTOR_STORY).text, { lang: 'nl' });
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/kantonrechter/i);
  });

  it('stays refused when the closing question is the choice itself', () => {
    const choice = MENTOR_STORY.replace(/Welke maatregel.*$/, 'Moeten wij voor Thijs nu mentorschap of bewind aanvragen? Kies jij maar.');
    expect(offlineEngine().answerOffline(redact(choice).text, { lang: 'nl' }).refusal).toBe('client_decision');
  });
});

describe('a long told case that asks a verdict or a choice before its general closing question', () => {
  it('stays refused: the general question at the end does not take the earlier one back', () => {
    const verdict = MENTOR_STORY.replace(
      /Welke maatregel.*$/,
      'Moeten wij voor Thijs nu mentorschap of bewind aanvragen? Onze vader twijfelt nog. En in het algemeen: welke maatregel is er om mee te beslissen over zorg en welke over geld?',
    );
    expect(offlineEngine().answerOffline(redact(verdict).text, { lang: 'nl' }).refusal).toBe('client_decision');
  });
});
