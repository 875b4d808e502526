import { loadConfig, settingProblemsOf } from './load-config.js';
import { ApiSettings } from './settings.js';

const REQUIRED = { API_BOOTSTRAP_TOKEN: 'a-token-of-sixteen-chars', OIDC_ISSUER: 'https://id.example.org' };

const problemsOf = (env: Record<string, string>): Record<string, string[]> => settingProblemsOf(ApiSettings, { ...REQUIRED, ...env });

describe('ApiSettings: the web inbox’s single sign-on client', () => {
  it('reads the client id, secret and redirect URL; all optional', () => {
    expect(problemsOf({})).toEqual({});
    const config = loadConfig(ApiSettings, { ...REQUIRED, OIDC_CLIENT_ID: 'casework-web', OIDC_CLIENT_SECRET: 's3cret', OIDC_REDIRECT_URL: 'https://inbox.example.org/api/v1/sessions/oidc/callback' });
    expect(config).toMatchObject({ OIDC_CLIENT_ID: 'casework-web', OIDC_CLIENT_SECRET: 's3cret', OIDC_REDIRECT_URL: 'https://inbox.example.org/api/v1/sessions/oidc/callback' });
  });

  it.each([
    ['OIDC_CLIENT_ID', 'has spaces'],
    ['OIDC_REDIRECT_URL', 'not a url'],
    ['OIDC_REDIRECT_URL', 'ftp://inbox.example.org/api/v1/sessions/oidc/callback'],
    ['OIDC_REDIRECT_URL', 'https://inbox.example.org/callback'],
  ])('refuses %s=%s, naming the setting and not its value', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(Object.keys(problems)).toEqual([name]);
    expect(problems[name].join('; ')).not.toContain(value);
  });
});
