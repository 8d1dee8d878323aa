/**
 * `leaks` (forms.ts) for many forms over large places (a SQLite file and its -wal of megabytes),
 * each finding as "place: marker in …context… (from "form")". `leaks` itself first checks that a
 * marker occurs at all, with the same case-insensitive matching, and looks for each marker once
 * per place, so every form is simply searched with it (a lower-case pre-check here, which could
 * in principle skip a form the word rules would find, was three times slower).
 */
import { leaks } from './forms.ts';

export function leaksIn(places: Record<string, string>, forms: string[], min = 4): string[] {
  const found: string[] = [];
  for (const [place, content] of Object.entries(places)) {
    for (const form of forms) {
      for (const leak of leaks(content, form, min)) found.push(`${place}: ${leak} (from "${form}")`);
    }
  }
  return found;
}
