import { z } from 'zod';
import type { KeyValueStore } from '../ports/store.js';
import { decodeFloat32, encodeFloat32 } from './vector-codec.js';

/** A stored embedding: which model made it, its dimension, and a hash of the text it embeds. */
export interface VectorRecord {
  readonly model: string;
  readonly dim: number;
  /** SHA-256 of the embedded text; a changed ticket text means a new vector. */
  readonly textHash: string;
  readonly vector: Float32Array;
}

const recordSchema = z.object({ v: z.literal(1), model: z.string(), dim: z.number().int().positive(), textHash: z.string(), vector: z.string() });

/**
 * Vectors of resolved tickets in the store's key-value space (one entry per
 * ticket, base64 float32), so they survive restarts on every database
 * without a new port. Listing is never needed: the index learns every
 * ticket id through `add` when it is (re)built.
 */
export class KvVectorStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly namespace = 'ticket-embeddings',
  ) {}

  async get(ticketId: string): Promise<VectorRecord | null> {
    const raw = await this.store.getValue(this.namespace, ticketId);
    if (!raw) return null;
    try {
      const r = recordSchema.parse(JSON.parse(raw));
      const vector = decodeFloat32(r.vector);
      return vector.length === r.dim ? { model: r.model, dim: r.dim, textHash: r.textHash, vector } : null;
    } catch {
      return null;
    }
  }

  async put(ticketId: string, record: VectorRecord): Promise<void> {
    const value = { v: 1, model: record.model, dim: record.dim, textHash: record.textHash, vector: encodeFloat32(record.vector) };
    await this.store.setValue(this.namespace, ticketId, JSON.stringify(value));
  }

  /** The key-value port has no delete; an empty value reads as absent. */
  async delete(ticketId: string): Promise<void> {
    await this.store.setValue(this.namespace, ticketId, '');
  }
}
