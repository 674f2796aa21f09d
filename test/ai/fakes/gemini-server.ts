import { fakeTriage, tokens } from './fake-model.js';
import { FakeHttpServer, type RecordedRequest, type Reply } from './http.js';
import { defaultEmbedding } from './openai-server.js';

interface Part {
  text?: string;
}

/** The body of `POST /v1beta/models/{model}:generateContent`. */
export interface GenerateBody {
  contents: { role: string; parts: Part[] }[];
  systemInstruction?: { parts: Part[] };
  generationConfig?: { responseMimeType?: string; responseSchema?: Record<string, unknown>; maxOutputTokens?: number };
}

export interface BatchEmbedBody {
  requests: { model: string; content: { parts: Part[] }; taskType?: string; outputDimensionality?: number }[];
}

export type Scripted = Reply | { readonly content: string };

export interface FakeGeminiOptions {
  readonly apiKey?: string;
  readonly chat?: (body: GenerateBody) => string;
  readonly embed?: (text: string) => number[];
}

/**
 * A fake Gemini API (v1beta): `models/{m}:generateContent`,
 * `:embedContent` and `:batchEmbedContents`, the `x-goog-api-key` header,
 * Google's `{ error: { code, message, status } }` bodies.
 */
export class FakeGemini {
  private readonly scripts = { generate: [] as Scripted[], embed: [] as Scripted[] };

  private constructor(
    readonly http: FakeHttpServer,
    private readonly options: FakeGeminiOptions,
  ) {}

  static async start(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
    // The server needs the fake to answer, and the fake needs the server: tie the knot through a holder.
    const holder: { fake?: FakeGemini } = {};
    const http = await FakeHttpServer.start((req) => (holder.fake as FakeGemini).handle(req));
    holder.fake = new FakeGemini(http, options);
    return holder.fake;
  }

  /** Base URL for the SDK (`httpOptions.baseUrl`); the SDK appends `/v1beta`. */
  get url(): string {
    return this.http.origin;
  }

  get requests(): RecordedRequest[] {
    return this.http.requests;
  }

  generateBodies(): GenerateBody[] {
    return this.requests.filter((r) => r.path.endsWith(':generateContent')).map((r) => r.body as GenerateBody);
  }

  script(route: 'generate' | 'embed', ...replies: Scripted[]): void {
    this.scripts[route].push(...replies);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private handle(req: RecordedRequest): Reply {
    if (req.headers['x-goog-api-key'] === undefined) return googleError(403, 'Method doesn\'t allow unregistered callers.', 'PERMISSION_DENIED');
    if (req.headers['x-goog-api-key'] !== (this.options.apiKey ?? 'gm-test')) {
      return googleError(400, 'API key not valid. Please pass a valid API key.', 'INVALID_ARGUMENT');
    }
    const m = /^\/v1beta\/models\/([^/:]+):(generateContent|embedContent|batchEmbedContents)$/.exec(req.path);
    if (!m || req.method !== 'POST') return googleError(404, `Unknown path ${req.path}`, 'NOT_FOUND');
    const [, model, method] = m as unknown as [string, string, string];
    if (method === 'generateContent') return this.generate(model, req.body as GenerateBody);
    const scripted = this.scripts.embed.shift();
    if (scripted && !('content' in scripted)) return scripted;
    const embed = this.options.embed ?? defaultEmbedding;
    if (method === 'embedContent') {
      const body = req.body as { content: { parts: Part[] } };
      return { status: 200, json: { embedding: { values: embed(body.content.parts.map((p) => p.text ?? '').join('')) } } };
    }
    const body = req.body as BatchEmbedBody;
    return { status: 200, json: { embeddings: body.requests.map((r) => ({ values: embed(r.content.parts.map((p) => p.text ?? '').join('')) })) } };
  }

  private generate(model: string, body: GenerateBody): Reply {
    const scripted = this.scripts.generate.shift();
    if (scripted && !('content' in scripted)) return scripted;
    const firstUser = body.contents.find((c) => c.role === 'user')?.parts.map((p) => p.text ?? '').join('') ?? '';
    const text = scripted ? scripted.content : this.options.chat ? this.options.chat(body) : JSON.stringify(fakeTriage(firstUser));
    const prompt = [...(body.systemInstruction?.parts ?? []), ...body.contents.flatMap((c) => c.parts)].map((p) => p.text ?? '').join('\n');
    return {
      status: 200,
      json: {
        candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: tokens(prompt), candidatesTokenCount: tokens(text), totalTokenCount: tokens(prompt) + tokens(text) },
        modelVersion: model,
        responseId: `resp-${this.requests.length}`,
      },
    };
  }
}

/** Google's error body. */
export function googleError(code: number, message: string, status: string, options: { headers?: Record<string, string>; details?: unknown[] } = {}): Reply {
  return {
    status: code,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...options.headers },
    json: { error: { code, message, status, ...(options.details ? { details: options.details } : {}) } },
  };
}
