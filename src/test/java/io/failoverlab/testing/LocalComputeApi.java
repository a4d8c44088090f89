package io.failoverlab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local Compute Engine API (v1) on 127.0.0.1 for the real gcloud CLI: the resources the app
 * touches (see {@link #route}), the batch endpoint gcloud uses for commands naming several
 * resources, the real API's refusals and error bodies, and a record of every request. The VMs it
 * reports are real hosts from a {@link VmBacking}. Requests are served one at a time (one lock).
 */
public final class LocalComputeApi implements AutoCloseable {
    /** One REST call as gcloud sent it (batch parts are recorded one by one, viaBatch = true). */
    public record Request(String method, String path, Map<String, String> query, JsonNode body, String op, boolean viaBatch, int status) {
        public String resource() { return path.substring(path.lastIndexOf('/') + 1); }
    }

    /** sticky: answers every matching call until cleared (a lacking permission or quota persists). */
    private record Injection(String op, ApiError.Kind kind, boolean sticky) { }

    private final HttpServer server;
    private final String token;
    private final ComputeState state;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Injection> injections = new ArrayDeque<>();
    private volatile String publicAddress = "203.0.113.7";

    private LocalComputeApi(VmBacking backing, String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        state = new ComputeState(backing, base());
        server.createContext("/", this::serve);
        server.createContext("/checkip", this::checkIp);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "local-compute-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts on a free loopback port; only requests carrying "Bearer token" are served. */
    public static LocalComputeApi start(VmBacking backing, String token) throws IOException {
        return new LocalComputeApi(backing, token);
    }

    public int port() { return server.getAddress().getPort(); }

    /** The value for gcloud's api_endpoint_overrides/compute. */
    public String base() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/compute/v1/"; }

    /** The next call of op (e.g. "instances.insert", "machineTypes.get") answers with the real error body for kind. */
    public synchronized void failNext(String op, ApiError.Kind kind) { injections.add(new Injection(op, kind, false)); }

    /**
     * Every call of op answers with kind until {@link #clearFailures()}. gcloud retries a batch
     * part that got 401 or 403 (apitools' batch, for API enablement), so a one-off 403 in a batch
     * would pass unnoticed: conditions like a missing permission must persist, as they do at Google.
     */
    public synchronized void fail(String op, ApiError.Kind kind) { injections.add(new Injection(op, kind, true)); }

    public synchronized void clearFailures() { injections.clear(); }

    /** Makes an image family unknown, as when Google retires one. */
    public void retireImageFamily(String family) { state.catalog.families.remove(family); }

    public List<Request> requests() { return List.copyOf(requests); }

    public List<Request> requests(String op) { return requests.stream().filter(r -> r.op().equals(op)).toList(); }

    public List<Request> requests(Predicate<Request> p) { return requests.stream().filter(p).toList(); }

    public synchronized List<String> instances() { return state.instanceNames(); }

    public synchronized List<String> firewallRules() { return List.copyOf(state.firewalls.keySet()); }

    /** The instance as the API stores it (null if none). */
    public synchronized JsonNode instance(String name) {
        return state.instances.values().stream().filter(i -> name.equals(i.path("name").asText())).findFirst()
                .map(ComputeState::view).orElse(null);
    }

    public synchronized JsonNode firewall(String name) {
        JsonNode r = state.firewalls.get(name);
        return r == null ? null : r.deepCopy();
    }

    /** What the app's --address-service sees as this desktop's public address (checkip's plain-text answer). */
    public void publicAddress(String address) { this.publicAddress = address; }

    private void checkIp(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] out = (publicAddress + "\n").getBytes(StandardCharsets.UTF_8);
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.of(), null, "checkip", false, 200));
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
        }
    }

    /** From now on instances publish this host key line instead of their own (a lying guest agent). */
    public synchronized void publishHostKey(String line) { state.fakeHostKey = line; }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            ComputeState.Answer a;
            String contentType = "application/json; charset=UTF-8";
            byte[] out;
            if (auth == null || !auth.equals("Bearer " + token)) {
                a = ComputeState.error(ApiError.of(ApiError.Kind.INVALID_CREDENTIALS, null, null, null, null));
                requests.add(new Request(ex.getRequestMethod(), path, Map.of(), null, "unauthenticated", false, a.status()));
                out = ApiError.JSON.writeValueAsBytes(a.body());
            } else if (path.equals("/batch/compute/v1")) {
                String ct = ex.getRequestHeaders().getFirst("Content-Type");
                ComputeBatch.Reply r = ComputeBatch.handle(ct, new String(in, StandardCharsets.UTF_8), this::call);
                a = new ComputeState.Answer(200, null);
                contentType = r.contentType();
                out = r.body().getBytes(StandardCharsets.UTF_8);
            } else {
                JsonNode body = in.length == 0 ? null : ApiError.JSON.readTree(in);
                a = call(ex.getRequestMethod(), ex.getRequestURI().getRawPath() + queryOf(ex.getRequestURI().getRawQuery()), body, false);
                out = ApiError.JSON.writeValueAsBytes(a.body());
            }
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(a.status(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (RuntimeException e) {
            byte[] msg = ("{\"error\":{\"code\":500,\"message\":\"" + e.toString().replace("\"", "'") + "\"}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, msg.length);
            ex.getResponseBody().write(msg);
        }
    }

    private static String queryOf(String raw) { return raw == null ? "" : "?" + raw; }

    /** One REST call (direct or a batch part): "GET /compute/v1/projects/p/zones/z?alt=json". */
    synchronized ComputeState.Answer call(String method, String pathAndQuery, JsonNode body, boolean viaBatch) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String kv : pathAndQuery.substring(q + 1).split("&")) {
                if (kv.isEmpty()) continue;
                int e = kv.indexOf('=');
                query.put(decode(e < 0 ? kv : kv.substring(0, e)), e < 0 ? "" : decode(kv.substring(e + 1)));
            }
        }
        String rel = path.startsWith("/compute/v1/") ? path.substring("/compute/v1/".length()) : path;
        String[] p = rel.split("/");
        String op = opId(method, p);
        ComputeState.Answer a;
        Injection inj = injections.stream().filter(i -> i.op().equals(op)).findFirst().orElse(null);
        if (inj != null && !inj.sticky()) injections.remove(inj);
        if (inj != null && !ApiError.of(inj.kind(), "p", "z-a", "", "").inOperation()) {
            String resource = rel + (op.endsWith(".insert") && body != null ? "/" + body.path("name").asText() : "");
            a = ComputeState.error(ApiError.of(inj.kind(), p.length > 1 ? p[1] : "", p.length > 3 ? p[3] : "", resource, permission(op)));
        } else {
            ApiError opFailure = inj == null ? null : ApiError.of(inj.kind(), p[1], p.length > 3 ? p[3] : "", rel, permission(op));
            a = route(method, p, query, body, opFailure);
        }
        requests.add(new Request(method, rel, Map.copyOf(query), body, op, viaBatch, a.status()));
        return a;
    }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }

    /** compute.instances.create for instances.insert, as the real API names the permission. */
    private static String permission(String op) {
        String[] o = op.split("\\.");
        String verb = switch (o[1]) {
            case "insert" -> "create";
            case "aggregatedList" -> "list";
            case "getFromFamily" -> "useReadOnly";
            case "patch" -> "update";
            default -> o[1];
        };
        return "compute." + o[0] + "." + verb;
    }

    /** The REST method id of a path, e.g. instances.insert; "unknown" for what this API does not serve. */
    static String opId(String method, String[] p) {
        if (p.length < 2 || !p[0].equals("projects")) return "unknown";
        if (p.length == 2) return "projects.get";
        String tail = String.join("/", java.util.Arrays.copyOfRange(p, 2, p.length));
        if (tail.matches("zones/[^/]+")) return "zones.get";
        if (tail.equals("zones")) return "zones.list";
        if (tail.matches("zones/[^/]+/machineTypes/[^/]+")) return "machineTypes.get";
        if (tail.matches("global/images/family/[^/]+")) return "images.getFromFamily";
        if (tail.matches("zones/[^/]+/imageFamilyViews/[^/]+")) return "imageFamilyViews.get";
        if (tail.matches("zones/[^/]+/instances")) return method.equals("POST") ? "instances.insert" : "instances.list";
        if (tail.matches("zones/[^/]+/instances/[^/]+")) return method.equals("DELETE") ? "instances.delete" : "instances.get";
        if (tail.matches("zones/[^/]+/instances/[^/]+/(stop|start|getGuestAttributes)")) return "instances." + p[p.length - 1];
        if (tail.equals("aggregated/instances")) return "instances.aggregatedList";
        if (tail.equals("global/firewalls")) return method.equals("POST") ? "firewalls.insert" : "firewalls.list";
        if (tail.matches("global/firewalls/[^/]+")) {
            return switch (method) {
                case "PATCH" -> "firewalls.patch";
                case "DELETE" -> "firewalls.delete";
                default -> "firewalls.get";
            };
        }
        if (tail.matches("zones/[^/]+/operations/[^/]+(/wait)?")) return tail.endsWith("/wait") ? "zoneOperations.wait" : "zoneOperations.get";
        if (tail.matches("global/operations/[^/]+(/wait)?")) return tail.endsWith("/wait") ? "globalOperations.wait" : "globalOperations.get";
        return "unknown";
    }

    private ComputeState.Answer route(String method, String[] p, Map<String, String> query, JsonNode body, ApiError opFailure) {
        String op = opId(method, p);
        String project = p.length > 1 ? p[1] : "";
        String zone = p.length > 3 && p[2].equals("zones") ? p[3] : null;
        if (zone != null && !state.catalog.zones.contains(zone) && !op.startsWith("zoneOperations")) {
            return ComputeState.error(ApiError.notFound("projects/" + project + "/zones/" + zone));
        }
        String base = base();
        switch (op) {
            case "projects.get": return ComputeState.ok(state.catalog.project(base, project));
            case "zones.get": return ComputeState.ok(state.catalog.zone(base, project, zone));
            case "machineTypes.get":
                return state.catalog.machineTypes.containsKey(p[5]) ? ComputeState.ok(state.catalog.machineType(base, project, zone, p[5]))
                        : ComputeState.error(ApiError.notFound("projects/" + project + "/zones/" + zone + "/machineTypes/" + p[5]));
            case "images.getFromFamily":
                return project.equals(state.catalog.families.get(p[5])) ? ComputeState.ok(state.catalog.image(base, project, p[5]))
                        : ComputeState.error(ApiError.notFound("projects/" + project + "/global/images/family/" + p[5]));
            case "instances.insert":
                if (body == null) return ComputeState.error(ApiError.required("resource"));
                return state.insertInstance(project, zone, body, opFailure);
            case "instances.list": return state.listInstances(project, zone);
            case "instances.get": return state.getInstance(project, zone, p[5]);
            case "instances.delete": return state.deleteInstance(project, zone, p[5]);
            case "instances.stop": return state.power(project, zone, p[5], false);
            case "instances.start": return state.power(project, zone, p[5], true);
            case "instances.getGuestAttributes": return state.guestAttributes(project, zone, p[5], query.get("queryPath"));
            case "instances.aggregatedList": return state.aggregatedInstances(project);
            case "firewalls.insert":
                if (body == null) return ComputeState.error(ApiError.required("resource"));
                return state.insertFirewall(project, body);
            case "firewalls.list": return state.listFirewalls(project);
            case "firewalls.get": return state.getFirewall(project, p[4]);
            case "firewalls.patch": return state.patchFirewall(project, p[4], body);
            case "firewalls.delete": return state.deleteFirewall(project, p[4]);
            case "zoneOperations.get":
            case "zoneOperations.wait": return state.getOperation("projects/" + project + "/zones/" + zone, p[5]);
            case "globalOperations.get":
            case "globalOperations.wait": return state.getOperation("projects/" + project + "/global", p[4]);
            default:
                return new ComputeState.Answer(404, ApiError.notFound(String.join("/", p)).body());
        }
    }

    /** A one-line account of what gcloud asked, for BENCH lines and failure messages. */
    public String summary() {
        Map<String, Integer> byOp = new LinkedHashMap<>();
        for (Request r : requests) byOp.merge(r.op(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        byOp.forEach((k, v) -> parts.add(k + "=" + v));
        return requests.size() + " requests (" + String.join(", ", parts) + ")";
    }

    @Override
    public void close() { server.stop(0); }
}
