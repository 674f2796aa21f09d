import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeState } from './state.js';
import type { Json } from './types.js';

/**
 * The gateway half of the fake Discord: the real handshake (HELLO,
 * heartbeat ACKs, IDENTIFY → READY with `application`, one GUILD_CREATE per
 * server) and dispatches in sequence order to every identified session.
 */
export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly identifies: Json[] = [];
  private readonly sessions = new Set<WebSocket>();
  /** Recent dispatches, replayed to a session that resumes (as Discord does after a reconnect). */
  private readonly history: { s: number; frame: string }[] = [];
  private seq = 0;
  /** How often a client resumed; a test can assert none happened. */
  resumes = 0;

  constructor(
    private readonly state: FakeState,
    private readonly url: () => string,
    /** Long enough that heartbeats never matter to a test, short enough to be exercised in long runs. */
    private readonly heartbeatMs = 41_250,
  ) {
    this.wss.on('connection', (ws) => this.accept(ws));
  }

  /** Identified sessions (one per connected client). */
  get connected(): number {
    return this.sessions.size;
  }

  /** Sends a dispatch event (`op 0`) to every identified session. */
  dispatch(t: string, d: Json): void {
    const s = ++this.seq;
    const frame = JSON.stringify({ op: 0, t, s, d });
    this.history.push({ s, frame });
    if (this.history.length > 20_000) this.history.splice(0, 10_000);
    for (const ws of this.sessions) ws.send(frame);
  }

  close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: Json };
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (frame.op === 2) this.identify(ws, frame.d);
      else if (frame.op === 6) this.resume(ws, Number(frame.d['seq'] ?? 0));
    });
    ws.on('close', () => this.sessions.delete(ws));
  }

  /** Replays what the session missed, then RESUMED; the session receives dispatches again. */
  private resume(ws: WebSocket, after: number): void {
    this.resumes += 1;
    for (const h of this.history) if (h.s > after) ws.send(h.frame);
    this.sessions.add(ws);
    ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.seq, d: {} }));
  }

  private identify(ws: WebSocket, d: Json): void {
    this.identifies.push(d);
    const s = this.state;
    const guilds = [...s.guilds.values()];
    ws.send(
      JSON.stringify({
        op: 0,
        t: 'READY',
        s: ++this.seq,
        d: {
          v: 10,
          user: s.userJson(s.bot),
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: `session-${this.identifies.length}`,
          resume_gateway_url: this.url(),
          shard: [0, 1],
          application: { id: s.applicationId, flags: 0 },
        },
      }),
    );
    this.sessions.add(ws);
    for (const g of guilds) ws.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: s.guildJson(g) }));
  }
}
