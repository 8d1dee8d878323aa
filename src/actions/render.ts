/** Cards and lines that show actions. */
import { buttons, card, cardMessage, context, fields, input, text, type OutgoingMessage, type Translate, formatDate, localDate } from '../core/index.ts';
import type { Network } from '../core/index.ts';
import { OPEN, type Action } from './model.ts';
import { statusButtons } from './nudge.ts';

/** The action's card: its state, its latest note, and (while open) the buttons to update it. */
export function actionCard(t: Translate, network: Network, a: Action): OutgoingMessage {
  const last = a.notes[a.notes.length - 1];
  const open = OPEN.includes(a.status);
  return cardMessage(
    card(
      { title: `#${a.number} ${a.title}` },
      fields(
        [t('actions.field.owner'), a.ownerName],
        [t('actions.field.status'), t(`actions.status.${a.status}`)],
        [t('actions.field.due'), a.due ? dueText(a, network.language) : t('actions.field.no_due')],
      ),
      last && text(`${t(`actions.note.${last.kind}`)} (${formatDate(localDate(new Date(last.at), network.timeZone), network.language)}): ${last.text}`),
      open && input('note', t('actions.input.note'), { multiline: true }),
      open && input('date', t('actions.input.date'), { kind: 'date' }),
      open && buttons(...statusButtons(t, network.id, a.number)),
      context(t('actions.card.hint', { number: a.number })),
    ),
  );
}

/**
 * An action's due date for people, with its year when that is not the year of `today` (by
 * default the action's last change): "eind januari" typed in November shows "vr 29 jan 2027".
 */
export function dueText(a: Pick<Action, 'due' | 'updatedAt'>, lang: 'nl' | 'en', today: string = a.updatedAt.slice(0, 10)): string {
  return a.due ? formatDate(a.due, lang, today) : '';
}

/** One line per action for lists. */
export function actionLine(t: Translate, lang: 'nl' | 'en', a: Action, withOwner = true): string {
  const due = a.due ? `, ${t('actions.due_short', { date: dueText(a, lang) })}` : '';
  const owner = withOwner ? `${a.ownerName}, ` : '';
  return `- #${a.number} ${a.title} (${owner}${t(`actions.status.${a.status}`)}${due})`;
}
