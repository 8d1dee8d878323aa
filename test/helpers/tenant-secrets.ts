/**
 * The secrets of tenant A's network in the tenancy and attack tests: what another tenant (or a
 * forged request) must never see or change.
 */
export const NETWORK_NAME = 'Geheim Netwerk Zuidoost';
export const TITLE = 'Overleg plaatsing logeerhuis Kersenlaan';
/** The network's owner on Teams. */
export const TEAMS_OWNER = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Annelies Vertrouwelijk' };
/** What no answer to another tenant may contain (Teams: the owner's name too). */
export const TEAMS_SECRETS = [NETWORK_NAME, TITLE, TEAMS_OWNER.name, 'Kersenlaan', 'Zuidoost'];
