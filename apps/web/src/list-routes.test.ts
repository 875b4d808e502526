import { describe, expect, it } from 'vitest';
import { listBaseAt, listBaseOf } from './list-routes';

describe('listBaseAt', () => {
  it('names the list a page address opens on, decoded, and nothing for other pages', () => {
    expect(listBaseAt('/queues/child-safety')).toEqual({ queue: 'child-safety' });
    expect(listBaseAt('/queues/ayuda%20es')).toEqual({ queue: 'ayuda es' });
    expect(listBaseAt('/mine')).toEqual({ assignee: 'me' });
    expect(listBaseAt('/')).toEqual({ assignee: 'me' });
    expect(listBaseAt('/ops')).toBeNull();
    expect(listBaseAt('/tickets/5f1c')).toBeNull();
    expect(listBaseAt('/queues/a/b')).toBeNull();
  });

  it('agrees with the list pages themselves', () => {
    expect(listBaseAt('/queues/legal')).toEqual(listBaseOf({ slug: 'legal' }));
    expect(listBaseAt('/mine')).toEqual(listBaseOf({ mine: true }));
  });
});
