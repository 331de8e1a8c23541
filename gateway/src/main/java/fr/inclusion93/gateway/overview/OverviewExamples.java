package fr.inclusion93.gateway.overview;

/** Examples of the contract (OpenAPI), kept beside the resource they document. */
final class OverviewExamples {

    static final String COMPLETE = """
            {"version": 1, "by": "ept", "agreementId": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "year": 2021,
             "complete": true, "missing": [],
             "rows": [{"key": "200057867", "label": "Plaine Commune",
                       "structures": {"active": 112, "closed": 4, "activeInQpv": 61},
                       "posts": {"quota": 25, "open": 21, "vacant": 2, "recruiting": 3, "occupied": 15, "ended": 1, "returned": 1},
                       "funding": {"committedCents": 40000000, "committed": "400000.00", "paidCents": 10000000, "paid": "100000.00"},
                       "activity": {"ateliers": 640, "permanences": 1210, "miniFormations": 95, "hours": "4120.50",
                                    "peopleHelped": 9855}}],
             "total": {"key": "total", "label": "Total",
                       "structures": {"active": 210, "closed": 7, "activeInQpv": 113},
                       "posts": {"quota": 80, "open": 64, "vacant": 6, "recruiting": 9, "occupied": 45, "ended": 4, "returned": 2},
                       "funding": {"committedCents": 163500000, "committed": "1635000.00", "paidCents": 90000000, "paid": "900000.00"},
                       "activity": {"ateliers": 1800, "permanences": 3400, "miniFormations": 260, "hours": "11800.00",
                                    "peopleHelped": 27400}}}""";

    static final String DEGRADED = """
            {"version": 1, "by": "ept", "agreementId": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "year": 2021,
             "complete": false,
             "missing": [{"part": "funding", "service": "funding-service", "status": null,
                          "reason": "funding-service is unreachable"}],
             "rows": [{"key": "200057867", "label": "Plaine Commune",
                       "structures": {"active": 112, "closed": 4, "activeInQpv": 61},
                       "posts": {"quota": 25, "open": 21, "vacant": 2, "recruiting": 3, "occupied": 15, "ended": 1, "returned": 1},
                       "funding": null,
                       "activity": {"ateliers": 640, "permanences": 1210, "miniFormations": 95, "hours": "4120.50",
                                    "peopleHelped": 9855}}],
             "total": {"key": "total", "label": "Total",
                       "structures": {"active": 210, "closed": 7, "activeInQpv": 113},
                       "posts": {"quota": 80, "open": 64, "vacant": 6, "recruiting": 9, "occupied": 45, "ended": 4, "returned": 2},
                       "funding": null,
                       "activity": {"ateliers": 1800, "permanences": 3400, "miniFormations": 260, "hours": "11800.00",
                                    "peopleHelped": 27400}}}""";

    static final String PARAMETER_PROBLEM = """
            {"type": "https://inclusion93.fr/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "agreementId: is required; by: is ept or commune", "instance": "/api/overview/territories",
             "errors": [{"field": "agreementId", "reason": "is required"}, {"field": "by", "reason": "is ept or commune"}]}""";

    static final String AUDIT_HISTORY = """
            {"from": "2021-01-01T00:00:00Z", "to": "2021-02-01T00:00:00Z", "complete": false,
             "missing": [{"part": "funding-lines", "service": "funding-service", "status": null,
                          "reason": "funding-service is unreachable"}],
             "parts": [{"part": "structures", "service": "structure-service", "items": [], "next": null},
                       {"part": "posts", "service": "conseiller-service",
                        "items": [{"recordedAt": "2021-01-20T09:00:00.000Z", "actor": "admin-cli", "requestId": "c0ffee00-1234",
                                   "traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "action": "PostOpened", "recordType": "post",
                                   "recordId": "3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "before": null,
                                   "after": {"state": "VACANT", "funding": "PENDING"}}],
                        "next": null}]}""";

    static final String AUDIT_HISTORY_CSV = "part,service,recordedAt,recordType,recordId,action,actor,requestId,traceId,"
            + "before,after\r\nposts,conseiller-service,2021-01-20T09:00:00.000Z,post,3c9e1d2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f,"
            + "PostOpened,admin-cli,c0ffee00-1234,4bf92f3577b34da6a3ce929d0e0e4736,,"
            + "\"{\"\"state\"\":\"\"VACANT\"\",\"\"funding\"\":\"\"PENDING\"\"}\"\r\n";

    private OverviewExamples() {
    }
}
