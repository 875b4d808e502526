import { randomBytes } from 'node:crypto';
import { ApiSettings, ConfigError, IngestSettings, loadConfig, parseSecretKey, SecretBox, SecretBoxError } from '@casework/config';

describe('MAILBOX_SECRET_KEY and SecretBox', () => {
  const key = randomBytes(32);

  it('accepts 32 bytes as base64, base64url or hex, and nothing else', () => {
    for (const encoded of [key.toString('base64'), key.toString('base64').replace(/=+$/, ''), key.toString('base64url'), key.toString('hex'), key.toString('hex').toUpperCase()]) {
      expect(parseSecretKey(encoded)?.equals(key)).toBe(true);
    }
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), `${key.toString('hex')}0`, 42]) {
      expect(parseSecretKey(bad)).toBeNull();
    }
  });

  it('seals and opens, binding the secret to its context; the sealed text does not contain it', () => {
    const box = SecretBox.fromSetting(key.toString('base64'));
    const sealed = box.seal('hunter2-imap-password', 'mailbox-1');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('hunter2');
    expect(box.seal('hunter2-imap-password', 'mailbox-1')).not.toBe(sealed);
    expect(box.open(sealed, 'mailbox-1')).toBe('hunter2-imap-password');
    expect(() => box.open(sealed, 'mailbox-2')).toThrow(SecretBoxError);
    expect(() => SecretBox.fromSetting(randomBytes(32).toString('hex')).open(sealed, 'mailbox-1')).toThrow(SecretBoxError);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.open(tampered, 'mailbox-1')).toThrow(SecretBoxError);
    expect(() => box.open('plain-text', 'mailbox-1')).toThrow(SecretBoxError);
  });

  it('is optional in the settings, but a malformed key stops the api and ingest naming the setting, not its value', () => {
    const base = { API_BOOTSTRAP_TOKEN: 'a-token-of-sixteen-chars' };
    expect(loadConfig(ApiSettings, base).MAILBOX_SECRET_KEY).toBeUndefined();
    expect(loadConfig(ApiSettings, { ...base, MAILBOX_SECRET_KEY: key.toString('hex') }).MAILBOX_SECRET_KEY).toBe(key.toString('hex'));
    const bad = 'c2VjcmV0LWJ1dC10b28tc2hvcnQ=';
    for (const [cls, env] of [
      [ApiSettings, { ...base, MAILBOX_SECRET_KEY: bad }],
      [IngestSettings, { IMAP_HOST: 'imap.test', IMAP_USER: 'u', IMAP_PASSWORD: 'p', MAILBOX_SECRET_KEY: bad }],
    ] as const) {
      let error: unknown;
      try {
        loadConfig(cls as new () => object, env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).settings.map((s) => s.name)).toEqual(['MAILBOX_SECRET_KEY']);
      expect((error as Error).message).not.toContain(bad);
    }
  });

  it('reads the ingest lease settings', () => {
    const config = loadConfig(IngestSettings, { IMAP_HOST: 'imap.test', IMAP_USER: 'u', IMAP_PASSWORD: 'p', INGEST_MAX_MAILBOXES: '0' });
    expect(config).toMatchObject({ INGEST_MAX_MAILBOXES: 0, INGEST_SCAN_INTERVAL_MS: 5000, INGEST_PROGRESS_INTERVAL_MS: 10000 });
    expect(loadConfig(IngestSettings, { IMAP_HOST: 'imap.test', IMAP_USER: 'u', IMAP_PASSWORD: 'p' }).INGEST_MAX_MAILBOXES).toBeUndefined();
    expect(() => loadConfig(IngestSettings, { IMAP_HOST: 'imap.test', IMAP_USER: 'u', IMAP_PASSWORD: 'p', INGEST_MAX_MAILBOXES: '-1' })).toThrow(/INGEST_MAX_MAILBOXES/);
  });
});
