package dev.govid.keycloak.revisionlog;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/govid-revision-log}: query and export the revision log and the statistics,
 * verify the chains, read and change the settings, apply retention. Reading needs the realm's view-events
 * permission, changing settings and deleting needs manage-realm.
 */
public class RevisionLogAdminResource {
    private static final String CSV = "text/csv";
    private static final String JSON_LINES = "application/jsonl";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public RevisionLogAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> events(
            @QueryParam("sessionId") String sessionId,
            @QueryParam("transactionId") String transactionId,
            @QueryParam("clientId") String clientId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.realm().requireViewEvents();
        RevisionLogQuery query =
                query(sessionId, transactionId, clientId, from, to, first, max, RevisionLogQuery.DEFAULT_MAX);
        return query.events(em(), realm.getId());
    }

    /** {@code format=jsonl} (default) or {@code csv}; the same filters as {@link #events}. */
    @GET
    @Path("events/export")
    public Response exportEvents(
            @QueryParam("format") String format,
            @QueryParam("sessionId") String sessionId,
            @QueryParam("transactionId") String transactionId,
            @QueryParam("clientId") String clientId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.realm().requireViewEvents();
        RevisionLogQuery query =
                query(sessionId, transactionId, clientId, from, to, first, max, RevisionLogQuery.EXPORT_ALL);
        return export(
                format,
                "revision-log",
                RevisionLogExport.EVENT_COLUMNS,
                rows -> query.eachEvent(em(), realm.getId(), rows::write));
    }

    /**
     * An auditor's question "which events are about this person?": body {@code {"givenName","familyName","dateOfBirth"}}
     * (as the eID delivered them) or {@code {"identifier"}} (a bPK, code 5000), optionally {@code from}/{@code to}. The
     * realm's pseudonym keys (vault or server option) recompute the keyed pseudonyms; salted ones (MOA-ID scheme) are
     * recomputed with their own salt. Answers the matching person events (5002, 5102, 5000) in log order, at most
     * {@code max} (default 1000) found among the events of the time range. Needs the keys: without them nobody — not
     * even an admin reading the database — can tell whose events these are.
     */
    @POST
    @Path("persons/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> searchPerson(Map<String, Object> body) {
        auth.realm().requireViewEvents();
        if (body == null) {
            throw new BadRequestException("a JSON object is required");
        }
        String givenName = text(body, "givenName");
        String familyName = text(body, "familyName");
        String dateOfBirth = text(body, "dateOfBirth");
        String identifier = text(body, "identifier");
        boolean person = givenName != null || familyName != null || dateOfBirth != null;
        if (person == (identifier != null)) {
            throw new BadRequestException("give either givenName, familyName and dateOfBirth, or identifier");
        }
        Object maxValue = body.get("max");
        int max = maxValue instanceof Number n ? n.intValue() : RevisionLogQuery.DEFAULT_MAX;
        if (max < 1 || max > RevisionLogQuery.MAX) {
            throw new BadRequestException("max must be between 1 and " + RevisionLogQuery.MAX);
        }
        List<PseudonymKeys.Key> keys =
                RevisionLog.of(session).pseudonymKeys(realm).all();
        RevisionLogQuery scan =
                query(null, null, null, text(body, "from"), text(body, "to"), 0, null, RevisionLogQuery.EXPORT_ALL);
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        scan.eachEvent(em(), realm.getId(), event -> {
            int code = (Integer) event.get("code");
            String value = (String) event.get("value");
            boolean match = found.size() < max
                    && (person
                            ? (code == EventCode.PERSON.code() || code == EventCode.REPRESENTED_PERSON.code())
                                    && PersonPseudonym.matchesPerson(value, keys, givenName, familyName, dateOfBirth)
                            : code == EventCode.PROFESSIONAL_REPRESENTATIVE_BPK.code()
                                    && PersonPseudonym.matchesIdentifier(value, keys, identifier));
            if (match) {
                found.add(event);
            }
        });
        return found;
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > 255) {
            throw new BadRequestException(key + " must be a text of at most 255 characters");
        }
        return text;
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public ChainVerifier.Report verify() {
        auth.realm().requireViewEvents();
        return ChainVerifier.verify(em(), realm.getId());
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> statistics(
            @QueryParam("clientId") String clientId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.realm().requireViewEvents();
        RevisionLogQuery query = query(null, null, clientId, from, to, first, max, RevisionLogQuery.DEFAULT_MAX);
        return query.statistics(em(), realm.getId()).stream()
                .map(RevisionLogExport::statistic)
                .toList();
    }

    @GET
    @Path("statistics/export")
    public Response exportStatistics(
            @QueryParam("format") String format,
            @QueryParam("clientId") String clientId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.realm().requireViewEvents();
        RevisionLogQuery query = query(null, null, clientId, from, to, first, max, RevisionLogQuery.EXPORT_ALL);
        return export(
                format,
                "login-statistics",
                RevisionLogExport.STATISTIC_COLUMNS,
                rows -> query.eachStatistic(em(), realm.getId(), s -> rows.write(RevisionLogExport.statistic(s))));
    }

    @GET
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> settings() {
        auth.realm().requireViewRealm();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", EventSelection.isEnabled(realm));
        settings.put(
                "events",
                realm.getAttribute(EventSelection.EVENTS) == null ? "all" : realm.getAttribute(EventSelection.EVENTS));
        settings.put("retentionDays", realm.getAttribute(EventSelection.RETENTION_DAYS));
        settings.put(
                "pseudonyms",
                EventSelection.pseudonymScheme(realm) == EventSelection.PseudonymScheme.HMAC
                        ? "hmac"
                        : "salted-sha256");
        // The ids only (never a key): which key new pseudonyms use, and which older ones an auditor can still search
        // with.
        settings.put(
                "pseudonymKeyIds",
                RevisionLog.of(session).pseudonymKeys(realm).all().stream()
                        .map(PseudonymKeys.Key::id)
                        .toList());
        Map<String, Object> codes = new LinkedHashMap<>();
        for (EventCode code : EventCode.values()) {
            codes.put(Integer.toString(code.code()), (code.isBase() ? "base: " : "optional: ") + code.meaning());
        }
        settings.put("codes", codes);
        Map<String, String> clients = new TreeMap<>();
        realm.getClientsStream()
                .filter(c -> c.getAttribute(EventSelection.EVENTS) != null)
                .forEach(c -> clients.put(c.getClientId(), c.getAttribute(EventSelection.EVENTS)));
        settings.put("clients", clients);
        return settings;
    }

    /** A client's own list of optional events ({@code null}: the realm's list applies) and the list its logins use. */
    @GET
    @Path("settings/clients/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> clientSettings(@PathParam("clientId") String clientId) {
        ClientModel client = client(clientId);
        auth.clients().requireView(client);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("clientId", client.getClientId());
        settings.put("events", client.getAttribute(EventSelection.EVENTS));
        settings.put("effective", EventSelection.of(realm, client).describe());
        return settings;
    }

    /** Body: {@code events} ("all", "none" or codes), or {@code null} to follow the realm's list again. */
    @PUT
    @Path("settings/clients/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateClientSettings(@PathParam("clientId") String clientId, Map<String, Object> body) {
        ClientModel client = client(clientId);
        auth.clients().requireManage(client);
        if (body == null || !body.containsKey("events") || body.size() != 1) {
            throw new BadRequestException("a JSON object with exactly one key, events, is required");
        }
        if (body.get("events") == null) {
            client.removeAttribute(EventSelection.EVENTS);
        } else {
            client.setAttribute(EventSelection.EVENTS, eventList(body.get("events")));
        }
        return clientSettings(clientId);
    }

    private ClientModel client(String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null) {
            auth.clients().requireList();
            throw new NotFoundException("no client '" + clientId + "' in this realm");
        }
        return client;
    }

    private static String eventList(Object events) {
        if (!(events instanceof String list) || list.isBlank() || EventSelection.listProblem(list) != null) {
            throw new BadRequestException(
                    "events must be \"all\", \"none\" or a comma-separated list of event codes of the revision log");
        }
        return list.trim();
    }

    /**
     * Body: any of {@code enabled} (boolean), {@code events} ("all", "none" or codes), {@code retentionDays} (number or
     * null), {@code pseudonyms} ("hmac" or "salted-sha256").
     */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateSettings(Map<String, Object> body) {
        auth.realm().requireManageRealm();
        if (body == null) {
            throw new BadRequestException("a JSON object is required");
        }
        for (String key : body.keySet()) {
            if (!List.of("enabled", "events", "retentionDays", "pseudonyms", "codes")
                    .contains(key)) {
                throw new BadRequestException("unknown setting '" + key + "'");
            }
        }
        if (body.containsKey("enabled")) {
            if (!(body.get("enabled") instanceof Boolean enabled)) {
                throw new BadRequestException("enabled must be true or false");
            }
            realm.setAttribute(EventSelection.ENABLED, enabled.toString());
        }
        if (body.containsKey("events")) {
            realm.setAttribute(EventSelection.EVENTS, eventList(body.get("events")));
        }
        if (body.containsKey("pseudonyms")) {
            if (!"hmac".equals(body.get("pseudonyms")) && !"salted-sha256".equals(body.get("pseudonyms"))) {
                throw new BadRequestException("pseudonyms must be \"hmac\" or \"salted-sha256\"");
            }
            realm.setAttribute(EventSelection.PSEUDONYMS, (String) body.get("pseudonyms"));
        }
        if (body.containsKey("retentionDays")) {
            Object days = body.get("retentionDays");
            if (days == null) {
                realm.removeAttribute(EventSelection.RETENTION_DAYS);
            } else if (days instanceof Number n
                    && n.longValue() > 0
                    && n.longValue() <= EventSelection.MAX_RETENTION_DAYS) {
                realm.setAttribute(EventSelection.RETENTION_DAYS, Long.toString(n.longValue()));
            } else {
                throw new BadRequestException(
                        "retentionDays must be a positive number of days, or null to keep forever");
            }
        }
        return settings();
    }

    /** Runs retention now (it also runs daily); returns how many rows were removed. */
    @POST
    @Path("retention")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> applyRetention() {
        auth.realm().requireManageRealm();
        try {
            return Map.of("removed", Retention.apply(em(), realm, System.currentTimeMillis()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static RevisionLogQuery query(
            String sessionId,
            String transactionId,
            String clientId,
            String from,
            String to,
            Integer first,
            Integer max,
            int defaultMax) {
        try {
            return RevisionLogQuery.of(sessionId, transactionId, clientId, from, to, first, max, defaultMax);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** Streams the rows: the response starts at once and an export of any length never sits in memory. */
    private static Response export(
            String formatName, String name, List<String> columns, Consumer<RevisionLogExport.RowWriter> rows) {
        RevisionLogExport.Format format;
        try {
            format = RevisionLogExport.Format.of(formatName);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            rows.accept(new RevisionLogExport.RowWriter(format, columns, writer));
            writer.flush();
        };
        boolean csv = format == RevisionLogExport.Format.CSV;
        return Response.ok(body, (csv ? CSV : JSON_LINES) + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + (csv ? ".csv" : ".jsonl") + "\"")
                .build();
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
