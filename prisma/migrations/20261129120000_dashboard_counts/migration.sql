-- Dashboard counts kept by triggers, so that the director's figures read a few hundred rows instead
-- of a CCAS's whole history (docs/decisions/012-dashboards.md, measured in docs/benchmarks.md).
--
-- Procedures and appointments are counted per Paris day and per Paris month (`grain`), per site, for
-- all agents (`agent_id` null) and per agent (procedures: per month only): a period reads its whole
-- months from the month rows and its partial months from the day rows (an agent's procedures of
-- those days from the procedures themselves). Active files are counted per site, in all
-- (`referent_id` null) and per referent. Each count is what its source rows say *now*: every change
-- to something a count depends on takes the old contribution away before the change and adds the
-- new one after it. Zero rows may stay; readers ignore them. The API role never deletes files,
-- procedures or appointments; a bulk load that bypasses triggers calls app_recount_dashboard().
-- Derived data: no foreign keys (a count row outlives nothing, and a key check per row would double
-- the cost of a recount). Writers upsert in the key's order, so that two of them sharing rows (two
-- procedures of one site and day) wait for each other instead of deadlocking.

CREATE TABLE procedure_counts (
  tenant_id  uuid NOT NULL,
  id         bigint GENERATED ALWAYS AS IDENTITY,
  grain      text NOT NULL CHECK (grain IN ('day', 'month')),
  starts_on  date NOT NULL,
  site_id    uuid,
  agent_id   uuid,
  -- One breakdown per row: the mode, the organism, the procedure type or the category (null: none).
  dimension  text NOT NULL CHECK (dimension IN ('mode', 'organism', 'type', 'category')),
  key        text,
  procedures integer NOT NULL,
  minutes    bigint NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- Agent first: a reading is for all agents (null) or for one. The counts are included: a reading
-- scans the index alone, in its order, wherever the rows' versions lie (every upsert writes one).
CREATE UNIQUE INDEX procedure_counts_key ON procedure_counts (tenant_id, agent_id, grain, starts_on, dimension, site_id, key)
  INCLUDE (procedures, minutes) NULLS NOT DISTINCT;

CREATE TABLE appointment_counts (
  tenant_id    uuid NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  grain        text NOT NULL CHECK (grain IN ('day', 'month')),
  starts_on    date NOT NULL,
  site_id      uuid NOT NULL,
  agent_id     uuid,
  status       text NOT NULL,
  appointments integer NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX appointment_counts_key ON appointment_counts (tenant_id, agent_id, grain, starts_on, site_id, status)
  INCLUDE (appointments) NULLS NOT DISTINCT;
-- The period's rows of every agent at once (appointments per agent).
CREATE INDEX appointment_counts_period_idx ON appointment_counts (tenant_id, grain, starts_on, site_id) INCLUDE (agent_id, status, appointments);

CREATE TABLE active_file_counts (
  tenant_id   uuid NOT NULL,
  id          bigint GENERATED ALWAYS AS IDENTITY,
  site_id     uuid,
  referent_id uuid,
  files       integer NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX active_file_counts_key ON active_file_counts (tenant_id, referent_id, site_id) NULLS NOT DISTINCT;

SELECT app_isolate_tenant_tables(ARRAY['procedure_counts', 'appointment_counts', 'active_file_counts']);
GRANT SELECT, INSERT, UPDATE ON procedure_counts, appointment_counts, active_file_counts TO ccas_app;

-- What each source row brings to the counts.
CREATE VIEW procedure_facts WITH (security_invoker) AS
  SELECT p.tenant_id, p.id, p.occurred_at, (p.occurred_at AT TIME ZONE 'Europe/Paris')::date AS day,
         date_trunc('month', p.occurred_at AT TIME ZONE 'Europe/Paris')::date AS month,
         b.site_id, p.agent_id, p.mode, p.organism_id::text AS organism, p.procedure_type_id::text AS type,
         coalesce(t.category, o.category) AS category, p.duration_minutes AS minutes
    FROM procedures p
    JOIN beneficiaries b ON b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id
    JOIN catalogue_entries o ON o.tenant_id = p.tenant_id AND o.id = p.organism_id
    JOIN catalogue_entries t ON t.tenant_id = p.tenant_id AND t.id = p.procedure_type_id;

-- An appointment counts once for all agents, and once for each of its agents.
CREATE VIEW appointment_count_lines WITH (security_invoker) AS
  SELECT a.tenant_id, a.id, g.grain, g.starts_on, a.site_id, ag.agent_id, a.status
    FROM appointments a
    CROSS JOIN LATERAL (VALUES ('day', (a.starts_at AT TIME ZONE 'Europe/Paris')::date),
                               ('month', date_trunc('month', a.starts_at AT TIME ZONE 'Europe/Paris')::date)) g (grain, starts_on)
    CROSS JOIN LATERAL (SELECT NULL::uuid AS agent_id
                        UNION ALL
                        SELECT aa.membership_id FROM appointment_agents aa WHERE aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id) ag;

-- An active file counts once in all, and once for each of its referents.
CREATE VIEW active_file_count_lines WITH (security_invoker) AS
  SELECT b.tenant_id, b.id, b.site_id, r.referent_id
    FROM beneficiaries b
    CROSS JOIN LATERAL (SELECT NULL::uuid AS referent_id
                        UNION ALL
                        SELECT br.membership_id FROM beneficiary_referents br WHERE br.tenant_id = b.tenant_id AND br.beneficiary_id = b.id) r
   WHERE b.status = 'ACTIVE';
GRANT SELECT ON procedure_facts, appointment_count_lines, active_file_count_lines TO ccas_app;

-- Adds (sign 1) or takes away (sign -1) what the given rows of a tenant count now — only some
-- breakdowns, or the lines of one agent or referent, when asked (a category changed, an appointment's
-- agent or a file's referent added or removed). `ids` null: every row of a tenant that has no count
-- row yet (a recount), inserted without looking for existing rows (a bulk load may drop the indexes). Dynamic SQL: each call is planned for its own ids.
CREATE FUNCTION app_count_procedures(tenant uuid, ids uuid[], sign integer, dimensions text[] DEFAULT '{mode,organism,type,category}')
  RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    -- One pass over the facts, grouped for each breakdown by day and month for all agents, and by
    -- month per agent: an agent's days would be as many rows as procedures, read from the facts.
    EXECUTE format($sql$
      INSERT INTO procedure_counts AS c (tenant_id, grain, starts_on, site_id, agent_id, dimension, key, procedures, minutes)
      SELECT tenant_id, CASE WHEN GROUPING(day) = 0 THEN 'day' ELSE 'month' END, coalesce(day, month), site_id, agent_id,
             CASE %s END, coalesce(%s), $3 * count(*), $3 * coalesce(sum(minutes), 0)
        FROM procedure_facts WHERE tenant_id = $1 %s
       GROUP BY tenant_id, site_id, GROUPING SETS (%s)
       ORDER BY 5, 2, 3, 6, 4, 7 -- the key's order: two writers lock their common rows in the same order
      %s$sql$,
      (SELECT string_agg(format('WHEN GROUPING(%I) = 0 THEN %L', d, d), ' ') FROM unnest(dimensions) d),
      (SELECT string_agg(quote_ident(d), ', ') FROM unnest(dimensions) d),
      CASE WHEN ids IS NULL THEN '' ELSE 'AND id = ANY ($2)' END,
      (SELECT string_agg(format('(day, %1$I), (month, %1$I), (month, agent_id, %1$I)', d), ', ') FROM unnest(dimensions) d),
      CASE WHEN ids IS NOT NULL THEN 'ON CONFLICT (tenant_id, agent_id, grain, starts_on, dimension, site_id, key)
        DO UPDATE SET procedures = c.procedures + excluded.procedures, minutes = c.minutes + excluded.minutes' END)
      USING tenant, ids, sign;
  END $$;

CREATE FUNCTION app_count_appointments(tenant uuid, ids uuid[], sign integer, only_agent uuid DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    EXECUTE format($sql$
      INSERT INTO appointment_counts AS c (tenant_id, grain, starts_on, site_id, agent_id, status, appointments)
      SELECT tenant_id, grain, starts_on, site_id, agent_id, status, $3 * count(*)
        FROM appointment_count_lines WHERE tenant_id = $1 %s %s
       GROUP BY tenant_id, grain, starts_on, site_id, agent_id, status
       ORDER BY agent_id, grain, starts_on, site_id, status
      %s$sql$,
      CASE WHEN ids IS NULL THEN '' ELSE 'AND id = ANY ($2)' END,
      CASE WHEN only_agent IS NULL THEN '' ELSE 'AND agent_id = $4' END,
      CASE WHEN ids IS NOT NULL THEN 'ON CONFLICT (tenant_id, agent_id, grain, starts_on, site_id, status)
        DO UPDATE SET appointments = c.appointments + excluded.appointments' END) USING tenant, ids, sign, only_agent;
  END $$;

CREATE FUNCTION app_count_active_files(tenant uuid, ids uuid[], sign integer, only_referent uuid DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    EXECUTE format($sql$
      INSERT INTO active_file_counts AS c (tenant_id, site_id, referent_id, files)
      SELECT tenant_id, site_id, referent_id, $3 * count(*)
        FROM active_file_count_lines WHERE tenant_id = $1 %s %s
       GROUP BY tenant_id, site_id, referent_id
       ORDER BY referent_id, site_id
      %s$sql$,
      CASE WHEN ids IS NULL THEN '' ELSE 'AND id = ANY ($2)' END,
      CASE WHEN only_referent IS NULL THEN '' ELSE 'AND referent_id = $4' END,
      CASE WHEN ids IS NOT NULL THEN 'ON CONFLICT (tenant_id, referent_id, site_id) DO UPDATE SET files = c.files + excluded.files' END)
      USING tenant, ids, sign, only_referent;
  END $$;

-- Digital inclusion: each assessment knows the level before it and when the next one came (the
-- person's chain of levels, declined assessments aside), and each file when it was first assessed
-- (declined included: the question was asked). The period's latest levels, the people who improved
-- and the detection rate then read the period's rows only.
ALTER TABLE digital_assessments ADD COLUMN previous_level text, ADD COLUMN superseded_at timestamptz;
ALTER TABLE beneficiaries ADD COLUMN first_assessed_at timestamptz;

CREATE FUNCTION app_chain_assessments(tenant uuid, people uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    of_people text := CASE WHEN people IS NULL THEN '' ELSE 'AND beneficiary_id = ANY ($2)' END;
  BEGIN
    -- Two assessments of one person at once: the second chains after the first has committed.
    PERFORM 1 FROM beneficiaries WHERE tenant_id = tenant AND id = ANY (people) FOR NO KEY UPDATE;
    EXECUTE format($sql$
      UPDATE digital_assessments d SET previous_level = c.previous_level, superseded_at = c.superseded_at
        FROM (SELECT id, lag(level) OVER w AS previous_level, lead(occurred_at) OVER w AS superseded_at
                FROM digital_assessments WHERE tenant_id = $1 AND NOT declined %s
              WINDOW w AS (PARTITION BY beneficiary_id ORDER BY occurred_at, id)) c
       WHERE d.tenant_id = $1 AND d.id = c.id
         AND (d.previous_level, d.superseded_at) IS DISTINCT FROM (c.previous_level, c.superseded_at)$sql$, of_people) USING tenant, people;
    EXECUTE format($sql$
      UPDATE beneficiaries b SET first_assessed_at = f.first_at
        FROM (SELECT beneficiary_id, min(occurred_at) AS first_at FROM digital_assessments WHERE tenant_id = $1 %s GROUP BY 1) f
       WHERE b.tenant_id = $1 AND b.id = f.beneficiary_id AND b.first_assessed_at IS DISTINCT FROM f.first_at$sql$, of_people) USING tenant, people;
  END $$;

CREATE FUNCTION digital_assessments_chain() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM app_chain_assessments(NEW.tenant_id, ARRAY[NEW.beneficiary_id]);
    RETURN NULL;
  END $$;
-- The API only adds assessments; a change of date or level re-chains the person all the same.
CREATE TRIGGER digital_assessments_chain AFTER INSERT OR UPDATE OF occurred_at, level, declined, beneficiary_id ON digital_assessments
  FOR EACH ROW EXECUTE FUNCTION digital_assessments_chain();
GRANT UPDATE (previous_level, superseded_at) ON digital_assessments TO ccas_app;
CREATE INDEX digital_assessments_latest_idx ON digital_assessments (tenant_id, occurred_at) INCLUDE (level, previous_level, superseded_at, assessor_id, beneficiary_id)
  WHERE NOT declined;

-- Counts a tenant again from its rows (after a load with the triggers off). Its aggregates group
-- millions of rows for the largest CCAS: in memory (hash tables of ~100 MB) rather than sorted on disk.
CREATE FUNCTION app_recount_dashboard(tenant uuid) RETURNS void
  LANGUAGE plpgsql SET work_mem = '1GB' AS $$
  BEGIN
    DELETE FROM procedure_counts WHERE tenant_id = tenant;
    DELETE FROM appointment_counts WHERE tenant_id = tenant;
    DELETE FROM active_file_counts WHERE tenant_id = tenant;
    PERFORM app_count_procedures(tenant, NULL, 1);
    PERFORM app_count_appointments(tenant, NULL, 1);
    PERFORM app_count_active_files(tenant, NULL, 1);
    PERFORM app_chain_assessments(tenant, NULL);
  END $$;
REVOKE EXECUTE ON FUNCTION app_recount_dashboard(uuid) FROM PUBLIC;

-- The triggers. A "before" trigger takes the row's contribution away, the matching "after" trigger
-- (same condition) adds the new one; inserts only add.
CREATE FUNCTION app_count_row() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE sign integer := CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END;
  BEGIN
    CASE TG_TABLE_NAME
      WHEN 'procedures' THEN
        -- Read the file's site and the entries' categories once their writers are done (a site or a
        -- category changing meanwhile would recount without this procedure, or count it twice).
        PERFORM 1 FROM beneficiaries WHERE tenant_id = NEW.tenant_id AND id = NEW.beneficiary_id FOR NO KEY UPDATE;
        PERFORM 1 FROM catalogue_entries WHERE tenant_id = NEW.tenant_id AND id IN (NEW.organism_id, NEW.procedure_type_id) FOR SHARE;
        PERFORM app_count_procedures(NEW.tenant_id, ARRAY[NEW.id], sign);
      WHEN 'appointments' THEN
        PERFORM app_count_appointments(NEW.tenant_id, ARRAY[NEW.id], sign);
      WHEN 'beneficiaries' THEN
        PERFORM app_count_active_files(NEW.tenant_id, ARRAY[NEW.id], sign);
        -- A file's procedures are counted at the file's site.
        IF TG_OP = 'UPDATE' AND OLD.site_id IS DISTINCT FROM NEW.site_id THEN
          PERFORM app_count_procedures(NEW.tenant_id, ARRAY(SELECT id FROM procedures WHERE tenant_id = NEW.tenant_id AND beneficiary_id = NEW.id), sign);
        END IF;
    END CASE;
    RETURN NEW;
  END $$;
CREATE TRIGGER procedures_count AFTER INSERT ON procedures FOR EACH ROW EXECUTE FUNCTION app_count_row();
CREATE TRIGGER procedures_count_before BEFORE UPDATE OF occurred_at, beneficiary_id, agent_id, organism_id, procedure_type_id, mode, duration_minutes
  ON procedures FOR EACH ROW
  WHEN ((OLD.occurred_at, OLD.beneficiary_id, OLD.agent_id, OLD.organism_id, OLD.procedure_type_id, OLD.mode, OLD.duration_minutes)
        IS DISTINCT FROM (NEW.occurred_at, NEW.beneficiary_id, NEW.agent_id, NEW.organism_id, NEW.procedure_type_id, NEW.mode, NEW.duration_minutes))
  EXECUTE FUNCTION app_count_row();
CREATE TRIGGER procedures_count_after AFTER UPDATE OF occurred_at, beneficiary_id, agent_id, organism_id, procedure_type_id, mode, duration_minutes
  ON procedures FOR EACH ROW
  WHEN ((OLD.occurred_at, OLD.beneficiary_id, OLD.agent_id, OLD.organism_id, OLD.procedure_type_id, OLD.mode, OLD.duration_minutes)
        IS DISTINCT FROM (NEW.occurred_at, NEW.beneficiary_id, NEW.agent_id, NEW.organism_id, NEW.procedure_type_id, NEW.mode, NEW.duration_minutes))
  EXECUTE FUNCTION app_count_row();

CREATE TRIGGER appointments_count AFTER INSERT ON appointments FOR EACH ROW EXECUTE FUNCTION app_count_row();
CREATE TRIGGER appointments_count_before BEFORE UPDATE OF starts_at, site_id, status ON appointments FOR EACH ROW
  WHEN ((OLD.starts_at, OLD.site_id, OLD.status) IS DISTINCT FROM (NEW.starts_at, NEW.site_id, NEW.status))
  EXECUTE FUNCTION app_count_row();
CREATE TRIGGER appointments_count_after AFTER UPDATE OF starts_at, site_id, status ON appointments FOR EACH ROW
  WHEN ((OLD.starts_at, OLD.site_id, OLD.status) IS DISTINCT FROM (NEW.starts_at, NEW.site_id, NEW.status))
  EXECUTE FUNCTION app_count_row();

-- An agent joining or leaving an appointment: that agent's lines only.
CREATE FUNCTION appointment_agents_count() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    -- The appointment as its writers leave it (a status or a start changing meanwhile).
    PERFORM 1 FROM appointments WHERE tenant_id = coalesce(NEW.tenant_id, OLD.tenant_id) AND id = coalesce(NEW.appointment_id, OLD.appointment_id) FOR NO KEY UPDATE;
    IF TG_OP = 'INSERT' THEN
      PERFORM app_count_appointments(NEW.tenant_id, ARRAY[NEW.appointment_id], 1, NEW.membership_id);
    ELSE
      -- The agent's row is gone: count what it was by the appointment alone.
      INSERT INTO appointment_counts AS c (tenant_id, grain, starts_on, site_id, agent_id, status, appointments)
      SELECT tenant_id, grain, starts_on, site_id, OLD.membership_id, status, -1
        FROM appointment_count_lines WHERE tenant_id = OLD.tenant_id AND id = OLD.appointment_id AND agent_id IS NULL
      ON CONFLICT (tenant_id, agent_id, grain, starts_on, site_id, status)
      DO UPDATE SET appointments = c.appointments + excluded.appointments;
    END IF;
    RETURN NULL;
  END $$;
CREATE TRIGGER appointment_agents_count AFTER INSERT OR DELETE ON appointment_agents FOR EACH ROW EXECUTE FUNCTION appointment_agents_count();

CREATE TRIGGER beneficiaries_count AFTER INSERT ON beneficiaries FOR EACH ROW EXECUTE FUNCTION app_count_row();
CREATE TRIGGER beneficiaries_count_before BEFORE UPDATE OF status, site_id ON beneficiaries FOR EACH ROW
  WHEN ((OLD.status, OLD.site_id) IS DISTINCT FROM (NEW.status, NEW.site_id)) EXECUTE FUNCTION app_count_row();
CREATE TRIGGER beneficiaries_count_after AFTER UPDATE OF status, site_id ON beneficiaries FOR EACH ROW
  WHEN ((OLD.status, OLD.site_id) IS DISTINCT FROM (NEW.status, NEW.site_id)) EXECUTE FUNCTION app_count_row();

CREATE FUNCTION beneficiary_referents_count() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    -- The file as its writers leave it (archived or moved meanwhile).
    PERFORM 1 FROM beneficiaries WHERE tenant_id = coalesce(NEW.tenant_id, OLD.tenant_id)
       AND id IN (NEW.beneficiary_id, OLD.beneficiary_id) FOR NO KEY UPDATE;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      PERFORM app_count_active_files(NEW.tenant_id, ARRAY[NEW.beneficiary_id], 1, NEW.membership_id);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      -- The referent's row is gone: count what it was by the file alone.
      INSERT INTO active_file_counts AS c (tenant_id, site_id, referent_id, files)
      SELECT tenant_id, site_id, OLD.membership_id, -1
        FROM active_file_count_lines WHERE tenant_id = OLD.tenant_id AND id = OLD.beneficiary_id AND referent_id IS NULL
      ON CONFLICT (tenant_id, referent_id, site_id) DO UPDATE SET files = c.files + excluded.files;
    END IF;
    RETURN NULL;
  END $$;
CREATE TRIGGER beneficiary_referents_count AFTER INSERT OR DELETE OR UPDATE OF beneficiary_id, membership_id ON beneficiary_referents
  FOR EACH ROW EXECUTE FUNCTION beneficiary_referents_count();

-- An organism or a procedure type put in another category: the procedures whose category it gives
-- (an organism's: those whose type has none) move between category lines. One entry per statement
-- (as the API does): two entries of one procedure changed by one statement would count it twice.
CREATE FUNCTION catalogue_entries_count() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM app_count_procedures(NEW.tenant_id,
      ARRAY(SELECT p.id FROM procedures p JOIN catalogue_entries t ON t.tenant_id = p.tenant_id AND t.id = p.procedure_type_id
             WHERE p.tenant_id = NEW.tenant_id AND (p.procedure_type_id = NEW.id OR (p.organism_id = NEW.id AND t.category IS NULL))),
      CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, '{category}');
    RETURN NEW;
  END $$;
CREATE TRIGGER catalogue_entries_count_before BEFORE UPDATE OF category ON catalogue_entries FOR EACH ROW
  WHEN (OLD.category IS DISTINCT FROM NEW.category) EXECUTE FUNCTION catalogue_entries_count();
CREATE TRIGGER catalogue_entries_count_after AFTER UPDATE OF category ON catalogue_entries FOR EACH ROW
  WHEN (OLD.category IS DISTINCT FROM NEW.category) EXECUTE FUNCTION catalogue_entries_count();

-- The files opened (and assessed) or archived in a period, with their site, from the index alone.
DROP INDEX beneficiaries_tenant_id_created_at_idx;
CREATE INDEX beneficiaries_tenant_id_created_at_idx ON beneficiaries (tenant_id, created_at) INCLUDE (site_id, first_assessed_at);
-- A site's files by the index alone (the site filter of assessments and referrals).
DROP INDEX beneficiaries_tenant_id_site_id_idx;
CREATE INDEX beneficiaries_tenant_id_site_id_idx ON beneficiaries (tenant_id, site_id) INCLUDE (id);
CREATE INDEX beneficiaries_archived_idx ON beneficiaries (tenant_id, status_changed_at) INCLUDE (site_id) WHERE status = 'ARCHIVED';

-- The files, procedures and appointments already there.
SELECT app_recount_dashboard(id) FROM tenants;
