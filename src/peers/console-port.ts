/**
 * The peers feature's side of the web console (`services.ports.consolePeers`): draft cards from
 * the tenant's networks for the curators (read, export as a card file, reject) and a network's
 * knowers. Drafts share one partition across tenants, so every read checks the draft's network
 * belongs to the tenant asking.
 */
import type { ConsolePeersPort, Services } from '../core/index.ts';
import { redact } from '../privacy/index.ts';
import { closedGaps, draftCardFile, listDrafts, readDraft } from './drafts.ts';
import { DRAFTS_PK, draftKey, peers, type Knower, type NetworkQuestion } from './records.ts';

export function consolePeersPort(services: Services): ConsolePeersPort {
  const mine = (tenant: string, networkId: string) => networkId.startsWith(`${tenant}:`);
  return {
    async drafts(tenant) {
      return (await listDrafts(services.store))
        .filter((d) => mine(tenant, d.networkId))
        .map((d) => ({ number: d.number, networkName: d.networkName, question: d.question, answer: d.answer, date: d.date }));
    },
    async draftFile(tenant, number, edit) {
      const draft = await readDraft(services.store, number);
      if (!draft || !mine(tenant, draft.networkId)) return undefined;
      // A curator's edits are free text like any other: one redaction pass before they are used.
      const now = services.clock.now();
      const question = edit?.question?.trim() ? redact(edit.question.trim(), now).text : draft.question;
      const answer = edit?.answer?.trim() ? redact(edit.answer.trim(), now).text : draft.answer;
      return draftCardFile({ ...draft, question, answer });
    },
    async gapAnswers(tenant) {
      const [platform, tenantId] = tenant.split(':');
      const asked = await peers(services).list({ where: { type: 'question', platform, tenantId } });
      const out: Record<string, { network?: string; answer?: string; card?: string }> = {};
      for (const q of asked.map((d) => d.data).filter((d): d is NetworkQuestion => d.type === 'question' && mine(tenant, d.networkId))) {
        if (!q.gapQuestion || !q.answers.length) continue;
        const network = (await services.store.networks.get(q.networkId, q.networkId))?.data.name;
        out[q.gapQuestion] = { network, answer: q.answers.map((a) => a.text).join(' / ') };
      }
      for (const [gap, closed] of await closedGaps(services.store)) out[gap] = { ...out[gap], card: closed.card };
      return out;
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
