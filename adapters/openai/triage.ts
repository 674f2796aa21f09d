import type OpenAI from 'openai';
import {
  LlmTriageEngine,
  ProviderError,
  providerEngineOptions,
  type Completion,
  type CompletionClient,
  type CompletionRequest,
  type ProviderTriageSettings,
} from '../../core/triage/index.js';
import { openAIClient, toProviderError, type OpenAIConnection } from './client.js';

/**
 * A current, inexpensive model that supports strict structured outputs,
 * with no shutdown announced (docs/ai.md). It reasons before answering; the
 * output cap leaves room for that.
 */
export const OPENAI_DEFAULT_MODEL = 'gpt-6-luna';

export interface OpenAITriageOptions extends OpenAIConnection, ProviderTriageSettings {
  /**
   * How the output cap is sent. OpenAI wants `max_completion_tokens`
   * (reasoning models reject `max_tokens`); OpenAI-compatible servers all
   * understand `max_tokens`. Default: by base URL.
   */
  readonly tokenLimitField?: TokenLimitField | undefined;
  /** Reuse an existing SDK client (tests, shared connection pools). */
  readonly client?: OpenAI | undefined;
}

export type TokenLimitField = 'max_completion_tokens' | 'max_tokens';

/** `max_completion_tokens` for OpenAI itself, `max_tokens` for any other server. */
export function defaultTokenLimitField(baseURL: string | undefined): TokenLimitField {
  return baseURL === undefined || /^https:\/\/api\.openai\.com(\/|$)/.test(baseURL) ? 'max_completion_tokens' : 'max_tokens';
}

/** Chat Completions with a strict JSON schema: the reply is `choices[0].message.content`. */
export class OpenAIChatClient implements CompletionClient {
  readonly provider = 'openai';

  constructor(
    private readonly client: OpenAI,
    readonly model: string,
    private readonly options: { readonly temperature?: number; readonly tokenLimitField?: TokenLimitField } = {},
  ) {}

  async complete(request: CompletionRequest): Promise<Completion> {
    let response: OpenAI.Chat.Completions.ChatCompletion;
    try {
      response = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          { role: 'system', content: request.system },
          ...request.messages.map((m) => (m.role === 'user' ? { role: 'user' as const, content: m.text } : { role: 'assistant' as const, content: m.text })),
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, strict: true, schema: request.schema as unknown as Record<string, unknown> },
        },
        [this.options.tokenLimitField ?? 'max_completion_tokens']: request.maxOutputTokens,
        ...(this.options.temperature !== undefined ? { temperature: this.options.temperature } : {}),
      });
    } catch (error) {
      throw toProviderError(error);
    }
    const choice = response.choices[0];
    if (!choice) throw new ProviderError('openai', 'server', 'reply has no choices');
    if (choice.message.refusal) throw new ProviderError('openai', 'refused', 'the model refused to answer');
    return {
      text: choice.message.content ?? '',
      model: response.model || this.model,
      usage: { inputTokens: response.usage?.prompt_tokens ?? 0, outputTokens: response.usage?.completion_tokens ?? 0 },
    };
  }
}

/** Triage through OpenAI (or any OpenAI-compatible server at `baseURL`). */
export class OpenAITriageEngine extends LlmTriageEngine {
  constructor(options: OpenAITriageOptions) {
    const client = options.client ?? openAIClient(options);
    const chat = new OpenAIChatClient(client, options.model ?? OPENAI_DEFAULT_MODEL, {
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      tokenLimitField: options.tokenLimitField ?? defaultTokenLimitField(options.baseURL),
    });
    super(providerEngineOptions('openai', chat, options));
  }
}

/** Factory for the bot: `createOpenAITriage({ apiKey, model, baseURL, timeoutMs, maxRetries, logger })`. */
export function createOpenAITriage(options: OpenAITriageOptions): OpenAITriageEngine {
  return new OpenAITriageEngine(options);
}
