// Placeholder: the shared (public, read-only) dashboard view is built in its own issue.
export default function SharedDashboardPage() {
  return (
    <main className="content public-page">
      <h1>Shared dashboard</h1>
      <p className="muted">The shared dashboard view is not available yet.</p>
    </main>
  );
}
