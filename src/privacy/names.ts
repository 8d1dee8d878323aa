/**
 * Names of people: after a title in any case ("mevrouw kuipers", "dhr. de jong", "Mw. K."),
 * after a role or kinship word when capitalised ("familie Hendriksen", "zoon Mehmet", "cliënt Jan
 * de Boer"), a listed first name with a surname ("Fatma Yilmaz", "Jan de Vries", "fatma yilmaz"),
 * initials with a surname ("J.P. de Wit"), a form label ("Naam: …", "Casus: …"), a name in brackets
 * after a title ("meneer (Pronk)") and a distinctive common surname alone ("Jansen belde"). A first
 * name alone is kept (in a team's chat it is mostly a colleague) unless the words around it make it
 * a client's (name-context.ts: "Wim (cliënt)", "Jayden (8)", "onze Kees", "Kees heeft een
 * VG7-indicatie", "Over Jeroen:"), or its sentence is about a person in care (name-clause.ts: "Dewi heeft
 * diabetes", "hoe gaat het met Gijs?"). Where a name ends: name-end.ts. The words are data
 * (data/words.ts, data/first-names.ts).
 */
import { COMMON_SURNAMES, NOT_NAMES } from './data/words.ts';
import { clientInSentence } from './name-clause.ts';
import {
  clauseStart,
  FAMILY_WORDS,
  FOREIGN_SURNAME,
  REPORTING_AFTER,
  selfIntroduction,
  sentenceEnd,
  SHORT_NAME_KIN,
  SPOKEN_WITH_BEFORE,
  SURNAME_ENDING,
} from './name-cues.ts';
import { commonSurnameAt, joined, lowerCaseSurname, lowerCaseSurnameAt, nameEnd } from './name-end.ts';
import { companions } from './name-companions.ts';
import { lowerCaseNameBeforeVerb, surnameAfterTitle, wordNameAfterTitle } from './name-after-title.ts';
import { doubleSurname } from './name-double.ts';
import { anyOriginName } from './name-any.ts';
import { dashSignatureEnd, genitiveName, hashtagNames, labelled, namedByWord, ownerName, quotedNames, setOffName, signatureEnd } from './name-signs.ts';
import { listedNames } from './name-lists.ts';
import {
  ABOUT,
  BORN_AFTER,
  CALLED_BETWEEN,
  DISTINCTIVE_SURNAMES,
  ORGANISATION_AFTER,
  OWNER_BEFORE,
  personAfter,
  personAfterFirstName,
  personInCare,
  PLACE_BEFORE,
  POSSESSIVE_AFTER,
  PROFESSIONS,
  RELATIVE_AFTER_GENITIVE,
  ROLE_WORDS,
} from './name-context.ts';
import {
  ambiguous,
  capitalised,
  firstNames,
  isCapitalisedFirstName,
  isInitial,
  lowerCaseName,
  mentionBefore,
  nameLabels,
  nameWord,
  particles,
  strongTitles,
  tokenise,
  weakTitles,
  WORD_NAMES,
  type Token,
} from './name-tokens.ts';
import {
  CAPITAL_TITLES,
  DOTTED_TITLES,
  namedAfterPeople,
  NEUTER_BEFORE,
  ORGANISATION_COMPOUND,
  ORGANISATION_WORD,
  PLACE_PREPOSITION,
} from './name-words.ts';
import type { Detector, Span } from './span.ts';

export const name: Detector = (text) => {
  const tokens = tokenise(text);
  const out: Span[] = [];
  // The name ends with its last word; an initial keeps its dot ("Meneer K." → "Meneer [naam]").
  const add = (from: number, to: number) => {
    let end = isInitial(tokens[to]) ? tokens[to].end : tokens[to].start + tokens[to].word.length;
    // A first name in brackets between initials and surname goes with them: "dhr. G. (Gerrit) Hofstede".
    const called = isInitial(tokens[to]) ? CALLED_BETWEEN.exec(text.slice(end, end + 80)) : null;
    if (called) end += called[0].length;
    // A person's name that names an organisation: "Pieter Baan Centrum", "Willem Arntsz Huis", "het Daniel den Hoed".
    const start = tokens[from].start;
    if (ORGANISATION_AFTER.test(text.slice(end, end + 24)) || (to > from && ORGANISATION_WORD.test(tokens[to].word)) || ORGANISATION_COMPOUND.test(tokens[to].word)) return;
    if (NEUTER_BEFORE.test(text.slice(Math.max(0, start - 6), start)) && capitalised(tokens[from])) return;
    if ((organisations ??= namedAfterPeople(text)).some((o) => o.start <= start && end <= o.end)) return;
    out.push({ start, end, kind: 'name' });
  };
  // Looked for only once a name is found (most texts hold none).
  let organisations: { start: number; end: number }[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = i + 1 < tokens.length && joined(text, t, tokens[i + 1]) ? i + 1 : -1;
    // Titles: "mevrouw kuipers", "Dhr. de Jong"; "de heer" through "heer", "Hr." only with its
    // dot (HR is a department). All-caps "MS" is a disease.
    const capitalTitle =
      ((CAPITAL_TITLES.has(t.folded) && /^\p{Lu}\p{Ll}*$/u.test(t.word)) || (DOTTED_TITLES.has(t.folded) && (t.dot || t.word.length > 3))) && next >= 0 && capitalised(tokens[next]);
    const title = (strongTitles.has(t.folded) || (t.folded === 'hr' && t.dot) || capitalTitle) && !/^\p{Lu}{2,3}$/u.test(t.word) && !sentenceEnd(t);
    if (title && next >= 0) {
      const end = nameEnd(text, tokens, next, true);
      if (end >= 0) {
        add(next, end);
        i = end;
        continue;
      }
      // A first name that is also a word before the rest of the name ("Mevrouw Mei Lin Zhou"); a surname that is
      // also a word: after particles ("mw de Man") or a title written short ("Mw. Zorg", "dhr Snel").
      const wordName = wordNameAfterTitle(text, tokens, next);
      const last = wordName >= 0 ? wordName : surnameAfterTitle(text, tokens, t, next);
      if (last >= 0) {
        add(next, last);
        i = last;
        continue;
      }
    }
    // A label and a colon: "Naam: petra schouten", "Naam cliënt: …" (any case), "Cliënt: Xander Qwerty".
    const field = labelled(text, tokens, i);
    if (field >= 0) {
      let end = nameEnd(text, tokens, field, nameLabels.has(t.folded));
      // A listed first name that is also a word starts the value too: "client: Will Frank".
      if (end < 0 && capitalised(tokens[field]) && (isCapitalisedFirstName(tokens[field]) || WORD_NAMES.has(tokens[field].folded))) {
        end = field;
        while (end + 1 < tokens.length && end - field < 3 && joined(text, tokens[end], tokens[end + 1]) && (nameWord(tokens[end + 1]) || (capitalised(tokens[end + 1]) && isCapitalisedFirstName(tokens[end + 1])))) end++;
      }
      // A form field holds only the name: its later words count in lower case too ("petra schouten").
      while (end >= 0 && nameLabels.has(t.folded) && end + 1 < tokens.length && joined(text, tokens[end], tokens[end + 1]) && (particles.has(tokens[end + 1].folded) || lowerCaseSurname(tokens[end + 1]))) end++;
      if (end >= 0) {
        add(field, end);
        i = end;
        continue;
      }
    }
    // Set off by a comma or in brackets after a title or kinship word ("mevrouw, Kevin, …", "meneer (Bakker)").
    const setOff = setOffName(text, tokens, i, title, title || (weakTitles.has(t.folded) && !sentenceEnd(t)));
    // After a naming word: "ze noemen hem Sjaak", "haar naam is Thea", "hij heet eigenlijk Hendrikus Bol".
    const found = setOff ?? namedByWord(text, tokens, i, next);
    if (found) {
      add(found[0], found[1]);
      i = found[1];
      continue;
    }
    // "huisarts Wolters", "notaris Van Dam": after a profession a surname (common, with a surname's ending,
    // or with a first name or particles before it), not a place ("huisarts Amsterdam-Noord"). Capitalised
    // inside a sentence it names a practice: "Dokter Bosman".
    if (PROFESSIONS.has(t.folded) && (!capitalised(t) || clauseStart(text, t.start)) && !sentenceEnd(t) && next >= 0 && capitalised(tokens[next]) && !mentionBefore(text, tokens[next])) {
      const end = nameEnd(text, tokens, next, false);
      if (end >= 0 && (end > next || COMMON_SURNAMES.has(tokens[end].folded) || SURNAME_ENDING.test(tokens[end].folded))) {
        add(next, end);
        i = end;
        continue;
      }
    }
    // "bij haar tante in Zaandam": after a kinship word a preposition starts a place, not a surname.
    // "een cliënt van Buurtzorg": after a role word a lower-case "van" names whose client it is, not a
    // surname, unless a common surname follows ("cliënt van Dijk").
    const ofWhom = next >= 0 && ROLE_WORDS.has(t.folded) && tokens[next].word === 'van' && next + 1 < tokens.length && !COMMON_SURNAMES.has(tokens[next + 1].folded) && !particles.has(tokens[next + 1].folded);
    if (weakTitles.has(t.folded) && !sentenceEnd(t) && next >= 0 && !PLACE_PREPOSITION.has(tokens[next].word) && !ofWhom) {
      const end = nameEnd(text, tokens, next, false);
      if (end >= 0) {
        add(next, end);
        i = end;
        continue;
      }
      // "client Said": a capitalised listed first name that is also an English word.
      if (capitalised(tokens[next]) && isCapitalisedFirstName(tokens[next]) && !mentionBefore(text, tokens[next])) {
        add(next, next);
        i = next;
        continue;
      }
      // "haar broer ahmed": a listed first name in lower case after a kinship word.
      if (lowerCaseName(tokens[next]) && !mentionBefore(text, tokens[next])) {
        const surname = next + 1 < tokens.length && joined(text, tokens[next], tokens[next + 1]) ? lowerCaseSurnameAt(text, tokens, next + 1) : -1;
        const last = surname >= 0 ? surname : next;
        add(next, last);
        i = last;
        continue;
      }
      // "zoon bas wil …", "dochter roos regelt …": a listed first name that is also a word, in lower case.
      if (lowerCaseNameBeforeVerb(text, tokens, next)) {
        add(next, next);
        i = next;
        continue;
      }
      // "familie hendriksen", "gezin de jong": a family name in lower case too, when it looks like
      // one (notes are telegraphic: "familie akkoord", "familie aanwezig").
      const surname = FAMILY_WORDS.has(t.folded) ? lowerCaseSurnameAt(text, tokens, next) : -1;
      if (surname >= 0 && !(surname > next || COMMON_SURNAMES.has(tokens[surname].folded) || SURNAME_ENDING.test(tokens[surname].folded))) continue;
      if (surname >= 0) {
        add(next, surname);
        i = surname;
        continue;
      }
    }
    // A listed first name with a surname, also in lower case ("fatma yilmaz"). A first name alone
    // stays: in a team's chat it is mostly a colleague ("bel Anna", an action for "Zoë"); after a
    // role or kinship word it is a client's and goes (above).
    if (!capitalised(t) && !mentionBefore(text, t) && lowerCaseName(t) && next >= 0) {
      const surname = lowerCaseSurnameAt(text, tokens, next);
      if (surname >= 0) {
        add(i, surname);
        i = surname;
        continue;
      }
    }
    // A listed first name alone in lower case, as people type in chat ("lotte heeft een terugval"): the
    // same words around it as for a capitalised one make it a client's.
    if (
      !capitalised(t) &&
      !mentionBefore(text, t) &&
      lowerCaseName(t) &&
      (personAfterFirstName(text.slice(t.end, t.end + 64)) || personInCare(text.slice(Math.max(0, t.start - 40), t.start), text.slice(t.end, t.end + 64)) || clientInSentence(text, t.start, t.end))
    ) {
      add(i, i);
      continue;
    }
    // "noor heeft autisme en krijgt geen passend onderwijs": the same at the start of a sentence about a person in care.
    if (!capitalised(t) && /(?:^|[.?!\n])\s*$/u.test(text.slice(Math.max(0, t.start - 4), t.start)) && lowerCaseNameBeforeVerb(text, tokens, i) && clientInSentence(text, t.start, t.end)) {
      add(i, i);
      continue;
    }
    // A short listed name in lower case before "z'n"/"d'r" and a relative: "ria d'r man", "jan z'n dochter".
    if (t.word.length === 3 && firstNames.get(t.folded) === false && !capitalised(t) && /^\p{Ll}+$/u.test(t.word) && !WORD_NAMES.has(t.folded) && !mentionBefore(text, t) && SHORT_NAME_KIN.test(text.slice(t.end, t.end + 24))) {
      add(i, i);
      continue;
    }
    // Short or ambiguous first names in lower case count with a common surname: "ria jansen", "jan de vries".
    // A name that is also a word only with a particle before the surname: "mark de vries", not "mark bakker".
    if (!capitalised(t) && !mentionBefore(text, t) && next >= 0 && t.word.length >= 3 && firstNames.has(t.folded)) {
      const surname = commonSurnameAt(text, tokens, next);
      if (surname >= 0 && (!WORD_NAMES.has(t.folded) || (surname > next && !NOT_NAMES.has(t.folded)))) {
        add(i, surname);
        i = surname;
        continue;
      }
    }
    // "ik ben Anja", "I'm Priya": someone giving their own first name, as with "ik heet Fatma".
    if (selfIntroduction(tokens, i) && next >= 0 && capitalised(tokens[next]) && isCapitalisedFirstName(tokens[next]) && !mentionBefore(text, tokens[next])) {
      const end = Math.max(next, nameEnd(text, tokens, next, false));
      add(next, end);
      i = end;
      continue;
    }
    // "Visser belt morgen terug", "de Jong zei dat …", "Bakker van de gemeente zegt …": a common
    // surname (also one that is a word) opening a clause as the one who calls, writes or says.
    if (!mentionBefore(text, t) && clauseStart(text, t.start)) {
      const end = capitalised(t) && COMMON_SURNAMES.has(t.folded) && !t.dot ? i : particles.has(t.folded) ? commonSurnameAt(text, tokens, i) : -1;
      if (end >= 0 && capitalised(tokens[end]) && REPORTING_AFTER.test(text.slice(tokens[end].end, tokens[end].end + 48))) {
        add(i, end);
        i = end;
        continue;
      }
    }
    if (genitiveName(text, t)) {
      add(i, i);
      continue;
    }
    // "Mo's broer", "Xu's daughter": a capitalised word of any origin with "'s" and a relative after it.
    if (t.word.length > 3 && /['’]s$/.test(t.word) && capitalised(t) && /^\p{Lu}\p{Ll}+['’]s$/u.test(t.word) && nameWord(t) && !mentionBefore(text, t) && RELATIVE_AFTER_GENITIVE.test(text.slice(t.end, t.end + 24))) {
      add(i, i);
      continue;
    }
    const signed = signatureEnd(text, tokens, i);
    if (signed >= 0) {
      add(i + 1, signed);
      i = signed;
      continue;
    }
    const dashed = dashSignatureEnd(text, tokens, i);
    if (dashed >= 0) {
      add(i, dashed);
      i = dashed;
      continue;
    }
    if (capitalised(t) && !mentionBefore(text, t) && isCapitalisedFirstName(t)) {
      // A dot after the first name ends its sentence: "Anouk. Kun je bellen?" holds no surname "Kun".
      const surname = next >= 0 && !sentenceEnd(t) ? nameEnd(text, tokens, next, false) : -1;
      const about = i > 0 && ABOUT.has(tokens[i - 1].folded) && joined(text, tokens[i - 1], t);
      // "Lars (2009)": a year in brackets after a first name is the year of birth; both go.
      const nameEndsAt = surname >= 0 ? tokens[surname].end : t.end;
      const born = BORN_AFTER.exec(text.slice(nameEndsAt, nameEndsAt + 12));
      if (born) {
        const year = nameEndsAt + born[0].indexOf(born[1]);
        out.push({ start: year, end: year + 4, kind: 'birthdate' });
      }
      if (surname >= 0) {
        add(i, surname);
        i = surname;
      } else if (
        born ||
        about ||
        (/['’]s?$/.test(text.slice(t.start, t.end)) && POSSESSIVE_AFTER.test(text.slice(t.end, t.end + 24))) ||
        personAfterFirstName(text.slice(t.end, t.end + 48)) ||
        personAfter(text.slice(t.end, t.end + 48)) ||
        personInCare(text.slice(Math.max(0, t.start - 40), t.start), text.slice(t.end, t.end + 64)) ||
        clientInSentence(text, t.start, t.end, ambiguous(t.folded))
      ) {
        // A first name alone is a person's when the words after it say so: "Wim (cliënt)", "Jayden
        // (8)", "Yusuf en zijn broer", "Bram zijn moeder", "Sarah's mother".
        add(i, i);
      }
      continue;
    }
    // A capitalised name of any origin that the words after it make a person's (name-any.ts).
    const anyName = anyOriginName(text, tokens, i);
    if (anyName) {
      add(anyName[0], anyName[1]);
      i = anyName[1];
      continue;
    }
    // A surname of an unmistakable Slavic, Balkan, Romanian or Turkish shape, anywhere: "with Kowalski",
    // "bij Wiśniewska", "Popescu belde", "mevrouw's buurman Yılmazoğlu" (no Dutch word ends so).
    if (capitalised(t) && nameWord(t) && !t.dot && !mentionBefore(text, t) && FOREIGN_SURNAME.test(t.folded) && !(i > 0 && PLACE_BEFORE.has(tokens[i - 1].folded))) {
      add(i, i);
      continue;
    }
    // A surname, a comma and initials, as records list people: "Bakker, J.M.", "Van Dijk, A.".
    if (capitalised(t) && nameWord(t) && !t.dot && !mentionBefore(text, t) && i + 1 < tokens.length && /^,[ \t]*$/.test(text.slice(t.end, tokens[i + 1].start)) && isInitial(tokens[i + 1])) {
      let end = i + 1;
      while (end + 1 < tokens.length && isInitial(tokens[end + 1]) && text.slice(tokens[end].end, tokens[end + 1].start) === '') end++;
      add(i, end);
      i = end;
      continue;
    }
    // A given name of any origin with a particle and a common surname: "Tsjitske de Haan", "Sevda van Dijk".
    if (capitalised(t) && nameWord(t) && !t.dot && !mentionBefore(text, t) && next >= 0 && /^\p{Ll}/u.test(tokens[next].word) && particles.has(tokens[next].folded) && !(i > 0 && PLACE_BEFORE.has(tokens[i - 1].folded))) {
      const end = commonSurnameAt(text, tokens, next);
      if (end > next && capitalised(tokens[end])) {
        add(i, end);
        i = end;
        continue;
      }
    }
    // A double surname: "Catharina Bakker-de Ruiter", "Wendela Brouwer-Sloot" (name-double.ts).
    const double = doubleSurname(text, tokens, i, next, out);
    if (double) {
      add(double[0], double[1]);
      i = double[1];
      continue;
    }
    // A common surname, also one that is a word, as whose file or request it is: "de aanvraag van Bakker";
    // or, capitalised inside a sentence, as the one spoken with or called: "We hebben Visser gisteren
    // gesproken", "ik belde Bakker", "een gesprek met Smit" (at a clause's start "Visser belt" is above).
    if (
      capitalised(t) &&
      !t.dot &&
      COMMON_SURNAMES.has(t.folded) &&
      !mentionBefore(text, t) &&
      !/^\p{Lu}+$/u.test(t.word.slice(1)) &&
      (OWNER_BEFORE.test(text.slice(Math.max(0, t.start - 32), t.start)) || (!clauseStart(text, t.start) && SPOKEN_WITH_BEFORE.test(text.slice(Math.max(0, t.start - 32), t.start))))
    ) {
      add(i, i);
      continue;
    }
    // A name of any origin as whose file it is: "het dossier van Edsel Rosaria" (name-signs.ts).
    const owner = ownerName(text, tokens, i, next);
    if (owner >= 0) {
      add(i, owner);
      i = owner;
      continue;
    }
    // A distinctive common surname alone, capitalised: "Jansen belde net", "gesprek met Dijkstra".
    if (capitalised(t) && !t.dot && DISTINCTIVE_SURNAMES.has(t.folded) && !mentionBefore(text, t) && !/^\p{Lu}+$/u.test(t.word.slice(1))) {
      add(i, i);
      continue;
    }
    // A surname with capitalised particles at the start: "Van der Meer belde", "De Vries komt".
    if (capitalised(t) && particles.has(t.folded) && !t.dot && next >= 0) {
      const end = nameEnd(text, tokens, i, false);
      if (end > i && COMMON_SURNAMES.has(tokens[end].folded)) {
        add(i, end);
        i = end;
        continue;
      }
    }
    // Initials around "de" run together, as notes write a name short: "JdV", "PdJ" (no abbreviation has
    // that shape; "VvE", "RvT", "RvdK" have a "v" and stay).
    if (t.word.length === 3 && t.word[1] === 'd' && /^\p{Lu}d\p{Lu}$/u.test(t.word) && !t.dot && !mentionBefore(text, t)) {
      add(i, i);
      continue;
    }
    // Initials with a surname: "J. de Vries", "J.P. Jansen" (not "plan B. Daarna").
    if (isInitial(t) && !mentionBefore(text, t)) {
      const end = nameEnd(text, tokens, i, false);
      // Initials alone only with the first name in brackets and the surname after: "R.J. (Rutger) Kloosterman".
      if ((end > i && !tokens.slice(i, end + 1).every(isInitial)) || (end >= i && CALLED_BETWEEN.test(text.slice(tokens[end].end, tokens[end].end + 80)))) {
        add(i, end);
        i = end;
      }
    }
  }
  out.push(...hashtagNames(text), ...listedNames(text, tokens), ...quotedNames(text));
  return [...out, ...companions(text, tokens, out)];
};
