/** My Account › Your Data: what the archive holds and leaves out, and the download itself. */
export function DownloadSection() {
  return (
    <section aria-labelledby="download-heading" className="space-y-3">
      <h2 id="download-heading" className="text-xl font-semibold">
        Download my data
      </h2>
      <p className="text-sm text-slate-700">
        A zip file with what your MAG account holds about you, to keep or to take elsewhere:
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>
          <code>my-data.json</code>: your profile, orders, credentials with their timelines, phones, identity
          proofing outcomes, security events and connected applications.
        </li>
        <li>An invoice for each order paid by invoice, as a page you can open in a browser and print.</li>
      </ul>
      <h3 className="font-semibold">What it leaves out</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>Your Social Security number and the identity details you gave for proofing.</li>
        <li>Photos of your ID and selfies.</li>
        <li>Full phone numbers: each phone shows its country and last two digits.</li>
        <li>
          Your password, license keys (only their last characters), and one-time, recovery and activation
          codes.
        </li>
      </ul>
      {/* A plain link, not next/link: a prefetch must not build (and audit) an archive nobody asked for. */}
      <a
        href="/account/data/download"
        download
        className="bg-brand-700 hover:bg-brand-900 inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold text-white"
      >
        Download my data
      </a>
    </section>
  );
}
