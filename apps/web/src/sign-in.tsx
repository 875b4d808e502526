import { useState, type FormEvent } from 'react';
import { t } from './i18n/index';
import { useSession } from './session';

/** The token field is uncontrolled: its value is read once on submit and the field cleared. */
export function SignIn() {
  const { signIn } = useSession();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

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
