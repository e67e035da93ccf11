export default function LeaderboardsPage() {
  return (
    <div className="page">
      <h1>LeaderboardsPage</h1>
    </div>
  );
}
