import { decodePageCursor, encodePageCursor } from './page-cursor.util.js';

describe('page cursor', () => {
  const position = { at: new Date('2026-01-02T03:04:05.678Z'), id: '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e' };

  it('round-trips and stays url-safe', () => {
    const cursor = encodePageCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor)).toEqual(position);
  });

  it.each([
    '',
    'bm9wZQ',
    '!!!',
    Buffer.from('2026-01-02T03:04:05.678Z|not-a-uuid').toString('base64url'),
    Buffer.from(`2026-02-30T03:04:05.678Z|${position.id}`).toString('base64url'),
    Buffer.from(`2026-01-02T03:04:05.678Z|${position.id}|x`).toString('base64url'),
    'A'.repeat(201),
  ])('rejects %p', (cursor) => {
    expect(decodePageCursor(cursor)).toBeNull();
  });
});
