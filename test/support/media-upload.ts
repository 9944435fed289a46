/** Uploads bytes to POST /v1/media as a client would (raw body, bearer token). */
export async function uploadMedia(
  baseUrl: string,
  token: string | undefined,
  body: Buffer | ReadableStream<Uint8Array>,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${baseUrl}/v1/media?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body as BodyInit,
    // A stream body needs half-duplex (Node's fetch).
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

export async function downloadMedia(baseUrl: string, token: string, id: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${baseUrl}/v1/media/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
