-- Data retention: files with no contact for the tenant's delay are listed for review, then
-- anonymised on a manager's confirmation; audit events older than the audit retention are purged
-- behind a checkpoint that keeps the hash chain verifiable.
-- Decision record: docs/decisions/011-retention-and-anonymisation.md.

-- What an anonymised file is called everywhere a name is shown (lists, agendas, timelines).
CREATE FUNCTION app_anonymised_name() RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN 'Personne anonymisée';

-- The delays, set by the tenant's ADMIN. CNIL guidance for access logs: 6 months to 1 year, up to
-- 3 years for a documented need.
ALTER TABLE tenant_settings
  ADD COLUMN retention_months       integer NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 12 AND 120),
  ADD COLUMN audit_retention_months integer NOT NULL DEFAULT 12 CHECK (audit_retention_months BETWEEN 6 AND 36);

-- An anonymised file keeps its structured facts and nothing that names or reaches the person; the
-- database itself refuses an anonymised row that still holds any of those columns.
ALTER TABLE beneficiaries ADD COLUMN anonymised_at timestamptz;
ALTER TABLE beneficiaries DROP CONSTRAINT beneficiaries_check;
ALTER TABLE beneficiaries ADD CONSTRAINT beneficiaries_named_check CHECK (last_name IS NOT NULL OR alias IS NOT NULL);
ALTER TABLE beneficiaries ADD CONSTRAINT beneficiaries_anonymised_check CHECK (anonymised_at IS NULL OR (
  last_name = app_anonymised_name() AND first_name IS NULL AND birth_name IS NULL AND alias IS NULL AND birth_date IS NULL
  AND nationality IS NULL AND phone IS NULL AND email IS NULL AND address_line IS NULL AND postal_code IS NULL AND city IS NULL
  AND housing_note IS NULL AND caf_number IS NULL AND france_travail_id IS NULL AND legal_protection_detail IS NULL
  AND origin_detail IS NULL));
-- An anonymised file has no search words: the neutral name finds nobody.
ALTER TABLE beneficiaries ALTER COLUMN name_words SET EXPRESSION AS (
  CASE WHEN anonymised_at IS NULL
       THEN app_name_words(coalesce(last_name, '') || ' ' || coalesce(birth_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(alias, ''))
       ELSE '{}'::text[] END);

-- The last contact with a person: the latest of the file's creation, its interviews, procedures,
-- appointments the person came to, digital assessments and referrals. Read under the caller's RLS.
CREATE FUNCTION app_beneficiary_last_contact(p_tenant uuid, p_id uuid) RETURNS timestamptz
  LANGUAGE sql STABLE
  AS $$
  SELECT greatest(b.created_at, b.last_contact_at,
    (SELECT max(i.occurred_at) FROM interviews i WHERE i.tenant_id = b.tenant_id AND i.beneficiary_id = b.id),
    (SELECT max(p.occurred_at) FROM procedures p WHERE p.tenant_id = b.tenant_id AND p.beneficiary_id = b.id),
    (SELECT max(a.starts_at) FROM appointments a WHERE a.tenant_id = b.tenant_id AND a.beneficiary_id = b.id AND a.status = 'SEEN'),
    (SELECT max(d.occurred_at) FROM digital_assessments d WHERE d.tenant_id = b.tenant_id AND d.beneficiary_id = b.id),
    (SELECT max(r.occurred_at) FROM referrals r WHERE r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id))
    FROM beneficiaries b WHERE b.tenant_id = p_tenant AND b.id = p_id
$$;

-- Files due for archiving, as the daily job found them, and the managers' postponements.
CREATE TABLE retention_reviews (
  tenant_id        uuid NOT NULL,
  beneficiary_id   uuid NOT NULL,
  -- First found due by the job; kept while the file stays due.
  due_since        timestamptz NOT NULL,
  last_contact_at  timestamptz NOT NULL,
  checked_at       timestamptz NOT NULL,
  postponed_until  date,
  postpone_reason  text,
  postponed_by     uuid,
  postponed_at     timestamptz,
  PRIMARY KEY (tenant_id, beneficiary_id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, postponed_by) REFERENCES memberships (tenant_id, id),
  CHECK ((postponed_until IS NULL) = (postpone_reason IS NULL) AND (postponed_until IS NULL) = (postponed_by IS NULL)
         AND (postponed_until IS NULL) = (postponed_at IS NULL))
);
CREATE INDEX retention_reviews_tenant_id_last_contact_at_idx ON retention_reviews (tenant_id, last_contact_at, beneficiary_id);
-- The job's first filter: files whose recorded dates are all older than the delay.
CREATE INDEX beneficiaries_retention_idx ON beneficiaries (tenant_id, (greatest(created_at, last_contact_at))) WHERE anonymised_at IS NULL;

-- Refreshes the tenant's list at `p_now`: files whose last contact is older than the delay and with
-- no appointment still to come are listed (or kept, with their last contact updated); files that
-- are no longer due (a contact since) leave the list, postponement included. Caller's rights, RLS.
-- The settings row exists from the tenant's creation (20261129020000_appointments).
CREATE FUNCTION app_refresh_retention_reviews(p_now timestamptz)
  RETURNS TABLE (due bigint, added bigint, cleared bigint)
  LANGUAGE sql VOLATILE
  AS $$
  WITH settings AS (
    SELECT p_now - make_interval(months => s.retention_months) AS cutoff
      FROM tenant_settings s WHERE s.tenant_id = app_current_tenant()
  ), due_files AS (
    SELECT b.id, c.last_contact
      FROM beneficiaries b
      CROSS JOIN settings
      CROSS JOIN LATERAL (SELECT app_beneficiary_last_contact(b.tenant_id, b.id) AS last_contact) c
     WHERE b.tenant_id = app_current_tenant() AND b.anonymised_at IS NULL
       AND greatest(b.created_at, b.last_contact_at) < settings.cutoff
       AND c.last_contact < settings.cutoff
       AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.tenant_id = b.tenant_id AND a.beneficiary_id = b.id
                          AND a.status = 'PLANNED' AND a.starts_at > p_now)
  ), cleared_rows AS (
    DELETE FROM retention_reviews r
     WHERE r.tenant_id = app_current_tenant() AND NOT EXISTS (SELECT 1 FROM due_files d WHERE d.id = r.beneficiary_id)
    RETURNING 1
  ), upserted AS (
    INSERT INTO retention_reviews AS r (tenant_id, beneficiary_id, due_since, last_contact_at, checked_at)
    SELECT app_current_tenant(), d.id, p_now, d.last_contact, p_now FROM due_files d
    ON CONFLICT (tenant_id, beneficiary_id) DO UPDATE SET last_contact_at = EXCLUDED.last_contact_at, checked_at = EXCLUDED.checked_at
    RETURNING (xmax = 0) AS inserted
  )
  SELECT (SELECT count(*) FROM due_files), (SELECT count(*) FROM upserted WHERE inserted), (SELECT count(*) FROM cleared_rows)
$$;

-- An anonymised file is frozen: no write of a tenant's transaction (every API write) reaches it or
-- anything inside it — no change, no addition, no removal (a household member, a referent, an
-- appointment's agent removed would change its facts as surely as one added). An UPDATE is checked
-- against the file the row leaves as well as the one it joins. The row lock (KEY SHARE) waits for an
-- anonymisation in progress (which holds FOR UPDATE) and then sees its result. Maintenance by the
-- owner outside any tenant (a later migration adding a column) may still update the rows; the CHECK
-- above keeps them anonymous.
CREATE FUNCTION app_refuse_anonymised_file() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  entry jsonb;
  file uuid;
  anonymised timestamptz;
BEGIN
  IF app_current_tenant() IS NULL THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  IF TG_TABLE_NAME = 'beneficiaries' THEN
    IF OLD.anonymised_at IS NOT NULL THEN
      RAISE EXCEPTION 'beneficiary file is anonymised' USING ERRCODE = 'CC410';
    END IF;
    RETURN coalesce(NEW, OLD);
  END IF;
  FOREACH entry IN ARRAY ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END, CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END] LOOP
    CONTINUE WHEN entry IS NULL;
    file := CASE
      WHEN TG_TABLE_NAME = 'interview_notes' THEN
        (SELECT i.beneficiary_id FROM interviews i WHERE i.tenant_id = (entry ->> 'tenant_id')::uuid AND i.id = (entry ->> 'interview_id')::uuid)
      WHEN TG_TABLE_NAME IN ('appointment_agents', 'appointment_notifications') THEN
        (SELECT a.beneficiary_id FROM appointments a WHERE a.tenant_id = (entry ->> 'tenant_id')::uuid AND a.id = (entry ->> 'appointment_id')::uuid)
      ELSE (entry ->> 'beneficiary_id')::uuid
    END;
    SELECT b.anonymised_at INTO anonymised
      FROM beneficiaries b WHERE b.tenant_id = (entry ->> 'tenant_id')::uuid AND b.id = file FOR KEY SHARE;
    IF anonymised IS NOT NULL THEN
      RAISE EXCEPTION 'beneficiary file is anonymised' USING ERRCODE = 'CC410';
    END IF;
  END LOOP;
  RETURN coalesce(NEW, OLD);
END $$;

CREATE TRIGGER beneficiaries_anonymised_frozen BEFORE UPDATE OR DELETE ON beneficiaries
  FOR EACH ROW EXECUTE FUNCTION app_refuse_anonymised_file();
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['beneficiary_referents', 'household_members', 'interviews', 'interview_notes', 'procedures',
                           'digital_assessments', 'referrals', 'appointments', 'appointment_agents'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_refuse_anonymised_file()',
                   t || '_anonymised_frozen', t);
  END LOOP;
END $$;
-- Notifications: the dispatcher keeps updating their delivery state (bookkeeping, not a fact of the
-- file), and they are created only by writes to appointments, refused above; removing one would
-- change the file's counts.
CREATE TRIGGER appointment_notifications_anonymised_frozen BEFORE DELETE ON appointment_notifications
  FOR EACH ROW EXECUTE FUNCTION app_refuse_anonymised_file();

-- Anonymises one file of the current tenant, in the caller's transaction. Owner rights: private
-- notes (hidden by RLS from everyone but their author), revision history and outbox copies are not
-- writable by the API role. Personal values are erased or replaced; dates, categories, counts,
-- modes, levels and statuses stay, so that statistics stay true. Interview themes are kept only when
-- they are among `p_known_themes` (the suggested list): a typed theme is free text.
-- Whether the file is still due is decided here, under its row lock, by statements that follow the
-- lock: each takes a new snapshot, so a contact committed while the lock was awaited is seen (one
-- statement locking and checking at once would judge on the snapshot it started with). Due at
-- `p_at`: on the review list, last contact older than the tenant's delay, no appointment planned
-- after `p_at`; otherwise SQLSTATE CC409. Already anonymised: CC410.
-- Returns the last contact the decision rested on; NULL when the file does not exist in this tenant.
CREATE FUNCTION app_anonymise_beneficiary(p_id uuid, p_at timestamptz, p_known_themes text[])
  RETURNS timestamptz
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  tenant uuid := app_current_tenant();
  file record;
  last_contact timestamptz;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'app_anonymise_beneficiary: no tenant in this transaction';
  END IF;
  SELECT b.id, b.email, b.phone_digits, b.anonymised_at INTO file
    FROM beneficiaries b WHERE b.tenant_id = tenant AND b.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF file.anonymised_at IS NOT NULL THEN
    RAISE EXCEPTION 'beneficiary file is anonymised' USING ERRCODE = 'CC410';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM retention_reviews r WHERE r.tenant_id = tenant AND r.beneficiary_id = p_id) THEN
    RAISE EXCEPTION 'beneficiary file is not on the retention review list' USING ERRCODE = 'CC409';
  END IF;
  last_contact := app_beneficiary_last_contact(tenant, p_id);
  -- IS NOT TRUE: an unknown delay refuses too.
  IF (last_contact < p_at - (SELECT make_interval(months => s.retention_months) FROM tenant_settings s WHERE s.tenant_id = tenant)) IS NOT TRUE
     OR EXISTS (SELECT 1 FROM appointments a WHERE a.tenant_id = tenant AND a.beneficiary_id = p_id
                   AND a.status = 'PLANNED' AND a.starts_at > p_at) THEN
    RAISE EXCEPTION 'beneficiary file is no longer due for archiving' USING ERRCODE = 'CC409';
  END IF;

  -- Copies of the messages sent to the person: those of its appointments, and any other sent to its contacts.
  DELETE FROM outbox_messages o
   WHERE o.tenant_id = tenant
     AND (o.notification_id IN (SELECT n.id FROM appointment_notifications n JOIN appointments a ON a.tenant_id = n.tenant_id AND a.id = n.appointment_id
                                 WHERE n.tenant_id = tenant AND a.beneficiary_id = p_id)
          OR (file.email IS NOT NULL AND lower(o.recipient) = lower(file.email))
          OR (file.phone_digits IS NOT NULL AND app_phone_digits(o.recipient) = file.phone_digits));

  DELETE FROM interview_notes n USING interviews i
   WHERE n.tenant_id = tenant AND i.tenant_id = tenant AND i.id = n.interview_id AND i.beneficiary_id = p_id;
  UPDATE interview_revisions v SET previous = '{}'
    FROM interviews i
   WHERE v.tenant_id = tenant AND i.tenant_id = tenant AND i.id = v.interview_id AND i.beneficiary_id = p_id AND v.previous <> '{}';
  UPDATE interviews SET summary = NULL, follow_up_actions = '[]',
         themes = ARRAY(SELECT theme FROM unnest(themes) AS theme WHERE theme = ANY (coalesce(p_known_themes, '{}')))
   WHERE tenant_id = tenant AND beneficiary_id = p_id;
  UPDATE procedures SET note = NULL, mandate_reference = CASE WHEN consent = 'MANDATE' THEN '—' END
   WHERE tenant_id = tenant AND beneficiary_id = p_id;
  UPDATE appointments SET note = NULL WHERE tenant_id = tenant AND beneficiary_id = p_id AND note IS NOT NULL;
  UPDATE digital_assessments SET decline_reason = NULL WHERE tenant_id = tenant AND beneficiary_id = p_id AND decline_reason IS NOT NULL;
  UPDATE referrals SET reason = NULL WHERE tenant_id = tenant AND beneficiary_id = p_id AND reason IS NOT NULL;
  -- The household's composition stays (relation, living together); who its members are does not.
  UPDATE household_members SET first_name = 'Membre anonymisé', last_name = NULL, birth_date = NULL
   WHERE tenant_id = tenant AND beneficiary_id = p_id;
  DELETE FROM retention_reviews WHERE tenant_id = tenant AND beneficiary_id = p_id;

  UPDATE beneficiaries SET
    last_name = app_anonymised_name(), first_name = NULL, birth_name = NULL, alias = NULL, birth_date = NULL, nationality = NULL,
    phone = NULL, email = NULL, address_line = NULL, postal_code = NULL, city = NULL,
    housing_note = NULL, caf_number = NULL, france_travail_id = NULL, legal_protection_detail = NULL, origin_detail = NULL,
    -- Income kinds stay; amounts are rounded to 100 € (bands, not a person's exact figures).
    income_sources = coalesce((SELECT jsonb_agg(jsonb_set(source, '{monthlyAmountCents}',
                                 to_jsonb(round((source ->> 'monthlyAmountCents')::numeric / 10000) * 10000)))
                                 FROM jsonb_array_elements(income_sources) AS source), '[]'),
    status = CASE WHEN status = 'DECEASED' THEN status ELSE 'ARCHIVED' END,
    anonymised_at = p_at, version = version + 1, updated_at = p_at
   WHERE tenant_id = tenant AND id = p_id;
  RETURN last_contact;
END $$;
REVOKE ALL ON FUNCTION app_anonymise_beneficiary(uuid, timestamptz, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_anonymise_beneficiary(uuid, timestamptz, text[]) TO ccas_app;

-- The daily job serves every tenant: this owner-rights function lists them (ids only); each is then
-- handled in its own tenant's transaction.
CREATE FUNCTION app_retention_tenants() RETURNS TABLE (tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.id FROM tenants t ORDER BY t.id $$;
REVOKE EXECUTE ON FUNCTION app_retention_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_retention_tenants() TO ccas_app;

-- Audit purge. The chain head before the purged range is kept as a checkpoint: verification starts
-- from it, and the first event kept must link to it. Checkpoints are append-only too.
CREATE TABLE audit_checkpoints (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL DEFAULT uuidv7(),
  -- The last purged event: everything up to it is gone, the next one links to its hash.
  last_seq      bigint NOT NULL CHECK (last_seq > 0),
  last_hash     text NOT NULL,
  purged_count  bigint NOT NULL CHECK (purged_count > 0),
  cutoff        timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, last_seq)
);
SELECT app_isolate_tenant_tables(ARRAY['retention_reviews', 'audit_checkpoints']);
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION reject_modification();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION reject_modification();

-- UPDATE stays refused to everyone; DELETE only inside audit_purge_expired, for the prefix it names
-- in a transaction-local setting (and the API role has no DELETE right on the table at all).
CREATE FUNCTION audit_events_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  purge text := coalesce(current_setting('app.audit_purge', true), '');
BEGIN
  IF TG_OP = 'DELETE' AND purge <> '' AND split_part(purge, ':', 1) = OLD.tenant_id::text
     AND OLD.seq <= split_part(purge, ':', 2)::bigint THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE OR REPLACE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();

-- A new event follows the last one kept, or, when a purge removed them all, the checkpoint.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    last_seq bigint;
    last_hash text;
  BEGIN
    -- One writer per tenant chain at a time; other tenants are not blocked.
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_events:' || NEW.tenant_id::text, 0));
    SELECT e.seq, e.hash INTO last_seq, last_hash
      FROM audit_events e WHERE e.tenant_id = NEW.tenant_id ORDER BY e.seq DESC LIMIT 1;
    IF last_seq IS NULL THEN
      SELECT c.last_seq, c.last_hash INTO last_seq, last_hash
        FROM audit_checkpoints c WHERE c.tenant_id = NEW.tenant_id ORDER BY c.last_seq DESC LIMIT 1;
    END IF;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.occurred_at := clock_timestamp();
    NEW.hash := audit_event_hash(NEW);
    RETURN NEW;
  END
  $$;

-- Verification starts from the latest checkpoint (or from the start of the chain when none).
CREATE OR REPLACE FUNCTION audit_verify_chain(p_tenant uuid)
  RETURNS TABLE (checked bigint, broken_seq bigint, broken_id uuid, reason text)
  LANGUAGE sql STABLE
  AS $$
    WITH checkpoint AS (
      SELECT coalesce(max(c.last_seq), 0) AS last_seq,
             coalesce((SELECT c2.last_hash FROM audit_checkpoints c2 WHERE c2.tenant_id = p_tenant ORDER BY c2.last_seq DESC LIMIT 1),
                      repeat('0', 64)) AS last_hash
        FROM audit_checkpoints c WHERE c.tenant_id = p_tenant
    ), chain AS (
      SELECT e.seq, e.id, e.prev_hash, e.hash, audit_event_hash(e) AS expected_hash,
             lag(e.hash) OVER (ORDER BY e.seq) AS previous_hash,
             lag(e.seq) OVER (ORDER BY e.seq) AS previous_seq
        FROM audit_events e WHERE e.tenant_id = p_tenant
    ), problems AS (
      SELECT chain.seq, chain.id,
             CASE
               WHEN chain.seq <> coalesce(chain.previous_seq, checkpoint.last_seq) + 1 THEN 'missing_event'
               WHEN chain.prev_hash <> coalesce(chain.previous_hash, checkpoint.last_hash) THEN 'broken_link'
               WHEN chain.hash <> chain.expected_hash THEN 'altered_event'
             END AS reason
        FROM chain CROSS JOIN checkpoint
    )
    SELECT (SELECT count(*) FROM chain), p.seq, p.id, p.reason
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (
        SELECT * FROM problems WHERE problems.reason IS NOT NULL ORDER BY problems.seq LIMIT 1
      ) p ON true
  $$;

-- Purges the current tenant's events older than its audit retention (`audit_retention_months`, and
-- never less than 6 months, the CNIL's lower bound for access logs), counted back from the
-- database's own clock: the API role may call it, and can never make it remove more than that. It
-- removes the longest prefix of the chain made only of such events (a later event is never removed,
-- even if its clock ran behind), records the checkpoint, and writes an event saying so in the chain
-- itself. Returns the number of events removed.
CREATE FUNCTION audit_purge_expired() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  tenant uuid := app_current_tenant();
  cutoff timestamptz;
  through_seq bigint;
  through_hash text;
  removed bigint;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'audit_purge_expired: no tenant in this transaction';
  END IF;
  SELECT now() - make_interval(months => greatest(s.audit_retention_months, 6)) INTO cutoff
    FROM tenant_settings s WHERE s.tenant_id = tenant;
  IF cutoff IS NULL THEN
    RAISE EXCEPTION 'audit_purge_expired: the tenant has no settings';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_events:' || tenant::text, 0));
  SELECT coalesce(
           (SELECT min(e.seq) - 1 FROM audit_events e WHERE e.tenant_id = tenant AND e.occurred_at >= cutoff),
           (SELECT max(e.seq) FROM audit_events e WHERE e.tenant_id = tenant))
    INTO through_seq;
  IF through_seq IS NULL OR NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.tenant_id = tenant AND e.seq <= through_seq) THEN
    RETURN 0;
  END IF;
  SELECT e.hash INTO through_hash FROM audit_events e WHERE e.tenant_id = tenant AND e.seq = through_seq;
  IF through_hash IS NULL THEN
    RAISE EXCEPTION 'audit_purge_expired: the chain has a gap at %; verify it before purging', through_seq;
  END IF;
  PERFORM set_config('app.audit_purge', tenant::text || ':' || through_seq::text, true);
  DELETE FROM audit_events e WHERE e.tenant_id = tenant AND e.seq <= through_seq;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('app.audit_purge', '', true);
  INSERT INTO audit_checkpoints (tenant_id, last_seq, last_hash, purged_count, cutoff)
  VALUES (tenant, through_seq, through_hash, removed, cutoff);
  INSERT INTO audit_events (tenant_id, action, entity_type, details)
  VALUES (tenant, 'delete', 'audit-events',
          jsonb_build_object('target', 'purge', 'throughSeq', through_seq, 'purged', removed, 'checkpointHash', through_hash,
                             'cutoff', to_char(cutoff AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
  RETURN removed;
END $$;
REVOKE ALL ON FUNCTION audit_purge_expired() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_purge_expired() TO ccas_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON retention_reviews TO ccas_app;
GRANT SELECT ON audit_checkpoints TO ccas_app;
