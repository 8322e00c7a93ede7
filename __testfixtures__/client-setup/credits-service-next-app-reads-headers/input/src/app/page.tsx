export default function Home() {
  return <main>Studio</main>;
}
