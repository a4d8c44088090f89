package io.failoverlab.cloud;

import com.sun.net.httpserver.HttpServer;
import io.failoverlab.lab.LabException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSH rule's source is the desktop's address, detected (here from a loopback stand-in service). */
class CloudAddressTest {
    @Test
    void detectsTheAddressAsASlash32() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/ok", x -> reply(x, "203.0.113.7\n"));
        s.createContext("/bad", x -> reply(x, "<html>captive portal</html>"));
        s.start();
        try {
            String base = "http://127.0.0.1:" + s.getAddress().getPort();
            assertEquals("203.0.113.7/32", PublicAddress.detect(URI.create(base + "/ok")));
            LabException e = assertThrows(LabException.class, () -> PublicAddress.detect(URI.create(base + "/bad")));
            assertTrue(e.getMessage().contains("set gce.sshFrom"), e.getMessage());
        } finally {
            s.stop(0);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange x, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
        x.close();
    }
}
