package io.failoverlab.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * What is wrong with a lab profile, as one sentence with its line ("line 4: unknown layout
 * 'sideways'; use single or per-role"), never the JSON library's own text: that names Java
 * classes and quotes the input in a way no student should have to read.
 */
final class ProfileErrors {
    private ProfileErrors() { }

    static Msg of(Path file, JsonProcessingException e) {
        String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "?" : String.valueOf(e.getLocation().getLineNr());
        return Msg.of("lab.profile.at", file.toString(), line, what(e));
    }

    private static Msg what(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof LabException le && le.msg() != null) return le.msg();   // a value the lab's own types refused (a layout)
            if (c instanceof JsonEOFException) return Msg.of("lab.profile.truncated");
        }
        // the parser reports some ends of input as a plain parse error (between an object's entries)
        if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) return Msg.of("lab.profile.truncated");
        if (e instanceof InvalidFormatException f) return Msg.of("lab.profile.badValue", path(f), String.valueOf(f.getValue()));
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) return Msg.of("lab.profile.wrongType", path(m));
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) return Msg.of("lab.profile.badField", path(m));
        return Msg.of("lab.profile.notJson");
    }

    /** Where in the profile: "gce.layout", "nodes[1].port". */
    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
