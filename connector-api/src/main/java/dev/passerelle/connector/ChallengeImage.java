package dev.passerelle.connector;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An image shown with a challenge: a photoTAN or a QR code the user scans with the bank app, as
 * Berlin Group's {@code challengeData.image} carries it.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg}, …
 * @param data      the image's bytes
 * @param alt       a text for who cannot see it, or {@code null}
 */
public record ChallengeImage(String mediaType, byte[] data, String alt) {

    public ChallengeImage {
        Objects.requireNonNull(mediaType, "mediaType");
        if (!mediaType.startsWith("image/")) {
            throw new IllegalArgumentException("not an image media type: " + mediaType);
        }
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The image as a {@code data:} URI (RFC 2397), as a page embeds it. */
    public String dataUri() {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengeImage other && mediaType.equals(other.mediaType) && Arrays.equals(data, other.data)
                && Objects.equals(alt, other.alt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, Arrays.hashCode(data), alt);
    }

    @Override
    public String toString() {
        return "ChallengeImage[" + mediaType + ", " + data.length + " bytes]";
    }
}
