import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/EmptyState';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState title="Page not found" action={<Link className="btn btn-primary" to="/">Back to Learn</Link>}>
        That page does not exist (any more).
      </EmptyState>
    </div>
  );
}
