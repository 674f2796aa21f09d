import type { LifecycleSettings, SlaSettings } from '../../core/index.js';
import type { SlaConfig } from '../config-sla.js';

export { statsFor } from './stats.js';

/** The core's SLA and lifecycle settings from the configuration (already read and checked by loadConfig). */
export function slaSettings(config: SlaConfig): { sla: SlaSettings; lifecycle: LifecycleSettings } {
  return {
    sla: { firstResponse: config.firstResponse, nextResponse: config.nextResponse, resolution: config.resolution, calendar: config.calendar, allHours: config.allHours },
    lifecycle: { nudgeAfter: config.nudgeAfter, autoCloseAfter: config.autoCloseAfter, reopenWindowMs: config.reopenWindowMs },
  };
}
