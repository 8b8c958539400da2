package io.colimaservices.domain;

import java.nio.file.Path;

/** Reads a compose file into a catalog (the compose parser implements it). */
public interface CatalogLoader {
    /** @throws CatalogException naming the file, and the line where there is one, when it cannot be read */
    Catalog load(Path composeFile);
}
