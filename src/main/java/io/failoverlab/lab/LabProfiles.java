package io.failoverlab.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Lab profiles as JSON files, written atomically (temp file + move). */
public final class LabProfiles {
    /** The app's one mapper (lab.Json); kept under this name for its many readers. */
    public static final ObjectMapper JSON = Json.MAPPER;

    private LabProfiles() { }

    public static LabSpec load(Path file) {
        try {
            return JSON.readValue(Files.readString(file), LabSpec.class).withDefaults();
        } catch (NoSuchFileException e) {
            throw new LabException(Msg.of("lab.profile.missing", file.toString()));
        } catch (JsonProcessingException e) {
            throw new LabException(ProfileErrors.of(file, e));
        } catch (IOException e) {
            throw new LabException(Msg.of("lab.profile.unreadable", file.toString(), String.valueOf(e.getMessage())));
        }
    }

    public static void save(LabSpec lab, Path file) throws IOException {
        writeAtomically(file, JSON.writeValueAsBytes(lab));
    }

    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Json.writeAtomically(file, bytes);
    }

    /** Moves the default config folder: the test build sets it so no test touches a person's own. */
    public static final String CONFIG_DIR_PROPERTY = "failoverlab.configDir";
    public static final String CONFIG_DIR_ENV = "FAILOVER_LAB_CONFIG_DIR";

    /**
     * ~/.config/failover-lab (XDG_CONFIG_HOME honoured; %APPDATA% on Windows), unless the system
     * property {@value #CONFIG_DIR_PROPERTY} or the environment variable {@value #CONFIG_DIR_ENV} names another.
     */
    public static Path configDir() {
        String override = System.getProperty(CONFIG_DIR_PROPERTY);
        if (override == null || override.isBlank()) override = System.getenv(CONFIG_DIR_ENV);
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String appData = System.getenv("APPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && appData != null) {
            return Path.of(appData, "failover-lab");
        }
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("failover-lab");
    }
}
