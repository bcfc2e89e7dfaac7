import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { UploadButton } from "./upload-button";
import { errorMessage, isErrorCode } from "@/lib/errors/catalog";

export type PhotoInput = { name: string; label: string; camera: "environment" | "user"; done: boolean };

const ACCEPT = "image/jpeg,image/png,image/heic,image/heif";

/**
 * A plain multipart form to the upload route: the camera opens through `capture`, and `?picker=1` drops
 * it so the user can choose an existing photo instead. Works without JavaScript.
 */
export function PhotoForm({
  step,
  inputs,
  error,
  picker,
  submitLabel,
}: {
  step: "id" | "selfie";
  inputs: PhotoInput[];
  error?: string;
  picker: boolean;
  submitLabel: string;
}) {
  const message = error && isErrorCode(error) ? errorMessage(error) : null;
  return (
    <form method="post" action={`/proof/capture/upload?step=${step}`} encType="multipart/form-data">
      {message ? <Notice tone="error">{message}</Notice> : null}
      {inputs.map((input) => (
        <div key={input.name} className="mb-5">
          <label htmlFor={input.name} className="mb-1 block font-medium">
            {input.label}
            {input.done ? (
              <span className="ml-2 text-sm text-green-800">(received: take it again to replace it)</span>
            ) : null}
          </label>
          <input
            id={input.name}
            name={input.name}
            type="file"
            accept={ACCEPT}
            capture={picker ? undefined : input.camera}
            required={!input.done}
            className="block w-full text-sm"
          />
        </div>
      ))}
      <UploadButton label={submitLabel} />
      <p className="text-sm">
        {picker ? (
          <Link href={`/proof/capture/${step}`} className="text-brand-700 underline">
            Use the camera instead
          </Link>
        ) : (
          <Link href={`/proof/capture/${step}?picker=1`} className="text-brand-700 underline">
            Choose an existing photo instead
          </Link>
        )}
      </p>
    </form>
  );
}
