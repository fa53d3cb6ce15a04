import { Button, Card, Checkbox, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CreateDigitalAssessmentInput,
  DIGITAL_ASSESSMENT_QUESTION_LABELS,
  DIGITAL_BARRIER_LABELS,
  DIGITAL_EMAIL_ACCESS_LABELS,
  DIGITAL_EQUIPMENT_LABELS,
  DIGITAL_ONLINE_ACCOUNT_LABELS,
  DIGITAL_SKILL_LABELS,
  DIGITAL_SKILL_LEVEL_LABELS,
  DIGITAL_WILLINGNESS_LABELS,
  type DigitalAssessment,
  type DigitalSkill,
} from '@ccas/shared';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { focusFirstError, showFieldErrors, textOrNull, validateWith } from '../../../lib/forms';
import { useCreateAssessment } from '../api/create-assessment';

type Equipment = keyof typeof DIGITAL_EQUIPMENT_LABELS;
const EQUIPMENT = Object.keys(DIGITAL_EQUIPMENT_LABELS) as Equipment[];
const SKILLS = Object.keys(DIGITAL_SKILL_LABELS) as DigitalSkill[];

/** Radio answers start empty: an unanswered question must not count as "no". */
interface AssessmentValues {
  equipment: Equipment[];
  emailAccess: string | null;
  onlineAccounts: string[];
  skills: Record<DigitalSkill, string | null>;
  barriers: string[];
  willingToLearn: string | null;
}

const initialValues: AssessmentValues = {
  equipment: [],
  emailAccess: null,
  onlineAccounts: [],
  skills: { useDevice: null, browse: null, fillForm: null, scanAndSend: null, managePasswords: null },
  barriers: [],
  willingToLearn: null,
};

/** The values as the API reads them (shape of CreateDigitalAssessmentInput, answered). */
const assessmentInput = (beneficiaryId: string, values: AssessmentValues) => ({
  beneficiaryId,
  declined: false as const,
  answers: {
    equipment: Object.fromEntries(EQUIPMENT.map((item) => [item, values.equipment.includes(item)])),
    emailAccess: values.emailAccess,
    onlineAccounts: values.onlineAccounts,
    skills: values.skills,
    barriers: values.barriers,
    willingToLearn: values.willingToLearn,
  },
});

const unprefixed = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^answers\./, ''), message]));

const ANSWER_NEEDED = 'Choisissez une réponse.';

interface Props {
  beneficiaryId: string;
  onSaved: (assessment: DigitalAssessment) => void;
  onCancel: () => void;
}

/** The digital autonomy questionnaire ("diagnostic numérique"), or the person's refusal of it. */
export function AssessmentForm({ beneficiaryId, onSaved, onCancel }: Props) {
  const create = useCreateAssessment();
  const [declining, setDeclining] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const form = useForm<AssessmentValues>({
    initialValues,
    validate: validateWith<AssessmentValues>(CreateDigitalAssessmentInput, {
      toInput: (values) => assessmentInput(beneficiaryId, values),
      fieldOf: (path) => path.replace(/^answers\./, ''),
      messages: {
        emailAccess: ANSWER_NEEDED,
        willingToLearn: ANSWER_NEEDED,
        ...Object.fromEntries(SKILLS.map((skill) => [`skills.${skill}`, ANSWER_NEEDED])),
      },
    }),
  });

  const save = (body: CreateDigitalAssessmentInput) =>
    create.mutate(body, {
      onSuccess: onSaved,
      // The API names the answers `answers.…`; the form keeps them at the top.
      onError: (error) => showFieldErrors((errors) => form.setErrors(unprefixed(errors)), error),
    });

  const submit = (values: AssessmentValues) => save(CreateDigitalAssessmentInput.parse(assessmentInput(beneficiaryId, values)));
  const decline = () => save({ beneficiaryId, declined: true, reason: textOrNull(declineReason) });

  return (
    <Card withBorder padding="lg" component="section" aria-label="Diagnostic numérique">
      <Title order={3} size="h5" mb="sm">
        Diagnostic numérique
      </Title>
      {declining ? (
        <Stack gap="sm">
          <Textarea
            label="Ce que la personne en dit (facultatif)"
            autosize
            minRows={2}
            maxLength={1000}
            value={declineReason}
            onChange={(event) => setDeclineReason(event.currentTarget.value)}
          />
          <ErrorAlert error={create.error} title="Refus non enregistré" />
          <Group>
            <Button onClick={decline} loading={create.isPending}>
              Enregistrer le refus
            </Button>
            <Button variant="default" onClick={() => setDeclining(false)}>
              Revenir au questionnaire
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
          <Stack gap="md">
            <Checkbox.Group label={DIGITAL_ASSESSMENT_QUESTION_LABELS.equipment} {...form.getInputProps('equipment')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
                {EQUIPMENT.map((item) => (
                  <Checkbox key={item} value={item} label={DIGITAL_EQUIPMENT_LABELS[item]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Radio.Group label={DIGITAL_ASSESSMENT_QUESTION_LABELS.emailAccess} withAsterisk {...form.getInputProps('emailAccess')}>
              <Group gap="md" mt={4}>
                {Object.entries(DIGITAL_EMAIL_ACCESS_LABELS).map(([value, label]) => (
                  <Radio key={value} value={value} label={label} />
                ))}
              </Group>
            </Radio.Group>
            <Checkbox.Group label={DIGITAL_ASSESSMENT_QUESTION_LABELS.onlineAccounts} {...form.getInputProps('onlineAccounts')}>
              <Group gap="md" mt={4}>
                {Object.entries(DIGITAL_ONLINE_ACCOUNT_LABELS).map(([value, label]) => (
                  <Checkbox key={value} value={value} label={label} />
                ))}
              </Group>
            </Checkbox.Group>
            <Stack gap={4}>
              <Text fw={500} size="sm">
                {DIGITAL_ASSESSMENT_QUESTION_LABELS.skills}
              </Text>
              {SKILLS.map((skill) => (
                <Radio.Group key={skill} label={DIGITAL_SKILL_LABELS[skill]} withAsterisk {...form.getInputProps(`skills.${skill}`)}>
                  <Group gap="md" mt={2}>
                    {Object.entries(DIGITAL_SKILL_LEVEL_LABELS).map(([value, label]) => (
                      <Radio key={value} value={value} label={label} />
                    ))}
                  </Group>
                </Radio.Group>
              ))}
            </Stack>
            <Checkbox.Group label={DIGITAL_ASSESSMENT_QUESTION_LABELS.barriers} {...form.getInputProps('barriers')}>
              <Stack gap={4} mt={4}>
                {Object.entries(DIGITAL_BARRIER_LABELS).map(([value, label]) => (
                  <Checkbox key={value} value={value} label={label} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Radio.Group label={DIGITAL_ASSESSMENT_QUESTION_LABELS.willingToLearn} withAsterisk {...form.getInputProps('willingToLearn')}>
              <Group gap="md" mt={4}>
                {Object.entries(DIGITAL_WILLINGNESS_LABELS).map(([value, label]) => (
                  <Radio key={value} value={value} label={label} />
                ))}
              </Group>
            </Radio.Group>
            <ErrorAlert error={create.error} title="Diagnostic non enregistré" />
            <Group>
              <Button type="submit" loading={create.isPending}>
                Enregistrer le diagnostic
              </Button>
              <Button variant="default" onClick={() => setDeclining(true)}>
                La personne ne souhaite pas
              </Button>
              <Button variant="subtle" onClick={onCancel}>
                Annuler
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
