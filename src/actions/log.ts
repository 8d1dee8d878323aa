/**
 * Creating and changing actions: the rules every path shares (commands, buttons, the modal and
 * the action-log port). People's text is redacted before it is stored.
 */
import { type ChatUser, type Services, fold } from '../core/index.ts';
import type { Network } from '../core/index.ts';
import { redact, type Redaction } from '../privacy/index.ts';
import { cleanTitle } from './title.ts';
import { parseDueDate } from './due-date.ts';
import { actions, ensureMember, findMember, isFacilitator, type Action, type Status } from './model.ts';

export interface Owner {
  id?: string;
  name: string;
  /**
   * False when the owner was no member of the network yet: the action is kept with that name
   * and the facilitators are told. A mentioned owner (with an id) becomes a member with the
   * action; a typed name (no id) is linked once that person takes part.
   */
  member: boolean;
}

/** Resolves an owner typed as text ("@bram", "Bram") or given as a mention. Changes nothing. */
export async function resolveOwner(services: Services, networkId: string, typed: string | ChatUser | undefined, author: ChatUser): Promise<Owner> {
  if (!typed) return { id: author.id, name: author.name || author.id, member: true };
  if (typeof typed !== 'string') {
    if (typed.id === author.id) return { id: author.id, name: author.name || author.id, member: true };
    // A mention is a real person in the channel: owning the action makes them a member (in
    // createAction / changeAction), but someone who never took part is news for the facilitator.
    const existing = await services.store.members.get(networkId, typed.id);
    if (existing) return { id: typed.id, name: existing.data.name, member: true };
    return { id: typed.id, name: typed.name || typed.id, member: false };
  }
  const found = await findMember(services, networkId, typed);
  if (found) return { id: found.userId, name: found.name, member: true };
  const name = typed.replace(/^@/, '').trim();
  if (fold(name) === fold(author.id) || fold(name) === fold(author.name)) return { id: author.id, name: author.name || author.id, member: true };
  // An owner is a colleague, so a plain name ("Zoë", "@carla", "Bram de Vries") is kept; anything
  // else passes the same redaction as all text ("mevrouw Jansen", a phone number, an address).
  const kept = isColleagueName(name) ? name : redact(name, services.clock.now()).text;
  return { name: kept.slice(0, 100), member: false };
}

const HONORIFIC = /(^|[\s.])(mevrouw|meneer|mevr|mw|dhr|heer|juffrouw|mr|mrs|ms|miss|sir|madam|cli[eë]nt|client|patient|patiënt)(?=$|[\s.])/iu;

/** Only letters, spaces, hyphens and apostrophes, no title or role: a colleague's name, not a client's. */
function isColleagueName(name: string): boolean {
  return /^[\p{L}][\p{L}'’. _-]{0,60}$/u.test(name) && !HONORIFIC.test(name);
}

export interface Created {
  action: Action;
  redaction: Redaction;
}

/** Stores a new action with the next short number of its network. */
export async function createAction(
  services: Services,
  network: Network,
  input: { title: string; owner: Owner; due?: string },
  by: ChatUser,
): Promise<Created> {
  const now = services.clock.now();
  await ensureMember(services, network.id, by);
  if (input.owner.id && input.owner.id !== by.id) await ensureMember(services, network.id, { id: input.owner.id, name: input.owner.name });
  // Every way in (sentence, form, agreements, action-log port) gets the same clean title.
  const redaction = redact(cleanTitle(input.title) || input.title, now);
  const number = await services.store.nextNumber(network.id, 'action');
  const at = now.toISOString();
  const action: Action = {
    networkId: network.id,
    number,
    platform: network.platform,
    tenantId: network.tenantId,
    title: redaction.text,
    ownerId: input.owner.id,
    ownerName: input.owner.name,
    due: input.due,
    status: 'open',
    notes: [],
    history: [{ at, by: by.id, event: 'created' }],
    createdAt: at,
    createdBy: by.id,
    updatedAt: at,
  };
  await actions(services).create(network.id, String(number), action);
  services.log.info({ network: network.id, action: number, redacted: redaction.found.length }, 'action logged');
  return { action, redaction };
}

export type Change =
  | { kind: 'status'; status: Extract<Status, 'done' | 'in_progress'> }
  | { kind: 'progress'; note: string }
  | { kind: 'stuck'; note: string }
  | { kind: 'later'; date: string }
  | { kind: 'drop' }
  | { kind: 'reopen' }
  | { kind: 'owner'; owner: Owner }
  | { kind: 'title'; title: string };

export type ChangeResult =
  | { ok: true; action: Action; redaction?: Redaction }
  | { ok: false; key: string; vars?: Record<string, string | number> };

const FACILITATOR_ONLY = new Set<Change['kind']>(['owner', 'title', 'reopen']);

/** Applies one change, with the permission and state rules; never throws for bad input. */
export async function changeAction(services: Services, network: Network, number: number, change: Change, by: ChatUser): Promise<ChangeResult> {
  const now = services.clock.now();
  const at = now.toISOString();
  let failure: ChangeResult | undefined;
  let redaction: Redaction | undefined;
  const facilitator = isFacilitator(network, by.id);
  const doc = await actions(services).update(network.id, String(number), (current) => {
    failure = undefined;
    if (!current) return void (failure = { ok: false, key: 'actions.error.unknown_number', vars: { number } });
    const owner = current.ownerId === by.id;
    if (FACILITATOR_ONLY.has(change.kind) && !facilitator) return void (failure = { ok: false, key: 'actions.error.facilitator_only', vars: { number } });
    if (!owner && !facilitator) return void (failure = { ok: false, key: 'actions.error.not_owner', vars: { number, owner: current.ownerName } });
    if (current.status === 'dropped' && change.kind !== 'reopen') return void (failure = { ok: false, key: 'actions.error.dropped', vars: { number } });
    if (current.status === 'done' && change.kind !== 'reopen' && change.kind !== 'title' && change.kind !== 'owner') {
      return void (failure = { ok: false, key: 'actions.error.already_done', vars: { number } });
    }
    const next: Action = { ...current, updatedAt: at };
    const history = (event: string, detail?: string) => next.history.push({ at, by: by.id, event, ...(detail ? { detail } : {}) });
    switch (change.kind) {
      case 'status':
        next.status = change.status;
        if (change.status === 'done') next.doneAt = at;
        history(change.status);
        break;
      case 'progress':
      case 'stuck': {
        redaction = redact(change.note, now);
        if (change.note.trim()) next.notes.push({ at, by: by.id, kind: change.kind, text: redaction.text });
        next.status = change.kind === 'stuck' ? 'stuck' : 'in_progress';
        history(change.kind);
        break;
      }
      case 'later':
        next.due = change.date;
        if (next.status === 'stuck') next.status = 'in_progress';
        history('due', change.date);
        break;
      case 'drop':
        next.status = 'dropped';
        history('dropped');
        break;
      case 'reopen':
        next.status = 'open';
        next.doneAt = undefined;
        history('reopened');
        break;
      case 'owner':
        next.ownerId = change.owner.id;
        next.ownerName = change.owner.name;
        history('owner', change.owner.name);
        break;
      case 'title':
        redaction = redact(change.title, now);
        next.title = redaction.text;
        history('title');
        break;
    }
    return next;
  });
  if (failure) return failure;
  await ensureMember(services, network.id, by);
  // A mentioned new owner becomes a member only once the change went through.
  if (change.kind === 'owner' && change.owner.id) await ensureMember(services, network.id, { id: change.owner.id, name: change.owner.name });
  services.log.info({ network: network.id, action: number, change: change.kind }, 'action changed');
  return { ok: true, action: doc!.data, redaction };
}

/** Reads a typed due date in the network's zone. */
export function readDate(services: Services, network: Network, typed: string): string | undefined {
  return parseDueDate(typed, services.clock.now(), network.timeZone);
}
