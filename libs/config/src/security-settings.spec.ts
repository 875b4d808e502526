import { loadConfig, settingProblemsOf } from './load-config.js';
import { ApiSettings } from './settings.js';

const REQUIRED = { API_BOOTSTRAP_TOKEN: 'a-token-of-sixteen-chars' };

const problemsOf = (env: Record<string, string>): Record<string, string[]> => settingProblemsOf(ApiSettings, { ...REQUIRED, ...env });

describe('ApiSettings: the security baseline', () => {
  it('limits per token and per address by default, with CORS off', () => {
    const config = loadConfig(ApiSettings, REQUIRED);
    expect(config.RATE_LIMIT_PER_TOKEN_PER_MINUTE).toBe(1200);
    expect(config.RATE_LIMIT_PER_IP_PER_MINUTE).toBe(6000);
    expect(config.CORS_ORIGINS).toBeUndefined();
  });

  it('reads the limits as integers; 0 turns one off', () => {
    const config = loadConfig(ApiSettings, { ...REQUIRED, RATE_LIMIT_PER_TOKEN_PER_MINUTE: '30', RATE_LIMIT_PER_IP_PER_MINUTE: '0' });
    expect(config.RATE_LIMIT_PER_TOKEN_PER_MINUTE).toBe(30);
    expect(config.RATE_LIMIT_PER_IP_PER_MINUTE).toBe(0);
  });

  it.each([
    ['RATE_LIMIT_PER_TOKEN_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_PER_TOKEN_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_TOKEN_PER_MINUTE', '2.5'],
    ['RATE_LIMIT_PER_IP_PER_MINUTE', '99999999999'],
  ])('refuses %s=%s, naming the setting', (name, value) => {
    expect(Object.keys(problemsOf({ [name]: value }))).toEqual([name]);
  });

  it('splits CORS_ORIGINS at commas, dropping blanks', () => {
    const config = loadConfig(ApiSettings, { ...REQUIRED, CORS_ORIGINS: 'https://inbox.example.org, http://localhost:5173,' });
    expect(config.CORS_ORIGINS).toEqual(['https://inbox.example.org', 'http://localhost:5173']);
  });

  it.each([
    ['a bare host', 'inbox.example.org'],
    ['another scheme', 'ftp://inbox.example.org'],
    ['a path', 'https://inbox.example.org/app'],
    ['a trailing slash', 'https://inbox.example.org/'],
    ['a wildcard', '*'],
    ['one bad origin among good ones', 'https://inbox.example.org,not a url'],
    ['only commas', ', ,'],
  ])('refuses CORS_ORIGINS with %s, naming the setting', (_case, value) => {
    const problems = problemsOf({ CORS_ORIGINS: value });
    expect(Object.keys(problems)).toEqual(['CORS_ORIGINS']);
    expect(problems.CORS_ORIGINS.join('; ')).toMatch(/origin/);
  });
});
