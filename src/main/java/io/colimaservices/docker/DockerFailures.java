package io.colimaservices.docker;

import com.github.dockerjava.api.exception.DockerException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Reads docker-java's exceptions: which mean "the engine is not there" and what to tell the user. */
final class DockerFailures {
    private DockerFailures() {
    }

    /** True when the failure is about reaching the engine, not about the request. */
    static boolean isTransport(Throwable e) {
        if (e instanceof DockerException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return e instanceof RuntimeException && e.getCause() == null && e.getClass() == RuntimeException.class;
    }

    /** A one-line reason: the innermost cause's message, which names the socket problem. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SocketTimeoutException || root instanceof TimeoutException) {
            return "no answer before the deadline";
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        if (e instanceof DockerException de && de.getHttpStatus() > 0) {
            return "HTTP " + de.getHttpStatus() + ": " + firstLine(e.getMessage());
        }
        return firstLine(message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
