import { redirect } from "next/navigation";
import { currentSession } from "@/lib/core/auth";

export default async function Home() {
  redirect((await currentSession()) ? "/dashboard" : "/sign-in");
}
