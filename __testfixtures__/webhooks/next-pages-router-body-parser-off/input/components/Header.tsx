import Link from 'next/link';

export default function Header() {
  return (
    <header>
      <Link href="/">roomGPT</Link>
    </header>
  );
}
