package io.failoverlab.testing;

import io.failoverlab.lab.LabProfiles;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Gives every test class a config folder of its own (labs, journals, passwords, keys,
 * known_hosts): the folder the pom gives the test JVM (target/test-config), one level down by the
 * class's name. A class that names a lab without a config folder ("local", "seed-fast") so never
 * shares its journal with another class, nor with the person's own. Classes run one after another
 * (junit-platform.properties), so one system property at a time is enough; JVMs and CLIs a test
 * starts get the pom's folder through the environment.
 */
public class OwnConfigDir implements TestExecutionListener {
    private final String base = System.getProperty(LabProfiles.CONFIG_DIR_PROPERTY);

    @Override
    public void executionStarted(TestIdentifier id) {
        if (base == null || base.isBlank()) return;   // not run by the build: nothing to move
        id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .ifPresent(c -> System.setProperty(LabProfiles.CONFIG_DIR_PROPERTY, base + "/" + c.getJavaClass().getSimpleName()));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (base == null || base.isBlank()) return;
        if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) System.setProperty(LabProfiles.CONFIG_DIR_PROPERTY, base);
    }
}
