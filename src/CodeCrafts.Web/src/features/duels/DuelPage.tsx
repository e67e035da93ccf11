export default function DuelPage() {
  return (
    <div className="page">
      <h1>DuelPage</h1>
    </div>
  );
}
