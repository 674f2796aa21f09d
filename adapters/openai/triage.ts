import type OpenAI from 'openai';
import {
  LlmTriageEngine,
  ProviderError,
  providerEngineOptions,
  schemaInstruction,
  type Completion,
  type CompletionClient,
  type CompletionRequest,
  type ProviderTriageSettings,
} from '../../core/triage/index.js';
import { silentLogger, type Logger } from '../../core/index.js';
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
  /**
   * The response format to start with (default `json_schema`); a server
   * that refuses or ignores it moves the client to the next one by itself.
   */
  readonly responseFormat?: ResponseFormatMode | undefined;
}

export type TokenLimitField = 'max_completion_tokens' | 'max_tokens';

/** `max_completion_tokens` for OpenAI itself, `max_tokens` for any other server. */
export function defaultTokenLimitField(baseURL: string | undefined): TokenLimitField {
  return baseURL === undefined || /^https:\/\/api\.openai\.com(\/|$)/.test(baseURL) ? 'max_completion_tokens' : 'max_tokens';
}

/**
 * How the reply is held to JSON. `json_schema` is OpenAI's strict structured
 * output; `json_object` is JSON mode (older Ollama, many vLLM and LiteLLM
 * set-ups), with the schema in the instructions; `instructions` sends no
 * response format at all, only the schema in the instructions. Every reply
 * is validated in core whatever the mode.
 */
export type ResponseFormatMode = 'json_schema' | 'json_object' | 'instructions';

const MODES: readonly ResponseFormatMode[] = ['json_schema', 'json_object', 'instructions'];

/**
 * The mode to use after the server refused `current` with this message, or
 * null when the refusal is about something else. Servers say it in their
 * own words: `response_format.type json_schema is not supported`, `invalid
 * value: json_schema, supported values are: json_object and text`, vLLM's
 * `Input should be 'text' or 'json_object'`, LiteLLM's `does not support
 * parameters: ['response_format']`.
 */
export function formatAfterRefusal(current: ResponseFormatMode, message: string): ResponseFormatMode | null {
  if (current === 'instructions' || !/response_format|json_schema|json_object|structured output/i.test(message)) return null;
  if (current === 'json_object') return 'instructions';
  // The type was refused: JSON mode may still work. The parameter itself was refused: leave it out.
  return /json_schema|json_object/i.test(message) || !/response_format/i.test(message) ? 'json_object' : 'instructions';
}

/**
 * Chat Completions with a strict JSON schema: the reply is
 * `choices[0].message.content`. A server that refuses `json_schema` (HTTP
 * 400) or ignores it (prose around the JSON) is detected once: the client
 * switches to JSON mode with the schema in the instructions, says so in one
 * log line, and keeps that choice for every later ticket of the process.
 */
export class OpenAIChatClient implements CompletionClient {
  readonly provider = 'openai';
  private mode: ResponseFormatMode;
  private readonly logger: Logger;

  constructor(
    private readonly client: OpenAI,
    readonly model: string,
    private readonly options: {
      readonly temperature?: number;
      readonly tokenLimitField?: TokenLimitField;
      readonly responseFormat?: ResponseFormatMode;
      readonly logger?: Logger;
    } = {},
  ) {
    this.mode = options.responseFormat ?? 'json_schema';
    this.logger = options.logger ?? silentLogger;
  }

  /** The response format used for the next call. */
  get responseFormat(): ResponseFormatMode {
    return this.mode;
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    let calls = 0;
    for (;;) {
      const mode = this.mode;
      calls += 1;
      let response: OpenAI.Chat.Completions.ChatCompletion;
      try {
        response = await this.create(request, mode);
      } catch (error) {
        const failure = toProviderError(error);
        const next = failure.kind === 'bad-request' ? formatAfterRefusal(mode, failure.message) : null;
        if (next === null) throw failure;
        this.switchTo(mode, next, `the server refused ${describe(mode)}`);
        continue;
      }
      const choice = response.choices[0];
      if (!choice) throw new ProviderError('openai', 'server', 'reply has no choices');
      if (choice.message.refusal) throw new ProviderError('openai', 'refused', 'the model refused to answer');
      return {
        text: choice.message.content ?? '',
        model: response.model || this.model,
        usage: { inputTokens: response.usage?.prompt_tokens ?? 0, outputTokens: response.usage?.completion_tokens ?? 0 },
        ...(calls > 1 ? { calls } : {}),
      };
    }
  }

  unstructuredReply(): void {
    if (this.mode === 'json_schema') this.switchTo('json_schema', 'json_object', 'the server does not hold replies to the JSON schema (text came around the JSON)');
  }

  private create(request: CompletionRequest, mode: ResponseFormatMode): Promise<OpenAI.Chat.Completions.ChatCompletion> {
    const system = mode === 'json_schema' ? request.system : `${request.system}\n\n${schemaInstruction(request.schema)}`;
    return this.client.chat.completions.create({
      model: this.model,
      messages: [
        { role: 'system', content: system },
        ...request.messages.map((m) => (m.role === 'user' ? { role: 'user' as const, content: m.text } : { role: 'assistant' as const, content: m.text })),
      ],
      ...(mode === 'json_schema'
        ? { response_format: { type: 'json_schema' as const, json_schema: { name: request.schemaName, strict: true, schema: request.schema as unknown as Record<string, unknown> } } }
        : mode === 'json_object'
          ? { response_format: { type: 'json_object' as const } }
          : {}),
      [this.options.tokenLimitField ?? 'max_completion_tokens']: request.maxOutputTokens,
      ...(this.options.temperature !== undefined ? { temperature: this.options.temperature } : {}),
    });
  }

  /** Moves to a later mode only (concurrent tickets may see the same refusal); one log line per move. */
  private switchTo(from: ResponseFormatMode, to: ResponseFormatMode, reason: string): void {
    if (MODES.indexOf(to) <= MODES.indexOf(this.mode)) return;
    this.mode = to;
    this.logger.info(
      { provider: this.provider, model: this.model, from, to },
      `${reason}; asking for ${describe(to)} with the schema in the instructions from now on (replies are still validated)`,
    );
  }
}

function describe(mode: ResponseFormatMode): string {
  return mode === 'json_schema' ? 'structured outputs (json_schema)' : mode === 'json_object' ? 'JSON mode (json_object)' : 'plain JSON instructions';
}

/** Triage through OpenAI (or any OpenAI-compatible server at `baseURL`). */
export class OpenAITriageEngine extends LlmTriageEngine {
  constructor(options: OpenAITriageOptions) {
    const client = options.client ?? openAIClient(options);
    const chat = new OpenAIChatClient(client, options.model ?? OPENAI_DEFAULT_MODEL, {
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      tokenLimitField: options.tokenLimitField ?? defaultTokenLimitField(options.baseURL),
      ...(options.responseFormat ? { responseFormat: options.responseFormat } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    super(providerEngineOptions('openai', chat, options));
  }
}

/** Factory for the bot: `createOpenAITriage({ apiKey, model, baseURL, timeoutMs, maxRetries, logger })`. */
export function createOpenAITriage(options: OpenAITriageOptions): OpenAITriageEngine {
  return new OpenAITriageEngine(options);
}
