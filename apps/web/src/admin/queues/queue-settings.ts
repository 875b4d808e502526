import type { AdminQueue, UnknownSenderFollowup } from '../people-types';

/** A queue's routing, language, retention and assignment settings as the form holds them: numbers as typed, '' for "not set". */
export interface QueueSettingsDraft {
  unknownSenderFollowup: UnknownSenderFollowup;
  reopenWindowDays: string;
  spamScoreThreshold: string;
  defaultLocale: string;
  timeZone: string;
  retentionDays: string;
  autoAssign: boolean;
  maxOpenPerAssignee: string;
}

export type QueueSettingKey = keyof QueueSettingsDraft;

const typed = (value: number | null) => (value === null ? '' : String(value));

export function settingsDraftOf(queue: AdminQueue): QueueSettingsDraft {
  return {
    unknownSenderFollowup: queue.unknownSenderFollowup,
    reopenWindowDays: typed(queue.reopenWindowDays),
    spamScoreThreshold: typed(queue.spamScoreThreshold),
    defaultLocale: queue.defaultLocale ?? '',
    timeZone: queue.timeZone ?? '',
    retentionDays: typed(queue.retentionDays),
    autoAssign: queue.autoAssign,
    maxOpenPerAssignee: typed(queue.maxOpenPerAssignee),
  };
}

/**
 * A typed number as the API takes it; a decimal comma is read as a point (5,5 in de, fr, es).
 * Empty is null where the setting can be off (`nullable`). Anything else that is not a plain
 * number is sent as typed: the API's 400 then names the field and says what it takes, shown
 * beside it — the limits live in one place, the API's DTO.
 */
export function typedNumber(text: string, nullable: boolean): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '' && nullable) return null;
  const plain = trimmed.replace(/^([-+]?\d+),(\d+)$/, '$1.$2');
  return /^[-+]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : trimmed;
}

/** The settings the draft changes, as PATCH /queues/:id takes them (an unchanged one is not sent). */
export function settingsChange(draft: QueueSettingsDraft, queue: AdminQueue): Partial<Record<QueueSettingKey, unknown>> {
  const wanted: Record<QueueSettingKey, unknown> = {
    unknownSenderFollowup: draft.unknownSenderFollowup,
    reopenWindowDays: typedNumber(draft.reopenWindowDays, false),
    spamScoreThreshold: typedNumber(draft.spamScoreThreshold, true),
    defaultLocale: draft.defaultLocale === '' ? null : draft.defaultLocale,
    timeZone: draft.timeZone.trim() === '' ? null : draft.timeZone.trim(),
    retentionDays: typedNumber(draft.retentionDays, true),
    autoAssign: draft.autoAssign,
    maxOpenPerAssignee: typedNumber(draft.maxOpenPerAssignee, false),
  };
  return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => value !== queue[key as QueueSettingKey]));
}
