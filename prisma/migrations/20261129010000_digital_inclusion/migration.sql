-- Digital inclusion: autonomy assessments, the directory of partners, referrals to them.

-- Level, score and reasons are stored as computed when recorded (with the rule's version), never
-- recomputed: a later change of the rule does not rewrite history (decision 007).
CREATE TABLE digital_assessments (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT uuidv7(),
  beneficiary_id uuid NOT NULL,
  assessor_id    uuid NOT NULL,
  occurred_at    timestamptz NOT NULL,
  declined       boolean NOT NULL,
  decline_reason text,
  answers        jsonb,
  level          text CHECK (level IN ('AUTONOME', 'AUTONOME_AVEC_AIDE', 'A_ACCOMPAGNER', 'ELOIGNE')),
  score          integer,
  reasons        text[] NOT NULL DEFAULT '{}',
  rule_version   integer,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, assessor_id) REFERENCES memberships (tenant_id, id),
  CHECK (declined OR (answers IS NOT NULL AND level IS NOT NULL AND score IS NOT NULL AND rule_version IS NOT NULL))
);
CREATE INDEX digital_assessments_tenant_id_beneficiary_id_occurred_at_id_idx
  ON digital_assessments (tenant_id, beneficiary_id, occurred_at DESC, id DESC);

CREATE TABLE partners (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  id         uuid NOT NULL DEFAULT uuidv7(),
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('DIGITAL_MEDIATION', 'FRANCE_SERVICES', 'ASSOCIATION', 'LIBRARY', 'OTHER_SERVICE')),
  address    text,
  contact    text,
  offer      text,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

CREATE TABLE referrals (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT uuidv7(),
  beneficiary_id    uuid NOT NULL,
  partner_id        uuid NOT NULL,
  agent_id          uuid NOT NULL,
  version           integer NOT NULL DEFAULT 0,
  occurred_at       timestamptz NOT NULL,
  reason            text,
  status            text NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DONE', 'DECLINED', 'NO_NEWS')),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX referrals_tenant_id_beneficiary_id_occurred_at_id_idx ON referrals (tenant_id, beneficiary_id, occurred_at DESC, id DESC);
CREATE INDEX referrals_tenant_id_partner_id_idx ON referrals (tenant_id, partner_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['digital_assessments', 'partners', 'referrals'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- An assessment is a record of what was said that day: kept, never edited or deleted by the API.
GRANT SELECT, INSERT ON digital_assessments TO ccas_app;
GRANT SELECT, INSERT, UPDATE ON partners, referrals TO ccas_app;
