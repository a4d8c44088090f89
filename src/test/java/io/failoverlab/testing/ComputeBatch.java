package io.failoverlab.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch endpoint (/batch/compute/v1): a multipart/mixed request whose parts are
 * application/http requests ("POST /compute/v1/… HTTP/1.1", headers, JSON body), answered by a
 * multipart/mixed response with one application/http part per request, Content-ID
 * &lt;response-X+N&gt; for request &lt;X+N&gt; (the form apitools' BatchApiRequest parses).
 */
final class ComputeBatch {
    record Reply(String contentType, String body) { }

    interface Caller { ComputeState.Answer call(String method, String pathAndQuery, JsonNode body, boolean viaBatch); }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

    private ComputeBatch() { }

    static Reply handle(String contentType, String body, Caller caller) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) throw new IllegalArgumentException("batch request without a multipart boundary: " + contentType);
        String delimiter = "--" + m.group(1);
        String out = "batch_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder reply = new StringBuilder();
        for (String part : body.replace("\r\n", "\n").split(Pattern.quote(delimiter))) {
            String p = part.strip();
            if (p.isEmpty() || p.equals("--")) continue;
            int split = p.indexOf("\n\n");
            String headers = p.substring(0, split);
            String http = p.substring(split + 2);
            String contentId = header(headers, "Content-ID");
            String[] requestLine = http.substring(0, http.indexOf('\n')).split(" ");
            int bodyAt = http.indexOf("\n\n");
            String json = bodyAt < 0 ? "" : http.substring(bodyAt + 2).strip();
            JsonNode node;
            try {
                node = json.isEmpty() ? null : ApiError.JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ComputeState.Answer a = caller.call(requestLine[0], requestLine[1], node, true);
            String text;
            try {
                text = ApiError.JSON.writeValueAsString(a.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reply.append("--").append(out).append("\r\n")
                    .append("Content-Type: application/http\r\n")
                    .append("Content-ID: <response-").append(contentId.replaceAll("^<|>$", "")).append(">\r\n\r\n")
                    .append("HTTP/1.1 ").append(a.status()).append(' ').append(reason(a.status())).append("\r\n")
                    .append("Content-Type: application/json; charset=UTF-8\r\n\r\n")
                    .append(text).append("\r\n");
        }
        reply.append("--").append(out).append("--\r\n");
        return new Reply("multipart/mixed; boundary=" + out, reply.toString());
    }

    private static String header(String headers, String name) {
        for (String l : headers.split("\n")) {
            int c = l.indexOf(':');
            if (c > 0 && l.substring(0, c).trim().equalsIgnoreCase(name)) return l.substring(c + 1).trim();
        }
        throw new IllegalArgumentException("batch part without " + name + ": " + headers);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Error";
        };
    }
}
