-- Appointments and agendas: motifs, appointments and their agents, absences, opening hours, the
-- busy slots that make double booking impossible, reminders and notices, the outbox, calendar feeds.
-- Decision record: docs/decisions/008-appointments.md.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The isolation every tenant-owned table gets (ARCHITECTURE.md): RLS enabled, forced, one policy.
CREATE FUNCTION app_isolate_tenant_tables(tables text[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;
REVOKE EXECUTE ON FUNCTION app_isolate_tenant_tables(text[]) FROM PUBLIC;

-- One row per tenant: the settings its ADMIN manages (more join with later features).
CREATE TABLE tenant_settings (
  tenant_id               uuid PRIMARY KEY REFERENCES tenants (id),
  reminder_email          boolean NOT NULL DEFAULT true,
  reminder_sms            boolean NOT NULL DEFAULT true,
  reminder_hours_before   integer NOT NULL DEFAULT 48 CHECK (reminder_hours_before BETWEEN 1 AND 168),
  updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Appointment reasons ("motifs"), with the duration and place they usually take.
CREATE TABLE appointment_motifs (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL DEFAULT uuidv7(),
  label            text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  location_type    text NOT NULL CHECK (location_type IN ('public_office', 'phone', 'home', 'visio')),
  retired_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, label)
);

CREATE FUNCTION app_seed_tenant_appointments(tenant uuid) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO tenant_settings (tenant_id) VALUES (tenant) ON CONFLICT DO NOTHING;
  INSERT INTO appointment_motifs (tenant_id, label, duration_minutes, location_type)
  SELECT tenant, label, duration, location FROM (VALUES
    ('Premier accueil', 45, 'public_office'),
    ('Suivi de l’accompagnement', 30, 'public_office'),
    ('Aide aux démarches en ligne', 45, 'public_office'),
    ('Demande d’aide financière', 45, 'public_office'),
    ('Domiciliation', 20, 'public_office'),
    ('Entretien téléphonique', 20, 'phone'),
    ('Visite à domicile', 60, 'home'),
    ('Entretien en visio', 30, 'visio')
  ) AS seed (label, duration, location)
  ON CONFLICT DO NOTHING;
$$;
SELECT app_seed_tenant_appointments(id) FROM tenants;

CREATE FUNCTION app_seed_new_tenant_appointments() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM app_seed_tenant_appointments(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER tenants_seed_appointments AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION app_seed_new_tenant_appointments();

-- Opening hours of a site: one or more ranges per ISO weekday (1 = Monday), Paris wall-clock time.
CREATE TABLE site_opening_hours (
  tenant_id uuid NOT NULL,
  site_id   uuid NOT NULL,
  weekday   integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens_at  time NOT NULL,
  closes_at time NOT NULL,
  PRIMARY KEY (tenant_id, site_id, weekday, opens_at),
  FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id) ON DELETE CASCADE,
  CHECK (opens_at < closes_at)
);

CREATE TABLE appointments (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT uuidv7(),
  version           integer NOT NULL DEFAULT 0,
  beneficiary_id    uuid NOT NULL,
  site_id           uuid NOT NULL,
  motif_id          uuid NOT NULL,
  location_type     text NOT NULL CHECK (location_type IN ('public_office', 'phone', 'home', 'visio')),
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  note              text,
  status            text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'SEEN', 'NO_SHOW', 'EXCUSED', 'REVOKED')),
  status_changed_at timestamptz,
  status_changed_by uuid,
  created_by        uuid NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id),
  FOREIGN KEY (tenant_id, motif_id) REFERENCES appointment_motifs (tenant_id, id),
  FOREIGN KEY (tenant_id, status_changed_by) REFERENCES memberships (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES memberships (tenant_id, id),
  CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '12 hours')
);
CREATE INDEX appointments_tenant_id_site_id_starts_at_idx ON appointments (tenant_id, site_id, starts_at);
CREATE INDEX appointments_tenant_id_beneficiary_id_starts_at_id_idx ON appointments (tenant_id, beneficiary_id, starts_at DESC, id DESC);
-- The to-do list: planned appointments whose time has passed.
CREATE INDEX appointments_tenant_id_starts_at_planned_idx ON appointments (tenant_id, starts_at) WHERE status = 'PLANNED';

CREATE TABLE appointment_agents (
  tenant_id      uuid NOT NULL,
  appointment_id uuid NOT NULL,
  membership_id  uuid NOT NULL,
  PRIMARY KEY (tenant_id, appointment_id, membership_id),
  FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX appointment_agents_tenant_id_membership_id_idx ON appointment_agents (tenant_id, membership_id);

-- An agent's absence; `repeats_weekly_until` repeats it every week (same weekday, same Paris time).
CREATE TABLE absences (
  tenant_id            uuid NOT NULL,
  id                   uuid NOT NULL DEFAULT uuidv7(),
  membership_id        uuid NOT NULL,
  starts_at            timestamptz NOT NULL,
  ends_at              timestamptz NOT NULL,
  repeats_weekly_until date,
  label                text,
  created_by           uuid NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES memberships (tenant_id, id),
  CHECK (ends_at > starts_at),
  -- A weekly absence is shorter than a week, and repeats for at most two years.
  CHECK (repeats_weekly_until IS NULL OR (ends_at - starts_at < interval '7 days'
         AND repeats_weekly_until <= (starts_at AT TIME ZONE 'Europe/Paris')::date + 731))
);
CREATE INDEX absences_tenant_id_membership_id_idx ON absences (tenant_id, membership_id);

-- When each agent is taken: a row per (agent, appointment not cancelled) and per absence occurrence.
-- The exclusion constraint makes any overlap impossible, whichever request commits first: the other
-- fails with 23P01 and is answered 409 with the slot it met. Kept by the triggers below, never by hand.
CREATE TABLE agent_busy_slots (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT uuidv7(),
  membership_id  uuid NOT NULL,
  during         tstzrange NOT NULL,
  appointment_id uuid,
  absence_id     uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id),
  FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, absence_id) REFERENCES absences (tenant_id, id) ON DELETE CASCADE,
  CHECK (num_nonnulls(appointment_id, absence_id) = 1),
  CONSTRAINT agent_busy_slots_no_overlap EXCLUDE USING gist (tenant_id WITH =, membership_id WITH =, during WITH &&)
);
CREATE INDEX agent_busy_slots_tenant_id_appointment_id_idx ON agent_busy_slots (tenant_id, appointment_id);
CREATE INDEX agent_busy_slots_tenant_id_absence_id_idx ON agent_busy_slots (tenant_id, absence_id);

-- Re-derives the busy slots of one appointment: its agents, while it is not cancelled.
CREATE FUNCTION app_sync_appointment_slots(tenant uuid, appointment uuid) RETURNS void
  LANGUAGE sql
  AS $$
  DELETE FROM agent_busy_slots WHERE tenant_id = tenant AND appointment_id = appointment;
  INSERT INTO agent_busy_slots (tenant_id, membership_id, during, appointment_id)
  SELECT a.tenant_id, aa.membership_id, tstzrange(a.starts_at, a.ends_at), a.id
    FROM appointments a
    JOIN appointment_agents aa ON aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id
   WHERE a.tenant_id = tenant AND a.id = appointment AND a.status NOT IN ('EXCUSED', 'REVOKED');
$$;

CREATE FUNCTION app_appointment_agents_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM agent_busy_slots
     WHERE tenant_id = OLD.tenant_id AND appointment_id = OLD.appointment_id AND membership_id = OLD.membership_id;
    RETURN NULL;
  END IF;
  INSERT INTO agent_busy_slots (tenant_id, membership_id, during, appointment_id)
  SELECT a.tenant_id, NEW.membership_id, tstzrange(a.starts_at, a.ends_at), a.id
    FROM appointments a
   WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.appointment_id AND a.status NOT IN ('EXCUSED', 'REVOKED');
  RETURN NULL;
END $$;
CREATE TRIGGER appointment_agents_busy_slots AFTER INSERT OR DELETE ON appointment_agents
  FOR EACH ROW EXECUTE FUNCTION app_appointment_agents_changed();

CREATE FUNCTION app_appointment_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM app_sync_appointment_slots(NEW.tenant_id, NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER appointments_busy_slots AFTER UPDATE OF starts_at, ends_at, status ON appointments
  FOR EACH ROW EXECUTE FUNCTION app_appointment_changed();

-- Occurrences of an absence, computed in Paris wall-clock time so that a weekly absence keeps its
-- hours across daylight-saving changes.
CREATE FUNCTION app_absence_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM agent_busy_slots WHERE tenant_id = OLD.tenant_id AND absence_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  INSERT INTO agent_busy_slots (tenant_id, membership_id, during, absence_id)
  SELECT NEW.tenant_id, NEW.membership_id,
         tstzrange(((NEW.starts_at AT TIME ZONE 'Europe/Paris') + week * interval '7 days') AT TIME ZONE 'Europe/Paris',
                   ((NEW.ends_at AT TIME ZONE 'Europe/Paris') + week * interval '7 days') AT TIME ZONE 'Europe/Paris'),
         NEW.id
    FROM generate_series(0, CASE WHEN NEW.repeats_weekly_until IS NULL THEN 0
                                 ELSE (NEW.repeats_weekly_until - (NEW.starts_at AT TIME ZONE 'Europe/Paris')::date) / 7 END) AS week;
  RETURN NULL;
END $$;
CREATE TRIGGER absences_busy_slots AFTER INSERT OR UPDATE OR DELETE ON absences
  FOR EACH ROW EXECUTE FUNCTION app_absence_changed();

-- Messages to the person about an appointment: the reminder before it (one per channel), and the
-- notices of a move or a cancellation. Created by the triggers below in the same transaction as the
-- change; sent by the reminders job, which decides at sending time (consent, contact, settings).
CREATE TABLE appointment_notifications (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT uuidv7(),
  appointment_id uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('REMINDER', 'MOVED', 'CANCELLED')),
  channel        text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  due_at         timestamptz NOT NULL,
  state          text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'SKIPPED')),
  skip_reason    text,
  sent_at        timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, appointment_id) REFERENCES appointments (tenant_id, id) ON DELETE CASCADE
);
-- A reminder is never sent twice, whatever the job does.
CREATE UNIQUE INDEX appointment_notifications_one_reminder_sent_idx
  ON appointment_notifications (tenant_id, appointment_id, channel) WHERE kind = 'REMINDER' AND state = 'SENT';
CREATE INDEX appointment_notifications_due_idx ON appointment_notifications (due_at) WHERE state = 'PENDING';
CREATE INDEX appointment_notifications_tenant_id_appointment_id_idx ON appointment_notifications (tenant_id, appointment_id);

CREATE FUNCTION app_schedule_notifications() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  hours_before integer;
  notice text;
BEGIN
  SELECT reminder_hours_before INTO hours_before FROM tenant_settings WHERE tenant_id = NEW.tenant_id;
  hours_before := coalesce(hours_before, 48);
  IF TG_OP = 'INSERT' THEN
    INSERT INTO appointment_notifications (tenant_id, appointment_id, kind, channel, due_at)
    SELECT NEW.tenant_id, NEW.id, 'REMINDER', channel, NEW.starts_at - make_interval(hours => hours_before)
      FROM unnest(ARRAY['EMAIL', 'SMS']) AS channel;
    RETURN NULL;
  END IF;

  IF NEW.status IN ('EXCUSED', 'REVOKED') AND OLD.status NOT IN ('EXCUSED', 'REVOKED') THEN
    notice := 'CANCELLED';
  ELSIF NEW.status = 'PLANNED' AND NEW.starts_at IS DISTINCT FROM OLD.starts_at THEN
    notice := 'MOVED';
  ELSE
    RETURN NULL;
  END IF;
  UPDATE appointment_notifications SET state = 'SKIPPED', skip_reason = lower(notice)
   WHERE tenant_id = NEW.tenant_id AND appointment_id = NEW.id AND state = 'PENDING';
  INSERT INTO appointment_notifications (tenant_id, appointment_id, kind, channel, due_at)
  SELECT NEW.tenant_id, NEW.id, notice, channel, now() FROM unnest(ARRAY['EMAIL', 'SMS']) AS channel;
  IF notice = 'MOVED' THEN
    INSERT INTO appointment_notifications (tenant_id, appointment_id, kind, channel, due_at)
    SELECT NEW.tenant_id, NEW.id, 'REMINDER', channel, NEW.starts_at - make_interval(hours => hours_before)
      FROM unnest(ARRAY['EMAIL', 'SMS']) AS channel;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER appointments_schedule_notifications AFTER INSERT OR UPDATE OF starts_at, status ON appointments
  FOR EACH ROW EXECUTE FUNCTION app_schedule_notifications();

-- What the development and test providers "send": the messages as they would leave, for the dev page
-- and the tests. Real providers (SMS gateway, mail server) write nothing here.
CREATE TABLE outbox_messages (
  tenant_id       uuid NOT NULL,
  id              uuid NOT NULL DEFAULT uuidv7(),
  notification_id uuid,
  channel         text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  recipient       text NOT NULL,
  subject         text,
  body            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, notification_id) REFERENCES appointment_notifications (tenant_id, id) ON DELETE SET NULL (notification_id)
);
CREATE INDEX outbox_messages_tenant_id_created_at_id_idx ON outbox_messages (tenant_id, created_at DESC, id DESC);

-- Private, revocable calendar subscription addresses: only a hash of the secret is kept.
CREATE TABLE calendar_feeds (
  tenant_id     uuid NOT NULL,
  id            uuid NOT NULL DEFAULT uuidv7(),
  membership_id uuid NOT NULL,
  token_hash    bytea NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX calendar_feeds_one_active_per_member_idx ON calendar_feeds (tenant_id, membership_id) WHERE revoked_at IS NULL;

SELECT app_isolate_tenant_tables(ARRAY['tenant_settings', 'appointment_motifs', 'site_opening_hours', 'appointments',
  'appointment_agents', 'absences', 'agent_busy_slots', 'appointment_notifications', 'outbox_messages', 'calendar_feeds']);

-- A calendar application knows only the secret address: this owner-rights function resolves its hash
-- to the tenant and member (active ones only), and nothing else. The caller then works under RLS.
CREATE FUNCTION app_resolve_calendar_feed(hash bytea) RETURNS TABLE (tenant_id uuid, membership_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT f.tenant_id, f.membership_id
    FROM calendar_feeds f
    JOIN memberships m ON m.tenant_id = f.tenant_id AND m.id = f.membership_id
   WHERE f.token_hash = hash AND f.revoked_at IS NULL AND m.active;
$$;
REVOKE EXECUTE ON FUNCTION app_resolve_calendar_feed(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_resolve_calendar_feed(bytea) TO ccas_app;

-- The reminders job runs for every tenant: this owner-rights function lists the notifications due
-- (tenant and id only); each is then handled in its own tenant's transaction, under RLS.
CREATE FUNCTION app_due_notifications(at timestamptz, take integer) RETURNS TABLE (tenant_id uuid, id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT n.tenant_id, n.id FROM appointment_notifications n
   WHERE n.state = 'PENDING' AND n.due_at <= at
   ORDER BY n.due_at, n.id
   LIMIT least(take, 1000);
$$;
REVOKE EXECUTE ON FUNCTION app_due_notifications(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_due_notifications(timestamptz, integer) TO ccas_app;

GRANT SELECT, UPDATE ON tenant_settings TO ccas_app;
GRANT SELECT, INSERT, UPDATE ON appointment_motifs, appointments, appointment_notifications, calendar_feeds TO ccas_app;
GRANT SELECT, INSERT, DELETE ON appointment_agents, site_opening_hours TO ccas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON absences TO ccas_app;
GRANT SELECT, INSERT ON outbox_messages TO ccas_app;
-- Busy slots are written by the triggers, which run with the rights of the caller: the API may write
-- them, but only the triggers do (and the exclusion constraint holds whoever writes).
GRANT SELECT, INSERT, DELETE ON agent_busy_slots TO ccas_app;
