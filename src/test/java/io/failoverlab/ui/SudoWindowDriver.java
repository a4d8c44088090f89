package io.failoverlab.ui;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs in a JVM of its own as the login with password sudo (SudoWindowTest starts it): the real
 * window (ConsoleApp, with the given options) at 1366×768, Build lab clicked, its questions
 * confirmed, and each sudo question answered with the next line of standard input, typed into
 * the field. Tells the test on stdout: "ASKED n again=true|false" per question, "DONE text" with
 * the status bar's last line when the build has ended; then waits for a line before it closes.
 */
public final class SudoWindowDriver {
    private SudoWindowDriver() { }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(ConsoleApp.class, args);
        FxRobot robot = new FxRobot();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        Thread.sleep(1000);
        String before = statusLast(robot);
        robot.clickOn("#action-build");
        int asked = 0;
        long deadline = System.nanoTime() + 420_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (robot.lookup("#confirm-ok").tryQuery().isPresent()) robot.clickOn("#confirm-ok");
            Optional<Node> field = robot.lookup("#sudo-password").tryQuery();
            if (field.isPresent() && field.get().isVisible()) {
                asked++;
                boolean again = robot.lookup("#sudo-wrong").tryQuery().isPresent();
                Thread.sleep(700); // drawn, for the test's screenshot
                System.out.println("ASKED " + asked + " again=" + again);
                System.out.flush();
                String answer = in.readLine();
                robot.clickOn(field.get()).write(answer == null ? "" : answer);
                robot.type(KeyCode.ENTER);
                Thread.sleep(500);
                continue;
            }
            boolean idle = !robot.lookup("#action-build").query().isDisabled();
            String now = statusLast(robot);
            if (asked > 0 && idle && now != null && !now.equals(before)) {
                Thread.sleep(1500);
                System.out.println("DONE " + statusLast(robot));
                System.out.flush();
                break;
            }
            Thread.sleep(300);
        }
        if (System.nanoTime() >= deadline) System.out.println("TIMEOUT");
        System.out.flush();
        in.readLine();
        FxToolkit.cleanupApplication(app);
        System.exit(0);
    }

    private static String statusLast(FxRobot robot) {
        return robot.lookup("#status-last").tryQuery().map(n -> ((Label) n).getText()).orElse(null);
    }
}
