// Placeholder: replaced by the component's owner.
export function Header() {
  return (
    <header>
      <h1>Raft Classroom</h1>
    </header>
  );
}
