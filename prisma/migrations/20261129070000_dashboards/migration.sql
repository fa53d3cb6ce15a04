-- Dashboards: when a file changed status (archived files of a period), and indexes serving the
-- period aggregates (docs/decisions/012-dashboards.md).

ALTER TABLE beneficiaries ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();
UPDATE beneficiaries SET status_changed_at = CASE WHEN status = 'ACTIVE' THEN created_at ELSE updated_at END;

CREATE FUNCTION beneficiaries_status_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    NEW.status_changed_at := now();
    RETURN NEW;
  END
  $$;
CREATE TRIGGER beneficiaries_status_changed BEFORE UPDATE OF status ON beneficiaries
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION beneficiaries_status_changed();

CREATE INDEX beneficiaries_tenant_id_created_at_idx ON beneficiaries (tenant_id, created_at);
CREATE INDEX procedures_tenant_id_occurred_at_idx ON procedures (tenant_id, occurred_at);
CREATE INDEX appointments_tenant_id_starts_at_idx ON appointments (tenant_id, starts_at);
CREATE INDEX referrals_tenant_id_occurred_at_idx ON referrals (tenant_id, occurred_at);
