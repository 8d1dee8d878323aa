/**
 * `leaks` (forms.ts) for many forms over large places (a SQLite file and its -wal of megabytes):
 * a form whose markers do not occur in the place at all, as plain case-insensitive text after the
 * same normalisation, cannot leak there; only the others are searched with `leaks`' word rules.
 * Same answers as calling `leaks` for every form, in a fraction of the time.
 */
import { leakMarkers, leaks } from './forms.ts';

const plain = (s: string) => s.normalize('NFKC').replace(/[\p{Cf}]/gu, '').toLowerCase();

export function leaksIn(places: Record<string, string>, forms: string[], min = 4): string[] {
  const found: string[] = [];
  for (const [place, content] of Object.entries(places)) {
    const text = plain(content);
    for (const form of forms) {
      if (!leakMarkers(form, min).some((m) => text.includes(m.toLowerCase()))) continue;
      for (const leak of leaks(content, form, min)) found.push(`${place}: ${leak} (from "${form}")`);
    }
  }
  return found;
}
