export default function DuelLobbyPage() {
  return (
    <div className="page">
      <h1>DuelLobbyPage</h1>
    </div>
  );
}
