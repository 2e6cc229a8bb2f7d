import { useEffect, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { setToken } from '../../lib/session.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { nextPath, paths, signInHref } from '../../app/paths.ts';
import { useSignInMutation } from './mutations/useSignInMutation.ts';
import { useSignUpMutation } from './mutations/useSignUpMutation.ts';

const FIELDS = ['email', 'password', 'name'];

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function AuthScreen({ mode }: { mode: 'signin' | 'signup' }) {
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = nextPath(search); // where the sign-in was asked from (the catalog's "Add to project")
  const form = useFormErrors(FIELDS);
  const { errors } = form;
  const [signIn, signInState] = useSignInMutation();
  const [signUp, signUpState] = useSignUpMutation();
  // After RateLimitedError the form says so and waits until its retryAfter; only for the mode that was refused.
  const [blocked, setBlocked] = useState<{ mode: string; until: number } | null>(null);
  useEffect(() => {
    if (!blocked) return;
    const timer = setTimeout(() => setBlocked(null), Math.max(0, blocked.until - Date.now()));
    return () => clearTimeout(timer);
  }, [blocked]);
  const waitUntil = blocked?.mode === mode ? blocked.until : null;
  const busy = signInState.loading || signUpState.loading;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.run(async () => {
      const result = mode === 'signin' ? await signIn({ email, password }) : await signUp({ email, password, name });
      if (result && 'retryAfter' in result) setBlocked({ mode, until: new Date(result.retryAfter).getTime() });
      if (result && 'data' in result) {
        await client.clearStore(); // nothing of a previous session stays in the cache
        setToken(result.data.token);
        void navigate(next ?? paths.projects, { replace: true });
      }
      return result;
    });
  };

  return (
    <main id="main" className="auth">
      <h1 className="brand-title">Better Ads</h1>
      <p className="tagline">Mute video avatars and B-rolls for your ads.</p>
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <h2 id="auth-title">{mode === 'signin' ? 'Sign in' : 'Create your account'}</h2>
        {mode === 'signup' && (
          <Field label="Name" error={errors.fields.name}>
            {(id, d) => (
              <input
                id={id}
                name="name"
                autoComplete="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-describedby={d}
                aria-invalid={!!errors.fields.name}
                required
              />
            )}
          </Field>
        )}
        <Field label="Email" error={errors.fields.email}>
          {(id, d) => (
            <input
              id={id}
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-describedby={d}
              aria-invalid={!!errors.fields.email}
              required
            />
          )}
        </Field>
        <Field
          label="Password"
          error={errors.fields.password}
          hint={mode === 'signup' ? 'At least 8 characters.' : undefined}
        >
          {(id, d) => (
            <input
              id={id}
              name="password"
              type="password"
              autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={d}
              aria-invalid={!!errors.fields.password}
              required
            />
          )}
        </Field>
        <FormError message={errors.general} />
        <button type="submit" className="btn-primary" disabled={busy || waitUntil !== null}>
          {busy
            ? 'Please wait…'
            : waitUntil !== null
              ? `Try again at ${clock(waitUntil)}`
              : mode === 'signin'
                ? 'Sign in'
                : 'Sign up'}
        </button>
        <p className="switch">
          {mode === 'signin' ? (
            <>
              New here? <Link to={next ? signInHref(next, paths.signUp) : paths.signUp}>Create an account</Link>
            </>
          ) : (
            <>
              Already have an account? <Link to={next ? signInHref(next) : paths.signIn}>Sign in</Link>
            </>
          )}
        </p>
        <p className="switch">
          <Link to={paths.catalog}>Browse the public catalog</Link> without an account.
        </p>
      </form>
    </main>
  );
}
