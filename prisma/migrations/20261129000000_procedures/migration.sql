-- Procedures done for or with a person ("démarches"), and the tenant catalogues they use.

-- Organisms and procedure types. Seeded entries carry a stable code; a tenant's own entries have none.
-- Entries are retired, never deleted, so that old procedures keep their organism and type.
CREATE TABLE catalogue_entries (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  id         uuid NOT NULL DEFAULT uuidv7(),
  kind       text NOT NULL CHECK (kind IN ('organism', 'procedure-type')),
  code       text,
  label      text NOT NULL,
  -- One of Aidants Connect's ten mandate scopes.
  category   text CHECK (category IN ('papiers', 'famille', 'social', 'travail', 'logement', 'transports', 'argent',
                                      'justice', 'etranger', 'loisirs')),
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, kind, code),
  UNIQUE (tenant_id, kind, label)
);

CREATE FUNCTION app_seed_catalogues(tenant uuid) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO catalogue_entries (tenant_id, kind, code, label, category)
  SELECT tenant, kind, code, label, category FROM (VALUES
    ('organism', 'CAF', 'CAF', 'social'),
    ('organism', 'CPAM', 'CPAM / Ameli', 'social'),
    ('organism', 'MSA', 'MSA', 'social'),
    ('organism', 'FRANCE_TRAVAIL', 'France Travail', 'travail'),
    ('organism', 'RETIREMENT', 'Assurance retraite (CNAV / CARSAT)', 'social'),
    ('organism', 'DGFIP', 'DGFiP (impots.gouv)', 'argent'),
    ('organism', 'ANTS', 'ANTS / France Titres', 'papiers'),
    ('organism', 'PREFECTURE', 'Préfecture / ANEF', 'etranger'),
    ('organism', 'MDPH', 'MDPH', 'social'),
    ('organism', 'DEPARTEMENT', 'Conseil départemental', 'social'),
    ('organism', 'SOCIAL_LANDLORD', 'Bailleur social / demande de logement social', 'logement'),
    ('organism', 'ENERGY', 'Énergie (chèque énergie, fournisseur)', 'logement'),
    ('organism', 'BANK', 'Banque / La Poste', 'argent'),
    ('organism', 'HEALTH_INSURANCE', 'Complémentaire santé', 'social'),
    ('organism', 'URSSAF', 'URSSAF', 'travail'),
    ('organism', 'CROUS', 'CROUS', 'famille'),
    ('organism', 'TOWN_HALL', 'Mairie', 'papiers'),
    ('organism', 'OTHER', 'Autre organisme', NULL),
    ('procedure-type', 'ACCOUNT', 'Création ou récupération de compte', 'papiers'),
    ('procedure-type', 'RESOURCES_DECLARATION', 'Déclaration trimestrielle de ressources (RSA, prime d’activité)', 'social'),
    ('procedure-type', 'BENEFIT_APPLICATION', 'Demande de prestation', 'social'),
    ('procedure-type', 'CHANGE_OF_SITUATION', 'Déclaration de changement de situation', 'social'),
    ('procedure-type', 'CERTIFICATE', 'Téléchargement d’attestation', 'papiers'),
    ('procedure-type', 'SUPPORTING_DOCUMENTS', 'Envoi de pièces justificatives', 'papiers'),
    ('procedure-type', 'APPOINTMENT', 'Prise de rendez-vous', 'papiers'),
    ('procedure-type', 'TAX_RETURN', 'Déclaration de revenus', 'argent'),
    ('procedure-type', 'JOB_SEEKER', 'Inscription ou actualisation France Travail', 'travail'),
    ('procedure-type', 'CSS', 'Demande de complémentaire santé solidaire', 'social'),
    ('procedure-type', 'RETIREMENT', 'Demande de retraite', 'social'),
    ('procedure-type', 'RESIDENCE_PERMIT', 'Demande de titre de séjour', 'etranger'),
    ('procedure-type', 'IDENTITY', 'Carte d’identité, passeport', 'papiers'),
    ('procedure-type', 'DRIVING', 'Permis de conduire, carte grise', 'transports'),
    ('procedure-type', 'SOCIAL_HOUSING', 'Demande de logement social', 'logement'),
    ('procedure-type', 'MDPH', 'Demande MDPH', 'social'),
    ('procedure-type', 'ENERGY_AID', 'Aide à l’énergie', 'logement'),
    ('procedure-type', 'OTHER', 'Autre démarche', NULL)
  ) AS seed (kind, code, label, category)
  ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION app_seed_tenant_catalogues() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- The new tenant is the transaction's tenant for the inserts below (forced row-level security).
  PERFORM set_config('app.tenant_id', NEW.id::text, true);
  PERFORM app_seed_catalogues(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER tenants_seed_catalogues AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION app_seed_tenant_catalogues();

CREATE TABLE procedures (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT uuidv7(),
  beneficiary_id    uuid NOT NULL,
  agent_id          uuid NOT NULL,
  version           integer NOT NULL DEFAULT 0,
  occurred_at       timestamptz NOT NULL,
  organism_id       uuid NOT NULL,
  procedure_type_id uuid NOT NULL,
  mode              text NOT NULL CHECK (mode IN ('A_LA_PLACE', 'AVEC', 'ORIENTATION')),
  reasons           text[] NOT NULL DEFAULT '{}',
  consent           text NOT NULL CHECK (consent IN ('ORAL', 'WRITTEN', 'MANDATE')),
  mandate_reference text,
  duration_minutes  integer CHECK (duration_minutes > 0),
  outcome           text NOT NULL CHECK (outcome IN ('DONE', 'PENDING_DOCUMENTS', 'FAILED', 'TO_FOLLOW_UP')),
  note              text,
  -- A procedure to follow up stays in its agent's to-do list until closed.
  closed_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, agent_id) REFERENCES memberships (tenant_id, id),
  FOREIGN KEY (tenant_id, organism_id) REFERENCES catalogue_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, procedure_type_id) REFERENCES catalogue_entries (tenant_id, id),
  CHECK (consent <> 'MANDATE' OR mandate_reference IS NOT NULL)
);
CREATE INDEX procedures_tenant_id_beneficiary_id_occurred_at_id_idx ON procedures (tenant_id, beneficiary_id, occurred_at DESC, id DESC);
CREATE INDEX procedures_tenant_id_agent_id_occurred_at_idx ON procedures (tenant_id, agent_id, occurred_at DESC);
-- The to-do list: open procedures waiting for documents or a follow-up, per agent.
CREATE INDEX procedures_to_do_idx ON procedures (tenant_id, agent_id, occurred_at)
  WHERE closed_at IS NULL AND outcome IN ('PENDING_DOCUMENTS', 'TO_FOLLOW_UP');

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['catalogue_entries', 'procedures'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- Existing tenants get the seeded catalogues too.
DO $$
DECLARE tenant uuid;
BEGIN
  FOR tenant IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', tenant::text, true);
    PERFORM app_seed_catalogues(tenant);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON catalogue_entries, procedures TO ccas_app;
