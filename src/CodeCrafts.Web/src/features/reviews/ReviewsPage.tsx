import { ReviewQueue } from './ReviewQueue';
import { ReviewSession } from './ReviewSession';

export default function ReviewsPage({ session = false }: { session?: boolean }) {
  if (session) return <ReviewSession />;
  return (
    <div className="page">
      <h1>Reviews</h1>
      <p className="muted">Spaced repetition brings questions back just before you would forget them.</p>
      <ReviewQueue />
    </div>
  );
}
