package io.colimaservices.domain;

/** Which output of the container a log line came from. */
public enum LogSource {
    STDOUT, STDERR
}
