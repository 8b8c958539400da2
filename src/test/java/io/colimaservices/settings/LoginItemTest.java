package io.colimaservices.settings;

import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two login-item writers; launchctl itself runs only on a Mac, so it is recorded here. */
class LoginItemTest {
    private static final LaunchCommand APP = new LaunchCommand(
            List.of("/Applications/Colima Services.app/Contents/MacOS/Colima Services"));

    @TempDir
    Path home;

    private final List<String> launchctlCalls = new ArrayList<>();

    private LaunchAgentLoginItem launchAgent(Optional<LaunchCommand> command) {
        return new LaunchAgentLoginItem(home, () -> command, label -> {
            launchctlCalls.add("enable " + label);
            return "";
        });
    }

    @Test
    void launchAgentRunsTheAppOnceAtLoginAndNeverKeepsItAlive() throws Exception {
        LoginItem item = launchAgent(Optional.of(APP));

        item.install();

        assertThat(item.location()).isEqualTo(home.resolve("Library/LaunchAgents/io.colimaservices.app.plist"));
        assertThat(item.isInstalled()).isTrue();
        Map<String, Object> plist = readPlist(item.location());
        assertThat(plist).containsEntry("Label", "io.colimaservices.app")
                .containsEntry("ProgramArguments", List.of(APP.program()))
                .containsEntry("RunAtLoad", true)
                .containsEntry("ProcessType", "Interactive")
                .containsEntry("LimitLoadToSessionType", "Aqua")
                .doesNotContainKey("KeepAlive");
        assertThat(launchctlCalls).containsExactly("enable io.colimaservices.app");
    }

    @Test
    void launchAgentEscapesPathsForXml() throws Exception {
        LaunchCommand jar = new LaunchCommand(List.of("/opt/java & co/bin/java", "-jar", "/apps/<cs>.jar"));

        launchAgent(Optional.of(jar)).install();

        assertThat(readPlist(home.resolve("Library/LaunchAgents/io.colimaservices.app.plist")))
                .containsEntry("ProgramArguments", jar.arguments());
    }

    @Test
    void removingTheLaunchAgentDeletesOnlyItsFile() throws Exception {
        LoginItem item = launchAgent(Optional.of(APP));
        item.install();
        Path neighbour = Files.writeString(item.location().resolveSibling("other.plist"), "x");

        item.remove();
        item.remove(); // twice is fine

        assertThat(item.isInstalled()).isFalse();
        assertThat(neighbour).exists();
    }

    @Test
    void withoutACommandToStartTheAppNothingIsWritten() {
        LoginItem item = launchAgent(Optional.empty());

        assertThatThrownBy(item::install).isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.kind()).isEqualTo(UserError.Kind.CONFIGURATION);
            assertThat(e.getMessage()).startsWith("launch at login needs the installed app");
        });
        assertThat(item.isInstalled()).isFalse();
    }

    @Test
    void xdgAutostartEntryQuotesTheCommandAsTheSpecSays() throws Exception {
        LaunchCommand command = new LaunchCommand(List.of("/opt/my java/bin/java", "-jar", "/home/me/100%/cs.jar",
                "--compose-file", "/home/me/a\"b$c\\d.yml"));
        LoginItem item = new XdgAutostartLoginItem(home.resolve(".config"), () -> Optional.of(command));

        item.install();

        assertThat(item.location()).isEqualTo(home.resolve(".config/autostart/io.colimaservices.app.desktop"));
        List<String> lines = Files.readAllLines(item.location());
        assertThat(lines).first().isEqualTo("[Desktop Entry]");
        assertThat(lines).contains("Type=Application", "Name=Colima Services", "Terminal=false",
                "Exec=\"/opt/my java/bin/java\" -jar /home/me/100%%/cs.jar --compose-file "
                        + "\"/home/me/a\\\\\"b\\\\$c\\\\\\\\d.yml\"");
        item.remove();
        assertThat(item.isInstalled()).isFalse();
    }

    @Test
    void loginItemFollowsTheOs() {
        assertThat(LoginItems.forOs(true, home, Map.of(), Optional::empty))
                .isInstanceOf(LaunchAgentLoginItem.class);
        assertThat(LoginItems.forOs(false, home, Map.of("XDG_CONFIG_HOME", "/xdg"), Optional::empty).location())
                .isEqualTo(Path.of("/xdg/autostart/io.colimaservices.app.desktop"));
        assertThat(LoginItems.forOs(false, home, Map.of("XDG_CONFIG_HOME", "relative"), Optional::empty).location())
                .isEqualTo(home.resolve(".config/autostart/io.colimaservices.app.desktop"));
    }

    /** A plist's top-level dict, without fetching Apple's DTD (no network in tests, nor anywhere). */
    private static Map<String, Object> readPlist(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element dict = (Element) document.getElementsByTagName("dict").item(0);
        Map<String, Object> values = new LinkedHashMap<>();
        String key = null;
        NodeList children = dict.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element element)) {
                continue;
            }
            switch (element.getTagName()) {
                case "key" -> key = element.getTextContent();
                case "string" -> values.put(key, element.getTextContent());
                case "true" -> values.put(key, true);
                case "false" -> values.put(key, false);
                case "array" -> {
                    List<String> items = new ArrayList<>();
                    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element e) {
                            items.add(e.getTextContent());
                        }
                    }
                    values.put(key, items);
                }
                default -> throw new AssertionError("unexpected " + element.getTagName());
            }
        }
        return values;
    }
}
