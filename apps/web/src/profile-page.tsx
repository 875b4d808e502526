import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from './api/client';
import { t } from './i18n/index';
import { UI_LOCALES } from './i18n/locales';
import { useSession } from './session';
import { timeZones } from './time-zones';

/** Each UI locale in its own language: a reader who cannot read the current one still finds theirs. */
const LOCALE_NAMES: Record<(typeof UI_LOCALES)[number], string> = { en: 'English', es: 'Español', fr: 'Français', de: 'Deutsch', ar: 'العربية' };

/** The caller's own language and time zone (PATCH /me): every string and date of the page follows them. */
export function ProfilePage() {
  const { me } = useSession();
  const client = useQueryClient();
  const [locale, setLocale] = useState(me?.locale ?? 'en');
  const [timeZone, setTimeZone] = useState(me?.timeZone ?? 'UTC');
  const save = useMutation({
    mutationFn: () => api('/me', 'PATCH', { locale, timeZone }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
  const zones = timeZones();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="profile-heading" className="profile">
      <h1 id="profile-heading">{t('profile.heading')}</h1>
      <form onSubmit={submit}>
        <label htmlFor="profile-locale">{t('profile.language')}</label>
        <select id="profile-locale" value={locale} onChange={(event) => setLocale(event.target.value)}>
          {!(UI_LOCALES as readonly string[]).includes(locale) && <option value={locale}>{locale}</option>}
          {UI_LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
        <label htmlFor="profile-zone">{t('profile.timeZone')}</label>
        <select id="profile-zone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
          {!zones.includes(timeZone) && <option value={timeZone}>{timeZone}</option>}
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <button type="submit" disabled={save.isPending}>
          {t('profile.save')}
        </button>
      </form>
      {save.isSuccess && <p role="status">{t('profile.saved')}</p>}
      {save.isError && <p role="alert">{t('error.generic', { message: save.error.message })}</p>}
    </section>
  );
}
