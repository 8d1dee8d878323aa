/** The OAuth installation store on Wegwijs's store: one record per workspace or organisation. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { createInstallationStore, installationCollection, INSTALLATION_PK, tenantOf } from '../../adapters/slack/installation-store.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/temp.ts';

const temp = tempDir();
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});
afterAll(() => temp.cleanup());

const bot = (team: string) => ({ token: `xoxb-${team}`, id: `B${team}`, userId: `UBOT${team}`, scopes: ['chat:write'] });

describe('Slack installation store', () => {
  it('keeps workspace installs by team id and org installs by enterprise id', async () => {
    store = await openStore({ kind: 'sqlite', dataDir: temp.dir });
    const installations = createInstallationStore(store, () => new Date('2026-11-16T10:00:00Z'));
    await installations.storeInstallation({ team: { id: 'T1' }, enterprise: undefined, user: { id: 'U1', token: undefined, scopes: undefined }, bot: bot('T1'), isEnterpriseInstall: false, authVersion: 'v2' } as Installation);
    await installations.storeInstallation({ team: undefined, enterprise: { id: 'E1' }, user: { id: 'U2', token: undefined, scopes: undefined }, bot: bot('E1'), isEnterpriseInstall: true, authVersion: 'v2' } as Installation);

    expect((await installationCollection(store).list({ pk: INSTALLATION_PK })).map((d) => d.id).sort()).toEqual(['E1', 'T1']);
    expect((await installations.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T1');
    // A workspace inside the organisation uses the organisation's install.
    expect((await installations.fetchInstallation({ teamId: 'T7', enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-E1');
    await expect(installations.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/T2/);

    await installations.deleteInstallation!({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(installations.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow();
  });

  it('derives the tenant: enterprise for org installs, else team', () => {
    expect(tenantOf({ isEnterpriseInstall: true, teamId: 'T1', enterpriseId: 'E1' })).toBe('E1');
    expect(tenantOf({ isEnterpriseInstall: false, teamId: 'T1', enterpriseId: 'E1' })).toBe('T1');
  });
});
