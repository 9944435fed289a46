import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'soullink-config-'));
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://db.internal/soullink',
  JWT_SECRET: 'f3V9q2LxR8mW1tY6pZ0kB4nC7dH5sJ2gA9uE3oI8',
  MASTER_KEY: 'mJ4vQ9tX2pL7wR1zK8nB3cF6hD0sG5yA2uE9oI4kT1M=',
};

function problems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('Email and tracing settings', () => {
  it('When nothing is set, Then mail goes to the log and tracing is off', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.email).toEqual({ transport: 'log' });
    expect(config.tracing).toEqual({ exporter: 'none', endpoint: 'http://localhost:4318', serviceName: 'soullink' });
  });

  it('When SMTP is chosen with a URL and a sender, Then host, port, TLS and percent-decoded credentials are read from it', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      EMAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtps://apikey:s%40cr%3At@smtp.example.com',
      EMAIL_FROM: 'SoulLink <no-reply@example.com>',
    });
    expect(config.email).toEqual({
      transport: 'smtp',
      from: 'SoulLink <no-reply@example.com>',
      smtp: { host: 'smtp.example.com', port: 465, secure: true, requireTls: false, auth: { user: 'apikey', pass: 's@cr:t' } },
    });
    const starttls = loadConfig({ DATA_DIR: dataDir(), EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://relay.internal?requireTLS=true', EMAIL_FROM: 'no-reply@example.com' });
    expect(starttls.email).toMatchObject({ smtp: { host: 'relay.internal', port: 587, secure: false, requireTls: true, auth: undefined } });
  });

  it('When production asks for SMTP without SMTP_URL or EMAIL_FROM, Then startup refuses, naming both', () => {
    expect(() => loadConfig({ ...production, EMAIL_TRANSPORT: 'smtp' })).toThrow(ConfigError);
    expect(problems({ ...production, EMAIL_TRANSPORT: 'smtp' }).map((p) => p.variable)).toEqual(['SMTP_URL', 'EMAIL_FROM']);
    expect(problems({ EMAIL_TRANSPORT: 'smtp' }).map((p) => p.variable)).toEqual(['SMTP_URL', 'EMAIL_FROM']);
  });

  it('When SMTP_URL is not an SMTP URL or carries other options, Then it is refused without quoting the password', () => {
    const bad = (url: string) => problems({ EMAIL_TRANSPORT: 'smtp', SMTP_URL: url, EMAIL_FROM: 'no-reply@example.com' });
    expect(bad('https://user:hunter2@mail.example.com')).toEqual([{ variable: 'SMTP_URL', message: 'must start with smtp:// or smtps://' }]);
    // nodemailer would turn ?debug=true&logger=true into a log of every message, codes included.
    expect(bad('smtp://user:hunter2@mail.example.com?debug=true&logger=true')[0]!.message).toMatch(/only option accepted is requireTLS/);
    expect(bad('smtp://user:hunter2@mail.example.com/path')[0]!.message).toMatch(/path/);
    expect(JSON.stringify([bad('https://user:hunter2@x'), bad('smtp://user:hunter2@x?debug=true')])).not.toContain('hunter2');
  });

  it('When EMAIL_FROM is not one address, Then it is refused (a line break would forge headers)', () => {
    const from = (value: string) => problems({ EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://relay.internal', EMAIL_FROM: value }).map((p) => p.variable);
    expect(from('no-reply')).toEqual(['EMAIL_FROM']);
    expect(from('a@example.com\r\nBcc: all@example.com')).toEqual(['EMAIL_FROM']);
    expect(from('SoulLink <no-reply@example.com>')).toEqual([]);
  });

  it('When the log transport is chosen, Then SMTP settings are not required', () => {
    expect(problems({ ...production, EMAIL_TRANSPORT: 'log' })).toEqual([]);
  });

  it('When tracing is set to an unknown exporter or a bad endpoint, Then the variable is named', () => {
    expect(problems({ OTEL_TRACES_EXPORTER: 'jaeger' }).map((p) => p.variable)).toEqual(['OTEL_TRACES_EXPORTER']);
    expect(problems({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }).map((p) => p.variable)).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT']);
    expect(loadConfig({ DATA_DIR: dataDir(), OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'soullink-worker' }).tracing).toEqual({
      exporter: 'otlp',
      endpoint: 'http://collector:4318',
      serviceName: 'soullink-worker',
    });
  });
});
