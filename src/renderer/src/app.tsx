export function App() {
  return (
    <main className="welcome">
      <h1>KieDrop</h1>
      <p>Drop files here to get a link. Links last 3 days.</p>
    </main>
  );
}
