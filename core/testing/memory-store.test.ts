import { storeContract } from '../ports/store.contract.js';
import { historyContract } from '../ports/store-history.contract.js';
import { MemoryStore } from './memory-store.js';

storeContract('MemoryStore', async () => ({ store: new MemoryStore() }));

historyContract('MemoryStore', async () => ({ store: new MemoryStore() }));
