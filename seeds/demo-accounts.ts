/** Demo accounts for the quick start and local development. Never used in production. */
export const DEMO_ACCOUNTS = [
  { email: 'demo@soullink.local', password: 'soullink-demo-123', displayName: 'Demo User', role: 'USER' },
  { email: 'analyst@soullink.local', password: 'soullink-analyst-123', displayName: 'Demo Analyst', role: 'ANALYST' },
] as const;
