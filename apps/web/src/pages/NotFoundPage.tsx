import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <section className="page page-message">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/">Go to your home page</Link>
    </section>
  );
}
