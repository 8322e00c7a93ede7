export default function Home() {
  return <main>Acme</main>;
}
