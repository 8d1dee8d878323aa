/** Shared steps for the deliberation tests on the in-process harness. */
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import type { Harness } from '../helpers/harness.ts';

export const CHANNEL = 'c1';

export async function startSession(h: Harness, user = 'anna', method = 'kort', channel = CHANNEL): Promise<{ thread: string; out: ConsoleOutput[] }> {
  const out = await h.say(user, channel, `wegwijs beraad start ${method}`);
  const opening = out.find((o) => o.card?.title?.startsWith('Moreel beraad') || o.card?.title?.startsWith('Moral deliberation'));
  if (!opening) throw new Error(`no opening card in ${JSON.stringify(out)}`);
  return { thread: opening.id, out };
}

export const step = (thread: string, i: number) => ({ s: thread, i });

export function press(h: Harness, user: string, id: string, value: Record<string, string | number>, channel = CHANNEL) {
  return h.press(user, { channel }, { id: `deliberate.${id}`, value });
}

export const texts = (out: ConsoleOutput[]) => out.map((o) => o.text).join('\n---\n');
export const privateTo = (out: ConsoleOutput[], user: string) => out.filter((o) => o.private && o.to === user);
export const newCards = (out: ConsoleOutput[], prefix: string) => out.filter((o) => !o.update && o.card?.title?.startsWith(prefix));

/** The stored deliberation session of a thread, as the store keeps it. */
export async function storedSession(h: Harness, thread: string, channel = CHANNEL) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const docs = await h.app.store.docs.query<any>('deliberation', { pk: `console:local:${channel}` });
  return docs.find((d) => d.id === thread)!.data;
}
