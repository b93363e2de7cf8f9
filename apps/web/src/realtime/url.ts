/** `/ws` on the page's own host, wss when the page is https. */
export function buildSocketUrl(
  location: Pick<Location, 'protocol' | 'host'>,
  token: string,
  since: string | null,
) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const params = new URLSearchParams({ token });
  if (since) params.set('since', since);
  return `${scheme}//${location.host}/ws?${params.toString()}`;
}
