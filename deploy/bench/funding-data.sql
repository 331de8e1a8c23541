-- Bench data for funding-service: :lines funding lines (about a tenth of them "dont" sub-lines) spread over 6
-- programmes, their envelopes (a programme × 7 years × the 40 communes, 4 EPTs and the département) and 3,000 outside
-- beneficiaries, with the payments and forecasts such a ledger has. Bulk SQL into the service's database after Flyway
-- migrated it; run as the superuser with triggers off (session_replication_role = replica), so each row gets its
-- change stamp here. Needs psql variable :lines and a temp table commune(n, insee, ept) filled by the caller.
SET session_replication_role = replica;

INSERT INTO funder (id, key, name, siret, created_at)
VALUES ('00000000-0000-4000-8000-000000000001', 'bench-etat', 'État - bench', '11000201100044', now());

INSERT INTO programme (id, key, name, funder_id, fund, created_at)
SELECT ('00000000-0000-4000-8001-' || lpad(p::text, 12, '0'))::uuid, 'bench-programme-' || p,
       (ARRAY['Plan de relance – conseillers numériques', 'Quartiers Solidaires', 'Quartiers d''été',
              'Quartiers d''automne', 'DSIL', 'Crédits inclusion numérique hors contrat de ville'])[p],
       '00000000-0000-4000-8000-000000000001', 'bench', now()
FROM generate_series(1, 6) AS p;

-- territories: 0..39 the communes, 40..43 the EPTs, 44 the département
CREATE TEMP TABLE territory AS
SELECT n, 'COMMUNE' AS level, insee AS code FROM commune
UNION ALL SELECT 40 + row_number() OVER (ORDER BY ept) - 1, 'EPT', ept FROM (SELECT DISTINCT ept FROM commune) e
UNION ALL SELECT 44, 'DEPARTEMENT', '93';

INSERT INTO envelope (id, key, programme_id, year, territory_level, territory_code, ceiling_cents, created_at)
SELECT ('00000000-0000-4000-8002-' || lpad((p * 1000 + y * 100 + t.n)::text, 12, '0'))::uuid,
       'bench-env-' || p || '-' || y || '-' || t.n,
       ('00000000-0000-4000-8001-' || lpad(p::text, 12, '0'))::uuid, 2019 + y, t.level, t.code,
       CASE WHEN t.n % 5 = 4 THEN NULL ELSE 1000000000000 END, now()
FROM generate_series(1, 6) AS p, generate_series(1, 7) AS y, territory t;
CREATE TEMP TABLE bench_envelope AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM envelope WHERE key LIKE 'bench-env-%';

INSERT INTO beneficiary (id, kind, key, name, rna, created_at, commune_insee, status)
SELECT ('00000000-0000-4000-8003-' || lpad(b::text, 12, '0'))::uuid, 'OUTSIDE_ORGANISATION', 'bench-beneficiary-' || b,
       'Association bench ' || b, 'W' || lpad(b::text, 9, '0'), now(), (SELECT insee FROM commune WHERE n = b % 40), 'ACTIVE'
FROM generate_series(1, 3000) AS b;

-- top-level lines: g = 1 .. 0.9 × lines; statuses COMMITTED / PARTLY_PAID / PAID / CLOSED / DRAFT / CANCELLED
INSERT INTO funding_line (id, envelope_id, beneficiary_id, object, amount_cents, nature, payment_conditions,
                          territory_level, territory_code, year, status, paid_cents, created_at, updated_at, change_xid,
                          convention_date, decision_reference, cofinancing_share_bp)
SELECT ('00000000-0000-4000-8004-' || lpad(g::text, 12, '0'))::uuid, e.id,
       CASE WHEN g % 10 <> 0 THEN ('00000000-0000-4000-8003-' || lpad((g % 3000 + 1)::text, 12, '0'))::uuid END,
       'Ligne bench ' || g, 100000 + (g % 997) * 1000, 'NUMERAIRE', CASE WHEN g % 3 = 0 THEN 'TRANCHES' ELSE 'SINGLE' END,
       CASE WHEN g % 10 < 7 THEN 'COMMUNE' END, CASE WHEN g % 10 < 7 THEN c.insee END,
       2020 + g % 7, s.status,
       CASE s.status WHEN 'PARTLY_PAID' THEN (100000 + (g % 997) * 1000) / 2
                     WHEN 'PAID' THEN 100000 + (g % 997) * 1000 WHEN 'CLOSED' THEN 100000 + (g % 997) * 1000 ELSE 0 END,
       now(), now(), pg_current_xact_id(), DATE '2020-01-01' + g % 2000, 'DEL-' || g, 1000 + g % 9000
FROM generate_series(1, (:lines * 9 / 10)::int) AS g
JOIN bench_envelope e ON e.n = g % (SELECT count(*) FROM bench_envelope)
JOIN commune c ON c.n = g % 40
CROSS JOIN LATERAL (SELECT (ARRAY['COMMITTED', 'COMMITTED', 'COMMITTED', 'PARTLY_PAID', 'PARTLY_PAID', 'PAID', 'CLOSED',
                                  'COMMITTED', 'DRAFT', 'CANCELLED'])[g % 10 + 1] AS status) s;

-- sub-lines: the rest, under committed top-level lines (never above their parent: a third of its amount at most)
INSERT INTO funding_line (id, envelope_id, parent_id, beneficiary_id, object, amount_cents, nature, payment_conditions,
                          territory_level, territory_code, status, paid_cents, created_at, updated_at, change_xid)
SELECT ('00000000-0000-4000-8005-' || lpad(g::text, 12, '0'))::uuid, p.envelope_id, p.id,
       ('00000000-0000-4000-8003-' || lpad((g % 3000 + 1)::text, 12, '0'))::uuid, 'Dont bench ' || g,
       p.amount_cents / 3, 'NUMERAIRE', 'SINGLE',
       CASE WHEN g % 2 = 0 THEN 'COMMUNE' END, CASE WHEN g % 2 = 0 THEN c.insee END,
       'COMMITTED', 0, now(), now(), pg_current_xact_id()
FROM generate_series(1, (:lines / 10)::int) AS g
JOIN funding_line p ON p.id = ('00000000-0000-4000-8004-' || lpad((((g - 1) % ((:lines * 9 / 10)::int / 10)) * 10 + 1)::text, 12, '0'))::uuid
JOIN commune c ON c.n = (g * 7) % 40;

-- one payment per paid line (its paid total), forecasts for one line in twenty
INSERT INTO payment (id, line_id, kind, amount_cents, paid_on, reference, recorded_at)
SELECT gen_random_uuid(), id, 'TRANCHE', paid_cents, DATE '2021-06-30', 'BENCH-' || id, now()
FROM funding_line WHERE paid_cents > 0;

INSERT INTO line_forecast (line_id, year, amount_cents)
SELECT id, year + 1, amount_cents / 2 FROM funding_line WHERE parent_id IS NULL AND year < 2026 AND right(object, 2) = '00' AND status <> 'DRAFT';

SET session_replication_role = origin;
-- the triggers were off: the allocation the breakdown reads is computed once from the ledger, as V11 does
SELECT rebuild_allocations();
ANALYZE;
