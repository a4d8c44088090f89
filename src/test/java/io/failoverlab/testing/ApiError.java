package io.failoverlab.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error the local Compute API answers with, in the real API's JSON shapes: a synchronous
 * {"error": {code, message, errors[{message, domain, reason}], status, details}} body, or (for
 * what Google reports only once the operation ran) an operation's error.errors[] entry.
 */
public record ApiError(int code, String status, String reason, String domain, String message, boolean inOperation, ObjectNode details) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The errors a test can inject with {@link LocalComputeApi#failNext}. */
    public enum Kind { SERVICE_DISABLED, PERMISSION_DENIED, QUOTA_EXCEEDED, ZONE_RESOURCE_POOL_EXHAUSTED, ALREADY_EXISTS, INVALID_CREDENTIALS }

    public static final String PROJECT_NUMBER = "123456789012";

    /** The real body for this kind; resource is the path the call names (projects/P/zones/Z/instances/N). */
    public static ApiError of(Kind k, String project, String zone, String resource, String permission) {
        switch (k) {
            case SERVICE_DISABLED: {
                String msg = "Compute Engine API has not been used in project " + PROJECT_NUMBER + " before or it is disabled. Enable it by visiting "
                        + "https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project=" + PROJECT_NUMBER
                        + " then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";
                ObjectNode info = JSON.createObjectNode().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                        .put("reason", "SERVICE_DISABLED").put("domain", "googleapis.com");
                info.putObject("metadata").put("service", "compute.googleapis.com").put("consumer", "projects/" + PROJECT_NUMBER)
                        .put("containerInfo", PROJECT_NUMBER).put("serviceTitle", "Compute Engine API")
                        .put("activationUrl", "https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project=" + PROJECT_NUMBER);
                ObjectNode d = JSON.createObjectNode();
                d.putArray("list").add(info);
                return new ApiError(403, "PERMISSION_DENIED", "accessNotConfigured", "usageLimits", msg, false, d);
            }
            case PERMISSION_DENIED:
                return new ApiError(403, null, "forbidden", "global",
                        "Required '" + permission + "' permission for '" + resource + "'", false, null);
            case QUOTA_EXCEEDED:
                return new ApiError(403, null, "QUOTA_EXCEEDED", null,
                        "Quota 'CPUS' exceeded.  Limit: 8.0 in region " + zone.replaceFirst("-[a-z]$", "") + ".", true, null);
            case ZONE_RESOURCE_POOL_EXHAUSTED:
                return new ApiError(503, null, "ZONE_RESOURCE_POOL_EXHAUSTED", null, "The zone 'projects/" + project + "/zones/" + zone
                        + "' does not have enough resources available to fulfill the request.  Try a different zone, or try again later.", true, null);
            case ALREADY_EXISTS:
                return new ApiError(409, null, "alreadyExists", "global", "The resource '" + resource + "' already exists", false, null);
            case INVALID_CREDENTIALS:
            default:
                return new ApiError(401, "UNAUTHENTICATED", "authError", "global",
                        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
                                + "authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.", false, null);
        }
    }

    static ApiError notFound(String resource) {
        return new ApiError(404, null, "notFound", "global", "The resource '" + resource + "' was not found", false, null);
    }

    static ApiError invalid(String field, String value, String why) {
        return new ApiError(400, null, "invalid", "global", "Invalid value for field '" + field + "': '" + value + "'. " + why, false, null);
    }

    static ApiError required(String field) {
        return new ApiError(400, null, "required", "global", "Required field '" + field + "' not specified", false, null);
    }

    /** The synchronous body. */
    public ObjectNode body() {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode err = e.putObject("error").put("code", code).put("message", message);
        ObjectNode one = err.putArray("errors").addObject().put("message", reason.equals("authError") ? "Invalid Credentials" : message);
        if (domain != null) one.put("domain", domain);
        one.put("reason", reason);
        if (reason.equals("authError")) one.put("location", "Authorization").put("locationType", "header");
        if (reason.equals("accessNotConfigured")) one.put("extendedHelp", "https://console.developers.google.com");
        if (status != null) err.put("status", status);
        if (details != null) {
            ArrayNode d = err.putArray("details");
            details.path("list").forEach(d::add);
        }
        return e;
    }

    /** Fills a DONE operation's failure fields. */
    void intoOperation(ObjectNode op) {
        op.put("httpErrorStatusCode", code).put("httpErrorMessage", code == 503 ? "SERVICE UNAVAILABLE" : "FORBIDDEN");
        op.putObject("error").putArray("errors").addObject().put("code", reason).put("message", message);
    }
}
