import { encodeFloat32 } from '../../../core/retrieval/index.js';
import { fakeTriage, tokens } from './fake-model.js';
import { FakeHttpServer, type RecordedRequest, type Reply } from './http.js';

/** The request body of `POST /v1/chat/completions` as the SDK sends it. */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: Record<string, unknown> } };
  max_tokens?: number;
  max_completion_tokens?: number;
}

export interface EmbeddingsBody {
  model: string;
  input: string[] | string;
  encoding_format?: 'float' | 'base64';
}

/** A scripted reply: an HTTP error, a hang, or a chat reply with this content. */
export type Scripted = Reply | { readonly content: string };

export interface FakeOpenAIOptions {
  readonly apiKey?: string;
  /** Model name reported in replies (defaults to the requested one). */
  readonly model?: string;
  /** The chat answer when nothing is scripted (default: the fake model's JSON). */
  readonly chat?: (body: ChatBody) => string;
  /** The vector for one input text. */
  readonly embed?: (text: string) => number[];
  /** Answer embeddings in base64 even when floats were asked for (a misbehaving server). */
  readonly forceBase64?: boolean;
  /**
   * How `response_format` is treated, as real OpenAI-compatible servers do:
   * - `supported` (OpenAI): `json_schema` and `json_object` give bare JSON.
   * - `rejected` (vLLM, LiteLLM in front of a model without schema support):
   *   `json_schema` is answered 400 with {@link FakeOpenAIOptions.rejection};
   *   `json_object` gives bare JSON.
   * - `ignored` (older Ollama): `json_schema` is silently ignored and the
   *   model answers in prose with the JSON in a ```json fence; `json_object`
   *   gives bare JSON.
   * - `unsupported` (LiteLLM without drop_params): any `response_format` is
   *   answered 400 (`does not support parameters: ['response_format']`).
   * Without a response format every mode answers like a chat model told to
   * reply in JSON: the JSON in a fence, with a sentence before it.
   */
  readonly structuredOutputs?: 'supported' | 'rejected' | 'ignored' | 'unsupported';
  /** The 400 message for `rejected` (default vLLM/LiteLLM's `response_format.type json_schema is not supported`). */
  readonly rejection?: string;
}

/** Prose around the JSON, as chat models write it when nothing holds them to a format. */
export function proseWrapped(json: string): string {
  return `Sure! Here is the triage for this ticket:\n\n\`\`\`json\n${json}\n\`\`\`\n\nLet me know if you need anything else {or more detail}.`;
}

/**
 * A fake OpenAI API: `POST /v1/chat/completions` and `POST /v1/embeddings`,
 * Bearer auth, OpenAI's error body shape, usage in every reply. Scripted
 * replies (per route, first in first out) come before the default answer.
 */
export class FakeOpenAI {
  private readonly scripts = { chat: [] as Scripted[], embeddings: [] as Scripted[] };

  private constructor(
    readonly http: FakeHttpServer,
    private readonly options: FakeOpenAIOptions,
  ) {}

  static async start(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
    // The server needs the fake to answer, and the fake needs the server: tie the knot through a holder.
    const holder: { fake?: FakeOpenAI } = {};
    const http = await FakeHttpServer.start((req) => (holder.fake as FakeOpenAI).handle(req));
    holder.fake = new FakeOpenAI(http, options);
    return holder.fake;
  }

  /** Base URL for the SDK (`baseURL`). */
  get url(): string {
    return `${this.http.origin}/v1`;
  }

  get requests(): RecordedRequest[] {
    return this.http.requests;
  }

  chatBodies(): ChatBody[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatBody);
  }

  embeddingBodies(): EmbeddingsBody[] {
    return this.requests.filter((r) => r.path === '/v1/embeddings').map((r) => r.body as EmbeddingsBody);
  }

  script(route: 'chat' | 'embeddings', ...replies: Scripted[]): void {
    this.scripts[route].push(...replies);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private handle(req: RecordedRequest): Reply {
    const key = this.options.apiKey ?? 'sk-test';
    if (req.headers.authorization !== `Bearer ${key}`) {
      return error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) {
      return error(400, 'Expected a JSON POST.', 'invalid_request_error', null);
    }
    if (req.path === '/v1/chat/completions') return this.chat(req.body as ChatBody);
    if (req.path === '/v1/embeddings') return this.embeddings(req.body as EmbeddingsBody);
    return error(404, `Unknown path ${req.path}`, 'invalid_request_error', 'unknown_url');
  }

  private chat(body: ChatBody): Reply {
    const refusal = this.refuseFormat(body);
    if (refusal) return refusal;
    const scripted = this.scripts.chat.shift();
    if (scripted && !('content' in scripted)) return scripted;
    const firstUser = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const answer = scripted ? scripted.content : this.options.chat ? this.options.chat(body) : JSON.stringify(fakeTriage(firstUser));
    const content = scripted ? answer : this.shape(body, answer);
    const prompt = body.messages.map((m) => m.content).join('\n');
    return {
      status: 200,
      json: {
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: 1_767_600_000,
        model: this.options.model ?? body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: tokens(prompt), completion_tokens: tokens(content), total_tokens: tokens(prompt) + tokens(content) },
      },
    };
  }

  private refuseFormat(body: ChatBody): Reply | null {
    const type = body.response_format?.type;
    const mode = this.options.structuredOutputs ?? 'supported';
    if (mode === 'rejected' && type === 'json_schema') {
      return { status: 400, json: { error: { message: this.options.rejection ?? 'response_format.type json_schema is not supported', type: 'invalid_request_error' } } };
    }
    if (mode === 'unsupported' && type !== undefined) {
      const message = `litellm.UnsupportedParamsError: ollama does not support parameters: ['response_format'], for model=${body.model}. To drop these, set \`litellm.drop_params=True\` or for proxy: \`litellm_settings: drop_params: true\``;
      return error(400, message, 'invalid_request_error', '400');
    }
    return null;
  }

  /** What the model's answer looks like on the wire under this server's handling of `response_format`. */
  private shape(body: ChatBody, answer: string): string {
    const type = body.response_format?.type;
    const mode = this.options.structuredOutputs ?? 'supported';
    if (type === 'json_object' || (type === 'json_schema' && mode === 'supported')) return answer;
    return proseWrapped(answer);
  }

  private embeddings(body: EmbeddingsBody): Reply {
    const scripted = this.scripts.embeddings.shift();
    if (scripted && !('content' in scripted)) return scripted;
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const embed = this.options.embed ?? defaultEmbedding;
    const base64 = this.options.forceBase64 || body.encoding_format === 'base64';
    return {
      status: 200,
      json: {
        object: 'list',
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: base64 ? encodeFloat32(embed(text)) : embed(text) })),
        model: body.model,
        usage: { prompt_tokens: inputs.reduce((n, t) => n + tokens(t), 0), total_tokens: inputs.reduce((n, t) => n + tokens(t), 0) },
      },
    };
  }
}

/** OpenAI's error body. */
export function error(status: number, message: string, type: string, code: string | null, headers?: Record<string, string>): Reply {
  return { status, ...(headers ? { headers } : {}), json: { error: { message, type, param: null, code } } };
}

/** Letter-frequency vector: similar wording gives similar vectors. */
export function defaultEmbedding(text: string): number[] {
  const v = new Array<number>(26).fill(0);
  for (const ch of text.toLowerCase()) {
    const i = ch.charCodeAt(0) - 97;
    if (i >= 0 && i < 26) v[i] = (v[i] as number) + 1;
  }
  return v;
}
