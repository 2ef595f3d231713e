package dev.passerelle.xs2a.simulator.scenario;

import java.util.Objects;

/**
 * One SCA method a PSU has for the embedded approach: its id (the {@code authenticationMethodId}),
 * its {@code authenticationType} (SMS_OTP, PHOTO_OTP, PUSH_OTP, CHIP_OTP, SMTP_OTP), the name shown to
 * the PSU and the TAN that the simulator accepts. A PHOTO_OTP or CHIP_OTP method sends a PNG in
 * {@code challengeData.image}.
 */
public record ScaMethodScript(String id, String type, String name, String tan) {

    public ScaMethodScript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        name = name == null ? type : name;
        tan = tan == null ? "123456" : tan;
    }

    public static ScaMethodScript smsOtp(String tan) {
        return new ScaMethodScript("sms", "SMS_OTP", "SMS OTP on phone +49 160 xxxxx 28", tan);
    }

    public static ScaMethodScript photoOtp(String tan) {
        return new ScaMethodScript("photo", "PHOTO_OTP", "photoTAN app", tan);
    }

    public static ScaMethodScript pushOtp(String tan) {
        return new ScaMethodScript("push", "PUSH_OTP", "Push notification to the bank app", tan);
    }

    /** Whether the challenge is an image to show to the PSU. */
    public boolean visual() {
        return type.equals("PHOTO_OTP") || type.equals("CHIP_OTP");
    }
}
