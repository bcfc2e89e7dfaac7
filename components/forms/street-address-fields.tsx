import { Field } from "@/components/ui/field";

type Values = { addressLine1?: string; addressLine2?: string };
type Errors = Partial<Record<keyof Values, string>>;

/** Street Address and Address Line 2, for every address form (billing, home address for proofing). */
export function StreetAddressFields({ values, errors }: { values: Values; errors: Errors }) {
  return (
    <>
      <Field
        label="Street Address"
        name="addressLine1"
        autoComplete="address-line1"
        required
        defaultValue={values.addressLine1}
        error={errors.addressLine1}
      />
      <Field
        label="Address Line 2 (optional)"
        name="addressLine2"
        autoComplete="address-line2"
        defaultValue={values.addressLine2}
        error={errors.addressLine2}
      />
    </>
  );
}
