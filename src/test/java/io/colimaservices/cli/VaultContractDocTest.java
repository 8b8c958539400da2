package io.colimaservices.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/vault-contract.md against what bootstrap really writes (run against the Vault API double) and what the
 * stack's vault-agent renders: the doc says "change it in one commit with both sides", this says when one side
 * moved alone.
 */
class VaultContractDocTest {
    private static final Path ROOT = Path.of(System.getProperty("project.basedir", "."));
    private static final Pattern FIELD = Pattern.compile("`([a-z_]+)`(?:=([^,\\s(|]+))?");
    private static final Pattern SECRET_PATH = Pattern.compile("`secret/([a-z0-9-]+)`");

    @TempDir
    Path dir;

    /** KV path to its documented fields, each with its fixed value ("" when generated or a flag). */
    private static Map<String, Map<String, String>> documentedSecrets() throws IOException {
        String section = section("## Service secrets");
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `secret/")).toList()) {
            String[] cells = line.split("\\|");
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(cells[2]);
            while (field.find()) {
                fields.put(field.group(1), field.group(2) == null ? "" : field.group(2));
            }
            Matcher path = SECRET_PATH.matcher(cells[1]);
            while (path.find()) {
                secrets.put(path.group(1), fields);
            }
        }
        assertThat(secrets).as("rows of the doc's secrets table").isNotEmpty();
        return secrets;
    }

    private static Set<String> documentedCertificates() throws IOException {
        Matcher list = Pattern.compile("For each TLS-capable service \\(([^)]*)\\)")
                .matcher(section("## Certificates"));
        assertThat(list.find()).as("the doc's list of TLS services").isTrue();
        Matcher name = Pattern.compile("`([a-z0-9-]+)`").matcher(list.group(1));
        Set<String> names = new LinkedHashSet<>();
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static String section(String heading) throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/vault-contract.md"));
        int start = doc.indexOf(heading);
        assertThat(start).as(heading + " in docs/vault-contract.md").isNotNegative();
        int end = doc.indexOf("\n## ", start + heading.length());
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    @Test
    void bootstrapWritesExactlyTheSecretsAndCertificatesTheDocLists() throws IOException {
        Map<String, Map<String, String>> documented = documentedSecrets();
        try (VaultHarness harness = new VaultHarness(dir)) {
            harness.bootstrapped();
            Set<String> written = harness.vault.secretVersions().keySet();

            assertThat(written.stream().filter(p -> !p.startsWith("certs/")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(documented.keySet());
            documented.forEach((path, fields) -> {
                Map<String, Object> secret = harness.vault.secret(path);
                assertThat(secret.keySet()).as("fields of secret/" + path).containsExactlyInAnyOrderElementsOf(
                        fields.keySet());
                fields.forEach((field, value) -> {
                    if (field.equals("tls_enabled")) {
                        assertThat(secret.get(field)).as(path + " " + field).isEqualTo(true);
                    } else if (field.endsWith("password")) {
                        assertThat((String) secret.get(field)).as(path + " " + field).matches("[A-Za-z0-9]{25}");
                    } else if (!value.isEmpty()) {
                        assertThat(secret.get(field)).as(path + " " + field).isEqualTo(value);
                    }
                });
            });
            assertThat(written.stream().filter(p -> p.startsWith("certs/")).map(p -> p.substring(6)).toList())
                    .containsExactlyInAnyOrderElementsOf(documentedCertificates());
        }
    }

    @Test
    void everyFieldTheAgentRendersIsADocumentedField() throws IOException {
        Map<String, Map<String, String>> documented = documentedSecrets();
        String script = Files.readString(ROOT.resolve("configs/vault-agent/run-agents.sh"));
        Matcher table = Pattern.compile("(?ms)^SERVICES='\\n(.*?)^'").matcher(script);
        assertThat(table.find()).as("run-agents.sh's SERVICES table").isTrue();
        List<String> special = List.of("env", "tls_enabled", "tls", "tls-bundle", "userlist", "redis-auth");
        int checked = 0;
        for (String row : table.group(1).lines().filter(l -> !l.isBlank()).toList()) {
            String[] cols = row.trim().split("\\s+");
            for (String item : cols[4].split(",")) {
                if (special.contains(item) || item.startsWith("pwfile@")) {
                    continue;
                }
                boolean own = item.startsWith("own:");
                String path = own ? cols[3] : cols[2];
                String field = own ? item.substring(4) : item;
                assertThat(documented.getOrDefault(path, Map.of())).as(cols[0] + " renders " + field + " of secret/"
                        + path).containsKey(field);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
