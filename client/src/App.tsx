export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', padding: '0 1rem' }}>
      <h1>Better Ads</h1>
      <p>The studio is coming soon. Meanwhile, explore the API in GraphiQL.</p>
      <p>
        <a href="/graphiql">Open GraphiQL →</a>
      </p>
    </main>
  );
}
