import type { ReactNode } from "react";
import { requireUser } from "@/lib/web/auth";
import { readerTimeZone } from "@/lib/web/time-zone";
import { DetectTimeZone } from "./time-zone/detect-time-zone";

// Every page in this group is for signed-in users; each page and action checks again on the server.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireUser();
  const timeZone = await readerTimeZone();
  return (
    <>
      {timeZone ? null : <DetectTimeZone />}
      {children}
    </>
  );
}
