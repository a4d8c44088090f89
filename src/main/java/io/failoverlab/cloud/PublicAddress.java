package io.failoverlab.cloud;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * This desktop's public IPv4 address, which the SSH firewall rule admits (and nothing else).
 * Asked from a what-is-my-IP service; the lab profile may give the range instead (gce.sshFrom).
 */
public final class PublicAddress {
    public static final URI DEFAULT_SERVICE = URI.create("https://checkip.amazonaws.com/");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private PublicAddress() { }

    /** "203.0.113.7/32" */
    public static String detect(URI service) {
        try {
            HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(service).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String ip = r.body().strip();
            if (r.statusCode() != 200 || !IPV4.matcher(ip).matches()) {
                throw new LabException(Msg.of("address.unclear", service));
            }
            return ip + "/32";
        } catch (IOException e) {
            throw new LabException(Msg.of("address.unreachable", service), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("address.interrupted"));
        }
    }
}
