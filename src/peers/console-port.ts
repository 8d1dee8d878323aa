/**
 * The peers feature's side of the web console (`services.ports.consolePeers`): draft cards from
 * the tenant's networks for the curators (read, export as a card file, reject) and a network's
 * knowers. Drafts share one partition across tenants, so every read checks the draft's network
 * belongs to the tenant asking.
 */
import type { ConsolePeersPort, Services } from '../core/index.ts';
import { draftCardFile, listDrafts, readDraft } from './drafts.ts';
import { DRAFTS_PK, draftKey, peers, type Knower } from './records.ts';

export function consolePeersPort(services: Services): ConsolePeersPort {
  const mine = (tenant: string, networkId: string) => networkId.startsWith(`${tenant}:`);
  return {
    async drafts(tenant) {
      return (await listDrafts(services.store))
        .filter((d) => mine(tenant, d.networkId))
        .map((d) => ({ number: d.number, networkName: d.networkName, question: d.question, answer: d.answer, date: d.date }));
    },
    async draftFile(tenant, number) {
      const draft = await readDraft(services.store, number);
      return draft && mine(tenant, draft.networkId) ? draftCardFile(draft) : undefined;
    },
    async rejectDraft(tenant, number) {
      const draft = await readDraft(services.store, number);
      if (!draft || !mine(tenant, draft.networkId)) return false;
      return peers(services).delete(DRAFTS_PK, draftKey(number));
    },
    async knowers(networkId) {
      const docs = await peers(services).list({ pk: networkId, where: { type: 'knower' } });
      return docs
        .map((d) => d.data)
        .filter((k): k is Knower => k.type === 'knower')
        .map((k) => ({ name: k.name, tags: k.tags }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
