import { Field } from "@/components/ui/field";

type Values = { firstName?: string; middleName?: string; lastName?: string };
type Errors = Partial<Record<keyof Values, string>>;

/**
 * First Name and Last Name (with Middle Name for a legal name), named and labelled as the user guide does, with
 * their autocomplete hints; the caller lays them out.
 */
export function NameFields({
  values,
  errors,
  withMiddleName = false,
}: {
  values: Values;
  errors: Errors;
  withMiddleName?: boolean;
}) {
  return (
    <>
      <Field
        label="First Name"
        name="firstName"
        autoComplete="given-name"
        required
        defaultValue={values.firstName}
        error={errors.firstName}
      />
      {withMiddleName ? (
        <Field
          label="Middle Name (optional)"
          name="middleName"
          autoComplete="additional-name"
          defaultValue={values.middleName}
          error={errors.middleName}
        />
      ) : null}
      <Field
        label="Last Name"
        name="lastName"
        autoComplete="family-name"
        required
        defaultValue={values.lastName}
        error={errors.lastName}
      />
    </>
  );
}
