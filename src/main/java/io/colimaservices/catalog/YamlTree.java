package io.colimaservices.catalog;

import io.colimaservices.domain.CatalogException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A YAML document as plain values that remember their line, so that every error can name it. Built from
 * SnakeYAML's node graph (never its object constructor), with merge keys ({@code <<}) resolved and every scalar
 * passed through the interpolation function.
 */
final class YamlTree {

    sealed interface Value permits Scalar, Mapping, Sequence {
        int line();
    }

    /** @param raw the text as written, before interpolation (to tell which variable a value came from) */
    record Scalar(String text, boolean isNull, int line, String raw) implements Value {
        Scalar(String text, boolean isNull, int line) {
            this(text, isNull, line, text);
        }
    }

    record Mapping(Map<String, Value> entries, Map<String, Integer> keyLines, int line) implements Value {
        Value get(String key) {
            return entries.get(key);
        }

        int keyLine(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    record Sequence(List<Value> items, int line) implements Value {
    }

    private final Path file;
    private final UnaryOperator<String> interpolate;

    private YamlTree(Path file, UnaryOperator<String> interpolate) {
        this.file = file;
        this.interpolate = interpolate;
    }

    /** Parses one document; an empty file yields an empty mapping. */
    static Value parse(Path file, Reader reader, UnaryOperator<String> interpolate) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        options.setCodePointLimit(8 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new CatalogException(file, mark == null ? 0 : mark.getLine() + 1, "invalid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new CatalogException(file, 0, "invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return new Mapping(Map.of(), Map.of(), 1);
        }
        return new YamlTree(file, interpolate).convert(root);
    }

    private Value convert(Node node) {
        int line = node.getStartMark().getLine() + 1;
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, line);
            case SequenceNode seq -> {
                List<Value> items = new ArrayList<>();
                seq.getValue().forEach(n -> items.add(convert(n)));
                yield new Sequence(Collections.unmodifiableList(items), line);
            }
            case MappingNode map -> mapping(map, line);
            default -> throw new CatalogException(file, line, "unsupported YAML node " + node.getNodeId());
        };
    }

    private Scalar scalar(ScalarNode scalar, int line) {
        boolean isNull = scalar.getTag().getValue().endsWith(":null") && scalar.getValue().matches("~|null|Null|NULL|");
        if (isNull) {
            return new Scalar("", true, line);
        }
        try {
            return new Scalar(interpolate.apply(scalar.getValue()), false, line, scalar.getValue());
        } catch (IllegalArgumentException e) {
            throw new CatalogException(file, line, e.getMessage());
        }
    }

    private Mapping mapping(MappingNode map, int line) {
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        List<Mapping> merged = new ArrayList<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new CatalogException(file, keyLine, "mapping keys must be plain strings");
            }
            String key = keyScalar.getValue();
            if ("<<".equals(key)) {
                collectMerge(convert(tuple.getValueNode()), merged, keyLine);
                continue;
            }
            if (entries.containsKey(key)) {
                throw new CatalogException(file, keyLine, "duplicate key '" + key + "'");
            }
            entries.put(key, convert(tuple.getValueNode()));
            keyLines.put(key, keyLine);
        }
        // Explicit keys win over merged ones; earlier merge sources win over later ones (YAML merge rules).
        for (Mapping source : merged) {
            source.entries().forEach((k, v) -> {
                if (!entries.containsKey(k)) {
                    entries.put(k, v);
                    keyLines.put(k, source.keyLine(k));
                }
            });
        }
        return new Mapping(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines), line);
    }

    private void collectMerge(Value value, List<Mapping> merged, int line) {
        switch (value) {
            case Mapping m -> merged.add(m);
            case Sequence s -> s.items().forEach(item -> collectMerge(item, merged, line));
            case Scalar ignored -> throw new CatalogException(file, line, "'<<' must merge a mapping");
        }
    }
}
