package io.failoverlab.report;

import java.util.Base64;
import java.util.List;

/** Doc → one self-contained HTML file: styles inline, images as data: URIs. */
final class HtmlRenderer {
    private HtmlRenderer() { }

    private static final String CSS = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:2em auto;"
            + "padding:0 1em;color:#1d232b;line-height:1.45}h1{border-bottom:2px solid #2b6cb0;padding-bottom:.2em}"
            + "h2{border-bottom:1px solid #cbd5e0;padding-bottom:.15em;margin-top:1.8em}table{border-collapse:collapse;margin:.6em 0}"
            + "th,td{border:1px solid #cbd5e0;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#edf2f7}"
            + "td.pass{background:#c6f6d5;font-weight:bold}td.fail{background:#fed7d7;font-weight:bold}"
            + "pre{background:#f7fafc;border:1px solid #e2e8f0;padding:.6em;overflow-x:auto;font-size:.85em}"
            + "details{margin:.4em 0}summary{cursor:pointer;color:#2b6cb0}img{max-width:100%;border:1px solid #cbd5e0;margin:.4em 0}"
            + "p.strong{font-weight:bold}code{background:#edf2f7;padding:0 .2em}";

    static String render(Doc doc, String lang) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(escape(doc.title)).append("</h1>\n");
        for (Doc.Block b : doc.blocks) {
            if (b instanceof Doc.Heading h) {
                int l = Math.min(6, h.level());
                sb.append("<h").append(l).append(h.anchor() == null ? "" : " id=\"" + escape(h.anchor()) + "\"").append('>')
                        .append(escape(h.text())).append("</h").append(l).append(">\n");
            } else if (b instanceof Doc.Para p) {
                sb.append(p.strong() ? "<p class=\"strong\">" : "<p>").append(escape(p.text())).append("</p>\n");
            } else if (b instanceof Doc.Table t) {
                sb.append("<table>\n<thead><tr>");
                for (String c : t.headers()) sb.append("<th>").append(escape(c)).append("</th>");
                sb.append("</tr></thead>\n<tbody>\n");
                for (List<String> r : t.rows()) {
                    sb.append("<tr>");
                    for (String c : r) {
                        String cls = c.startsWith("✅") ? " class=\"pass\"" : c.startsWith("❌") ? " class=\"fail\"" : "";
                        sb.append("<td").append(cls).append('>').append(escape(c)).append("</td>");
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            } else if (b instanceof Doc.Code c) {
                sb.append("<pre><code>").append(escape(c.text())).append("</code></pre>\n");
            } else if (b instanceof Doc.Details d) {
                sb.append("<details>\n<summary>").append(escape(d.summary())).append("</summary>\n<pre>")
                        .append(escape(d.text())).append("</pre>\n</details>\n");
            } else if (b instanceof Doc.Markdown m) {
                sb.append(simpleMarkdown(m.text()));
            } else if (b instanceof Doc.Image i) {
                sb.append("<figure><img alt=\"").append(escape(i.alt())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(i.png())).append("\"><figcaption>").append(escape(i.alt()))
                        .append("</figcaption></figure>\n");
            }
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static final org.commonmark.parser.Parser MARKDOWN = org.commonmark.parser.Parser.builder().build();
    /** The student's own HTML is shown as text, and only safe link targets are kept. */
    private static final org.commonmark.renderer.html.HtmlRenderer MARKDOWN_HTML = org.commonmark.renderer.html.HtmlRenderer.builder()
            .escapeHtml(true).sanitizeUrls(true).build();

    /** A student's Markdown (CommonMark); its headings sit below the report's own (# is h4). */
    static String simpleMarkdown(String md) {
        org.commonmark.node.Node doc = MARKDOWN.parse(md == null ? "" : md);
        doc.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading h) {
                h.setLevel(Math.min(6, h.getLevel() + 3));
                visitChildren(h);
            }
        });
        return MARKDOWN_HTML.render(doc);
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
