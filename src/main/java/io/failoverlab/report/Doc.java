package io.failoverlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as blocks, rendered the same way to Markdown and HTML, so both (and both languages)
 * share one structure: headings, paragraphs, tables, code, folded details, images.
 */
final class Doc {
    sealed interface Block permits Heading, Para, Table, Code, Details, Image, Markdown { }

    record Heading(int level, String text, String anchor) implements Block { }

    /** A paragraph; strong makes it stand out (verdicts, overall result). */
    record Para(String text, boolean strong) implements Block { }

    /** result: cells that read PASS/FAIL are coloured in HTML. */
    record Table(List<String> headers, List<List<String>> rows) implements Block { }

    record Code(String text, String lang) implements Block { }

    record Details(String summary, String text) implements Block { }

    /** name: the image's file name under images/; png: its bytes. */
    record Image(String name, byte[] png, String alt) implements Block { }

    /** Text the student wrote in Markdown (the conclusion): kept as is in Markdown, simply formatted in HTML. */
    record Markdown(String text) implements Block { }

    final List<Block> blocks = new ArrayList<>();
    final String title;

    Doc(String title) {
        this.title = title;
    }

    Doc h(int level, String text, String anchor) { blocks.add(new Heading(level, text, anchor)); return this; }

    Doc p(String text) { blocks.add(new Para(text, false)); return this; }

    Doc strong(String text) { blocks.add(new Para(text, true)); return this; }

    Doc table(List<String> headers, List<List<String>> rows) { blocks.add(new Table(headers, rows)); return this; }

    Doc code(String text, String lang) { blocks.add(new Code(text, lang)); return this; }

    Doc details(String summary, String text) { blocks.add(new Details(summary, text)); return this; }

    Doc markdown(String text) { blocks.add(new Markdown(text)); return this; }

    Doc image(String name, byte[] png, String alt) { blocks.add(new Image(name, png, alt)); return this; }
}
