import type { ReactNode } from "react";
import { requireUser } from "@/lib/web/auth";

// Every page in this group is for signed-in users; each page and action checks again on the server.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
