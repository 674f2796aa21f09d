/**
 * MongoDB wire-protocol framing for the test server: splits a TCP stream
 * into messages, decodes OP_MSG and legacy OP_QUERY requests, and encodes
 * OP_MSG and OP_REPLY responses. Only what a driver speaks to a standalone
 * server without compression is handled.
 */
import { deserialize, serialize, type Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const CHECKSUM_PRESENT = 1;
const MORE_TO_COME = 2;
const HEADER = 16;

/** One decoded request: the command document and how to answer it. */
export interface WireRequest {
  readonly requestId: number;
  readonly opCode: typeof OP_MSG | typeof OP_QUERY;
  /** Database the command targets (`$db`, or the OP_QUERY namespace's database). */
  readonly db: string;
  readonly command: Document;
  /** The client asked for no reply (unacknowledged write). */
  readonly moreToCome: boolean;
}

/** Accumulates socket chunks and yields whole messages. */
export class MessageReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    while (this.buffer.length >= 4) {
      const length = this.buffer.readInt32LE(0);
      if (length < HEADER || length > 48_000_000) throw new Error(`invalid message length ${length}`);
      if (this.buffer.length < length) break;
      out.push(this.buffer.subarray(0, length));
      this.buffer = this.buffer.subarray(length);
    }
    return out;
  }
}

/** Decodes one framed message; throws on opcodes the server does not speak. */
export function decodeRequest(message: Buffer): WireRequest {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return decodeOpMsg(message, requestId);
  if (opCode === OP_QUERY) return decodeOpQuery(message, requestId);
  throw new Error(`unsupported opCode ${opCode}${opCode === OP_COMPRESSED ? ' (compression was never offered)' : ''}`);
}

function decodeOpMsg(message: Buffer, requestId: number): WireRequest {
  const flags = message.readUInt32LE(HEADER);
  const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let offset = HEADER + 4;
  let body: Document | null = null;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      const size = message.readInt32LE(offset);
      body = deserialize(message.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      let at = nameEnd + 1;
      const docs: Document[] = [];
      while (at < sectionEnd) {
        const docSize = message.readInt32LE(at);
        docs.push(deserialize(message.subarray(at, at + docSize)));
        at += docSize;
      }
      sequences[identifier] = docs;
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (body === null) throw new Error('OP_MSG without a body section');
  const command: Document = { ...body, ...sequences };
  const db = typeof command.$db === 'string' ? command.$db : 'admin';
  return { requestId, opCode: OP_MSG, db, command, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function decodeOpQuery(message: Buffer, requestId: number): WireRequest {
  let offset = HEADER + 4; // skip flags
  const nameEnd = message.indexOf(0, offset);
  const namespace = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  const size = message.readInt32LE(offset);
  let command = deserialize(message.subarray(offset, offset + size));
  // Read preferences wrap the command in `$query` for OP_QUERY.
  if (command.$query !== undefined && typeof command.$query === 'object') command = command.$query as Document;
  const db = namespace.slice(0, namespace.indexOf('.'));
  return { requestId, opCode: OP_QUERY, db, command, moreToCome: false };
}

/** Encodes the reply in the request's protocol (OP_MSG, or OP_REPLY for OP_QUERY). */
export function encodeReply(request: WireRequest, reply: Document, responseId: number): Buffer {
  const doc = serialize(reply);
  if (request.opCode === OP_QUERY) {
    const header = Buffer.alloc(HEADER + 20);
    header.writeInt32LE(header.length + doc.length, 0);
    header.writeInt32LE(responseId, 4);
    header.writeInt32LE(request.requestId, 8);
    header.writeInt32LE(OP_REPLY, 12);
    header.writeInt32LE(0, 16); // responseFlags
    header.writeBigInt64LE(0n, 20); // cursorID
    header.writeInt32LE(0, 28); // startingFrom
    header.writeInt32LE(1, 32); // numberReturned
    return Buffer.concat([header, doc]);
  }
  const header = Buffer.alloc(HEADER + 5);
  header.writeInt32LE(header.length + doc.length, 0);
  header.writeInt32LE(responseId, 4);
  header.writeInt32LE(request.requestId, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16); // flagBits
  header.writeUInt8(0, 20); // section kind 0: body
  return Buffer.concat([header, doc]);
}
