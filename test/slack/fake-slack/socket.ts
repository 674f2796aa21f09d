import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Socket Mode's server side: says hello to each connection, sends
 * envelopes and resolves with the client's ack payload.
 */
export class FakeSocketMode {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, (payload: unknown) => void>();
  private seq = 0;

  constructor(server: Server, path: string) {
    this.wss = new WebSocketServer({ server, path });
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) this.pending.get(msg.envelope_id)?.(msg.payload ?? null);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A1' } }));
    });
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Sends an envelope to the (first) connected client and waits for its ack. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<unknown> {
    const ws = [...this.sockets][0];
    if (!ws) throw new Error('no Socket Mode client is connected');
    this.seq += 1;
    const envelopeId = `env-${this.seq}`;
    const acked = new Promise<unknown>((resolve) => this.pending.set(envelopeId, resolve));
    ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
