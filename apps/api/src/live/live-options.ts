import type { ApiSettings } from '@casework/config';

/** What the live features take from ApiSettings. */
export interface LiveOptions {
  presenceTtlSeconds: number;
  recheckMs: number;
  streamsPerUser: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
}

export const LIVE_OPTIONS = Symbol('casework.live-options');

const HEARTBEAT_MS = 15_000;

export function liveOptionsOf(config: ApiSettings): LiveOptions {
  return {
    presenceTtlSeconds: config.PRESENCE_TTL_SECONDS,
    recheckMs: config.EVENTS_RECHECK_SECONDS * 1000,
    streamsPerUser: config.EVENTS_STREAMS_PER_USER,
    heartbeatMs: HEARTBEAT_MS,
  };
}
