// The provider's own pages, outside Next.js: the error page (unknown client, unregistered redirect URI:
// nowhere to redirect to), which names the OAuth error and nothing about any user, and the sign-out pages of
// a partner's logout request. Pure.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function shell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Managed Access Gateway</title>
<style>body{font-family:system-ui,sans-serif;background:#f1f5f9;color:#0f172a;margin:0}main{max-width:36rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem}code{background:#f1f5f9;padding:0 .25rem}button{margin-right:.5rem;padding:.5rem 1rem}</style>
</head><body><main>${body}</main></body></html>`;
}

/** A partner asked to sign the user out: `form` is the provider's own form (with its anti-forgery token). */
export function logoutPage(form: string): string {
  return shell(
    "Sign out",
    `<h1>Sign out of MAG?</h1>
<p>The application you used asks to sign you out of your Managed Access Gateway (MAG) account as well.</p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function signedOutPage(): string {
  return shell("Signed out", "<h1>You have signed out of MAG.</h1>");
}

export function errorPage(error: string, description: string | undefined): string {
  return shell(
    "Sign-in request refused",
    `<h1>The application's sign-in request was refused</h1>
<p>The application that sent you here asked Managed Access Gateway (MAG) for something it is not registered for. Go back to the application and try again, or tell its support team.</p>
<p>Error: <code>${escape(error)}</code>${description ? ` (${escape(description)})` : ""}</p>`,
  );
}
