import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares secrets in constant time. Hashing first gives both sides the same length, so
 * neither the content nor the length of the expected token leaks through timing.
 */
export function constantTimeEquals(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}
