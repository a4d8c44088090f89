package io.failoverlab.report;

import java.util.List;

/** Doc → GitHub-flavoured Markdown; images are linked as images/NAME. */
final class MarkdownRenderer {
    private MarkdownRenderer() { }

    static String render(Doc doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(inline(doc.title)).append("\n\n");
        for (Doc.Block b : doc.blocks) {
            if (b instanceof Doc.Heading h) {
                if (h.anchor() != null) sb.append("<a id=\"").append(h.anchor()).append("\"></a>\n\n");
                sb.append("#".repeat(Math.min(6, h.level()))).append(' ').append(inline(h.text())).append("\n\n");
            } else if (b instanceof Doc.Para p) {
                sb.append(p.strong() ? "**" + inline(p.text()) + "**" : inline(p.text())).append("\n\n");
            } else if (b instanceof Doc.Table t) {
                sb.append(row(t.headers()));
                sb.append("|").append(" --- |".repeat(t.headers().size())).append('\n');
                for (List<String> r : t.rows()) sb.append(row(r));
                sb.append('\n');
            } else if (b instanceof Doc.Code c) {
                String fence = fence(c.text());
                sb.append(fence).append(c.lang() == null ? "" : c.lang()).append('\n').append(c.text());
                if (!c.text().endsWith("\n")) sb.append('\n');
                sb.append(fence).append("\n\n");
            } else if (b instanceof Doc.Details d) {
                String fence = fence(d.text());
                sb.append("<details>\n<summary>").append(HtmlRenderer.escape(d.summary())).append("</summary>\n\n")
                        .append(fence).append("text\n").append(d.text());
                if (!d.text().endsWith("\n")) sb.append('\n');
                sb.append(fence).append("\n\n</details>\n\n");
            } else if (b instanceof Doc.Markdown m) {
                sb.append(m.text().strip()).append("\n\n");
            } else if (b instanceof Doc.Image i) {
                sb.append("![").append(inline(i.alt())).append("](images/").append(i.name()).append(")\n\n");
            }
        }
        return sb.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) sb.append(' ').append(inline(c).replace("|", "\\|")).append(" |");
        return sb.append('\n').toString();
    }

    /** A fence longer than any backtick run inside. */
    private static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char ch : text.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Text as Markdown: keeps `code` spans, escapes what Markdown or HTML would eat. */
    static String inline(String s) {
        if (s == null) return "";
        return s.replace("\r", "").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_");
    }
}
