import type { Lang } from '../core/index.ts';

/**
 * An age in a question ("16 y/o", "een 17-jarige", "jongen van 17", "mevr. 87") says which rules
 * apply: the cards speak of "jonger dan 18", "kinderen" and "ouderen", not of 16. The age is kept,
 * said as the cards say it ("N jaar"), and the band it falls in is added in the cards' words.
 */

// "16 y/o", "17-jarige", "84 jaar oud", "15 years old"; a bare "6 jaar" only when no word makes it
// a time ("ik zorg al 6 jaar voor hem", "sinds 2 jaar", "for 3 years", "2 jaar geleden").
const TIME_BEFORE = String.raw`(?<!\b(?:al|sinds|voor|over|na|in|binnen|ruim|bijna|ongeveer|circa|afgelopen|laatste|per|elke|om de|for|since|within|after|about|nearly|almost|past|last|every|over)\s+)`;
const WITH_UNIT = String.raw`(?:(\d{1,3})\s*(?:-?\s*(?:jarige?n?|year[- ]olds?)|\s*(?:y\/o|yo|jr|jaar oud|years? old))|${TIME_BEFORE}(\d{1,3})\s*(?:yrs?|jaar|years?)(?!\s+(?:geleden|lang|ago|long|terug|eerder|later)))(?![\p{L}\d])`;
// "jongen van 17", "mevr. 87", "my client, 88,": a person and a number that can only be an age
// (not "client van 3 tot 5 uur", not "mevrouw van 2 weken geleden").
const PERSON = String.raw`(?:jongen|meisje|jongere|puber|kind|zoon|dochter|man|vrouw|meneer|mevrouw|mevr|dhr|mw|client|cliente|bewoner|bewoonster|boy|girl|son|daughter|woman|mr|mrs|ms)\.?,?\s+(?:van\s+|is\s+|aged\s+)?`;
const PERSON_NUMBER = String.raw`(\d{1,3})(?!\s*(?:[-–:.,]\d|tot\b|uur|jaar|jr|years?|y\/o|yo|-?jarig|weken|maanden|dagen|keer|%|euro|hours|weeks|months|days|times))(?![\p{L}\d])`;
const AGE = new RegExp(String.raw`\b(?:${WITH_UNIT}|(${PERSON})${PERSON_NUMBER})`, 'giu');

function band(age: number, lang?: Lang): string | undefined {
  // In the question's language: the other language's words would only dilute what is asked.
  if (age < 18) return lang === 'en' ? 'child under 18' : lang === 'nl' ? 'kind jonger dan 18 jaar' : 'kind jonger dan 18 jaar, child under 18';
  // 18 to 64 is left as it is: "jongvolwassene" finds the reports about young adults as a group,
  // not the rules for one person past 18 (verlengde jeugdhulp).
  if (age >= 65 && age < 120) return lang === 'en' ? 'older person' : lang === 'nl' ? 'oudere' : 'oudere, older person';
  return undefined;
}

/** The question with each age said as "N jaar" and its band added ("16 y/o" → "16 jaar (kind jonger dan 18 jaar, child under 18)"). */
export function withAgeBands(text: string, lang?: Lang): string {
  return text.replace(AGE, (whole, strongAge: string | undefined, weakAge: string | undefined, person: string | undefined, personAge: string | undefined) => {
    const unitAge = strongAge ?? weakAge;
    const n = unitAge ?? personAge!;
    const words = band(Number(n), lang);
    const age = `${n} jaar${words ? ` (${words})` : ''}`;
    // "y/o", "yo", "jr" are no words of any card: the age is said as the cards say it.
    return unitAge !== undefined ? age : words ? `${person}${age}` : whole;
  });
}
