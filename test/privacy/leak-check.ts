/**
 * How the red-team corpora (corpus-rt4, corpus-rt5) judge a redacted message. A span leaks when it
 * survives whole (case-insensitive, any run of white space alike, so a no-break space or a line
 * break inside it counts), or one of its telling words does (a name's words, an e-mail's or link's
 * name parts: "[naam] Linden", "jan.[naam]@…"), or a digit group of three or more ("06-[…] 345678"
 * still leaks "345678"). A word or group counts only when the redacted text holds it more often than
 * the message does outside its spans ("mevr Hoogeveen uit Hoogeveen" keeps the town). Each corpus
 * says which words tell nothing on their own (particles, the words of an obfuscated address or a
 * written-out number) and which kinds of span have telling words at all.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const spaced = (s: string) => escape(s.replace(/\s+/gu, ' ')).replace(/ /g, '\\s+');

/** How often a word stands in a text as a whole word (case as written when `caseSensitive`). */
export function count(out: string, word: string, caseSensitive = false): number {
  return (out.match(new RegExp(`(?<![\\p{L}\\p{N}])${spaced(word)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu')) ?? []).length;
}

export interface LeakRules {
  /** Words that tell nothing on their own: particles, parts of addresses, number words. */
  silent: Set<string>;
  /** Whether a kind of span has telling words at all (a name does; a BSN's letters do not). */
  hasWords: (kind: string) => boolean;
}

/** The leak test of one corpus, given its rules. */
export function leakTest(rules: LeakRules) {
  const tellingWords = (kind: string, span: string): string[] =>
    rules.hasWords(kind)
      ? span
          .split(/[^\p{L}'’]+/u)
          .map((w) => w.replace(/^['’]+|['’]+$/g, ''))
          .filter((w) => w.length >= 3 && !rules.silent.has(w.toLowerCase()))
      : [];
  return (out: string, kind: string, span: string, text: string, spans: string[]): boolean => {
    if (new RegExp(spaced(span), 'iu').test(out)) return true;
    let rest = text;
    for (const s of spans) rest = rest.split(s).join(' ');
    for (const w of tellingWords(kind, span)) if (count(out, w) > count(rest, w)) return true;
    for (const g of span.match(/\d{3,}/g) ?? []) {
      const re = new RegExp(`(?<!\\d)${g}(?!\\d)`, 'g');
      if ((out.match(re) ?? []).length > (rest.match(re) ?? []).length) return true;
    }
    return false;
  };
}
