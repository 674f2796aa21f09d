import type { SimilarTicket } from '../domain/ticket.js';

/** A resolved ticket as the similar-ticket index holds it. */
export interface ResolvedTicketDoc {
  readonly ticketId: string;
  readonly ref: number;
  readonly title: string;
  readonly description: string;
  readonly resolution: string;
}

export interface SimilarQuery {
  readonly title: string;
  readonly description: string;
}

/** Ranked retrieval over resolved tickets. */
export interface SimilarTicketIndex {
  /** Adds or replaces a document. */
  add(doc: ResolvedTicketDoc): Promise<void>;
  remove(ticketId: string): Promise<void>;
  /** The best matches above the relevance floor, best first. */
  search(query: SimilarQuery, options: { readonly limit: number; readonly excludeIds?: readonly string[] }): Promise<SimilarTicket[]>;
  /** Relevance score of each candidate for a query, for evaluation. */
  score(query: SimilarQuery, ticketIds: readonly string[]): Promise<Map<string, number>>;
  readonly size: number;
}
