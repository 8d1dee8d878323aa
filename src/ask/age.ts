/**
 * An age in a question ("16 y/o", "een 17-jarige", "84 jaar") says which rules apply: the
 * cards speak of "jonger dan 18", "kinderen" and "ouderen", not of 16. The age
 * is kept and the band it falls in is added in the cards' words, Dutch and English.
 */
const AGE = /\b(\d{1,3})\s*(?:-?\s*(?:jarige?n?|year[- ]olds?)|\s*(?:y\/o|yo|yrs?|jr|jaar(?: oud)?|years?(?: old)?))(?![\p{L}\d])/giu;

function band(age: number): string | undefined {
  if (age < 18) return 'kind jonger dan 18 jaar, child under 18';
  // 18 to 23 is left as it is: "jongvolwassene" finds the reports about young adults as a group,
  // not the rules for one person past 18 (verlengde jeugdhulp).
  if (age >= 65 && age < 120) return 'oudere, older person';
  return undefined;
}

/** The question with the band of each age it names added after it ("16 y/o" → "16 jaar (kind jonger dan 18 jaar, child under 18)"). */
export function withAgeBands(text: string): string {
  return text.replace(AGE, (_whole, n: string) => {
    const words = band(Number(n));
    // "y/o", "yo", "jr" are no words of any card: the age is said as the cards say it.
    return words ? `${n} jaar (${words})` : `${n} jaar`;
  });
}
