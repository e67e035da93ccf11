export default function DuelHistoryPage() {
  return (
    <div className="page">
      <h1>DuelHistoryPage</h1>
    </div>
  );
}
