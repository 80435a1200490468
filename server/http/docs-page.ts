/** A readable page over /api/openapi.json that needs nothing from the internet. */
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ReelForge API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d28;background:#f6f6fa}
main{max-width:980px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin:32px 0 8px;text-transform:capitalize}
details{background:#fff;border:1px solid #ddd;border-radius:8px;margin:8px 0}
summary{cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:baseline}
.m{font:600 12px monospace;padding:2px 8px;border-radius:4px;color:#fff;min-width:52px;text-align:center}
.GET{background:#2b7be0}.POST{background:#1f9d55}.PATCH{background:#c27c0e}.DELETE{background:#d64545}.PUT{background:#7a4fd6}
code{font:13px monospace}pre{background:#f0f0f5;padding:10px;border-radius:6px;overflow:auto;font-size:12px;margin:6px 14px 14px}
.s{color:#666;padding:0 14px}
</style></head><body><main><h1>ReelForge API</h1>
<p>Authentication: the session cookie from <code>POST /api/auth/login</code>, or <code>Authorization: Bearer &lt;token&gt;</code>
from <code>POST /api/auth/tokens</code>. Errors are <code>{"error":{"code","message","details?"}}</code>.
Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p><div id="ops">Loading...</div></main>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
const show = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));
// The route's example call: the request line with its parameters filled in, its body, and the answer.
function exampleOf(path, method, op) {
  const params = op.parameters.filter((p) => p.example !== undefined);
  let url = path;
  for (const p of params.filter((p) => p.in === 'path')) url = url.replace('{' + p.name + '}', encodeURIComponent(p.example));
  const query = params.filter((p) => p.in === 'query').map((p) => p.name + '=' + encodeURIComponent(p.example)).join('&');
  let request = method + ' ' + url + (query ? '?' + query : '');
  if (op.description) request += '\\n' + op.description;
  const body = op.requestBody && Object.values(op.requestBody.content)[0].example;
  if (body !== undefined) request += '\\n\\n' + show(body);
  const [status, response] = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
  const content = response.content && Object.entries(response.content)[0];
  const answer = status + (content ? ' ' + content[0] + (content[1].example !== undefined ? '\\n\\n' + show(content[1].example) : '') : ' (no body)');
  return '<p class="s">Example request</p><pre>' + esc(request) + '</pre><p class="s">Example response</p><pre>' + esc(answer) + '</pre>';
}
fetch('/api/openapi.json').then((r) => r.json()).then((doc) => {
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    (byTag[op.tags[0]] ??= []).push({ path, method: method.toUpperCase(), op });
  }
  let html = '';
  for (const [tag, list] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of list) {
      const body = op.requestBody ? Object.values(op.requestBody.content)[0].schema : null;
      html += '<details><summary><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code><span>' + esc(op.summary) + '</span></summary>';
      html += exampleOf(path, method, op);
      if (op.parameters.length) html += '<p class="s">Parameters</p><pre>' + esc(JSON.stringify(op.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, schema: p.schema })), null, 2)) + '</pre>';
      if (body) html += '<p class="s">Request body</p><pre>' + esc(JSON.stringify(body, null, 2)) + '</pre>';
      html += '<p class="s">Responses</p><pre>' + esc(JSON.stringify(Object.fromEntries(Object.entries(op.responses).map(([k, v]) => [k, v.content ? { description: v.description, schema: Object.values(v.content)[0].schema } : v.description])), null, 2)) + '</pre></details>';
    }
  }
  document.getElementById('ops').innerHTML = html;
});
</script></body></html>`;
