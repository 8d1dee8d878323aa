/**
 * The people's rights for the actions feature. `wegwijs mijn gegevens`: the person's actions in the
 * networks of their tenant (title, status, dates, notes) and the notes they wrote on other actions.
 * `wegwijs vergeet mij`: the actions stay in the network's history (a network's progress is the
 * group's), but the person's user id is dropped everywhere (owner, author, history, notes) and
 * their name is replaced by "(verwijderd lid)", also where others' titles and notes name them; the
 * weekly nudge's pair history forgets them too. Only networks of the subject's tenant are touched.
 */
import { type DataSubject, type ExportView, type ForgetCount, type Services, type UserDataSection, fold, localDate, removedMemberLabel, scrubNames, tenantRecords } from '../core/index.ts';
import type { Network } from '../core/index.ts';
import { actions, type Action } from './model.ts';
import { nudgeStates, STATE_ID, type NudgeState } from './nudge.ts';

async function tenantNetworks(services: Services, subject: DataSubject): Promise<Network[]> {
  return (await tenantRecords(services.store.networks, subject)).map((d) => d.data);
}

/** The person owns an action by id, or (not yet linked) by the name it was typed with. */
function ownedBy(action: Action, subject: DataSubject): boolean {
  if (action.ownerId) return action.ownerId === subject.userId;
  const owner = fold(action.ownerName.replace(/^@/, '').trim());
  return [subject.userId, ...subject.names].some((n) => fold(n) === owner);
}

export async function exportActionsUser(services: Services, subject: DataSubject, { t }: ExportView): Promise<UserDataSection[]> {
  const mine: string[] = [];
  const notes: string[] = [];
  let owned = 0;
  let pairs = 0;
  for (const network of await tenantNetworks(services, subject)) {
    const day = (iso: string) => localDate(new Date(iso), network.timeZone);
    const list = (await actions(services).list({ pk: network.id })).map((d) => d.data).sort((a, b) => a.number - b.number);
    for (const a of list) {
      const status = t(`actions.status.${a.status}`);
      if (ownedBy(a, subject)) {
        owned++;
        const dates = [t('rights.actions.created', { date: day(a.createdAt) }), a.due ? t('rights.actions.due', { date: a.due }) : '', a.doneAt ? t('rights.actions.done', { date: day(a.doneAt) }) : '']
          .filter(Boolean)
          .join(' · ');
        mine.push(t('rights.actions.line', { network: network.name, number: a.number, title: a.title, status, dates }));
        for (const n of a.notes) mine.push(t('rights.actions.note', { number: a.number, date: day(n.at), kind: t(`rights.actions.note.${n.kind}`), text: n.text || '–' }));
      } else {
        if (a.createdBy === subject.userId) mine.push(t('rights.actions.created_for', { network: network.name, number: a.number, title: a.title, status }));
        for (const n of a.notes.filter((x) => x.by === subject.userId)) {
          notes.push(t('rights.actions.note_elsewhere', { network: network.name, number: a.number, date: day(n.at), kind: t(`rights.actions.note.${n.kind}`), text: n.text || '–' }));
        }
      }
    }
    const state = (await nudgeStates(services).get(network.id, STATE_ID))?.data;
    pairs += state && Object.hasOwn(state.pairs.people, subject.userId) ? state.pairs.people[subject.userId] : 0;
  }
  const sections: UserDataSection[] = [];
  if (mine.length) sections.push({ title: t('rights.actions.title'), lines: mine, count: owned });
  if (notes.length) sections.push({ title: t('rights.actions.notes_title'), lines: notes, count: notes.length });
  if (pairs) sections.push({ title: t('rights.actions.pairs_title'), lines: [t('rights.actions.pairs', { n: pairs })], count: pairs });
  return sections;
}

export async function forgetActionsUser(services: Services, subject: DataSubject): Promise<ForgetCount[]> {
  const names = [subject.userId, ...subject.names];
  let anonymised = 0;
  let mentions = 0;
  for (const network of await tenantNetworks(services, subject)) {
    const label = removedMemberLabel(services, network.language);
    const scrub = (value: string) => scrubNames(value, names, label);
    for (const doc of await actions(services).list({ pk: network.id })) {
      if (!touches(doc.data, subject, scrub)) continue;
      if (ownedBy(doc.data, subject)) anonymised++;
      else mentions++;
      await actions(services).update(network.id, doc.id, (current) => (current ? anonymise(current, subject, label, scrub) : undefined));
    }
    await nudgeStates(services).update(network.id, STATE_ID, (current) => (current ? forgetInNudgeState(current, subject.userId) : undefined));
  }
  return [
    { key: 'rights.actions.forget.owned', count: anonymised },
    { key: 'rights.actions.forget.other', count: mentions },
  ];
}

/** Whether an action holds anything of the person: as owner, author, in history, notes or text. */
function touches(a: Action, subject: DataSubject, scrub: (value: string) => string): boolean {
  return (
    ownedBy(a, subject) ||
    a.createdBy === subject.userId ||
    scrub(a.title) !== a.title ||
    a.history.some((h) => h.by === subject.userId || (h.detail !== undefined && scrub(h.detail) !== h.detail)) ||
    a.notes.some((n) => n.by === subject.userId || scrub(n.text) !== n.text)
  );
}

function anonymise(a: Action, subject: DataSubject, label: string, scrub: (value: string) => string): Action | undefined {
  if (!touches(a, subject, scrub)) return undefined;
  const owned = ownedBy(a, subject);
  const drop = (id: string) => (id === subject.userId ? '' : id);
  return {
    ...a,
    title: scrub(a.title),
    ownerId: owned ? undefined : a.ownerId,
    ownerName: owned ? label : a.ownerName,
    createdBy: drop(a.createdBy),
    history: a.history.map((h) => ({ ...h, by: drop(h.by), ...(h.detail !== undefined ? { detail: scrub(h.detail) } : {}) })),
    notes: a.notes.map((n) => ({ ...n, by: drop(n.by), text: scrub(n.text) })),
  };
}

/** The pair rotation and delivery failures without the person's id. */
function forgetInNudgeState(state: NudgeState, userId: string): NudgeState | undefined {
  const people = { ...state.pairs.people };
  const pairs = { ...state.pairs.pairs };
  const had = Object.hasOwn(people, userId) || (state.pairs.last?.includes(userId) ?? false) || state.failures.some((f) => f.target === `dm:${userId}`);
  if (!had && !Object.keys(pairs).some((k) => k.split('|').includes(userId))) return undefined;
  delete people[userId];
  for (const key of Object.keys(pairs)) if (key.split('|').includes(userId)) delete pairs[key];
  const last = state.pairs.last?.includes(userId) ? undefined : state.pairs.last;
  return { ...state, pairs: { ...(last ? { last } : {}), pairs, people }, failures: state.failures.filter((f) => f.target !== `dm:${userId}`) };
}
