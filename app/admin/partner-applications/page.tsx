import type { Metadata } from "next";
import { listApplications } from "@/lib/oidc/partner-applications";
import { listPartnerChoices } from "@/lib/store/service";
import { requireRole } from "@/lib/web/auth";
import { RegisterApplicationForm } from "./register-form";

export const metadata: Metadata = { title: "Partner Applications" };

export default async function PartnerApplicationsPage() {
  await requireRole(["ADMIN"]);
  const [applications, partners] = await Promise.all([listApplications(), listPartnerChoices()]);
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Partner Applications</h2>
      <p className="text-sm text-slate-700">
        Applications that sign their users in with MAG (OpenID Connect). Discovery:{" "}
        <code>/.well-known/openid-configuration</code>.
      </p>
      {applications.length === 0 ? (
        <p>No partner application is registered yet.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Partner applications">
          <thead>
            <tr>
              <th className="pr-3">Name</th>
              <th className="pr-3">Client ID</th>
              <th className="pr-3">Redirect URIs</th>
              <th className="pr-3">Scopes</th>
              <th>Requires</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.clientId} className="border-t border-slate-200 align-top">
                <td className="pr-3">
                  {a.name}
                  {a.partner ? <span className="block text-xs text-slate-600">{a.partner.name}</span> : null}
                </td>
                <td className="pr-3 font-mono text-xs">{a.clientId}</td>
                <td className="pr-3 text-xs break-all">{a.redirectUris.join(" ")}</td>
                <td className="pr-3">{a.scopes.join(" ")}</td>
                <td>{a.requiredAcr === "urn:mag:aal2" ? "Password + phone OTP" : "Password"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="register-heading">
        <h3 id="register-heading" className="mb-2 font-semibold">
          Register a partner application
        </h3>
        <RegisterApplicationForm partners={partners} />
      </section>
    </div>
  );
}
