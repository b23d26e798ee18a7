package dev.pricefeed.exchange.coinbase;

import java.net.URI;

/** Joins a REST base URI, with or without a path of its own, and a relative path. */
final class RestUris {

    private RestUris() {
    }

    /** {@code https://host/base} + {@code products} gives {@code https://host/base/products}. */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
    }
}
