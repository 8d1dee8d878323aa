/**
 * The people's rights for the networks feature: which learning networks of the tenant a person is
 * a member or facilitator of (`wegwijs mijn gegevens`), and removing that (`wegwijs vergeet mij`).
 * Only networks of the subject's own platform and tenant are read or changed.
 */
import { type DataSubject, type ExportView, type ForgetCount, type Services, type UserDataSection, formatInstant, tenantKey, tenantRecords } from '../core/index.ts';
import type { Doc } from '../store/index.ts';
import type { Member, Network } from '../core/index.ts';

const tenantPrefix = (subject: DataSubject) => `${tenantKey(subject)}:`;

const tenantNetworks = (services: Services, subject: DataSubject): Promise<Doc<Network>[]> => tenantRecords(services.store.networks, subject);

async function memberships(services: Services, subject: DataSubject): Promise<Doc<Member>[]> {
  const all = await services.store.members.list({ where: { userId: subject.userId } });
  return all.filter((d) => d.pk.startsWith(tenantPrefix(subject)));
}

export async function exportNetworksUser(services: Services, subject: DataSubject, { t, lang }: ExportView): Promise<UserDataSection[]> {
  const networks = new Map((await tenantNetworks(services, subject)).map((d) => [d.pk, d.data]));
  const members = await memberships(services, subject);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { pk, data } of members) {
    const network = networks.get(pk);
    seen.add(pk);
    const roles = [
      network?.facilitators.includes(subject.userId) ? t('rights.networks.facilitator') : undefined,
      data.quiet ? t('rights.networks.quiet') : undefined,
    ].filter(Boolean);
    lines.push(
      t('rights.networks.member', {
        network: network?.name ?? t('rights.networks.unknown'),
        name: data.name,
        since: formatInstant(new Date(data.joinedAt), network?.timeZone ?? services.config.timeZone, lang),
        roles: roles.length ? ` (${roles.join(', ')})` : '',
      }),
    );
  }
  for (const network of networks.values()) {
    if (seen.has(network.id) || !network.facilitators.includes(subject.userId)) continue;
    lines.push(t('rights.networks.facilitator_only', { network: network.name }));
  }
  return lines.length ? [{ title: t('rights.networks.title'), lines, count: lines.length }] : [];
}

export async function forgetNetworksUser(services: Services, subject: DataSubject): Promise<ForgetCount[]> {
  const { store } = services;
  let members = 0;
  for (const doc of await memberships(services, subject)) if (await store.members.delete(doc.pk, doc.id)) members++;
  let facilitator = 0;
  for (const doc of await tenantNetworks(services, subject)) {
    if (!doc.data.facilitators.includes(subject.userId) && doc.data.createdBy !== subject.userId) continue;
    if (doc.data.facilitators.includes(subject.userId)) facilitator++;
    await store.networks.update(doc.pk, doc.id, (current) => {
      if (!current) return undefined;
      const facilitators = current.facilitators.filter((id) => id !== subject.userId);
      if (facilitators.length === current.facilitators.length && current.createdBy !== subject.userId) return undefined;
      // Who started the network is history; the id goes, the network stays.
      return { ...current, facilitators, createdBy: current.createdBy === subject.userId ? '' : current.createdBy };
    });
  }
  return [
    { key: 'rights.networks.forget.members', count: members },
    { key: 'rights.networks.forget.facilitator', count: facilitator },
  ];
}
