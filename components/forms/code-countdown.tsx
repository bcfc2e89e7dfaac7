"use client";

import { useEffect, useState } from "react";

/** Minutes and seconds until the code expires; says plainly when it has. */
export function CodeCountdown({ expiresAt }: { expiresAt: string }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.round((end - now) / 1000));
  if (left === 0)
    return (
      <p className="text-sm font-medium text-red-700">This code has expired. Please request a new one.</p>
    );
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  return (
    <p className="text-sm text-slate-700">
      The code expires in <span role="timer">{text}</span>.
    </p>
  );
}
