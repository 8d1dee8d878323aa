/**
 * `leaks` (forms.ts) for many forms over large places (a SQLite file and its -wal of megabytes),
 * each finding as "place: marker in …context… (from "form")". `leaks` itself first checks that a
 * marker occurs at all, with the same case-insensitive matching, and looks for each marker once
 * per place; the markers absent from a place are found first, all in one pass
 * (`noteAbsentMarkers`), and not searched again (a lower-case pre-check per form here, which
 * could in principle skip a form the word rules would find, was three times slower).
 */
import { leaks, noteAbsentMarkers } from './forms.ts';

export function leaksIn(places: Record<string, string>, forms: string[], min = 4): string[] {
  const found: string[] = [];
  for (const [place, content] of Object.entries(places)) {
    // The markers absent from the whole place found in one pass, not searched one by one.
    noteAbsentMarkers(content, forms, min);
    for (const form of forms) {
      for (const leak of leaks(content, form, min)) found.push(`${place}: ${leak} (from "${form}")`);
    }
  }
  return found;
}
