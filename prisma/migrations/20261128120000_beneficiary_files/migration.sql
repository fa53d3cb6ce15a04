-- Beneficiary files: identity, contact, situation, rights, follow-up; household members, referents;
-- the journal of interviews with their notes and revision history.

CREATE EXTENSION IF NOT EXISTS btree_gin;

-- The member serving the transaction, set by the API next to app.tenant_id. Private notes rely on it.
CREATE FUNCTION app_current_member() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.member_id', true), '')::uuid $$;

-- Search keys. unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes
-- the result depend on the input alone, which generated columns and indexes require.
CREATE FUNCTION app_search_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

-- The words of the names, as search keys: "Le Gall-Dupré" gives {le, gall, dupre}.
CREATE FUNCTION app_name_words(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array_remove(regexp_split_to_array(app_search_key(value), '[^[:alnum:]]+'), '');

-- Digits of a phone number, French international prefix folded: "+33 6 12…" and "06 12…" match.
CREATE FUNCTION app_phone_digits(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(regexp_replace(value, '\D', '', 'g'), '^(00)?33(\d{9})$', '0\2');

CREATE TABLE file_number_counters (
  tenant_id  uuid PRIMARY KEY REFERENCES tenants (id),
  last_value integer NOT NULL
);

CREATE TABLE beneficiaries (
  tenant_id               uuid NOT NULL REFERENCES tenants (id),
  id                      uuid NOT NULL DEFAULT uuidv7(),
  file_number             integer NOT NULL DEFAULT 0,
  version                 integer NOT NULL DEFAULT 0,
  status                  text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'ARCHIVED', 'DECEASED')),
  site_id                 uuid,
  last_name               text,
  first_name              text,
  birth_name              text,
  alias                   text,
  birth_date              date,
  sex                     text CHECK (sex IN ('FEMALE', 'MALE', 'OTHER')),
  nationality             text,
  phone                   text,
  email                   text,
  address_line            text,
  postal_code             text,
  city                    text,
  domiciliation           boolean NOT NULL DEFAULT false,
  family_status           text,
  housing_status          text,
  housing_note            text,
  employment_status       text,
  income_sources          jsonb NOT NULL DEFAULT '[]',
  benefits                text[] NOT NULL DEFAULT '{}',
  caf_number              text,
  france_travail_id       text,
  legal_protection        text,
  legal_protection_detail text,
  origin                  text,
  origin_detail           text,
  consent_date            date,
  consent_recorded_by     uuid,
  last_contact_at         timestamptz,
  created_by              uuid,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  search_name             text GENERATED ALWAYS AS (app_search_key(
                            coalesce(last_name, '') || ' ' || coalesce(birth_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(alias, ''))) STORED,
  name_words              text[] NOT NULL GENERATED ALWAYS AS (app_name_words(
                            coalesce(last_name, '') || ' ' || coalesce(birth_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(alias, ''))) STORED,
  phone_digits            text GENERATED ALWAYS AS (app_phone_digits(phone)) STORED,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, file_number),
  FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id),
  FOREIGN KEY (tenant_id, consent_recorded_by) REFERENCES memberships (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES memberships (tenant_id, id),
  CHECK (last_name IS NOT NULL OR alias IS NOT NULL)
);
-- Files holding any of a set of name words, inside one tenant (btree_gin for the uuid).
CREATE INDEX beneficiaries_name_words_idx ON beneficiaries USING gin (tenant_id, name_words);
CREATE INDEX beneficiaries_tenant_id_search_name_id_idx ON beneficiaries (tenant_id, search_name, id);
CREATE INDEX beneficiaries_tenant_id_birth_date_idx ON beneficiaries (tenant_id, birth_date);
-- text_pattern_ops: phone prefixes are LIKE '0612%' whatever the database collation.
CREATE INDEX beneficiaries_tenant_id_phone_digits_idx ON beneficiaries (tenant_id, phone_digits text_pattern_ops);
CREATE INDEX beneficiaries_tenant_id_site_id_idx ON beneficiaries (tenant_id, site_id);

-- File numbers are sequential per tenant; the row lock on the counter serialises concurrent creations.
CREATE FUNCTION app_assign_file_number() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO file_number_counters AS counter (tenant_id, last_value) VALUES (NEW.tenant_id, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET last_value = counter.last_value + 1
  RETURNING last_value INTO NEW.file_number;
  RETURN NEW;
END $$;
CREATE TRIGGER beneficiaries_file_number BEFORE INSERT ON beneficiaries
  FOR EACH ROW EXECUTE FUNCTION app_assign_file_number();

-- Every name word in use in a tenant. Typo tolerance compares what is typed with these few thousand
-- words (pg_trgm) instead of with every file; files are then found by exact words (the GIN above).
CREATE TABLE beneficiary_name_words (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  word      text NOT NULL,
  PRIMARY KEY (tenant_id, word)
);
CREATE INDEX beneficiary_name_words_word_idx ON beneficiary_name_words USING gin (tenant_id, word gin_trgm_ops);

-- Keeps the dictionary equal to the words of the files: a renamed or anonymised file leaves no word
-- behind that no file uses any more. Runs as the owner because the API role may only read the
-- dictionary; it acts on the tenant of the transaction only, and only as the trigger below.
CREATE FUNCTION app_sync_name_words() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_TABLE_NAME <> 'beneficiaries' OR TG_TABLE_SCHEMA <> 'public' OR NEW.tenant_id IS DISTINCT FROM app_current_tenant() THEN
    RAISE EXCEPTION 'app_sync_name_words: beneficiaries of the current tenant only';
  END IF;
  -- One writer at a time per tenant: a word dropped by a rename is then never one a concurrent,
  -- not yet committed, file was about to need (each statement below sees what committed before it).
  PERFORM pg_advisory_xact_lock(hashtextextended('name_words:' || NEW.tenant_id::text, 0));
  INSERT INTO beneficiary_name_words (tenant_id, word)
  SELECT NEW.tenant_id, unnest(NEW.name_words)
  ON CONFLICT DO NOTHING;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM beneficiary_name_words w
     WHERE w.tenant_id = OLD.tenant_id AND w.word = ANY (OLD.name_words) AND NOT w.word = ANY (NEW.name_words)
       AND NOT EXISTS (SELECT 1 FROM beneficiaries b WHERE b.tenant_id = w.tenant_id AND b.name_words @> ARRAY[w.word]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER beneficiaries_name_words AFTER INSERT OR UPDATE OF last_name, first_name, birth_name, alias ON beneficiaries
  FOR EACH ROW EXECUTE FUNCTION app_sync_name_words();
REVOKE ALL ON FUNCTION app_sync_name_words() FROM PUBLIC;

-- The file search. Row-level security evaluates its policy before any condition whose operator is
-- not LEAKPROOF, and pg_trgm's and the array operators are not: under RLS their indexes would never
-- be used. So the search runs as the owner, confined to the transaction's tenant by its own filter
-- (never by an argument), and returns only ids and ranks; the API then reads the rows under RLS.
-- Each word typed becomes the set of dictionary words it may mean: those it begins (any length), or,
-- from four letters on, those close to it (typos). A file must hold one word of every set; it ranks
-- by how close its words are, +1 when its names start with the first word typed.
CREATE FUNCTION app_search_beneficiaries(
  words text[], birth date, phone_prefix text, file_no integer,
  status_filter text, site_filter uuid, referent_filter uuid, skip integer, take integer
) RETURNS TABLE (id uuid, rank real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$
DECLARE
  tenant uuid := app_current_tenant();
  conditions text := 'b.tenant_id = $1';
  score text := '0';
  typed text;
  key text;
  pattern text;
  meant text[];
  closeness real[];
  first boolean := true;
BEGIN
  IF tenant IS NULL THEN
    RETURN;
  END IF;
  FOREACH typed IN ARRAY coalesce(words, '{}') LOOP
    IF cardinality(app_name_words(typed)) = 0 THEN
      RETURN; -- punctuation alone names nobody
    END IF;
    FOREACH key IN ARRAY app_name_words(typed) LOOP
      pattern := key || '%'; -- keys are letters and digits only: nothing to escape
      SELECT coalesce(array_agg(w.word), '{}'), coalesce(array_agg(word_similarity(key, w.word)), '{}')
        INTO meant, closeness
        FROM beneficiary_name_words w
       WHERE w.tenant_id = tenant AND (w.word LIKE pattern OR (length(key) >= 4 AND key <% w.word));
      IF cardinality(meant) = 0 THEN
        RETURN;
      END IF;
      conditions := conditions || format(' AND b.name_words && %L::text[]', meant);
      IF length(key) >= 4 THEN
        score := score || format(
          ' + (SELECT max(m.closeness) FROM unnest(%L::text[], %L::real[]) AS m(word, closeness) WHERE m.word = ANY (b.name_words))',
          meant, closeness);
      END IF;
      IF first THEN
        score := score || format(' + (b.search_name LIKE %L)::int', pattern);
        first := false;
      END IF;
    END LOOP;
  END LOOP;
  IF birth IS NOT NULL THEN conditions := conditions || ' AND b.birth_date = $2'; END IF;
  IF phone_prefix IS NOT NULL THEN conditions := conditions || ' AND b.phone_digits LIKE $3'; END IF;
  IF file_no IS NOT NULL THEN conditions := conditions || ' AND b.file_number = $4'; END IF;
  IF status_filter IS NOT NULL THEN conditions := conditions || ' AND b.status = $5'; END IF;
  IF site_filter IS NOT NULL THEN conditions := conditions || ' AND b.site_id = $6'; END IF;
  IF referent_filter IS NOT NULL THEN
    conditions := conditions || ' AND EXISTS (SELECT 1 FROM beneficiary_referents r WHERE r.tenant_id = b.tenant_id'
                             || ' AND r.beneficiary_id = b.id AND r.membership_id = $7)';
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT b.id, (%s)::real AS rank FROM beneficiaries b WHERE %s ORDER BY %s b.search_name, b.id LIMIT $8 OFFSET $9',
    score, conditions, CASE WHEN score = '0' THEN '' ELSE 'rank DESC,' END)
  USING tenant, birth, phone_prefix || '%', file_no, status_filter, site_filter, referent_filter, take, skip;
END $$;
REVOKE ALL ON FUNCTION app_search_beneficiaries(text[], date, text, integer, text, uuid, uuid, integer, integer) FROM PUBLIC;

CREATE TABLE beneficiary_referents (
  tenant_id      uuid NOT NULL,
  beneficiary_id uuid NOT NULL,
  membership_id  uuid NOT NULL,
  assigned_by    uuid,
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, beneficiary_id, membership_id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, assigned_by) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX beneficiary_referents_tenant_id_membership_id_idx ON beneficiary_referents (tenant_id, membership_id);

CREATE TABLE household_members (
  tenant_id          uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT uuidv7(),
  beneficiary_id     uuid NOT NULL,
  version            integer NOT NULL DEFAULT 0,
  relation           text NOT NULL CHECK (relation IN ('SPOUSE', 'CHILD', 'PARENT', 'OTHER')),
  first_name         text NOT NULL,
  last_name          text,
  birth_date         date,
  lives_in_household boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX household_members_tenant_id_beneficiary_id_idx ON household_members (tenant_id, beneficiary_id);

CREATE TABLE interviews (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL DEFAULT uuidv7(),
  beneficiary_id    uuid NOT NULL,
  author_id         uuid NOT NULL,
  version           integer NOT NULL DEFAULT 0,
  occurred_at       timestamptz NOT NULL,
  channel           text NOT NULL,
  duration_minutes  integer CHECK (duration_minutes > 0),
  themes            text[] NOT NULL DEFAULT '{}',
  summary           text,
  follow_up_actions jsonb NOT NULL DEFAULT '[]',
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, author_id) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX interviews_tenant_id_beneficiary_id_occurred_at_id_idx ON interviews (tenant_id, beneficiary_id, occurred_at DESC, id DESC);

-- An interview's note lives in its own table so that the database itself hides private notes:
-- a PRIVATE row is visible to its author only, whatever the reader's role or the query.
CREATE TABLE interview_notes (
  tenant_id    uuid NOT NULL,
  interview_id uuid NOT NULL,
  author_id    uuid NOT NULL,
  visibility   text NOT NULL CHECK (visibility IN ('PRIVATE', 'TEAM')),
  body         text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, interview_id),
  FOREIGN KEY (tenant_id, interview_id) REFERENCES interviews (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, author_id) REFERENCES memberships (tenant_id, id)
);

-- Who changed an interview, when, which fields, and the former values of shared fields (never a note).
CREATE TABLE interview_revisions (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT uuidv7(),
  interview_id   uuid NOT NULL,
  revised_by     uuid NOT NULL,
  revised_at     timestamptz NOT NULL DEFAULT now(),
  changed_fields text[] NOT NULL,
  previous       jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, interview_id) REFERENCES interviews (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, revised_by) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX interview_revisions_tenant_id_interview_id_revised_at_idx ON interview_revisions (tenant_id, interview_id, revised_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['file_number_counters', 'beneficiaries', 'beneficiary_name_words', 'beneficiary_referents', 'household_members',
                           'interviews', 'interview_revisions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

ALTER TABLE interview_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE interview_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interview_notes
  USING (tenant_id = app_current_tenant() AND (visibility = 'TEAM' OR author_id = app_current_member()))
  WITH CHECK (tenant_id = app_current_tenant() AND (visibility = 'TEAM' OR author_id = app_current_member()));

GRANT SELECT, INSERT, UPDATE ON file_number_counters TO ccas_app;
-- Files and interviews are never deleted by the API (retention anonymises them instead).
GRANT SELECT, INSERT, UPDATE ON beneficiaries, interviews TO ccas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON beneficiary_referents, household_members, interview_notes TO ccas_app;
-- History is append-only for the API.
GRANT SELECT, INSERT ON interview_revisions TO ccas_app;
-- The dictionary is written by its trigger only.
GRANT SELECT ON beneficiary_name_words TO ccas_app;
GRANT EXECUTE ON FUNCTION app_search_beneficiaries(text[], date, text, integer, text, uuid, uuid, integer, integer) TO ccas_app;
