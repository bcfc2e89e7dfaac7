// The provider's own error page (unknown client, unregistered redirect URI: nowhere to redirect to). It names
// the OAuth error and nothing about any user. Pure.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function errorPage(error: string, description: string | undefined): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in request refused · Managed Access Gateway</title>
<style>body{font-family:system-ui,sans-serif;background:#f1f5f9;color:#0f172a;margin:0}main{max-width:36rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem}code{background:#f1f5f9;padding:0 .25rem}</style>
</head><body><main>
<h1>The application's sign-in request was refused</h1>
<p>The application that sent you here asked Managed Access Gateway (MAG) for something it is not registered for. Go back to the application and try again, or tell its support team.</p>
<p>Error: <code>${escape(error)}</code>${description ? ` (${escape(description)})` : ""}</p>
</main></body></html>`;
}
