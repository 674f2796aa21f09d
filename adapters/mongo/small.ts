/**
 * The small stores on MongoDB: dedupe keys with an expiry, and key-value
 * pairs. Both are single-document upserts, atomic on any deployment.
 */
import type { Iso } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { date } from './mapping.js';
import type { Models } from './models.js';

export class MongoSmallStores {
  constructor(private readonly m: Models) {}

  /**
   * One upsert decides: it renews the key only if the stored one expired,
   * and otherwise tries to insert it, which the unique `_id` refuses while
   * an unexpired claim exists. The TTL index only cleans up; it runs about
   * once a minute, so the expiry check here is what counts.
   */
  async claimOnce(key: string, ttlMs: number, now: Iso): Promise<boolean> {
    const at = date(now);
    try {
      await this.m.dedupe.updateOne(
        { _id: key, expiresAt: { $lte: at } },
        { $set: { expiresAt: new Date(at.getTime() + ttlMs) } },
        { upsert: true, setDefaultsOnInsert: false },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async getValue(namespace: string, key: string): Promise<string | null> {
    const doc = await this.m.values.findOne({ namespace, key }).lean();
    return doc ? doc.value : null;
  }

  async setValue(namespace: string, key: string, value: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.m.values.updateOne({ namespace, key }, { $set: { value } }, { upsert: true });
        return;
      } catch (error) {
        // Two first writes of a key raced; the second becomes an update.
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  /** Every key-value pair, for copying a store. */
  async *allValues(): AsyncGenerator<{ namespace: string; key: string; value: string }> {
    for await (const doc of this.m.values.find({}).sort({ namespace: 1, key: 1 }).lean().cursor()) {
      yield { namespace: doc.namespace, key: doc.key, value: doc.value };
    }
  }
}
