import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, API_BASE } from './api/client';
import { t, type MessageKey } from './i18n/index';
import { useSession } from './session';
import './sign-in.css';

/** GET /sessions/methods: a token always; single sign-on when the API has OIDC configured. */
interface SignInMethods {
  token: boolean;
  oidc: boolean;
}

/** Where single sign-on's callback sends the browser back without a session (`/?signIn=…`). */
const SSO_PROBLEMS = new Map<string, MessageKey>([
  ['failed', 'signIn.ssoFailed'],
  ['unknown', 'signIn.ssoUnknown'],
]);

/** The token field is uncontrolled: its value is read once on submit and the field cleared. */
export function SignIn() {
  const { signIn } = useSession();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [params] = useSearchParams();
  // Without an answer the page offers the token form alone: it always works.
  const methods = useQuery({ queryKey: ['signInMethods'], queryFn: () => api<SignInMethods>('/sessions/methods'), staleTime: Infinity, retry: false });
  const ssoProblem = SSO_PROBLEMS.get(params.get('signIn') ?? '');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('token') as HTMLInputElement;
    const token = field.value.trim();
    field.value = '';
    setBusy(true);
    setFailed(false);
    try {
      await signIn(token);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>{t('signIn.heading')}</h1>
      {ssoProblem && (
        <p role="alert" className="sso-problem">
          {t(ssoProblem)}
        </p>
      )}
      {methods.data?.oidc && (
        <>
          {/* A plain navigation: the API redirects to the issuer and, on the way back, sets the session cookie. */}
          <a className="sso" href={`${API_BASE}/sessions/oidc`}>
            {t('signIn.sso')}
          </a>
          <p className="sso-or">{t('signIn.or')}</p>
        </>
      )}
      <form onSubmit={submit}>
        <label htmlFor="token">{t('signIn.token')}</label>
        {/* A text field (not a password one: browsers would offer to save it), masked by CSS. */}
        <input id="token" name="token" type="text" className="secret" autoComplete="off" autoCapitalize="off" spellCheck={false} required />
        <p className="hint">{t('signIn.hint')}</p>
        {failed && <p role="alert">{t('signIn.failed')}</p>}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
