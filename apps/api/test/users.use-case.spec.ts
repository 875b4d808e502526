import type { ApiTokenRepository, UserRepository } from '@casework/database';
import { DomainError } from '@casework/domain';
import type { Caller } from '../src/auth/caller.js';
import { RevokeTokenUseCase } from '../src/users/revoke-token.use-case.js';
import { UpdateUserUseCase } from '../src/users/update-user.use-case.js';
import { UserDirectory } from '../src/users/user-directory.js';
import { InMemoryTokens, InMemoryUsers, inlineDataSource } from './fakes/in-memory-users.js';

/** The users' use cases over in-memory repositories: the rules, without a database or a process. */
describe('UpdateUserUseCase: at least one enabled admin stays', () => {
  const setUp = () => {
    const users = new InMemoryUsers();
    const db = inlineDataSource();
    const repo = users as unknown as UserRepository;
    return { users, update: new UpdateUserUseCase(db, repo, new UserDirectory(db, repo)) };
  };

  it.each([
    ['demoting', { role: 'lead' as const }],
    ['disabling', { disabled: true }],
  ])('refuses %s the last enabled admin', async (_what, change) => {
    const { users, update } = setUp();
    const admin = users.add({ email: 'a@x.test', role: 'admin' });
    users.add({ email: 'off@x.test', role: 'admin', disabled: true });
    await expect(update.execute(admin.id, change)).rejects.toMatchObject({ code: 'LastAdmin' });
    expect(users.rows.get(admin.id)).toMatchObject({ role: 'admin', disabled: false });
  });

  it('allows it when another enabled admin remains, and answers before and after', async () => {
    const { users, update } = setUp();
    const admin = users.add({ email: 'a@x.test', role: 'admin' });
    users.add({ email: 'b@x.test', role: 'admin' });
    const { before, after } = await update.execute(admin.id, { role: 'specialist' });
    expect([before.role, after.role]).toEqual(['admin', 'specialist']);
  });

  it('lets the last admin change their name, and a specialist be disabled', async () => {
    const { users, update } = setUp();
    const admin = users.add({ email: 'a@x.test', role: 'admin' });
    const specialist = users.add({ email: 's@x.test', role: 'specialist' });
    expect((await update.execute(admin.id, { name: 'Ada' })).after.name).toBe('Ada');
    expect((await update.execute(specialist.id, { disabled: true })).after.disabled).toBe(true);
  });

  it('answers UserNotFound for an unknown or malformed id', async () => {
    const { update } = setUp();
    await expect(update.execute('00000000-0000-4000-8000-000000000000', { name: 'x' })).rejects.toMatchObject({ code: 'UserNotFound' });
    await expect(update.execute('nope', { name: 'x' })).rejects.toBeInstanceOf(DomainError);
  });
});

describe('RevokeTokenUseCase: own tokens, or anyone’s for an admin', () => {
  const caller = (userId: string, role: Caller['role']): Caller => ({ userId, email: `${userId}@x.test`, role, tokenId: null, via: 'token' });

  it.each<[string, Caller['role'], boolean, boolean]>([
    ['their own token', 'specialist', true, true],
    ["someone else's token", 'specialist', false, false],
    ["someone else's token as a lead", 'lead', false, false],
    ["someone else's token as an admin", 'admin', false, true],
  ])('revoking %s (caller: %s, own: %s) → revoked: %s', async (_what, role, own, revoked) => {
    const tokens = new InMemoryTokens();
    const token = tokens.add('owner');
    const revoke = new RevokeTokenUseCase(inlineDataSource(), tokens as unknown as ApiTokenRepository);
    const outcome = revoke.execute(caller(own ? 'owner' : 'other', role), token.id);
    if (revoked) {
      await expect(outcome).resolves.toMatchObject({ id: token.id });
      expect(tokens.rows.get(token.id)!.revokedAt).not.toBeNull();
    } else {
      // Not theirs to manage: answered as if it did not exist.
      await expect(outcome).rejects.toMatchObject({ code: 'TokenNotFound' });
      expect(tokens.rows.get(token.id)!.revokedAt).toBeNull();
    }
  });

  it('a second revoke answers TokenNotFound', async () => {
    const tokens = new InMemoryTokens();
    const token = tokens.add('owner');
    const revoke = new RevokeTokenUseCase(inlineDataSource(), tokens as unknown as ApiTokenRepository);
    await revoke.execute(caller('owner', 'specialist'), token.id);
    await expect(revoke.execute(caller('owner', 'specialist'), token.id)).rejects.toMatchObject({ code: 'TokenNotFound' });
  });
});
