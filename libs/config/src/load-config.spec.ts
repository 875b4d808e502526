import { ConfigError, loadConfig } from './load-config.js';
import { ApiSettings, IngestSettings, NotificationSettings } from './settings.js';

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig(IngestSettings, { IMAP_HOST: 'imap.test', IMAP_USER: 'u', IMAP_PASSWORD: 'p', IMAP_PORT: '143', IMAP_TLS: 'false' });
    expect(config.IMAP_PORT).toBe(143);
    expect(config.IMAP_TLS).toBe(false);
    expect(config.IMAP_MAILBOX).toBe('INBOX');
    expect(config.DATABASE_URL).toMatch(/^postgres:/);
  });

  it('names every bad setting and never echoes its value', () => {
    let error: unknown;
    try {
      loadConfig(ApiSettings, { PORT: 'eighty', API_BOOTSTRAP_TOKEN: 'short-secret' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('API_BOOTSTRAP_TOKEN');
    expect(message).not.toContain('short-secret');
  });

  it('requires the IMAP settings without defaults', () => {
    expect(() => loadConfig(IngestSettings, {})).toThrow(/IMAP_HOST[\s\S]*IMAP_USER[\s\S]*IMAP_PASSWORD|IMAP_HOST/);
  });

  it('rejects a bad DATABASE_URL and a negative SLA', () => {
    expect(() => loadConfig(NotificationSettings, { DATABASE_URL: 'mysql://x', SLA_FIRST_RESPONSE_MINUTES: '-5' })).toThrow(
      /(?=[\s\S]*DATABASE_URL)(?=[\s\S]*SLA_FIRST_RESPONSE_MINUTES)/,
    );
  });

  it('takes a cluster as NATS_URL (members separated by commas) and a stream replica count', () => {
    const config = loadConfig(NotificationSettings, { NATS_URL: 'nats://n1:4222, nats://n2:4222,nats://n3:4222', NATS_STREAM_REPLICAS: '3' });
    expect(config.NATS_URL).toBe('nats://n1:4222, nats://n2:4222,nats://n3:4222');
    expect(config.NATS_STREAM_REPLICAS).toBe(3);
    expect(loadConfig(NotificationSettings, {}).NATS_STREAM_REPLICAS).toBe(1);
    for (const [key, value] of [['NATS_URL', 'nats://n1:4222,,nats://n2'], ['NATS_URL', 'http://n1:4222'], ['NATS_STREAM_REPLICAS', '0'], ['NATS_STREAM_REPLICAS', '7']]) {
      expect(() => loadConfig(NotificationSettings, { [key]: value })).toThrow(new RegExp(key));
    }
  });
});
