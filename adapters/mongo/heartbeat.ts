/**
 * The heartbeat record of the one in-process runner of a MongoDB database
 * (collection `runners`, one document). Taking or renewing it is one atomic
 * upsert whose filter says "mine, or expired": when another owner's record
 * is still alive the upsert tries to insert a second document with the same
 * `_id` and the server refuses it (E11000), so of two processes starting at
 * once exactly one gets it. Expiry uses the callers' clocks, like job
 * leases; it only guards against running two runners by mistake, and the
 * leases stay the protection against a crashed or paused holder.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Iso, RunnerHeartbeat } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { date } from './mapping.js';

interface RunnerDoc {
  _id: string;
  owner: string;
  beatAt: Date;
  expiresAt: Date;
}

const SLOT = 'in-process';

const runnerSchema = new Schema<RunnerDoc>(
  { _id: { type: String, required: true }, owner: { type: String, required: true }, beatAt: { type: Date, required: true }, expiresAt: { type: Date, required: true } },
  { versionKey: false, strict: 'throw', strictQuery: true, autoIndex: false, autoCreate: false, collection: 'runners' },
);

export class MongoRunnerHeartbeat {
  private readonly runners: Model<RunnerDoc>;

  constructor(conn: Connection) {
    this.runners = conn.model<RunnerDoc>('Runner', runnerSchema);
  }

  async beat(owner: string, now: Iso, expiresAt: Iso): Promise<RunnerHeartbeat | null> {
    const at = date(now);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.runners.updateOne(
          { _id: SLOT, $or: [{ owner }, { expiresAt: { $lte: at } }] },
          { $set: { owner, beatAt: at, expiresAt: date(expiresAt) } },
          { upsert: true },
        );
        return null;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const holder = await this.runners.findById(SLOT).lean();
      // Gone between the refused upsert and this read (a clean stop): try again.
      if (holder && holder.owner !== owner && holder.expiresAt > at) {
        return { owner: holder.owner, beatAt: holder.beatAt.toISOString(), expiresAt: holder.expiresAt.toISOString() };
      }
      if (attempt > 2) throw new Error('could not take the in-process runner record');
    }
  }

  async release(owner: string): Promise<void> {
    await this.runners.deleteOne({ _id: SLOT, owner });
  }
}
