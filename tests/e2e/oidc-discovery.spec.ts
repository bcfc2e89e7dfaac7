import { expect, test } from "./fixtures";
import { BASE_URL } from "./settings";

test("the portal is an OpenID Connect provider: discovery at the root and under /oidc, and its JWKS", async ({
  request,
}) => {
  for (const path of ["/.well-known/openid-configuration", "/oidc/.well-known/openid-configuration"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: `${BASE_URL}/oidc`,
      authorization_endpoint: `${BASE_URL}/oidc/auth`,
      token_endpoint: `${BASE_URL}/oidc/token`,
      jwks_uri: `${BASE_URL}/oidc/jwks`,
      code_challenge_methods_supported: ["S256"],
      subject_types_supported: ["pairwise"],
    });
  }
  const jwks = (await (await request.get("/oidc/jwks")).json()) as { keys: { alg: string; d?: string }[] };
  expect(jwks.keys.map((k) => k.alg).sort()).toEqual(expect.arrayContaining(["ES256", "RS256"]));
  expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
});
