package io.colimaservices.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.Connections;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.backup.BackupSettings;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings file's format (version 1) and its reading. Read by hand from a tree rather than bound to a class,
 * so that one bad value costs only that value: every other setting is kept, the bad one gets its default, and the
 * message names the file, the line (found with a first pass over the tokens) and what was expected.
 * <pre>
 * {"version": 1,
 *  "colima": {"profile": "default", "cpus": 4, "memoryGiB": 8, "diskGiB": 60, "arch": "aarch64",
 *             "vmType": "vz", "rosetta": true, "networkAddress": true, "kubernetes": false},
 *  "composeFile": null, "startVmOnLaunch": false, "launchAtLogin": false, "clipboardClearSeconds": 30,
 *  "unsealAutomatically": true,
 *  "terminal": "terminal", "defaultTier": "standard",
 *  "backups": {"folder": null, "deepVerifyAfterBackup": false, "daily": false, "keep": 7},
 *  "vaultAddress": null, "vaultCaFile": null, "dockerHost": null}
 * </pre>
 */
final class SettingsJson {
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> TOP = Set.of("version", "colima", "composeFile", "startVmOnLaunch",
            "launchAtLogin", "clipboardClearSeconds", "unsealAutomatically", "terminal", "defaultTier", "backups",
            "vaultAddress", "vaultCaFile", "dockerHost");
    private static final Set<String> BACKUPS = Set.of("folder", "deepVerifyAfterBackup", "daily", "keep");
    private static final Set<String> COLIMA = Set.of("profile", "cpus", "memoryGiB", "diskGiB", "arch", "vmType",
            "rosetta", "networkAddress", "kubernetes");

    private SettingsJson() {
    }

    static LoadedSettings read(Path file, String text) {
        AppSettings defaults = AppSettings.defaults();
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null || where.getLineNr() < 1
                    ? ""
                    : where.getLineNr() + ":" + where.getColumnNr() + ":";
            return new LoadedSettings(defaults, List.of(file + ":" + at + " invalid JSON: " + e.getOriginalMessage()
                    + "; using the default settings"));
        }
        if (root == null || root.isMissingNode()) {
            return new LoadedSettings(defaults, List.of(file + ": empty file; using the default settings"));
        }
        if (!root.isObject()) {
            return new LoadedSettings(defaults, List.of(file + ":1: expected a JSON object, found "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT) + "; using the default settings"));
        }
        Reader reader = new Reader(file, lines(text));
        return reader.settings(root, defaults);
    }

    static String write(AppSettings settings) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ObjectNode colima = root.putObject("colima");
        VmSpec vm = settings.vm();
        colima.put("profile", vm.profile());
        colima.put("cpus", vm.cpus());
        colima.put("memoryGiB", vm.memoryGiB());
        colima.put("diskGiB", vm.diskGiB());
        colima.put("arch", vm.arch());
        colima.put("vmType", vm.vmType());
        colima.put("rosetta", vm.rosetta());
        colima.put("networkAddress", vm.networkAddress());
        colima.put("kubernetes", vm.kubernetes());
        if (settings.composeFile().isPresent()) {
            root.put("composeFile", settings.composeFile().get().toString());
        } else {
            root.putNull("composeFile");
        }
        root.put("startVmOnLaunch", settings.startVmOnLaunch());
        root.put("launchAtLogin", settings.launchAtLogin());
        root.put("clipboardClearSeconds", settings.clipboardClearSeconds());
        root.put("unsealAutomatically", settings.unsealAutomatically());
        root.put("terminal", settings.terminal().setting());
        root.put("defaultTier", settings.defaultTier());
        ObjectNode backups = root.putObject("backups");
        BackupSettings chosen = settings.backups();
        if (chosen.folder().isPresent()) {
            backups.put("folder", chosen.folder().get().toString());
        } else {
            backups.putNull("folder");
        }
        backups.put("deepVerifyAfterBackup", chosen.deepVerifyAfterBackup());
        backups.put("daily", chosen.daily());
        backups.put("keep", chosen.keep());
        Connections connections = settings.connections();
        root.put("vaultAddress", connections.vaultAddress().orElse(null));
        root.put("vaultCaFile", connections.vaultCaFile().map(Path::toString).orElse(null));
        root.put("dockerHost", connections.dockerHost().orElse(null));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write settings JSON", e);
        }
    }

    /** The line of every field, by JSON pointer ({@code /colima/cpus}); the text is known to parse. */
    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // Lines are a courtesy for messages; the tree was read already.
        }
        return lines;
    }

    /** Reads one settings tree, collecting a message per problem. */
    private static final class Reader {
        private final Path file;
        private final Map<String, Integer> lines;
        private final List<String> problems = new ArrayList<>();

        Reader(Path file, Map<String, Integer> lines) {
            this.file = file;
            this.lines = lines;
        }

        LoadedSettings settings(JsonNode root, AppSettings defaults) {
            unknown(root, "", TOP);
            JsonNode version = root.get("version");
            if (version != null && !(version.canConvertToExactIntegral() && version.asInt() == VERSION)) {
                problem("/version", "version " + version + " is not one this app reads (" + VERSION
                        + "); reading what it knows");
            }
            VmSpec vm = vm(root.get("colima"), defaults.vm());
            Optional<Path> compose = composeFile(root.get("composeFile"));
            boolean startVm = bool(root, "", "startVmOnLaunch", defaults.startVmOnLaunch());
            boolean login = bool(root, "", "launchAtLogin", defaults.launchAtLogin());
            int clipboard = integer(root, "", "clipboardClearSeconds", defaults.clipboardClearSeconds(), 1,
                    AppSettings.MAX_CLIPBOARD_CLEAR_SECONDS);
            boolean unseal = bool(root, "", "unsealAutomatically", defaults.unsealAutomatically());
            TerminalApp terminal = terminal(root.get("terminal"), defaults.terminal());
            String tier = text(root, "", "defaultTier", defaults.defaultTier()).strip();
            if (tier.isEmpty()) {
                problem("/defaultTier", "defaultTier must name a tier; using \"" + defaults.defaultTier() + "\"");
                tier = defaults.defaultTier();
            }
            BackupSettings backups = backups(root.get("backups"), defaults.backups());
            return new LoadedSettings(new AppSettings(vm, compose, startVm, login, clipboard, unseal,
                    terminal, tier, backups, connections(root)), problems);
        }

        private BackupSettings backups(JsonNode node, BackupSettings defaults) {
            if (node == null || node.isNull()) {
                return defaults;
            }
            if (!node.isObject()) {
                problem("/backups", "backups must be an object; using the default backup settings");
                return defaults;
            }
            unknown(node, "/backups", BACKUPS);
            Optional<Path> folder = defaults.folder();
            JsonNode value = node.get("folder");
            if (value != null && !value.isNull()) {
                Optional<Path> path = value.isTextual() ? absolute(value.asText()) : Optional.empty();
                if (path.isEmpty()) {
                    problem("/backups/folder", "backups.folder must be an absolute path or null, found " + value
                            + "; using the app's own folder");
                }
                folder = path;
            }
            return new BackupSettings(folder, bool(node, "/backups", "deepVerifyAfterBackup",
                    defaults.deepVerifyAfterBackup()), bool(node, "/backups", "daily", defaults.daily()),
                    integer(node, "/backups", "keep", defaults.keep(), 1, BackupSettings.MAX_KEEP));
        }

        private static Optional<Path> absolute(String text) {
            try {
                Path path = Path.of(text);
                return path.isAbsolute() ? Optional.of(path) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }

        /** Vault's address and CA file, the Docker host: all defaults when one of them is not usable. */
        private Connections connections(JsonNode root) {
            Optional<String> vault = optionalText(root, "vaultAddress");
            Optional<String> ca = optionalText(root, "vaultCaFile");
            Optional<String> docker = optionalText(root, "dockerHost");
            try {
                return new Connections(vault, ca.map(Path::of), docker);
            } catch (UserError | InvalidPathException e) {
                problem(vault.isPresent() ? "/vaultAddress" : docker.isPresent() ? "/dockerHost" : "/vaultCaFile",
                        e.getMessage() + "; using the default Vault address and Docker host");
                return Connections.none();
            }
        }

        private Optional<String> optionalText(JsonNode root, String name) {
            JsonNode value = root.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                problem("/" + name, name + " must be text or null, found " + value + "; using the default");
                return Optional.empty();
            }
            return Optional.of(value.asText());
        }

        private TerminalApp terminal(JsonNode value, TerminalApp fallback) {
            if (value == null || value.isNull()) {
                return fallback;
            }
            Optional<TerminalApp> chosen = value.isTextual() ? TerminalApp.fromSetting(value.asText())
                    : Optional.empty();
            if (chosen.isEmpty()) {
                problem("/terminal", "terminal must be one of " + java.util.Arrays.stream(TerminalApp.values())
                        .map(TerminalApp::setting).collect(java.util.stream.Collectors.joining(", ")) + ", found "
                        + value + "; using \"" + fallback.setting() + "\"");
            }
            return chosen.orElse(fallback);
        }

        private VmSpec vm(JsonNode colima, VmSpec defaults) {
            if (colima == null || colima.isNull()) {
                return defaults;
            }
            if (!colima.isObject()) {
                problem("/colima", "colima must be an object; using the default VM settings");
                return defaults;
            }
            unknown(colima, "/colima", COLIMA);
            String profile = text(colima, "/colima", "profile", defaults.profile());
            try {
                VmSpec.requireProfile(profile);
            } catch (UserError e) {
                problem("/colima/profile", e.getMessage() + "; using '" + defaults.profile() + "'");
                profile = defaults.profile();
            }
            int cpus = integer(colima, "/colima", "cpus", defaults.cpus(), 1, VmSpec.MAX_CPUS);
            int memory = integer(colima, "/colima", "memoryGiB", defaults.memoryGiB(), 1, VmSpec.MAX_MEMORY_GIB);
            int disk = integer(colima, "/colima", "diskGiB", defaults.diskGiB(), VmSpec.MIN_DISK_GIB,
                    VmSpec.MAX_DISK_GIB);
            String arch = choice(colima, "arch", defaults.arch(), VmSpec.ARCHES);
            String vmType = choice(colima, "vmType", defaults.vmType(), VmSpec.VM_TYPES);
            boolean rosetta = bool(colima, "/colima", "rosetta", defaults.rosetta());
            boolean network = bool(colima, "/colima", "networkAddress", defaults.networkAddress());
            boolean kubernetes = bool(colima, "/colima", "kubernetes", defaults.kubernetes());
            return new VmSpec(profile, cpus, memory, disk, arch, vmType, rosetta, network, kubernetes);
        }

        private Optional<Path> composeFile(JsonNode value) {
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                problem("/composeFile", "composeFile must be a path (text) or null, found " + value
                        + "; using the bundled compose file");
                return Optional.empty();
            }
            try {
                Path path = Path.of(value.asText());
                if (path.isAbsolute()) {
                    return Optional.of(path);
                }
            } catch (InvalidPathException e) {
                // reported below
            }
            problem("/composeFile", "composeFile must be an absolute path, found \"" + value.asText()
                    + "\"; using the bundled compose file");
            return Optional.empty();
        }

        private int integer(JsonNode parent, String at, String name, int fallback, int min, int max) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (value.canConvertToExactIntegral() && value.asLong() >= min && value.asLong() <= max) {
                return value.asInt();
            }
            problem(at + "/" + name, label(at, name) + " must be a whole number from " + min + " to " + max
                    + ", found " + value + "; using " + fallback);
            return fallback;
        }

        private boolean bool(JsonNode parent, String at, String name, boolean fallback) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (value.isBoolean()) {
                return value.asBoolean();
            }
            problem(at + "/" + name, label(at, name) + " must be true or false, found " + value + "; using "
                    + fallback);
            return fallback;
        }

        private String text(JsonNode parent, String at, String name, String fallback) {
            JsonNode value = parent.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (value.isTextual()) {
                return value.asText();
            }
            problem(at + "/" + name, label(at, name) + " must be text, found " + value + "; using \"" + fallback
                    + "\"");
            return fallback;
        }

        private String choice(JsonNode colima, String name, String fallback, Set<String> allowed) {
            String value = text(colima, "/colima", name, fallback);
            if (allowed.contains(value)) {
                return value;
            }
            problem("/colima/" + name, "colima." + name + " must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + ", found \"" + value + "\"; using \""
                    + fallback + "\"");
            return fallback;
        }

        private void unknown(JsonNode object, String at, Set<String> known) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(at + "/" + name, "unknown setting '" + label(at, name) + "' (ignored)");
                }
            }
        }

        private void problem(String pointer, String message) {
            Integer line = lines.get(pointer);
            problems.add(file + (line == null ? "" : ":" + line) + ": " + message);
        }

        private static String label(String at, String name) {
            return at.isEmpty() ? name : at.substring(1).replace('/', '.') + "." + name;
        }
    }
}
