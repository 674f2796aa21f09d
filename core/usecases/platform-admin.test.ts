import { describe, expect, it } from 'vitest';
import { testHelpdesk } from '../testing/harness.js';

describe('platform admins', () => {
  it('act as admin for one call without any stored change', async () => {
    const { helpdesk, store } = testHelpdesk();
    const carol = await helpdesk.identify({ identity: 'discord:1111111', displayName: 'Carol' });
    if (!carol.ok) throw new Error(carol.error.message);
    const acting = helpdesk.actAsPlatformAdmin(carol.value, 'discord-role');
    expect(acting).toMatchObject({ role: 'admin', adminSource: 'discord-role' });
    const all = await helpdesk.listTickets(acting, { scope: 'all' });
    expect(all.ok).toBe(true);
    expect((await store.getPerson(carol.value.id))?.role).toBe('user');
    expect((await helpdesk.listTickets(carol.value, { scope: 'all' })).ok).toBe(false);
  });

  it('stored by an earlier version are demoted once; configured admins and other platforms stay', async () => {
    const { helpdesk, store } = testHelpdesk({ settings: { adminIdentities: ['discord:2222222'] } });
    const at = new Date().toISOString();
    await store.ensurePerson({ id: 'legacy', identity: 'discord:3333333', displayName: 'Legacy', email: null, role: 'admin', createdAt: at });
    await store.ensurePerson({ id: 'root', identity: 'discord:2222222', displayName: 'Root', email: null, role: 'admin', createdAt: at });
    await store.ensurePerson({ id: 'slack', identity: 'slack:T1:U1', displayName: 'Slack admin', email: null, role: 'admin', createdAt: at });

    expect((await helpdesk.demoteStoredPlatformAdmins('discord')).map((p) => p.id)).toEqual(['legacy']);
    expect((await store.getPerson('legacy'))?.role).toBe('user');
    expect((await store.getPerson('root'))?.role).toBe('admin');
    expect((await store.getPerson('slack'))?.role).toBe('admin');

    // Promoted again after the upgrade: the one-off does not run twice.
    const legacy = (await store.getPerson('legacy'))!;
    await store.updatePerson('legacy', { role: 'admin' }, legacy.version, at);
    expect(await helpdesk.demoteStoredPlatformAdmins('discord')).toEqual([]);
    expect((await store.getPerson('legacy'))?.role).toBe('admin');
  });
});
