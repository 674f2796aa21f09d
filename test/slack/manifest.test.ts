import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/** Slack's schema files, copied next to this test (see manifest-schema/NOTICE.md). */
const SPEC_DIR = fileURLToPath(new URL('./manifest-schema', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Manifest {
  features: { slash_commands: { command: string }[]; shortcuts: unknown[]; app_home: unknown };
  settings: { event_subscriptions: { bot_events: string[] } };
  oauth_config: { scopes: { bot: string[] } };
}
const manifest = parse(readFileSync(`${root}manifest.yml`, 'utf8')) as Manifest;

/** Slack's published schema: the root picks a versioned schema by `_metadata.major_version`, referenced by URL. */
function validator() {
  // The schemas use Slack's own keywords (`regex`, `_note`); strict mode would refuse them.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const v of ['1.0.0', '2.0.0']) {
    const schema = JSON.parse(readFileSync(`${SPEC_DIR}/manifest.schema.${v}.json`, 'utf8')) as Record<string, unknown>;
    delete schema.$id;
    ajv.addSchema(schema, `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${v}.json`);
  }
  return ajv.compile(JSON.parse(readFileSync(`${SPEC_DIR}/manifest.schema.json`, 'utf8')) as Record<string, unknown>);
}

describe('manifest.yml', () => {
  it("is valid against Slack's manifest schema", () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares what the Slack app handles, with the smallest set of bot scopes', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/ticket', '/tickets', '/skills', '/dashboard', '/claim', '/note', '/reply', '/replies', '/audit', '/helpdesk', '/hold', '/stats']);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: 'ticket_from_message' })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['message.im', 'message.channels', 'message.groups', 'reaction_added', 'app_home_opened']);
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'im:write', 'im:history', 'users:read', 'users:read.email', 'channels:history', 'groups:history', 'reactions:read']);
  });

  it('would catch a broken manifest', () => {
    const validate = validator();
    expect(validate({ ...manifest, features: { ...manifest.features, shortcuts: [{ name: 'Create ticket from message', type: 'message', callback_id: 'x', description: 'd' }] } })).toBe(false);
  });
});
