import Link from "next/link";
import { currentSession, STAFF_ROLES } from "@/lib/web/auth";
import { signOutAction } from "./sign-out-action";

export async function SiteHeader() {
  const session = await currentSession();
  const isStaff = session ? STAFF_ROLES.includes(session.role) : false;
  // Agents work on their own appointments only; support and admins start from the user search.
  const adminHome = session?.role === "PROOFING_AGENT" ? "/admin/proofing" : "/admin";
  const link = "rounded px-2 py-1 text-white hover:bg-brand-700";
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link
          href={session ? "/dashboard" : "/sign-in"}
          className="flex items-center gap-2 text-lg font-bold"
        >
          {/* A plain img: nothing for next/image to optimise in an SVG, and its client code is ~4 kB gzip on every page. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/logo.svg" alt="" width={28} height={28} />
          Managed Access Gateway
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-1 text-sm">
            {session ? (
              <>
                <li>
                  <Link className={link} href="/dashboard">
                    Dashboard
                  </Link>
                </li>
                <li>
                  <Link className={link} href="/account">
                    My Account
                  </Link>
                </li>
                {isStaff ? (
                  <li>
                    <Link className={link} href={adminHome}>
                      Admin
                    </Link>
                  </li>
                ) : null}
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className={`${link} underline-offset-2`}>
                      Sign Out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link className={link} href="/sign-in">
                    Log In
                  </Link>
                </li>
                <li>
                  <Link className={link} href="/sign-up">
                    Create Account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
