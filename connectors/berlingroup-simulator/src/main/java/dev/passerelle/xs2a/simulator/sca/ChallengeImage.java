package dev.passerelle.xs2a.simulator.sca;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.imageio.ImageIO;

/**
 * The PNG of a PHOTO_OTP/CHIP_OTP challenge: a 9×9 pattern drawn from the challenge's key, the way a
 * photoTAN mosaic looks (a real device would decode it; here the TAN is in the challenge's text).
 */
final class ChallengeImage {

    private static final int CELLS = 9;
    private static final int CELL_PIXELS = 16;

    private ChallengeImage() {
    }

    static byte[] png(String key) {
        byte[] bits = sha256(key);
        BufferedImage image = new BufferedImage(CELLS * CELL_PIXELS, CELLS * CELL_PIXELS, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int cell = 0; cell < CELLS * CELLS; cell++) {
                boolean dark = (bits[cell / 8 % bits.length] >> (cell % 8) & 1) == 1;
                graphics.setColor(dark ? new Color(20, 30, 80) : new Color(235, 240, 250));
                graphics.fillRect(cell % CELLS * CELL_PIXELS, cell / CELLS * CELL_PIXELS, CELL_PIXELS, CELL_PIXELS);
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
