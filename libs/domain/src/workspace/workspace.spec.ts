import { articlesSince, decideAssignee, decideClaim, MAX_TAGS_PER_TICKET, normalizeTags } from '../workspace.js';

describe('normalizeTags', () => {
  it.each([
    [['Harassment', ' doxxing ', 'harassment'], ['harassment', 'doxxing']],
    [['event-safety', 'triage:threat', 'v1.2_x'], ['event-safety', 'triage:threat', 'v1.2_x']],
    [[], []],
  ])('%j → %j', (input, tags) => {
    expect(normalizeTags(input)).toEqual({ ok: true, tags });
  });

  it.each([
    [['two words'], 'without spaces'],
    [['x'.repeat(51)], '1 to 50 characters'],
    [[''], '1 to 50 characters'],
    [['-leading'], 'lower-case slug'],
    [['ünïcode'], 'lower-case slug'],
    [Array.from({ length: MAX_TAGS_PER_TICKET + 1 }, (_, i) => `t${i}`), 'at most 20 tags'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(normalizeTags(input)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('counts tags after de-duplication', () => {
    expect(normalizeTags([...Array.from({ length: 20 }, (_, i) => `t${i}`), 'T0'])).toMatchObject({ ok: true });
  });
});

describe('decideClaim', () => {
  const ana = 'ana';
  it.each([
    [{ holderId: null, force: false, mayOverride: false }, true],
    [{ holderId: ana, force: false, mayOverride: false }, true],
    [{ holderId: 'ben', force: false, mayOverride: true }, false],
    [{ holderId: 'ben', force: true, mayOverride: false }, false],
    [{ holderId: 'ben', force: true, mayOverride: true }, true],
  ])('%j → allowed %s', (input, allowed) => {
    expect(decideClaim({ ...input, callerId: ana }).allowed).toBe(allowed);
  });
});

describe('decideAssignee', () => {
  it.each([
    [null, 'does not exist'],
    [{ id: 'u', disabled: true, canWrite: true }, 'is disabled'],
    [{ id: 'u', disabled: false, canWrite: false }, 'no write access'],
  ])('%j is refused (%s)', (assignee, reason) => {
    expect(decideAssignee(assignee, 'u')).toEqual({ allowed: false, reason: expect.stringContaining(reason) });
  });

  it('takes an enabled user with write access', () => {
    expect(decideAssignee({ id: 'u', disabled: false, canWrite: true }, 'u')).toEqual({ allowed: true });
  });
});

describe('articlesSince', () => {
  const articles = [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }];
  it('is unchanged when the last article is the one the writer saw', () => {
    expect(articlesSince(articles, 'A3')).toEqual({ changed: false });
  });
  it('names the articles added since', () => {
    expect(articlesSince(articles, 'a1')).toEqual({ changed: true, newArticles: [{ id: 'a2' }, { id: 'a3' }] });
  });
  it('knows an id that is not the ticket’s', () => {
    expect(articlesSince(articles, 'zz')).toEqual({ unknownArticle: true });
  });
});
