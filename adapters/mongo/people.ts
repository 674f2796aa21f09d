/**
 * People on MongoDB. Identities live in an array with a unique multikey
 * index, so "each identity belongs to exactly one person" is enforced by the
 * server, and creating a person on first use is race-safe: the loser of a
 * race gets error 11000 and reads the winner. Load counts are changed only
 * by ticket saves (outbox.ts), never by these edits, and do not bump the
 * version, so an admin's edit never conflicts with an assignment.
 */
import { VersionConflict, newPersonRecord, type NewPerson, type Person, type Role } from '../../core/index.js';
import type { Iso, PersonPatch } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { date, personFields, toPerson } from './mapping.js';
import type { Models } from './models.js';

const STAFF: readonly Role[] = ['moderator', 'admin'];

export class MongoPeople {
  constructor(private readonly m: Models) {}

  async get(id: string): Promise<Person | null> {
    const doc = await this.m.people.findById(id).lean();
    return doc ? toPerson(doc) : null;
  }

  async findByIdentity(identity: string): Promise<Person | null> {
    const doc = await this.m.people.findOne({ identities: identity }).lean();
    return doc ? toPerson(doc) : null;
  }

  async findByEmail(email: string): Promise<Person[]> {
    const docs = await this.m.people.find({ emailLower: email.toLowerCase() }).sort({ createdAt: 1, _id: 1 }).lean();
    return docs.map(toPerson);
  }

  async ensure(input: NewPerson): Promise<Person> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = await this.findByIdentity(input.identity);
      if (owner) return owner;
      const record = newPersonRecord(input);
      try {
        const doc = { _id: record.id, ...personFields(record), loadOps: [] };
        await this.m.people.create(doc);
        return toPerson(doc);
      } catch (error) {
        if (isDuplicateKey(error, 'identities')) continue;
        if (isDuplicateKey(error, '_id')) throw new Error(`person ${input.id} already exists`, { cause: error });
        throw error;
      }
    }
    throw new Error(`could not create or find the person for ${input.identity}`);
  }

  async update(id: string, patch: PersonPatch, expectedVersion: number, at: Iso): Promise<Person> {
    const set: Record<string, unknown> = { updatedAt: date(at), version: expectedVersion + 1 };
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.email !== undefined) {
      set.email = patch.email;
      set.emailLower = patch.email === null ? null : patch.email.toLowerCase();
    }
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.skills !== undefined) set.skills = [...patch.skills];
    if (patch.availability !== undefined) set.availability = patch.availability;
    if (patch.prefersEmail !== undefined) set.prefersEmail = patch.prefersEmail;
    const doc = await this.m.people.findOneAndUpdate({ _id: id, version: expectedVersion }, { $set: set }, { returnDocument: 'after' }).lean();
    if (doc) return toPerson(doc);
    if (!(await this.m.people.exists({ _id: id }))) throw new Error(`person ${id} does not exist`);
    throw new VersionConflict('person', id);
  }

  async addIdentity(personId: string, identity: string, at: Iso): Promise<Person> {
    if (!(await this.m.people.exists({ _id: personId }))) throw new Error(`person ${personId} does not exist`);
    const owner = await this.findByIdentity(identity);
    if (owner?.id === personId) return owner;
    if (owner) throw new Error(`identity ${identity} already belongs to another person`);
    try {
      const doc = await this.m.people
        .findOneAndUpdate(
          { _id: personId, identities: { $ne: identity } },
          { $push: { identities: identity }, $set: { updatedAt: date(at) }, $inc: { version: 1 } },
          { returnDocument: 'after' },
        )
        .lean();
      if (doc) return toPerson(doc);
    } catch (error) {
      if (isDuplicateKey(error, 'identities')) throw new Error(`identity ${identity} already belongs to another person`, { cause: error });
      throw error;
    }
    // A concurrent call added the same identity to this person.
    const again = await this.get(personId);
    if (!again) throw new Error(`person ${personId} does not exist`);
    return again;
  }

  async list(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Promise<Person[]> {
    if (filter.limit !== undefined && filter.limit <= 0) return [];
    const query = {
      ...(filter.roles !== undefined ? { role: { $in: [...filter.roles] } } : {}),
      ...(filter.skill !== undefined ? { skills: filter.skill } : {}),
    };
    let q = this.m.people.find(query).sort({ createdAt: 1, _id: 1 });
    if (filter.limit !== undefined) q = q.limit(filter.limit);
    return (await q.lean()).map(toPerson);
  }

  async candidates(skills: readonly string[]): Promise<Person[]> {
    const docs = await this.m.people
      .find({ availability: 'available', $or: [{ role: 'admin' }, { role: 'moderator', skills: { $in: [...skills] } }] })
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    return docs.map(toPerson);
  }

  async staffSkills(): Promise<string[]> {
    const skills = (await this.m.people.distinct('skills', { role: { $in: [...STAFF] } })) as unknown[];
    return skills.filter((s): s is string => typeof s === 'string').sort();
  }
}
