export default function DuelResultPage() {
  return (
    <div className="page">
      <h1>DuelResultPage</h1>
    </div>
  );
}
