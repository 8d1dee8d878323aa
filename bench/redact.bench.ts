/**
 * `npm run bench -- redact`: the cost of one redaction pass (`redact`, and `redactIncoming` as the
 * core calls it once per turn) on realistic inputs: the tuning questions in turn (short questions,
 * Dutch and English), and longer told situations with names, a BSN, a phone number, an address and
 * a date of birth. CPU microseconds per call, the lowest of seven rounds after a warm-up.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redact, redactIncoming } from '../src/privacy/index.ts';
import { loadSplit } from '../src/ask/evaluate.ts';
import type { IncomingMessage } from '../src/core/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = new Date('2026-11-30T12:00:00Z');

function questions(): string[] {
  return loadSplit(join(ROOT, 'test/eval'), 'tune').map((item) => item.q);
}

const SITUATIONS = [
  'Ik ben casemanager bij MEE en ik zit vast met de situatie van mevrouw Fatma Yilmaz (geboren 12-03-1949, BSN 111222333). ' +
    'Ze woont op de Kerkstraat 45, 3511 AB Utrecht en haar dochter Ayse belt me steeds op 06-12345678. Mevrouw heeft dementie ' +
    'en een Wlz-indicatie VV5, maar het zorgkantoor zegt dat er geen plek is in de regio. De huisarts, dr. Jansen, vindt thuis ' +
    'wonen niet meer verantwoord. Haar zoon Mehmet wil dat ze naar een verpleeghuis in Amersfoort gaat. Wie moet hier nu wat doen, ' +
    'en kan ik een klacht indienen bij het zorgkantoor als ze blijven zeggen dat er niets is?',
  'Meneer de Vries (78) uit Zwolle, dossiernummer 2023-0456, heeft na een beroerte NAH en woont alleen. Zijn zus belde gisteren ' +
    'met de vraag of hij meerzorg kan krijgen; e-mail j.devries@example.nl. Het wijkteam twijfelt tussen Wmo en Wlz.',
  'My client Sarah Okafor, born 3 April 1951, lives at 12 Baker Street with her son; her phone is +44 7700 900456 and her ' +
    'email is s.okafor@gmail.com. She has a care assessment pending and the care office says there is a waiting list. ' +
    'Who is responsible for finding her a place in the meantime, and can her daughter Grace act as her representative?',
];

function message(text: string): IncomingMessage {
  return {
    platform: 'console',
    tenantId: 't',
    channelId: 'c',
    user: { id: 'u1', name: 'Gebruiker 1' },
    addressedToBot: true,
    isDirect: true,
    mentions: [],
    text,
  };
}

/**
 * CPU microseconds per call over `texts` (process CPU time, which other work on a shared machine
 * disturbs less than the wall clock), the lowest of seven rounds after a warm-up round.
 */
function perCall(texts: string[], work: (text: string) => unknown, minCalls = 4000): number {
  const rounds: number[] = [];
  const reps = Math.max(1, Math.ceil(minCalls / texts.length));
  for (let round = 0; round < 8; round++) {
    const start = process.cpuUsage();
    for (let r = 0; r < reps; r++) for (const t of texts) work(t);
    const used = process.cpuUsage(start);
    if (round > 0) rounds.push((used.user + used.system) / (reps * texts.length));
  }
  return Math.min(...rounds);
}

export async function run(): Promise<void> {
  const all = questions();
  const short = all.filter((q) => q.length <= 80);
  const sets: [string, string[]][] = [
    [`tuning questions (${all.length}, mean ${Math.round(all.reduce((s, q) => s + q.length, 0) / all.length)} chars)`, all],
    [`short questions (${short.length}, <= 80 chars)`, short],
    ['told situation, Dutch (~560 chars, name/BSN/phone/address/date)', [SITUATIONS[0]]],
    ['told situation, Dutch (~230 chars)', [SITUATIONS[1]]],
    ['told situation, English (~390 chars)', [SITUATIONS[2]]],
  ];
  console.log('| input | redact µs/call | redactIncoming µs/turn |');
  console.log('|---|---|---|');
  for (const [name, texts] of sets) {
    const r = perCall(texts, (t) => redact(t, NOW));
    const messages = texts.map(message);
    const i = perCall(messages as unknown as string[], (m) => redactIncoming(m as unknown as IncomingMessage, NOW));
    console.log(`| ${name} | ${r.toFixed(1)} | ${i.toFixed(1)} |`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
