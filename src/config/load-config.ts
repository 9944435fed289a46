import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import type { Config, OidcProviderConfig } from './config';
import { envSchema } from './env.schema';
import { loadOrCreateLocalSecrets } from './local-secrets';

/**
 * Reads and validates the environment once. Throws ConfigError naming every bad variable.
 * Pure apart from reading/creating DATA_DIR/local-secrets.json outside production.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message })),
    );
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = resolve(e.DATA_DIR);

  if (isProduction) {
    const missing = [
      !e.JWT_SECRET && { variable: 'JWT_SECRET', message: 'is required in production (at least 32 random characters)' },
      !e.DATABASE_URL && { variable: 'DATABASE_URL', message: 'is required in production (the embedded PostgreSQL is for local use)' },
    ].filter((p): p is { variable: string; message: string } => Boolean(p));
    if (missing.length > 0) throw new ConfigError(missing);
  }

  const local = isProduction ? undefined : loadOrCreateLocalSecrets(dataDir);
  const oidc = (audience: string | undefined, issuer: string, jwksUrl: string): OidcProviderConfig | undefined =>
    audience ? { audience, issuer, jwksUrl } : undefined;

  return {
    env: e.NODE_ENV,
    isProduction,
    http: {
      host: e.HOST,
      port: e.PORT,
      graphqlPath: e.GRAPHQL_PATH,
      maxBodyBytes: e.MAX_BODY_BYTES,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      introspection: e.GRAPHQL_INTROSPECTION ?? !isProduction,
    },
    dataDir,
    postgres: e.DATABASE_URL
      ? { mode: 'external', url: e.DATABASE_URL, migrateOnStart: e.MIGRATE_ON_START ?? false }
      : { mode: 'embedded', port: e.EMBEDDED_PG_PORT, migrateOnStart: e.MIGRATE_ON_START ?? true },
    redisUrl: e.REDIS_URL,
    mongodbUrl: e.MONGODB_URL,
    weaviateUrl: e.WEAVIATE_URL,
    auth: {
      jwtSecret: e.JWT_SECRET ?? local!.jwtSecret,
      jwtSecretSource: e.JWT_SECRET ? 'env' : 'generated',
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      oidc: {
        google: oidc(e.OIDC_GOOGLE_AUDIENCE, e.OIDC_GOOGLE_ISSUER, e.OIDC_GOOGLE_JWKS_URL),
        apple: oidc(e.OIDC_APPLE_AUDIENCE, e.OIDC_APPLE_ISSUER, e.OIDC_APPLE_JWKS_URL),
      },
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** The embedded PostgreSQL password (kept with the local secrets). */
export function embeddedPostgresPassword(config: Config): string {
  return loadOrCreateLocalSecrets(config.dataDir).embeddedPgPassword;
}
