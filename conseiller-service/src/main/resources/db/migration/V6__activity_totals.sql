-- The activity report's sums, kept by each month's entry in its own transaction (ActivityService), so that the report
-- reads a few thousand rows instead of a year of daily activity. One row per agreement, month, kind, place (commune and
-- EPT) and theme; theme '' counts every activity once, a theme's row the activities that have it (by theme, an
-- activity counts in each of its themes). ept_siren '' is a place outside any EPT (a key column cannot be null).
CREATE TABLE activity_total (
    agreement_id  UUID        NOT NULL REFERENCES agreement (id),
    month         DATE        NOT NULL,
    kind          VARCHAR(14) NOT NULL,
    commune_insee VARCHAR(5)  NOT NULL,
    ept_siren     VARCHAR(9)  NOT NULL,
    theme         VARCHAR(24) NOT NULL,
    activities    BIGINT      NOT NULL,
    minutes       BIGINT      NOT NULL,
    people_helped BIGINT      NOT NULL,
    PRIMARY KEY (agreement_id, month, kind, commune_insee, ept_siren, theme)
);

-- What the kept sums should be, from the activity itself: the drift check compares the two, the bench and this
-- migration fill the table with it.
CREATE VIEW activity_total_from_rows AS
SELECT p.agreement_id, a.month, a.kind, a.commune_insee, coalesce(a.ept_siren, '') AS ept_siren, t.theme,
       count(*) AS activities, sum(a.duration_minutes) AS minutes, sum(a.people_helped) AS people_helped
FROM activity a
JOIN post p ON p.id = a.post_id
CROSS JOIN LATERAL (SELECT '' UNION ALL SELECT unnest(a.themes)) AS t (theme)
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO activity_total SELECT * FROM activity_total_from_rows;
