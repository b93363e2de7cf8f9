import { Link } from 'react-router';

export function NotAllowedPage() {
  return (
    <section className="page page-message">
      <h1>Not allowed</h1>
      <p>Your account does not have access to this page. Ask an administrator if you need it.</p>
      <Link to="/">Go to your home page</Link>
    </section>
  );
}
