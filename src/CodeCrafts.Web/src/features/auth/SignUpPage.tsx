import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { Field } from '@/components/ui/Field';
import { fieldErrors, formLevelMessage } from '@/lib/problems';
import { useSession } from '@/lib/use-session';
import { AuthScreen } from './AuthScreen';
import { useSignUp } from './use-auth';

const FIELDS = ['email', 'password', 'displayName', 'timeZone'] as const;
const EMAIL_TAKEN = { 409: 'email' };

export default function SignUpPage() {
  const { status } = useSession();
  const signUp = useSignUp();
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });

  if (status === 'signedIn') return <Navigate to="/" replace />;

  const errors = fieldErrors(signUp.error, EMAIL_TAKEN);
  const formError = formLevelMessage(signUp.error, FIELDS, EMAIL_TAKEN);
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate({ ...form, email: form.email.trim(), displayName: form.displayName.trim() });
  };

  return (
    <AuthScreen
      title="Create your account"
      subtitle="Learn Python and C++ a few minutes a day."
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="Sign up">
        {formError && (
          <p className="alert" role="alert">
            {formError}
          </p>
        )}
        <Field label="Display name" autoComplete="nickname" value={form.displayName} onChange={set('displayName')} error={errors.displayName} required maxLength={64} />
        <Field label="Email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={errors.email} required />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          hint="At least 8 characters."
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthScreen>
  );
}
