/**
 * An action's title as the person means it: without a role preamble ("ik als
 * cliëntondersteuner:", "as the care office:", "namens het zorgkantoor:") and without the
 * fragments a removed mention leaves behind ("< >", "<@>"). Only a preamble that ends in a colon
 * or a dash counts, so "Als de cliënt akkoord is, de huisarts bellen" (a condition) stays whole.
 */

/** Words after "als"/"as" that begin a condition ("als het lukt"), not a role ("als facilitator"). */
const NOT_A_ROLE = /^(het|dit|dat|er|we|wij|ik|je|jij|jullie|u|zij|ze|hij|men|die|deze|niets|niemand|iemand|alles|nodig|mogelijk|it|this|that|there|i|you|they|he|she|soon|needed|possible|nothing|anyone|someone)$/iu;

const PREAMBLE = /^\s*(?:(?:ik|wij|we|i)\s+)?(als|as|namens|on\s+behalf\s+of|vanuit)\s+((?:[\p{L}\p{N}'’.&/-]+\s+){0,4}?[\p{L}\p{N}'’.&/-]+)\s*(?::|\s[-–—])\s*/iu;

export function cleanTitle(text: string): string {
  let title = text
    // What a removed "<@U123>" or "<@U123|anna>" leaves behind.
    .replace(/<[@#!]?\s*(?:\|[^<>]*)?>/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const preamble = PREAMBLE.exec(title);
  if (preamble) {
    const condition = /^(als|as)$/i.test(preamble[1]) && NOT_A_ROLE.test(preamble[2].split(/\s+/)[0]);
    const rest = title.slice(preamble[0].length).trim();
    if (!condition && rest) title = rest;
  }
  return title;
}
