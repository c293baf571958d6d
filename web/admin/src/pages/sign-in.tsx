/**
 * Sign-in: the admin key and a display name go to POST /v1/staff/login once; the server answers
 * with an httpOnly cookie, and the key is dropped from the page's memory with the form.
 */
import { type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../api/client.js';
import type { StaffMember } from '../api/types.js';
import { LanguageToggle } from '../components/shell.js';
import { type MessageKey, useLanguage } from '../i18n/index.js';

function problemOf(error: unknown): MessageKey | string {
  if (ApiError.isInstance(error)) {
    if (error.status === 401) return 'signIn.wrongKey';
    if (error.status === 429) return 'signIn.tooMany';
    if (error.code === 'admin_disabled') return 'signIn.disabled';
    return error.message;
  }
  return String(error);
}

export function SignInPage({ onSignedIn }: { onSignedIn: (member: StaffMember) => void }) {
  const { t } = useLanguage();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { name: useId(), key: useId(), hint: useId(), problem: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const member = await api.signIn(key, name.trim());
      setKey('');
      onSignedIn(member);
    } catch (error) {
      const found = problemOf(error);
      setProblem(found.startsWith('signIn.') ? t(found as MessageKey) : found);
      setWorking(false);
    }
  };

  return (
    <div className="sign-in">
      <div className="sign-in-language">
        <LanguageToggle />
      </div>
      <form className="sign-in-card" onSubmit={submit} aria-describedby={problem ? ids.problem : undefined}>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.console')}</small>
          </span>
        </div>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {problem && (
          <p className="notice notice-error" role="alert" id={ids.problem}>
            {problem}
          </p>
        )}
        <label htmlFor={ids.name}>{t('signIn.name')}</label>
        <input
          id={ids.name}
          name="name"
          autoComplete="name"
          required
          maxLength={60}
          value={name}
          aria-describedby={ids.hint}
          onChange={(event) => setName(event.target.value)}
        />
        <p className="hint" id={ids.hint}>
          {t('signIn.nameHint')}
        </p>
        <label htmlFor={ids.key}>{t('signIn.key')}</label>
        <input
          id={ids.key}
          name="key"
          type="password"
          autoComplete="current-password"
          required
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
        <button type="submit" className="button button-primary button-wide" disabled={working}>
          {working ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
