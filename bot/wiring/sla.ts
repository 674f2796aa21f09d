import { parseBusinessHours, type BusinessCalendar, type LifecycleSettings, type SlaSettings } from '../../core/index.js';
import type { SlaConfig } from '../config-sla.js';

export { statsFor } from './stats.js';

/** The core's SLA and lifecycle settings from the configuration (already checked by loadConfig). */
export function slaSettings(config: SlaConfig): { sla: SlaSettings; lifecycle: LifecycleSettings } {
  let calendar: BusinessCalendar | null = null;
  if (config.businessHours) {
    const week = parseBusinessHours(config.businessHours.hours);
    if (!week.ok) throw new Error(`BUSINESS_HOURS: ${week.message}`);
    calendar = { timeZone: config.businessHours.timeZone, week: week.value, holidays: config.businessHours.holidays };
  }
  return {
    sla: { firstResponse: config.firstResponse, nextResponse: config.nextResponse, resolution: config.resolution, calendar, allHours: config.allHours },
    lifecycle: { nudgeAfter: config.nudgeAfter, autoCloseAfter: config.autoCloseAfter, reopenWindowMs: config.reopenWindowMs },
  };
}
