package io.failoverlab.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The student's conclusion in the HTML report: CommonMark, their HTML shown as text, headings under the report's. */
class ConclusionMarkdownTest {
    @Test
    void markdownBecomesHtmlAndHtmlStaysText() {
        String html = HtmlRenderer.simpleMarkdown("# What I saw\n\nThe failover took **7 s**.\n\n- node2 promoted\n- 0 writes lost\n\n"
                + "<script>alert(1)</script>\n\n[link](javascript:alert(1))");
        assertTrue(html.contains("<h4>What I saw</h4>"), html);
        assertTrue(html.contains("<strong>7 s</strong>"), html);
        assertTrue(html.contains("<li>node2 promoted</li>") && html.contains("<ul>"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("javascript:"), html);
    }
}
