/**
 * The explorer page's own script and stylesheet, served as files (the page's Content Security
 * Policy allows no inline script). Kept as strings so `tsc` output carries them: no copy step.
 *
 * The script mounts GraphiQL on `#graphiql` with a fetcher for the endpoint named in the
 * element's `data-endpoint`: queries and mutations over HTTP, subscriptions over graphql-ws on
 * the same URL. SoulLink's websockets authenticate in `connectionParams`, so the
 * `Authorization` header typed in GraphiQL's headers editor is also sent there, read again
 * each time a subscription opens its socket. `?query=` in the page URL preloads the editor.
 */
export const EXPLORER_BOOTSTRAP_JS = String.raw`(function () {
  'use strict';
  var mount = document.getElementById('graphiql');
  var httpUrl = new URL(mount.getAttribute('data-endpoint'), window.location.href).href;
  var wsUrl = httpUrl.replace(/^http/, 'ws');
  var latestHeaders = {};

  function authorization() {
    for (var name in latestHeaders) {
      if (name.toLowerCase() === 'authorization' && typeof latestHeaders[name] === 'string') return latestHeaders[name];
    }
    return undefined;
  }

  var fetchOverHttpOrWs = GraphiQL.createFetcher({
    url: httpUrl,
    subscriptionUrl: wsUrl,
    wsConnectionParams: function () {
      var value = authorization();
      return value ? { authorization: value } : {};
    },
  });

  function fetcher(params, options) {
    latestHeaders = (options && options.headers) || {};
    return fetchOverHttpOrWs(params, options);
  }

  var defaultQuery = [
    '# SoulLink GraphQL explorer (served by this server; works offline).',
    '#',
    '# Sign in with register or login below (the demo account exists after the',
    '# quick start or soullink seed), then put the access token in the',
    '# Headers tab:  { "Authorization": "Bearer <accessToken>" }',
    '# The same header authenticates subscriptions (sent as connectionParams).',
    '',
    'mutation Login {',
    '  login(input: { email: "demo@soullink.local", password: "soullink-demo-123" }) {',
    '    accessToken',
    '    refreshToken',
    '  }',
    '}',
    '',
    'query Me {',
    '  me { id email displayName tier }',
    '}',
    '',
  ].join('\n');

  var preset = new URLSearchParams(window.location.search).get('query');
  var props = { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true };
  if (preset) props.query = preset;
  ReactDOM.createRoot(mount).render(React.createElement(GraphiQL, props));
})();
`;

export const EXPLORER_CSS = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;
