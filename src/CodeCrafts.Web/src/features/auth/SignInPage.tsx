import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Field } from '@/components/ui/Field';
import { fieldErrors, formLevelMessage } from '@/lib/problems';
import { useSession } from '@/lib/use-session';
import { AuthScreen } from './AuthScreen';
import { useSignIn } from './use-auth';

const FIELDS = ['email', 'password'] as const;

/** Only paths inside the app: an open redirect through ?next= would be a phishing aid. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const { status } = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  const errors = fieldErrors(signIn.error);
  const formError = formLevelMessage(signIn.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <AuthScreen
      title="Welcome back"
      subtitle="Sign in to keep your streak going."
      footer={
        <>
          New to CodeCrafts? <Link to="/sign-up">Create an account</Link>
        </>
      }
    >
      {params.get('expired') && !signIn.error && (
        <p className="alert" role="alert">
          Your session ended. Please sign in again.
        </p>
      )}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="Sign in">
        {formError && (
          <p className="alert" role="alert">
            {formError}
          </p>
        )}
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} required />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthScreen>
  );
}
