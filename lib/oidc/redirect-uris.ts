// Which redirect URIs a partner application may register: https, matched exactly; plain http only to this
// machine (a developer's partner app) and only in demo mode. Pure.

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type RedirectUriProblem = { uri: string; problem: string };

export function redirectUriProblems(uris: string[], isDemo: boolean): RedirectUriProblem[] {
  const problems: RedirectUriProblem[] = [];
  for (const uri of uris) {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      problems.push({ uri, problem: "is not a URL" });
      continue;
    }
    if (url.hash || uri.includes("#")) problems.push({ uri, problem: "must not have a #fragment" });
    else if (url.username || url.password)
      problems.push({ uri, problem: "must not hold a user name or password" });
    else if (url.protocol === "http:" && !(isDemo && LOOPBACK.has(url.hostname)))
      problems.push({ uri, problem: "must use https (http only to this machine, in demo mode)" });
    else if (url.protocol !== "https:" && url.protocol !== "http:")
      problems.push({ uri, problem: "must use https" });
  }
  return problems;
}
