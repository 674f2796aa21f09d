import type { GenerateContentResponse, GoogleGenAI } from '@google/genai';
import {
  LlmTriageEngine,
  ProviderError,
  providerEngineOptions,
  type Completion,
  type CompletionClient,
  type CompletionRequest,
  type ProviderTriageSettings,
} from '../../core/triage/index.js';
import { geminiClient, headerCapturingFetch, toProviderError, type GeminiConnection } from './client.js';
import { toGeminiSchema } from './schema.js';

/** Google's inexpensive stable Gemini model with structured output, no shutdown announced (docs/ai.md); no thinking tokens by default. */
export const GEMINI_DEFAULT_MODEL = 'gemini-3.5-flash-lite';

export interface GeminiTriageOptions extends GeminiConnection, ProviderTriageSettings {
  readonly client?: GoogleGenAI | undefined;
}

/** Finish reasons meaning the model was stopped for content reasons: not worth a repair turn. */
const BLOCKED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

/** `generateContent` with `responseMimeType: application/json` and a `responseSchema`. */
export class GeminiChatClient implements CompletionClient {
  readonly provider = 'gemini';

  constructor(
    private readonly ai: GoogleGenAI,
    readonly model: string,
    private readonly temperature?: number,
  ) {}

  async complete(request: CompletionRequest): Promise<Completion> {
    const capture = headerCapturingFetch();
    let response: GenerateContentResponse;
    try {
      response = await this.ai.models.generateContent({
        model: this.model,
        contents: request.messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.text }] })),
        config: {
          systemInstruction: request.system,
          responseMimeType: 'application/json',
          responseSchema: toGeminiSchema(request.schema),
          maxOutputTokens: request.maxOutputTokens,
          ...(this.temperature !== undefined ? { temperature: this.temperature } : {}),
          httpOptions: { fetch: capture.fetch },
        },
      });
    } catch (error) {
      throw toProviderError(error, capture.retryAfter());
    }
    if (response.promptFeedback?.blockReason) throw new ProviderError('gemini', 'refused', `prompt blocked: ${response.promptFeedback.blockReason}`);
    const candidate = response.candidates?.[0];
    if (!candidate) throw new ProviderError('gemini', 'server', 'reply has no candidates');
    if (candidate.finishReason && BLOCKED.has(candidate.finishReason)) throw new ProviderError('gemini', 'refused', `reply blocked: ${candidate.finishReason}`);
    // Thought parts are the model's reasoning, not the answer.
    const text = (candidate.content?.parts ?? [])
      .filter((p) => typeof p.text === 'string' && !p.thought)
      .map((p) => p.text)
      .join('');
    const u = response.usageMetadata;
    return {
      text,
      model: response.modelVersion || this.model,
      usage: { inputTokens: u?.promptTokenCount ?? 0, outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0) },
    };
  }
}

/** Triage through the Gemini API. */
export class GeminiTriageEngine extends LlmTriageEngine {
  constructor(options: GeminiTriageOptions) {
    const ai = options.client ?? geminiClient(options);
    super(providerEngineOptions('gemini', new GeminiChatClient(ai, options.model ?? GEMINI_DEFAULT_MODEL, options.temperature), options));
  }
}

/** Factory for the bot: `createGeminiTriage({ apiKey, model, baseUrl, timeoutMs, maxRetries, logger })`. */
export function createGeminiTriage(options: GeminiTriageOptions): GeminiTriageEngine {
  return new GeminiTriageEngine(options);
}
