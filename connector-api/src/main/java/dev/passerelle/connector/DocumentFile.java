package dev.passerelle.connector;

import java.util.Objects;

/**
 * The file of a document ({@link DocumentCapability#file}).
 *
 * @param contentType its MIME type ({@code application/pdf}…)
 */
public record DocumentFile(String contentType, byte[] content) {

    public DocumentFile {
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentFile other && contentType.equals(other.contentType)
                && java.util.Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "DocumentFile[" + contentType + ", " + content.length + " bytes]";
    }
}
