/** Where and how account emails are delivered over SMTP (parsed from SMTP_URL). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://, usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send when the server does not offer STARTTLS (smtp://…?requireTLS=true). */
  requireTls: boolean;
  auth?: { user: string; pass: string };
}

/**
 * Parses SMTP_URL (`smtp[s]://user:password@host[:port][?requireTLS=true]`) into settings, or
 * returns the problem. Only `requireTLS` is accepted as an option: the URL is not handed to
 * the mail library as is, because its other options include debug logging of whole messages,
 * and account emails carry one-time codes. Problems never quote the URL (it holds a password).
 */
export function parseSmtpUrl(raw: string): SmtpSettings | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'must be a URL such as smtps://user:password@smtp.example.com:465' };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return { problem: 'must start with smtp:// or smtps://' };
  if (!url.hostname) return { problem: 'must name the SMTP host' };
  const unknown = [...url.searchParams.keys()].filter((key) => key !== 'requireTLS');
  if (unknown.length > 0) return { problem: `the only option accepted is requireTLS (found: ${unknown.join(', ')})` };
  const requireTls = url.searchParams.get('requireTLS');
  if (requireTls !== null && requireTls !== 'true' && requireTls !== 'false') return { problem: 'requireTLS must be true or false' };
  if (url.pathname !== '' && url.pathname !== '/') return { problem: 'must not have a path' };
  const secure = url.protocol === 'smtps:';
  let auth: SmtpSettings['auth'];
  try {
    auth = url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
  } catch {
    return { problem: 'the user or password is not properly percent-encoded' };
  }
  return {
    // WHATWG URL keeps the brackets of an IPv6 host; the socket wants the address alone.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTls: requireTls === 'true',
    auth,
  };
}
