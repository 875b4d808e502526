/**
 * Harmful media contained (issue 15, part 5), pure. The pieces live in ./harmful-media/:
 * - hash-values.ts: what a hash list holds (SHA-256 / MD5 hex), parsing an upload naming its bad line
 * - hash-list-match.ts: which attachments of a mail are listed, and what that does to routing
 * - media-exposure.ts: images and videos by declared or sniffed type; who may fetch a blocked attachment
 */
export { HASH_ALGORITHMS, MAX_HASH_VALUES_PER_UPLOAD, hashTextLines, normalizeHashValue, parseHashValues, type HashAlgorithm, type HashValue, type HashValuesParse } from './harmful-media/hash-values.js';
export {
  HASH_LIST_EVIDENCE,
  HASH_LIST_MATCH_TAG,
  applyHashListHit,
  escalateForHashListHit,
  hashListHit,
  hashListTriage,
  type AttachmentHashes,
  type EscalatableTicket,
  type HashListEscalation,
} from './harmful-media/hash-list-match.js';
export { MAX_RELEASE_REASON_CHARS, MIN_RELEASE_REASON_CHARS, decideAttachmentRelease, isVisualMedia, type AttachmentRelease } from './harmful-media/media-exposure.js';
