-- Bench data for conseiller-service: one agreement of :posts posts (quotas per EPT) hosted by 2,000 structures over the
-- communes, holders and contracts for the posts that had one, and a year (2021) of daily activity per post. Bulk SQL
-- into the service's database after Flyway migrated it, run as the superuser; the activity report's kept sums are
-- filled from the rows at the end (the service keeps them on each entry; this load goes around it). Needs psql
-- variable :posts and a temp table commune(n, insee, ept) filled by the caller.
INSERT INTO host_structure (id, name, siret, commune_insee, ept_siren, status, last_event_id, event_occurred_at,
                            projected_at)
SELECT ('00000000-0000-4000-8010-' || lpad(s::text, 12, '0'))::uuid, 'Structure bench ' || s,
       lpad(s::text, 14, '0'), c.insee, nullif(c.ept, ''), 'ACTIVE', gen_random_uuid(), now(), now()
FROM generate_series(0, 1999) AS s JOIN commune c ON c.n = s % 40;

INSERT INTO agreement (id, key, name, signed_on, departement_code, total_posts, state_funded_months, created_at)
VALUES ('00000000-0000-4000-8011-000000000001', 'bench', 'Convention bench', '2021-01-15', '93', :posts, 24, now());
INSERT INTO agreement_signatory (agreement_id, position, name, kind)
VALUES ('00000000-0000-4000-8011-000000000001', 0, 'État', 'STATE'),
       ('00000000-0000-4000-8011-000000000001', 1, 'Département de la Seine-Saint-Denis', 'DEPARTEMENT');
INSERT INTO agreement_quota (agreement_id, territory_level, territory_code, posts)
SELECT '00000000-0000-4000-8011-000000000001', 'EPT', ept, :posts / 4 FROM (SELECT DISTINCT ept FROM commune WHERE ept <> '') e;

-- posts: 6 in 10 occupied, then recruiting, vacant, ended (a contract ended early), returned
INSERT INTO post (id, agreement_id, structure_id, commune_insee, ept_siren, state, funding, opened_on, returned_on,
                  created_at, updated_at)
SELECT ('00000000-0000-4000-8012-' || lpad(p::text, 12, '0'))::uuid, '00000000-0000-4000-8011-000000000001', h.id,
       h.commune_insee, h.ept_siren, s.state, 'RESERVED', '2021-01-15',
       CASE s.state WHEN 'RETURNED' THEN date '2021-12-31' END, now(), now()
FROM generate_series(0, :posts - 1) AS p
JOIN host_structure h ON h.id = ('00000000-0000-4000-8010-' || lpad((p % 2000)::text, 12, '0'))::uuid
CROSS JOIN LATERAL (SELECT (ARRAY['OCCUPIED', 'OCCUPIED', 'OCCUPIED', 'OCCUPIED', 'OCCUPIED', 'OCCUPIED', 'RECRUITING',
                                  'VACANT', 'ENDED', 'RETURNED'])[p % 10 + 1] AS state) s;

INSERT INTO conseiller (id, name, email, created_at)
SELECT ('00000000-0000-4000-8013-' || lpad(p::text, 12, '0'))::uuid, 'Conseiller bench ' || p,
       'conseiller' || p || '@bench.example', now()
FROM generate_series(0, :posts - 1) AS p WHERE p % 10 IN (0, 1, 2, 3, 4, 5, 8);
INSERT INTO contract (id, post_id, conseiller_id, type, start_on, planned_end_on, state_funded_months, training_mode,
                      ended_on, end_reason, created_at, updated_at)
SELECT ('00000000-0000-4000-8014-' || lpad(p::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8012-' || lpad(p::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8013-' || lpad(p::text, 12, '0'))::uuid, 'CONTRAT_DE_PROJET', date '2021-02-01',
       date '2023-02-01', 24, 'HYBRID', CASE WHEN p % 10 = 8 THEN date '2021-09-30' END,
       CASE WHEN p % 10 = 8 THEN 'DEMISSION' END, now(), now()
FROM generate_series(0, :posts - 1) AS p WHERE p % 10 IN (0, 1, 2, 3, 4, 5, 8);

-- a year of daily activity per post, at its own structure: themes one or two of the release's eight
INSERT INTO activity (id, post_id, month, kind, held_on, duration_minutes, place_id, commune_insee, ept_siren, themes,
                      people_helped, recorded_at)
SELECT gen_random_uuid(), p.id, date_trunc('month', d)::date,
       (ARRAY['PERMANENCE', 'ATELIER', 'MINI_FORMATION'])[(n + extract(doy FROM d)::int) % 3 + 1], d::date,
       60 + (n + extract(doy FROM d)::int) % 5 * 30, p.structure_id, p.commune_insee, p.ept_siren,
       CASE WHEN extract(doy FROM d)::int % 3 = 0
            THEN ARRAY[t.themes[(n + extract(doy FROM d)::int) % 8 + 1], t.themes[(n + extract(doy FROM d)::int + 3) % 8 + 1]]
            ELSE ARRAY[t.themes[(n + extract(doy FROM d)::int) % 8 + 1]] END::varchar[],
       1 + (n + extract(doy FROM d)::int) % 12, now()
FROM (SELECT id, structure_id, commune_insee, ept_siren, row_number() OVER (ORDER BY id) AS n FROM post) p
CROSS JOIN generate_series(date '2021-01-01', date '2021-12-31', interval '1 day') AS d
CROSS JOIN (SELECT ARRAY['DONNEES_PERSONNELLES', 'RESEAUX_SOCIAUX', 'VERIFIER_SOURCES', 'CV', 'VENDRE_UN_OBJET',
                         'ACHETER_EN_LIGNE', 'TELETRAVAIL', 'TELECONSULTATION'] AS themes) t;

INSERT INTO activity_total SELECT * FROM activity_total_from_rows;
ANALYZE;
