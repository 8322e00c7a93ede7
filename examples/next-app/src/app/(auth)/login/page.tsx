import Link from 'next/link';
import { login } from '../actions';
import { AuthForm } from '../auth-form';

export default function LoginPage() {
  return (
    <main>
      <h1>Sign in</h1>
      <AuthForm action={login} mode="login" />
      <p>
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </main>
  );
}
