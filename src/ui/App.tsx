export function App() {
  return (
    <main>
      <h1>Raft Classroom</h1>
    </main>
  );
}
