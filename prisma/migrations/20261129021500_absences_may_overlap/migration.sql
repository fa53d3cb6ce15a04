-- An agent's absences may overlap one another (a weekly afternoon off inside a week of leave): only an
-- appointment must overlap nothing. Every absence slot shares one key and each appointment has its
-- own, so `<>` is false between two absences and true whenever an appointment is involved.
ALTER TABLE agent_busy_slots DROP CONSTRAINT agent_busy_slots_no_overlap;
ALTER TABLE agent_busy_slots ADD CONSTRAINT agent_busy_slots_no_overlap EXCLUDE USING gist (
  tenant_id WITH =,
  membership_id WITH =,
  during WITH &&,
  (coalesce(appointment_id, '00000000-0000-0000-0000-000000000000'::uuid)) WITH <>
);
