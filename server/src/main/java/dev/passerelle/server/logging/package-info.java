/**
 * The log format's safety: whatever a message or an exception says, a log record is one line,
 * so that text from a request (CR, LF, other control characters) cannot forge log lines. Used by
 * {@code logback-spring.xml}, which otherwise keeps Spring Boot's formats (plain or structured).
 */
package dev.passerelle.server.logging;
