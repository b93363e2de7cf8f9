// Placeholder: the dashboard builder is built in its own issue and replaces this folder.
export default function DashboardBuilderPage() {
  return (
    <section className="page">
      <header className="page-header">
        <h1>Dashboard builder</h1>
      </header>
      <p className="muted">Custom dashboards are coming soon.</p>
    </section>
  );
}
