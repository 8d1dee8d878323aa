/**
 * Bolt's OAuth installation store kept in Wegwijs's own store, so every instance sees every
 * workspace: kind `installation`, partition `slack`, id the team id (or the enterprise id for an
 * org-wide install), which is also the tenant id of that workspace's conversations.
 */
import { z } from 'zod';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { defineKind, type Store } from '../../src/store/index.ts';

const INSTALLATION_KIND = defineKind('installation', { owner: 'slack', partition: '"slack"', about: 'Slack OAuth installations', shared: true });

export const INSTALLATION_PK = 'slack';

export const SlackInstallationSchema = z.object({
  tenantId: z.string().min(1),
  teamId: z.string().optional(),
  enterpriseId: z.string().optional(),
  isEnterpriseInstall: z.boolean(),
  botUserId: z.string().optional(),
  installedAt: z.string(),
  /** Bolt's installation object as Slack returned it (tokens included). */
  installation: z.record(z.string(), z.unknown()),
});
export type SlackInstallation = z.infer<typeof SlackInstallationSchema>;

/** The tenant id of a query or installation: the enterprise for org installs, else the team. */
export function tenantOf(source: { isEnterpriseInstall?: boolean; teamId?: string; enterpriseId?: string }): string | undefined {
  return source.isEnterpriseInstall ? source.enterpriseId : (source.teamId ?? source.enterpriseId);
}

export function installationCollection(store: Store) {
  return store.collection(INSTALLATION_KIND, SlackInstallationSchema);
}

/** Creates the installation store Bolt's `InstallProvider` reads and writes. */
export function createInstallationStore(store: Store, now: () => Date): InstallationStore {
  const installations = installationCollection(store);
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = Boolean(installation.isEnterpriseInstall);
      const tenantId = tenantOf({ isEnterpriseInstall, teamId: installation.team?.id, enterpriseId: installation.enterprise?.id });
      if (!tenantId) throw new Error('Slack installation without team or enterprise id');
      await installations.put(INSTALLATION_PK, tenantId, {
        tenantId,
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall,
        botUserId: installation.bot?.userId,
        installedAt: now().toISOString(),
        installation: JSON.parse(JSON.stringify(installation)) as Record<string, unknown>,
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const tenantId = tenantOf(query);
      const doc = tenantId ? await installations.get(INSTALLATION_PK, tenantId) : undefined;
      if (!doc) throw new Error(`No Slack installation for ${tenantId ?? 'unknown workspace'}`);
      return doc.data.installation as unknown as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const tenantId = tenantOf(query);
      if (tenantId) await installations.delete(INSTALLATION_PK, tenantId);
    },
  };
}
