import { ConfigError, IngestSettings, loadConfig } from '@casework/config';

describe('IngestSettings for SMTP push', () => {
  it('leaves the listener off by default, with its defaults', () => {
    const config = loadConfig(IngestSettings, { IMAP_HOST: 'imap.test', IMAP_USER: 'u', IMAP_PASSWORD: 'p' });
    expect(config).toMatchObject({ SMTP_LISTEN_PORT: 0, SMTP_LISTEN_HOST: '127.0.0.1', SMTP_MAX_BYTES: 26214400, SMTP_LMTP: false });
  });

  it('accepts an SMTP-only ingest without any IMAP setting', () => {
    const config = loadConfig(IngestSettings, { SMTP_LISTEN_PORT: '2525', SMTP_LMTP: 'true', SMTP_MAX_BYTES: '1000' });
    expect(config).toMatchObject({ SMTP_LISTEN_PORT: 2525, SMTP_LMTP: true, SMTP_MAX_BYTES: 1000 });
    expect(config.IMAP_HOST).toBeUndefined();
  });

  it('still requires the IMAP settings without a listener, and the account once IMAP_HOST is set', () => {
    expect(() => loadConfig(IngestSettings, {})).toThrow(/IMAP_HOST/);
    let error: unknown;
    try {
      loadConfig(IngestSettings, { SMTP_LISTEN_PORT: '2525', IMAP_HOST: 'imap.test' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).settings.map((s) => s.name)).toEqual(['IMAP_USER', 'IMAP_PASSWORD']);
  });

  it('rejects a bad port or size', () => {
    expect(() => loadConfig(IngestSettings, { SMTP_LISTEN_PORT: '70000' })).toThrow(/SMTP_LISTEN_PORT/);
    expect(() => loadConfig(IngestSettings, { SMTP_LISTEN_PORT: '2525', SMTP_MAX_BYTES: '0' })).toThrow(/SMTP_MAX_BYTES/);
  });
});
