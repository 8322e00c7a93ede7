import Link from 'next/link';
import { signup } from '../actions';
import { AuthForm } from '../auth-form';

export default function SignupPage() {
  return (
    <main>
      <h1>Create your account</h1>
      <AuthForm action={signup} mode="signup" />
      <p>
        Already have one? <Link href="/login">Sign in</Link>
      </p>
    </main>
  );
}
