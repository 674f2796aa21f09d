import type { TriageEngine, TriageProposal, TriageRequest } from '../ports/triage.js';
import { silentLogger, type Logger } from '../ports/system.js';
import type { ChatMessage, Completion, CompletionClient } from './completion.js';
import { addUsage, NO_USAGE, ProviderError, TriageAttemptError, type TokenUsage } from './errors.js';
import { buildTriagePrompt, repairMessage } from './prompt.js';
import { keepOffered, offeredSkills, type OfferedSkills } from './skills-context.js';
import { DEFAULT_RETRY_POLICY, withRetry, type ProviderRetrySettings, type RetryHooks, type RetryPolicy } from './retry.js';
import { parseTriageOutput, TRIAGE_JSON_SCHEMA, TRIAGE_SCHEMA_NAME, type TriageOutput } from './schema.js';

export interface LlmTriageEngineOptions {
  readonly client: CompletionClient;
  /** Engine name recorded in the ticket history; defaults to the provider name. */
  readonly name?: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly maxOutputTokens?: number;
  readonly logger?: Logger;
  /** Injected sleep and jitter for the retry backoff (tests make both instant and fixed). */
  readonly hooks?: Pick<RetryHooks, 'sleep' | 'random'>;
  /** The configuration variable that picks the model, named when the model is gone (default `<NAME>_MODEL`, e.g. `OPENAI_MODEL`). */
  readonly modelSetting?: string;
}

/** The settings every provider's triage engine takes, whatever its SDK. */
export interface ProviderTriageSettings extends ProviderRetrySettings {
  readonly model?: string | undefined;
  readonly maxOutputTokens?: number | undefined;
  /** Omitted unless set: some models (reasoning models) reject any value but the default. */
  readonly temperature?: number | undefined;
}

/** Engine options for a provider's client from its settings (unset ones keep the engine's defaults). */
export function providerEngineOptions(name: string, client: CompletionClient, settings: ProviderTriageSettings): LlmTriageEngineOptions {
  return {
    name,
    client,
    retry: { ...settings.retry, ...(settings.maxRetries !== undefined ? { maxRetries: settings.maxRetries } : {}) },
    ...(settings.maxOutputTokens !== undefined ? { maxOutputTokens: settings.maxOutputTokens } : {}),
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.hooks ? { hooks: settings.hooks } : {}),
  };
}

/** A proposal plus how many provider calls it took; the chain reads `calls` for its accounting. */
export interface MeteredProposal extends TriageProposal {
  readonly calls?: number;
}

export const DEFAULT_MAX_OUTPUT_TOKENS = 1200;

/**
 * Triage through a chat model with structured output: one call per ticket;
 * when the reply does not validate, exactly one repair turn that shows the
 * model its reply and the error; then it gives up with a
 * {@link TriageAttemptError} so the chain can try the next engine.
 */
export class LlmTriageEngine implements TriageEngine {
  readonly name: string;
  private readonly policy: RetryPolicy;
  private readonly maxOutputTokens: number;
  private readonly logger: Logger;

  constructor(private readonly options: LlmTriageEngineOptions) {
    this.name = options.name ?? options.client.provider;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.maxOutputTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    this.logger = (options.logger ?? silentLogger).child({ engine: this.name });
  }

  get model(): string {
    return this.options.client.model;
  }

  async triage(request: TriageRequest): Promise<MeteredProposal> {
    const offered = offeredSkills(request);
    const prompt = buildTriagePrompt(request, offered);
    const meter = { calls: 0, usage: NO_USAGE as TokenUsage };
    const messages: ChatMessage[] = [{ role: 'user', text: prompt.user }];
    try {
      const first = await this.call(prompt.system, messages, meter, request.ticket.id);
      let parsed = parseTriageOutput(first.text);
      let answer = first;
      // Prose or a fence around the JSON: the server let the model ignore the schema.
      if (parsed.ok && parsed.wrapped) this.options.client.unstructuredReply?.();
      if (!parsed.ok) {
        this.logger.warn({ ticketId: request.ticket.id, error: parsed.error }, 'model reply did not validate; asking once for a repair');
        messages.push({ role: 'assistant', text: first.text.slice(0, 6000) }, { role: 'user', text: repairMessage(parsed.error) });
        answer = await this.call(prompt.system, messages, meter, request.ticket.id);
        parsed = parseTriageOutput(answer.text);
        if (!parsed.ok) throw new ProviderError(this.options.client.provider, 'invalid-output', `reply still invalid after one repair: ${parsed.error}`);
      }
      return { ...toProposal(parsed.value, request, this.name, answer.model || this.model, offered), usage: meter.usage, calls: meter.calls };
    } catch (error) {
      const kind = error instanceof ProviderError ? error.kind : 'unknown';
      const message = error instanceof Error ? error.message : String(error);
      const model = kind === 'model-unavailable' ? { name: this.model, setting: this.options.modelSetting ?? `${this.name.toUpperCase()}_MODEL` } : undefined;
      throw new TriageAttemptError(this.name, kind, message, meter.calls, meter.usage, error, model);
    }
  }

  private async call(system: string, messages: readonly ChatMessage[], meter: { calls: number; usage: TokenUsage }, ticketId: string): Promise<Completion> {
    return withRetry(
      async () => {
        meter.calls += 1;
        const completion = await this.options.client.complete({
          system,
          messages,
          schemaName: TRIAGE_SCHEMA_NAME,
          schema: TRIAGE_JSON_SCHEMA,
          maxOutputTokens: this.maxOutputTokens,
        });
        meter.usage = addUsage(meter.usage, completion.usage);
        // A server that refused the response format once was asked again within the same completion.
        meter.calls += (completion.calls ?? 1) - 1;
        return completion;
      },
      this.policy,
      {
        ...this.options.hooks,
        onRetry: ({ attempt, delayMs, error }) =>
          this.logger.warn({ ticketId, attempt, delayMs, kind: error.kind, status: error.status }, 'provider call failed; retrying'),
      },
    );
  }
}

/**
 * Turns validated output into a proposal. Skills are kept only when they
 * were offered (the helpdesk's skills, or a technical id the ticket names).
 * Citations are kept honest: only refs that were actually offered as
 * similar tickets count, and a fix that relies on them names them.
 */
export function toProposal(out: TriageOutput, request: TriageRequest, engine: string, model: string, offered: OfferedSkills = offeredSkills(request)): TriageProposal {
  const shown = new Set(request.similar.map((s) => s.ref));
  const refs = [...new Set(out.references.filter((r) => shown.has(r)))];
  let fix = out.suggestedFix;
  if (fix !== null && refs.length > 0) {
    const missing = refs.filter((r) => !cites(fix as string, r));
    if (missing.length > 0) fix = `${fix} (based on ${missing.map((r) => `#${r}`).join(', ')})`;
  }
  return {
    summary: out.summary,
    category: out.category,
    priority: out.priority,
    skills: keepOffered(out.skills, offered),
    notes: out.notes,
    suggestedFix: fix,
    confidence: out.confidence,
    engine,
    model,
  };
}

/** True when `text` mentions `#ref` as a whole number (so #1 is not found in #12). */
function cites(text: string, ref: number): boolean {
  const needle = `#${ref}`;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const next = text.charCodeAt(i + needle.length);
    if (!(next >= 48 && next <= 57)) return true;
  }
  return false;
}
