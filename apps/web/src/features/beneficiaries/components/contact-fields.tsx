import type { GetInputPropsReturnType } from '@mantine/form';
import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';

/** Form values of the contact section: text fields hold '' when unknown. */
export interface ContactValues {
  phone: string;
  email: string;
  addressLine: string;
  postalCode: string;
  city: string;
  domiciliation: boolean;
}

export const emptyContact = (): ContactValues => ({ phone: '', email: '', addressLine: '', postalCode: '', city: '', domiciliation: false });

/** The shared schema reads an empty e-mail as "none" only when it is null. */
export const contactInput = (values: ContactValues) => ({ ...values, email: values.email.trim() === '' ? null : values.email });

type InputProps = (field: keyof ContactValues, options?: { type: 'checkbox' }) => GetInputPropsReturnType;

export function ContactFields({ inputProps, autoFocus = false }: { inputProps: InputProps; autoFocus?: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label="Téléphone"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        maxLength={30}
        autoFocus={autoFocus}
        {...inputProps('phone')}
      />
      <TextInput label="E-mail" type="email" autoComplete="off" maxLength={200} {...inputProps('email')} />
      <TextInput label="Adresse" autoComplete="off" maxLength={200} {...inputProps('addressLine')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label="Code postal" inputMode="numeric" autoComplete="off" maxLength={5} {...inputProps('postalCode')} />
        <TextInput label="Ville" autoComplete="off" maxLength={100} {...inputProps('city')} />
      </SimpleGrid>
      <Checkbox
        label="Domiciliation au CCAS"
        description="L'adresse est une domiciliation (personne sans adresse stable)"
        {...inputProps('domiciliation', { type: 'checkbox' })}
      />
    </SimpleGrid>
  );
}
