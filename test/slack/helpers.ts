import { expect } from 'vitest';
import type { FakeMessage, FakeSlack } from './fake-slack/server.js';

interface Block {
  type: string;
  text?: { text?: string };
  fields?: { text?: string }[];
  elements?: { action_id?: string; value?: string; text?: string | { text?: string } }[];
}

/** All visible text of a message's blocks, for assertions. */
export function blockText(message: Pick<FakeMessage, 'blocks'> | { blocks?: unknown }): string {
  const blocks = (message.blocks ?? []) as Block[];
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.text?.text) parts.push(b.text.text);
    for (const f of b.fields ?? []) if (f.text) parts.push(f.text);
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') parts.push(e.text);
      else if (e.text?.text) parts.push(e.text.text);
    }
  }
  return parts.join('\n');
}

/** The action ids of a message's buttons. */
export function buttons(message: Pick<FakeMessage, 'blocks'>): string[] {
  return (message.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

export function buttonValue(message: Pick<FakeMessage, 'blocks'>, actionId: string): string {
  const v = (message.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value;
  expect(v, `button ${actionId}`).toBeDefined();
  return v as string;
}

/** The thread roots in a user's DM (cards), and the replies under one of them. */
export function roots(fake: FakeSlack, user: string): FakeMessage[] {
  return fake.dm(user).filter((m) => m.threadTs === null);
}

export function replies(fake: FakeSlack, root: FakeMessage): FakeMessage[] {
  return fake.messages.filter((m) => m.channel === root.channel && m.threadTs === root.ts);
}
