export default function Home() {
  return (
    <main>
      <h1>Storyteller</h1>
    </main>
  );
}
