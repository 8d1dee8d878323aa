/**
 * The blind red-team batch (corpus/blind-*.txt): its loader (escapes for line breaks, invisible
 * and look-alike characters) and a leak check that also sees through look-alikes: a name typed
 * with a Cyrillic "а", digits in another script or mathematical bold still count as leaked when
 * they survive, so a detector that merely skips them does not pass.
 */
import { leaks, readLines, type CorpusLine } from './forms.ts';

/** "\n", "\uXXXX" and "\u{X…}" written in the corpus file become the characters. */
export const decode = (s: string) =>
  s.replace(/\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\n/gi, (m, a: string, b: string) => (m === '\\n' ? '\n' : String.fromCodePoint(parseInt(a ?? b, 16))));

export function blindCorpus(name = 'blind-personal.txt'): CorpusLine[] {
  return readLines(name).map((raw) => {
    const line = decode(raw);
    return { text: line.replace(/[⟦⟧]/g, ''), forms: [...line.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]) };
  });
}

export const blindOrdinary = (name = 'blind-ordinary.txt') => readLines(name).map(decode);

// Cyrillic and Greek letters that look like Latin ones (the ones a keyboard or a "fancy text" site gives).
const LOOKALIKE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M',
  Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', α: 'a', ο: 'o', ρ: 'p', ν: 'v', Α: 'A', Β: 'B', Ε: 'E',
  Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X',
};

/** The text as a reader sees it: compatibility forms, no invisible marks, digits and look-alikes as ASCII. */
export function skeleton(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\p{Cf}\u034f]/gu, '')
    .replace(/\p{Nd}/gu, (d) => {
      const code = d.codePointAt(0)!;
      // Every decimal-digit block in Unicode is ten consecutive code points, starting at a multiple of 16 or at …0.
      for (let zero = code; zero > code - 10; zero--) if (/\p{Nd}/u.test(String.fromCodePoint(zero - 1)) === false) return String((code - zero) % 10);
      return d;
    })
    .replace(/[\u0370-\u04ff]/g, (c) => LOOKALIKE[c] ?? c)
    .normalize('NFC');
}

/** The markers of the form that survive in the output, compared as skeletons. */
export const blindLeaks = (output: string, form: string) => leaks(skeleton(output), skeleton(form));
