import { redirect } from "next/navigation";
import { currentSession } from "@/lib/web/auth";

export default async function Home() {
  redirect((await currentSession()) ? "/dashboard" : "/sign-in");
}
