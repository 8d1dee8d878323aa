/**
 * The redaction corpus: every personal-data form in corpus/personal.txt is removed, and ordinary
 * care sentences (corpus/ordinary.txt) stay as they are, at least 98% of them (the figure is
 * printed). Also: redacting twice changes nothing and still reports what was removed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/core/index.ts';
import { PLACEHOLDER_PATTERN, redact } from '../../src/privacy/index.ts';
import { blindCorpus, blindLeaks, blindOrdinary } from './blind-corpus.ts';
import { leakedLines, leaks, personalCorpus, readLines } from './forms.ts';

const now = new Date('2026-11-30T12:00:00Z');

describe('personal-data corpus', () => {
  const corpus = personalCorpus();

  it('has at least 150 forms', () => {
    expect(corpus.flatMap((l) => l.forms).length).toBeGreaterThanOrEqual(150);
  });

  it('removes every form', () => {
    const leaked = corpus.flatMap((line) => {
      const out = redact(line.text, now).text;
      return line.forms.flatMap((form) => leaks(out, form).map((marker) => `${line.text}  →  ${out}  (leaks ${marker})`));
    });
    expect(leaked).toEqual([]);
  });

  it('reports a kind for every line and is idempotent', () => {
    for (const line of corpus) {
      const once = redact(line.text, now);
      expect(once.found.length, line.text).toBeGreaterThan(0);
      const twice = redact(once.text, now);
      expect(twice.text).toBe(once.text);
      expect(twice.found).toEqual(once.found);
    }
  });
});

describe('ordinary sentences', () => {
  it('leaves at least 98% unchanged', () => {
    const lines = readLines('ordinary.txt');
    expect(lines.length).toBeGreaterThanOrEqual(150);
    const changed = lines.map((text) => ({ text, out: redact(text, now).text })).filter((r) => r.out !== r.text);
    const kept = (lines.length - changed.length) / lines.length;
    console.log(`privacy corpus: ${lines.length - changed.length}/${lines.length} ordinary sentences unchanged (${(kept * 100).toFixed(1)}%)`);
    for (const c of changed) console.log(`  changed: ${c.text}  →  ${c.out}`);
    expect(kept).toBeGreaterThanOrEqual(0.98);
  });

  it('has placeholders a consumer can find', () => {
    const out = redact('mevrouw Jansen, BSN 111222333', now).text;
    expect(out.match(PLACEHOLDER_PATTERN)).toEqual(['[naam]', '[BSN]']);
  });
});

/** Every personal line of a red-team corpus loses its marked forms, alone and between two ordinary lines. */
function expectNoLeaks(corpus: ReturnType<typeof blindCorpus>, ordinary: string[], atLeast: number): void {
  expect(corpus.length).toBeGreaterThanOrEqual(atLeast);
  expect(leakedLines(corpus, now, blindLeaks)).toEqual([]);
  const joined = corpus.map((line, i) => ({ text: `${ordinary[i % ordinary.length]} ${line.text}\n${ordinary[(i + 3) % ordinary.length]}`, forms: line.forms }));
  expect(leakedLines(joined, now, blindLeaks)).toEqual([]);
}

/** Every ordinary line of a red-team corpus stays exactly as written. */
function expectUnchanged(ordinary: string[], atLeast: number): void {
  expect(ordinary.length).toBeGreaterThanOrEqual(atLeast);
  expect(ordinary.filter((text) => redact(text, now).text !== text)).toEqual([]);
}

describe('red-team batch 11 (corpus/redteam11-*.txt), written before reading the corpus files', () => {
  // Bare first names in many positions (object, after a preposition, verb-first questions, with an
  // age, a diagnosis, a place; lower case, double, non-Dutch), surnames, and every kind of number.
  // Measured before its fixes: 35 of 80 lines leaked, 2 of 40 ordinary lines changed.
  const corpus = blindCorpus('redteam11-personal.txt');
  const ordinary = blindOrdinary('redteam11-ordinary.txt');

  it('removes every form, also with an ordinary line before and after it', () => expectNoLeaks(corpus, ordinary, 80));

  it('takes a first name in a sentence with a personal number or date as its owner, but not an organisation named after a person', () => {
    expect(redact('BSN van Rik is 305419894', now).text).toBe('BSN van [naam] is [BSN]');
    expect(redact('Bel het Ronald McDonald Huis op 020-5551234 voor een kamer.', now).text).toBe('Bel het Ronald McDonald Huis op [telefoon] voor een kamer.');
    expect(redact('Mail naar info@sophiarevalidatie.nl, Sophia Revalidatie reageert snel.', now).text).toBe('Mail naar [e-mail], Sophia Revalidatie reageert snel.');
  });

  it('leaves every ordinary line as written (colleagues at work, organisations and conditions named after people)', () => expectUnchanged(ordinary, 40));
});

describe('the knowledge base as ordinary text', () => {
  /** Every sentence of the knowledge cards' bodies: real care text written without client data. */
  function sentences(): string[] {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md')) files.push(path);
      }
    };
    walk(join(DEFAULT_KNOWLEDGE_DIR, 'cards'));
    return files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split(/\n---\n/)
        .slice(-1)[0]
        .split(/(?<=[.?!])\s+|\n+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 20 && !/^(?:https?:|\[|#|\|)/.test(s)),
    );
  }

  // Real policy text is full of dates, years, article numbers, amounts and codes: none of them may
  // be taken for personal data. It also names people (report authors, "familie E."), which go.
  it('touches no number, date or address in it; only names of people go', () => {
    const all = sentences();
    expect(all.length).toBeGreaterThan(100);
    const changed = all.map((text) => ({ text, redaction: redact(text, now) })).filter((r) => r.redaction.text !== r.text);
    const kept = (all.length - changed.length) / all.length;
    console.log(`privacy corpus: ${all.length - changed.length}/${all.length} knowledge-base sentences unchanged (${(kept * 100).toFixed(1)}%)`);
    for (const c of changed) console.log(`  changed: ${c.text}  →  ${c.redaction.text}`);
    expect(changed.filter((c) => c.redaction.found.some((kind) => kind !== 'name')).map((c) => c.redaction.text)).toEqual([]);
  });
});

describe('sentences run together', () => {
  // People write several sentences in one message: a find must not depend on where a line ends,
  // and a sentence end must not make the next sentence's first word a name.
  const separators = [' ', ', ', '\n', '; ', ' en '];

  it('still removes every form', () => {
    const corpus = personalCorpus();
    const ordinary = readLines('ordinary.txt');
    const leaked: string[] = [];
    for (const sep of separators) {
      corpus.forEach((line, i) => {
        const other = corpus[(i + 7) % corpus.length];
        const plain = ordinary[i % ordinary.length];
        const cases: [string, string[]][] = [
          [`${line.text}${sep}${other.text}`, [...line.forms, ...other.forms]],
          [`${plain}${sep}${line.text}`, line.forms],
          [`${line.text}${sep}${plain}`, line.forms],
        ];
        for (const [text, forms] of cases) {
          const out = redact(text, now).text;
          for (const form of forms) for (const leak of leaks(out, form)) leaked.push(`${text}  →  ${out}  (leaks ${leak})`);
        }
      });
    }
    expect(leaked).toEqual([]);
  });

  it('leaves at least 98% of ordinary pairs unchanged', () => {
    const ordinary = readLines('ordinary.txt');
    const pairs = separators.flatMap((sep) => ordinary.map((line, i) => `${line}${sep}${ordinary[(i + 5) % ordinary.length]}`));
    const changed = pairs.filter((text) => redact(text, now).text !== text);
    const kept = (pairs.length - changed.length) / pairs.length;
    console.log(`privacy corpus: ${pairs.length - changed.length}/${pairs.length} pairs of ordinary sentences unchanged (${(kept * 100).toFixed(1)}%)`);
    for (const c of changed) console.log(`  changed: ${c}  →  ${redact(c, now).text}`);
    expect(kept).toBeGreaterThanOrEqual(0.98);
  });
});

/**
 * The black-box red-team batches from 12 on: each file pair is the lines its fixes removed and the ordinary
 * lines that must stay, with at least this many of each.
 */
const RED_TEAM_BATCHES: { batch: number; title: string; personal: number; ordinary: number }[] = [
  // A first name alone in a sentence about the person's help, benefits, letters, fears, aids or falls
  // ("Fatima heeft een vraag over haar toeslagen", "Hasan is ziek", "Truus valt vaak"), and first names of
  // Eritrean, Somali, Syrian, Afghan, Chinese, Vietnamese, Polish and Ukrainian origin that were not listed.
  // Measured before its fixes: 87 of 586 messages leaked; after: 33 (report in the closing note).
  { batch: 12, title: "black box: first names told with a client's help, benefits, fears and aids", personal: 30, ordinary: 100 },
  // How far batch 12's fixes reached: 128 of 523 messages with client data leaked on arrival. A first name
  // alone in a sentence about care or help of any kind, money trouble, violence, drink or the wish to die;
  // and the ordinary lines (including colleagues at work and places after a name) that must stay.
  { batch: 13, title: 'a fresh black-box set written after batch 12 was fixed', personal: 10, ordinary: 250 },
  // 87 of 354 messages with client data leaked on arrival, 55 after its fixes: a first name and a surname of any
  // origin with an age or contact details after them ("Shurendy Martis (19)", "Chidi Okafor, e-mail …"), the other
  // parts of a name next to a found one ("Adilson Semedo", "Wong Ka Wai"), "Surname, Given name" in a record.
  { batch: 14, title: 'a fresh black-box set written after batch 13 was fixed', personal: 10, ordinary: 200 },
  // The held-out reading of batch 14's fixes: 79 of 351 messages with client data leaked on arrival (22.5%), 67
  // after its own fixes: a given name of any origin in brackets with an age after a found name ("(Thiago, 9)"),
  // joined to one by "en" ("Ghazal en Ahmad Darwish"), a whole name with the person's own family after it, one word
  // opening a clause with a verb and an age or own family after it ("Storm is 7 jaar", "Blessing heeft drie kinderen").
  { batch: 15, title: 'a fresh black-box set written after batch 14 was fixed', personal: 10, ordinary: 180 },
  // The held-out reading of batch 15's fixes: 59 of 280 messages with client data leaked on arrival (21.1%), 47 after
  // its own fixes: a whole name of any origin opening a clause, its verb right after it (or after a second name joined
  // by "en"), or after "voor … zoeken we", in a sentence about a person in care ("Wayan Sutrisno krijgt thuiszorg"),
  // not an organisation's name; a visit or referral with the name as object; hearing, sight and memory; "Nienke's
  // aanvraag"; a glued plate a few words after "kenteken".
  { batch: 16, title: 'a fresh black-box set written after batch 15 was fixed', personal: 12, ordinary: 120 },
  // A fresh black-box set (400 messages, 3 Dec 13:45): 72 of 280 with client data leaked on arrival. Names listed
  // under a heading for people in care ("Cliënten zonder zorgplan: …"), streets of any name with a house number after
  // a word for where someone lives or gets post, numbers typed with an O or spaced around a dash, an account number
  // broken over a line, a body's own case number ("WMO-2025-004417"), a name as whose file it is, a first name that
  // is also a word after a title ("Mevrouw Mei Lin Zhou"), and first names of West African, Indonesian and other
  // origins that were not listed.
  { batch: 17, title: 'a fresh black-box set written after batch 16 was fixed', personal: 17, ordinary: 114 },
  // Written after batch 17 was fixed (3 Dec 14:15): 57 of 280 with client data leaked on arrival, the held-out figure
  // for batch 17's fixes. Rows of a handover or waiting list opening with a first name ("- Gerrit: valt veel",
  // "1. Hamid (ZZP VG5)"; not in the team's own action lists), and a name's genitive before "gedrag", "medicatie".
  { batch: 18, title: 'a fresh black-box set written after batch 17 was fixed', personal: 5, ordinary: 118 },
];

describe.each(RED_TEAM_BATCHES)('red-team batch $batch (corpus/redteam$batch-*.txt), $title', ({ batch, personal, ordinary: atLeast }) => {
  const corpus = blindCorpus(`redteam${batch}-personal.txt`);
  const ordinary = blindOrdinary(`redteam${batch}-ordinary.txt`);

  it('removes every form, also with an ordinary line before and after it', () => expectNoLeaks(corpus, ordinary, personal));

  it('leaves every ordinary line as written', () => expectUnchanged(ordinary, atLeast));
});
