/**
 * Opening and closing the MongoDB store: a bad URI or an unreachable server
 * is a clear StoreOpenError (never a hang, never the password), and close()
 * lets in-flight work finish before the connection goes.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTicket } from '../../core/ports/store-fixtures.contract.js';
import { openMongoStore, StoreOpenError } from '../../adapters/mongo/index.js';
import { mongoTarget, type MongoTarget } from './target.js';

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function openError(uri: string): Promise<StoreOpenError> {
  const error = await openMongoStore(uri, { serverSelectionTimeoutMs: 1_000 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreOpenError);
  return error as StoreOpenError;
}

describe('opening the MongoDB store', () => {
  let target: MongoTarget;
  beforeAll(async () => {
    target = await mongoTarget();
  });
  afterAll(async () => {
    await target?.close();
  });

  it('rejects a URI that is not a MongoDB connection string', async () => {
    for (const uri of ['http://localhost:27017/helpdesk', 'localhost:27017', '', 'mongodb://']) {
      const error = await openError(uri);
      expect(error.message).toMatch(/not a MongoDB connection string/);
      expect(error.hint).toMatch(/mongodb:\/\/localhost:27017\/helpdesk/);
    }
  });

  it('rejects a malformed URI without echoing the password', async () => {
    const error = await openError('mongodb://admin:s3cret@127.0.0.1:notaport/helpdesk');
    expect(error.message).toMatch(/could not be parsed/);
    expect(`${error.message} ${error.hint}`).not.toContain('s3cret');
  });

  it('fails within the selection timeout when no server answers, without echoing the password', async () => {
    const port = await closedPort();
    const error = await openError(`mongodb://admin:s3cret@127.0.0.1:${port}/helpdesk`);
    expect(error.message).toBe(`No MongoDB server answered at mongodb://127.0.0.1:${port}/helpdesk within 1 s.`);
    expect(error.hint).toMatch(/Is the server running/);
    expect(`${error.message} ${error.hint}`).not.toContain('s3cret');
  });

  it('opens with the database named in the URI and describes itself without secrets', async () => {
    const store = await openMongoStore(target.freshUri('describe'));
    try {
      expect(store.description).toMatch(/^mongodb:.+\/hd_test_/);
      expect(store.description).not.toContain('@');
    } finally {
      await store.close();
    }
  });

  it('finishes in-flight calls before closing, then refuses new ones', async () => {
    const uri = target.freshUri('close');
    const store = await openMongoStore(uri);
    const inputs = Array.from({ length: 10 }, () => newTicket());
    const creating = Promise.all(inputs.map((t) => store.createTicket(t, [])));
    const closing = store.close();
    const created = await creating;
    await closing;
    expect(created.map((c) => c.created)).toEqual(inputs.map(() => true));
    await expect(store.getTicket(inputs[0]?.id ?? '')).rejects.toThrow(/closed/);
    const again = await openMongoStore(uri);
    try {
      expect(await again.countTickets({})).toBe(10);
    } finally {
      await again.close();
    }
  });
});
