/**
 * Support channels and withdrawn tickets on MongoDB. The counter document
 * hands out refs, so a withdrawn ticket's ref is never reused.
 */
import { VersionConflict, type TicketWithdrawal, type WatchedChannel } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import type { MongoJobs } from './jobs.js';
import type { Models, WatchedChannelDoc } from './models.js';

export class MongoIntake {
  constructor(
    private readonly m: Models,
    private readonly jobs: MongoJobs,
  ) {}

  async watch(c: WatchedChannel): Promise<boolean> {
    try {
      await this.m.watchedChannels.create({ _id: `${c.platform}:${c.channelId}`, ...c });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async unwatch(platform: string, channelId: string): Promise<boolean> {
    const res = await this.m.watchedChannels.deleteOne({ _id: `${platform}:${channelId}` });
    return res.deletedCount === 1;
  }

  async get(platform: string, channelId: string): Promise<WatchedChannel | null> {
    const doc = await this.m.watchedChannels.findOne({ _id: `${platform}:${channelId}` }).lean();
    return doc ? fromDoc(doc) : null;
  }

  async list(platform: string): Promise<WatchedChannel[]> {
    return (await this.m.watchedChannels.find({ platform }).sort({ addedAt: 1, channelId: 1 }).lean()).map(fromDoc);
  }

  /**
   * Deletes the ticket at exactly this version, then applies its load
   * changes and cancels its jobs. Without a multi-document transaction a
   * crash between the two leaves the assignee's open count one too high;
   * the deletion itself is atomic and decides the race with other saves.
   */
  async withdraw(id: string, w: TicketWithdrawal): Promise<void> {
    const res = await this.m.tickets.deleteOne({ _id: id, version: w.expectedVersion, ref: { $exists: true } });
    if (res.deletedCount !== 1) throw new VersionConflict('ticket', id);
    for (const d of w.loadDeltas) if (d.delta !== 0) await this.m.people.updateOne({ _id: d.personId }, { $inc: { openTickets: d.delta } });
    if (w.cancelJobKeys.length) await this.jobs.cancel(w.cancelJobKeys, w.at);
  }
}

function fromDoc(d: WatchedChannelDoc): WatchedChannel {
  return { platform: d.platform, channelId: d.channelId, name: d.name, addedBy: d.addedBy, addedAt: d.addedAt };
}
