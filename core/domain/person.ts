import type { Iso } from './ticket.js';

export const ROLES = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AVAILABILITIES = ['available', 'away'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * One record per human. `identities` are `platform:id` strings such as
 * `console:alice`, `slack:T1:U1` or `discord:123`; each belongs to exactly one person.
 */
export interface Person {
  readonly id: string;
  readonly identities: readonly string[];
  readonly displayName: string;
  readonly email: string | null;
  readonly role: Role;
  /** Canonical skill ids from the catalog. */
  readonly skills: readonly string[];
  readonly availability: Availability;
  /** Prefers email to chat for notifications. */
  readonly prefersEmail: boolean;
  /** Open tickets currently assigned; maintained by the store with every ticket save. */
  readonly openTickets: number;
  readonly lastAssignedAt: Iso | null;
  readonly createdAt: Iso;
  readonly updatedAt: Iso;
  readonly version: number;
}

export interface NewPerson {
  readonly id: string;
  readonly identity: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly role: Role;
  readonly createdAt: Iso;
}

export function newPersonRecord(input: NewPerson): Person {
  return {
    id: input.id,
    identities: [input.identity],
    displayName: input.displayName,
    email: input.email,
    role: input.role,
    skills: [],
    availability: 'available',
    prefersEmail: false,
    openTickets: 0,
    lastAssignedAt: null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    version: 1,
  };
}

export function isStaff(person: Pick<Person, 'role'>): boolean {
  return person.role === 'moderator' || person.role === 'admin';
}

export function isAdmin(person: Pick<Person, 'role'>): boolean {
  return person.role === 'admin';
}

/** The platform part of an identity: `slack:T1:U1` → `slack`. */
export function identityPlatform(identity: string): string {
  const i = identity.indexOf(':');
  return i < 0 ? identity : identity.slice(0, i);
}

/** Identity strings are `platform:rest` with a non-empty lowercase platform. */
export function isIdentity(value: string): boolean {
  return /^[a-z][a-z0-9-]*:[^\s]+$/.test(value);
}
