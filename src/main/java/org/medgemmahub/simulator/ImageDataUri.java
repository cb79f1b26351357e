package org.medgemmahub.simulator;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes {@code data:image/<type>;base64,<data>} the way TGI accepts it: one {@code ;}, strict base64. */
final class ImageDataUri {
    private static final Pattern DATA_URI = Pattern.compile("data:(image/[A-Za-z0-9.+-]+);base64,(.*)", Pattern.DOTALL);

    private ImageDataUri() {
    }

    /**
     * @return the number of decoded bytes
     * @throws IllegalArgumentException with a message safe to return to the client (it never echoes the data)
     */
    static int decodedSize(String uri) {
        if (!uri.startsWith("data:"))
            throw new IllegalArgumentException("the simulator only accepts data: URIs, it does not fetch remote images");
        Matcher matcher = DATA_URI.matcher(uri);
        if (!matcher.matches())
            throw new IllegalArgumentException("expected data:image/<type>;base64,<data>");
        byte[] image;
        try {
            image = Base64.getDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image data is not valid base64");
        }
        if (image.length == 0)
            throw new IllegalArgumentException("image data is empty");
        return image.length;
    }
}
