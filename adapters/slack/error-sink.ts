import { ErrorSink, FORM_TOO_LATE, type Logger } from '../../core/index.js';
import { slackErrorCode } from './channel.js';

/**
 * The Slack adapter's error sink: core's, plus the one platform refusal a
 * person can act on. A form opens with a trigger id that lives 3 seconds;
 * when the checks before it wait on a slow store (a database election),
 * views.open answers `expired_trigger_id`. That is no bug to report with a
 * reference: nothing was done, and clicking again works once the store
 * answers.
 */
export class SlackErrorSink extends ErrorSink {
  constructor(private readonly logger: Logger) {
    super({ logger, surface: 'Slack' });
  }

  override text(error: unknown, where: string, bindings: Record<string, unknown> = {}): string {
    if (slackErrorCode(error) === 'expired_trigger_id') {
      this.logger.warn({ where, ...bindings }, 'a form could not open in time (its trigger expired while the helpdesk was busy)');
      return FORM_TOO_LATE;
    }
    return super.text(error, where, bindings);
  }
}
