import { describe, expect, it } from 'vitest';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { testHelpdesk } from '../testing/harness.js';

describe('what people type in messages and resolution notes', () => {
  it('is stored without escape sequences or control characters, line breaks kept', async () => {
    const channel = new RecordingChannel('console');
    const t = testHelpdesk({ channels: [channel], triage: new FixedTriage({ skills: [] }), settings: { adminIdentities: ['console:root'] } });
    const root = await t.helpdesk.identify({ identity: 'console:root', displayName: 'root' });
    const ann = await t.helpdesk.identify({ identity: 'console:ann', displayName: 'ann' });
    if (!root.ok || !ann.ok) throw new Error('identify failed');
    const filed = await t.helpdesk.fileTicket({ requesterId: ann.value.id, title: 'Printer', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error('not filed');
    await t.engine.drain();
    const id = filed.value.ticket.id;
    const said = await t.helpdesk.postMessage({ ticketId: id, actorId: ann.value.id, text: 'still\r\nbroken \x1b[2J\x1b[H\u202eevil\x07' });
    expect(said.ok).toBe(true);
    const resolved = await t.helpdesk.resolveTicket({ ticketId: id, actorId: root.value.id, note: '\x1b]8;;https://evil.example\x07fixed\x1b]8;;\x07 it' });
    expect(resolved.ok && resolved.value.resolution).toBe('fixed it');
    const ticket = (await t.store.getTicket(id))!;
    const message = ticket.history.find((h) => h.type === 'message');
    expect(message && 'text' in message ? message.text : null).toBe('still\nbroken evil');
  });
});
