package fr.inclusion93.conseiller.report;

import fr.inclusion93.conseiller.service.Agreement;
import fr.inclusion93.conseiller.service.ContractService;
import fr.inclusion93.conseiller.service.PostState;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.security.reference.TerritoryLabels;
import fr.inclusion93.writes.tables.CsvTable;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The deployment of an agreement: its posts per EPT or commune (or in all), by state, against the quotas, with the
 * State-funded months their holders' contracts used. One read of the agreement's posts and contracts.
 */
@ApplicationScoped
public class Deployment {

    /** Version of the columns of the JSON rows and the CSV; raise it when a column changes meaning or place. */
    public static final int VERSION = 1;
    public static final List<String> COLUMNS = List.of("key", "label", "quota", "open", "vacant", "recruiting", "occupied",
            "ended", "returned", "state_funded_months_consumed");

    /** SIGNATORY: one row per signatory (key: its place in the list, from 1), a post counting for each whose territory holds it. */
    public enum By { AGREEMENT, SIGNATORY, EPT, COMMUNE }

    private final TerritoryLabels labels;

    Deployment(TerritoryLabels labels) {
        this.labels = labels;
    }

    private static final class Counts {
        final long[] states = new long[PostState.values().length];
        long months;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeploymentReport report(UUID agreementId, By by, LocalDate asOf) {
        Agreement agreement = Agreement.findById(agreementId);
        if (agreement == null) {
            throw ProblemException.notFound("Agreement", agreementId);
        }
        Map<UUID, Long> months = monthsUsed(agreementId, asOf);
        Map<String, Counts> groups = new LinkedHashMap<>();
        Counts total = new Counts();
        List<Object[]> posts = Panache.getEntityManager().createQuery(
                "select p.id, p.communeInsee, p.eptSiren, p.state from Post p where p.agreementId = ?1", Object[].class)
                .setParameter(1, agreementId).getResultList();
        for (Object[] post : posts) {
            List<String> keys = switch (by) {
                case AGREEMENT -> List.of(agreementId.toString());
                case SIGNATORY -> signatoriesHolding(agreement, (String) post[1], (String) post[2]);
                case EPT -> List.of(post[2] == null ? "none" : (String) post[2]);
                case COMMUNE -> List.of((String) post[1]);
            };
            List<Counts> counted = new ArrayList<>();
            keys.forEach(key -> counted.add(groups.computeIfAbsent(key, k -> new Counts())));
            counted.add(total);
            for (Counts counts : counted) {
                counts.states[((PostState) post[3]).ordinal()]++;
                counts.months += months.getOrDefault((UUID) post[0], 0L);
            }
        }
        Map<String, Integer> quotas = quotas(agreement, by);
        quotas.keySet().forEach(key -> groups.computeIfAbsent(key, k -> new Counts())); // a quota without posts yet
        Comparator<DeploymentRow> order = by == By.SIGNATORY ? Comparator.comparing(row -> Integer.parseInt(row.key()))
                : Comparator.comparing(DeploymentRow::label).thenComparing(DeploymentRow::key);
        List<DeploymentRow> rows = groups.entrySet().stream()
                .map(g -> row(g.getKey(), label(by, g.getKey(), agreement), quotas.get(g.getKey()), g.getValue()))
                .sorted(order).toList();
        return new DeploymentReport(VERSION, agreementId, by.name().toLowerCase(Locale.ROOT), asOf, rows,
                row("total", "Total", agreement.totalPosts, total));
    }

    /** Keys of the signatories (their place in the list, from 1) whose territory holds a post in this commune and EPT. */
    private static List<String> signatoriesHolding(Agreement agreement, String communeInsee, String eptSiren) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < agreement.signatories.size(); i++) {
            if (agreement.signatories.get(i).holds(communeInsee, eptSiren)) {
                keys.add(Integer.toString(i + 1));
            }
        }
        return keys;
    }

    /** Each row's quota: the agreement's total for itself and for a signatory of all of it, else its territory's. */
    private static Map<String, Integer> quotas(Agreement agreement, By by) {
        Map<String, Integer> quotas = new HashMap<>();
        switch (by) {
            case AGREEMENT -> quotas.put(agreement.id.toString(), agreement.totalPosts);
            case SIGNATORY -> {
                for (int i = 0; i < agreement.signatories.size(); i++) {
                    Agreement.Signatory signatory = agreement.signatories.get(i);
                    Integer quota = switch (signatory.kind) {
                        case EPT, COMMUNE -> agreement.quotas.stream().filter(q -> q.level.name().equals(signatory.kind.name())
                                && q.code.equals(signatory.territoryCode)).findFirst().map(q -> q.posts).orElse(null);
                        default -> agreement.totalPosts;
                    };
                    quotas.put(Integer.toString(i + 1), quota); // null: no quota of its own, a row all the same
                }
            }
            default -> agreement.quotas.stream().filter(q -> q.level.name().equals(by.name()))
                    .forEach(q -> quotas.put(q.code, q.posts));
        }
        return quotas;
    }

    public String csv(DeploymentReport report) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (DeploymentRow row : report.rows()) {
            lines.add(line(row));
        }
        lines.add(line(report.total()));
        return CsvTable.write(COLUMNS, lines);
    }

    private static Map<String, String> line(DeploymentRow row) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("key", row.key());
        line.put("label", row.label());
        line.put("quota", row.quota() == null ? null : row.quota().toString());
        line.put("open", Long.toString(row.open()));
        line.put("vacant", Long.toString(row.vacant()));
        line.put("recruiting", Long.toString(row.recruiting()));
        line.put("occupied", Long.toString(row.occupied()));
        line.put("ended", Long.toString(row.ended()));
        line.put("returned", Long.toString(row.returned()));
        line.put("state_funded_months_consumed", Long.toString(row.stateFundedMonthsConsumed()));
        return line;
    }

    /** Months used per post: every contract begun by {@code asOf}, up to its end, its planned end or that day. */
    private static Map<UUID, Long> monthsUsed(UUID agreementId, LocalDate asOf) {
        Map<UUID, Long> months = new HashMap<>();
        List<Object[]> contracts = Panache.getEntityManager().createQuery(
                "select c.postId, c.startOn, c.plannedEndOn, c.endedOn, c.stateFundedMonths from Contract c, Post p "
                        + "where p.id = c.postId and p.agreementId = ?1 and c.startOn <= ?2", Object[].class)
                .setParameter(1, agreementId).setParameter(2, asOf).getResultList();
        for (Object[] contract : contracts) {
            LocalDate until = contract[3] != null ? (LocalDate) contract[3] : (LocalDate) contract[2];
            if (asOf.isBefore(until)) {
                until = asOf;
            }
            months.merge((UUID) contract[0], (long) ContractService.monthsUsed((LocalDate) contract[1], until,
                    (Integer) contract[4]), Long::sum);
        }
        return months;
    }

    private String label(By by, String key, Agreement agreement) {
        return switch (by) {
            case AGREEMENT -> agreement.name;
            case SIGNATORY -> agreement.signatories.get(Integer.parseInt(key) - 1).name;
            case EPT -> labels.ept(key);
            case COMMUNE -> labels.commune(key);
        };
    }

    private static DeploymentRow row(String key, String label, Integer quota, Counts counts) {
        long[] s = counts.states;
        long open = s[PostState.VACANT.ordinal()] + s[PostState.RECRUITING.ordinal()] + s[PostState.OCCUPIED.ordinal()]
                + s[PostState.ENDED.ordinal()];
        return new DeploymentRow(key, label, quota, open, s[PostState.VACANT.ordinal()], s[PostState.RECRUITING.ordinal()],
                s[PostState.OCCUPIED.ordinal()], s[PostState.ENDED.ordinal()], s[PostState.RETURNED.ordinal()], counts.months);
    }
}
