import { Link } from 'react-router';
import { paths } from './paths.ts';

/** What a path that is not there (or not yours to see) shows: the same for both, so nothing is told. */
export function NotFoundScreen() {
  return (
    <section aria-labelledby="not-found-title" className="not-found" data-testid="not-found">
      <h1 id="not-found-title">Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <p>
        <Link to={paths.projects}>Go to the home page</Link>
      </p>
    </section>
  );
}
