export default function Home() {
  return <main>Imagine</main>;
}
