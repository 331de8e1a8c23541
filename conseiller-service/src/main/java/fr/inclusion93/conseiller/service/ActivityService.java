package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.event.PostEvents;
import fr.inclusion93.conseiller.rest.ActivityMonthRequest;
import fr.inclusion93.conseiller.rest.ActivityMonthResponse;
import fr.inclusion93.events.Outbox;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A post's activity, entered a month at a time: the entry replaces the month's previous one, in one transaction under
 * the post's row lock, and publishes the month's totals (ActivityRecorded, no personal data).
 */
@ApplicationScoped
public class ActivityService {

    private static final String INSERT = """
            INSERT INTO activity (id, post_id, month, kind, held_on, duration_minutes, place_id, commune_insee, ept_siren,
                                  themes, other_theme, people_helped, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS varchar[]), ?11, ?12, ?13)""";
    /**
     * Deletes the month's previous entry and moves the report's kept sums (activity_total) by the difference between
     * it and the new one, in one statement: its groups are updated in key order, so that two entries sharing groups
     * wait for each other rather than deadlock.
     */
    private static final String REPLACE_AND_COUNT = """
            WITH replaced AS (
                DELETE FROM activity WHERE post_id = ?1 AND month = ?2 AND NOT (id = ANY (CAST(?3 AS uuid[])))
                RETURNING kind, commune_insee, ept_siren, themes, duration_minutes, people_helped, -1 AS sign),
            entered AS (
                SELECT kind, commune_insee, ept_siren, themes, duration_minutes, people_helped, 1 AS sign
                FROM activity WHERE id = ANY (CAST(?3 AS uuid[]))),
            change AS (SELECT * FROM replaced UNION ALL SELECT * FROM entered)
            INSERT INTO activity_total AS total (agreement_id, month, kind, commune_insee, ept_siren, theme, activities,
                                                 minutes, people_helped)
            SELECT ?4, ?2, c.kind, c.commune_insee, coalesce(c.ept_siren, ''), t.theme, sum(c.sign),
                   sum(c.sign * c.duration_minutes), sum(c.sign * c.people_helped)
            FROM change c CROSS JOIN LATERAL (SELECT '' UNION ALL SELECT unnest(c.themes)) AS t (theme)
            GROUP BY 3, 4, 5, 6
            HAVING sum(c.sign) <> 0 OR sum(c.sign * c.duration_minutes) <> 0 OR sum(c.sign * c.people_helped) <> 0
            ORDER BY 3, 4, 5, 6
            ON CONFLICT (agreement_id, month, kind, commune_insee, ept_siren, theme) DO UPDATE
            SET activities = total.activities + excluded.activities, minutes = total.minutes + excluded.minutes,
                people_helped = total.people_helped + excluded.people_helped""";

    private final Outbox outbox;
    private final AuditLog audit;

    ActivityService(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public ActivityMonthResponse replaceMonth(UUID postId, YearMonth month, ActivityMonthRequest request) {
        EntityManager em = Panache.getEntityManager();
        Post post = em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw ProblemException.notFound("Post", postId);
        }
        List<ActivityMonthRequest.ActivityBody> activities = request.activities();
        Map<UUID, HostStructure> places = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            ActivityMonthRequest.ActivityBody activity = activities.get(i);
            String at = "activities[" + i + "].";
            if (!YearMonth.from(activity.heldOn()).equals(month)) {
                errors.add(new FieldError(at + "heldOn", "is not in " + month));
            } else if (activity.heldOn().isBefore(post.openedOn)
                    || (post.returnedOn != null && activity.heldOn().isAfter(post.returnedOn))) {
                errors.add(new FieldError(at + "heldOn", "is outside the post's life (opened " + post.openedOn
                        + (post.returnedOn == null ? "" : ", returned " + post.returnedOn) + ")"));
            }
            HostStructure place = places.computeIfAbsent(activity.placeId(), id -> HostStructure.findById(id));
            if (place == null) {
                errors.add(new FieldError(at + "placeId", "no host structure has this id here"));
            }
            boolean other = activity.themes().contains(ActivityTheme.AUTRE);
            boolean described = activity.otherTheme() != null && !activity.otherTheme().isBlank();
            if (other != described) {
                errors.add(new FieldError(at + "otherTheme", other ? "says what AUTRE was" : "goes with the theme AUTRE only"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        LocalDate first = month.atDay(1);
        List<UUID> entered = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long minutes = 0;
        long people = 0;
        for (ActivityMonthRequest.ActivityBody activity : activities) {
            HostStructure place = places.get(activity.placeId());
            UUID id = UUID.randomUUID();
            entered.add(id);
            em.createNativeQuery(INSERT).setParameter(1, id).setParameter(2, post.id).setParameter(3, first)
                    .setParameter(4, activity.kind().name()).setParameter(5, activity.heldOn())
                    .setParameter(6, activity.durationMinutes()).setParameter(7, place.id)
                    .setParameter(8, place.communeInsee).setParameter(9, place.eptSiren)
                    .setParameter(10, activity.themes().stream().map(Enum::name).distinct()
                            .collect(Collectors.joining(",", "{", "}")))
                    .setParameter(11, activity.otherTheme() == null ? null : activity.otherTheme().strip())
                    .setParameter(12, activity.peopleHelped()).setParameter(13, now).executeUpdate();
            minutes += activity.durationMinutes();
            people += activity.peopleHelped();
        }
        em.createNativeQuery(REPLACE_AND_COUNT).setParameter(1, post.id).setParameter(2, first)
                .setParameter(3, entered.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter(4, post.agreementId).executeUpdate();
        ActivityMonthResponse recorded = new ActivityMonthResponse(post.id, month.toString(), activities.size(), minutes, people);
        outbox.publish(PostEvents.TOPIC, PostEvents.AGGREGATE, post.id.toString(), PostEvents.ACTIVITY_RECORDED.eventType(),
                PostEvents.ACTIVITY_RECORDED.schemaVersion(), new PostEvents.ActivityRecorded(post.id, post.agreementId,
                        month.toString(), activities.size(), minutes, people));
        audit.record("ActivityRecorded", PostService.RECORD_TYPE, post.id.toString(), null, recorded);
        return recorded;
    }
}
