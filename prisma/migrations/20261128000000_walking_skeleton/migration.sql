-- Walking skeleton: tenants, sites, memberships, audit trail, tenant isolation.
-- Runs as the schema owner. The API connects as ccas_app, which owns nothing and cannot bypass RLS.

CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccas_app') THEN
    CREATE ROLE ccas_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO ccas_app;

-- The tenant of the current transaction, set by the API from the verified membership with
-- set_config('app.tenant_id', …, true). NULL when unset, so that policies then match nothing.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  name        text NOT NULL,
  insee_code  text,
  siret       text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sites (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  id          uuid NOT NULL DEFAULT uuidv7(),
  name        text NOT NULL,
  address     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

CREATE TABLE memberships (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL DEFAULT uuidv7(),
  subject       text,
  email         citext NOT NULL,
  first_name    text NOT NULL,
  last_name     text NOT NULL,
  roles         text[] NOT NULL CHECK (roles <@ ARRAY['ACCUEIL', 'AGENT', 'MANAGER', 'ADMIN']),
  active        boolean NOT NULL DEFAULT true,
  last_login_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, email),
  UNIQUE (tenant_id, subject)
);
CREATE INDEX memberships_subject_idx ON memberships (subject);
CREATE INDEX memberships_email_idx ON memberships (email);

CREATE TABLE membership_sites (
  tenant_id      uuid NOT NULL,
  membership_id  uuid NOT NULL,
  site_id        uuid NOT NULL,
  PRIMARY KEY (tenant_id, membership_id, site_id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE auth_sessions (
  tenant_id      uuid NOT NULL,
  membership_id  uuid NOT NULL,
  session_id     text NOT NULL,
  first_seen_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, membership_id, session_id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE audit_events (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  id           uuid NOT NULL DEFAULT uuidv7(),
  -- seq, occurred_at, prev_hash and hash are always set by the audit_events_chain trigger.
  seq          bigint NOT NULL DEFAULT 0,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  action       text NOT NULL CHECK (action IN
                 ('read', 'create', 'update', 'delete', 'export', 'login', 'denied')),
  entity_type  text,
  entity_id    text,
  request_id   text,
  ip           text,
  details      jsonb NOT NULL DEFAULT '{}',
  prev_hash    text NOT NULL DEFAULT '',
  hash         text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, seq),
  FOREIGN KEY (tenant_id, actor_id) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX audit_events_tenant_id_entity_type_entity_id_occurred_at_idx
  ON audit_events (tenant_id, entity_type, entity_id, occurred_at);
CREATE INDEX audit_events_tenant_id_actor_id_occurred_at_idx
  ON audit_events (tenant_id, actor_id, occurred_at);

CREATE TABLE security_events (
  id           uuid PRIMARY KEY DEFAULT uuidv7(),
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL,
  method       text NOT NULL,
  path         text NOT NULL,
  request_id   text,
  ip           text
);
CREATE INDEX security_events_occurred_at_idx ON security_events (occurred_at);

-- Tenant isolation: every tenant-owned table filters on the transaction's tenant, even for its owner.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sites', 'memberships', 'membership_sites', 'auth_sessions', 'audit_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT ON tenants TO ccas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sites, memberships, membership_sites, auth_sessions TO ccas_app;
GRANT SELECT, INSERT ON audit_events TO ccas_app;
GRANT INSERT ON security_events TO ccas_app;

-- Audit trail: append-only and chained per tenant. Each row stores the hash of the previous row of
-- its tenant; changing, removing or reordering a row breaks the chain, which audit_verify_chain finds.
CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    -- A JSON array is an unambiguous encoding: no value can slide into its neighbour, NULL is not ''.
    SELECT encode(sha256(convert_to(jsonb_build_array(
      e.prev_hash, e.tenant_id, e.seq,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      e.actor_id, e.action, e.entity_type, e.entity_id, e.request_id, e.ip, e.details
    )::text, 'UTF8')), 'hex')
  $$;

CREATE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    last_seq bigint;
    last_hash text;
  BEGIN
    -- One writer per tenant chain at a time; other tenants are not blocked.
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_events:' || NEW.tenant_id::text, 0));
    SELECT seq, hash INTO last_seq, last_hash
      FROM audit_events WHERE tenant_id = NEW.tenant_id ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.occurred_at := clock_timestamp();
    NEW.hash := audit_event_hash(NEW);
    RETURN NEW;
  END
  $$;

CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

CREATE FUNCTION reject_modification() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION reject_modification();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION reject_modification();
CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION reject_modification();
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
  FOR EACH STATEMENT EXECUTE FUNCTION reject_modification();

-- First broken link of a tenant's chain, or no row when it is intact. Runs with the caller's
-- rights, so the API can only verify the chain of its own tenant.
CREATE FUNCTION audit_verify_chain(p_tenant uuid)
  RETURNS TABLE (checked bigint, broken_seq bigint, broken_id uuid, reason text)
  LANGUAGE sql STABLE
  AS $$
    WITH chain AS (
      SELECT e.seq, e.id, e.prev_hash, e.hash, audit_event_hash(e) AS expected_hash,
             lag(e.hash) OVER (ORDER BY e.seq) AS previous_hash,
             lag(e.seq) OVER (ORDER BY e.seq) AS previous_seq
        FROM audit_events e WHERE e.tenant_id = p_tenant
    ), problems AS (
      SELECT seq, id,
             CASE
               WHEN seq <> coalesce(previous_seq, 0) + 1 THEN 'missing_event'
               WHEN prev_hash <> coalesce(previous_hash, repeat('0', 64)) THEN 'broken_link'
               WHEN hash <> expected_hash THEN 'altered_event'
             END AS reason
        FROM chain
    )
    SELECT (SELECT count(*) FROM chain), p.seq, p.id, p.reason
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (
        SELECT * FROM problems WHERE reason IS NOT NULL ORDER BY seq LIMIT 1
      ) p ON true
  $$;

-- The only cross-tenant read the API may do: find the memberships of an authenticated identity.
-- On first login, an invited membership (no subject yet) is linked to the identity by its verified
-- email. Runs as the owner (SECURITY DEFINER), which must be a superuser or have BYPASSRLS.
CREATE FUNCTION app_resolve_memberships(p_subject text, p_email text, p_email_verified boolean)
  RETURNS TABLE (tenant_id uuid, tenant_name text, membership_id uuid, active boolean)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF p_email_verified AND p_email IS NOT NULL THEN
      UPDATE memberships m SET subject = p_subject, updated_at = now()
       WHERE m.subject IS NULL AND m.email = p_email::citext
         AND NOT EXISTS (SELECT 1 FROM memberships o
                          WHERE o.tenant_id = m.tenant_id AND o.subject = p_subject);
    END IF;
    RETURN QUERY
      SELECT m.tenant_id, t.name, m.id, m.active
        FROM memberships m JOIN tenants t ON t.id = m.tenant_id
       WHERE m.subject = p_subject
       ORDER BY t.name;
  END
  $$;
REVOKE ALL ON FUNCTION app_resolve_memberships(text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_resolve_memberships(text, text, boolean) TO ccas_app;
